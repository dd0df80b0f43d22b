import type { Selectable } from 'kysely';
import type { Executor } from '../database.js';
import type { IdentificationType, UserSearchDocsTable } from '../tables/user-tables.js';

/** The columns of a user's search document (`user_search_docs` without its keys). */
export type UserSearchDoc = Omit<Selectable<UserSearchDocsTable>, 'id' | 'user_id'>;

/**
 * The search document of a user with these identifications: what substring search looks at, lower-cased.
 * Pure, so the bulk import writes exactly the documents `refreshUserSearchDoc` would.
 */
export function buildUserSearchDoc(
  user: { id: string; username: string | null; first_name: string | null; last_name: string | null },
  identifications: readonly { type: IdentificationType; identifier: string }[],
): UserSearchDoc {
  const join = (type: string) =>
    identifications
      .filter((row) => row.type === type)
      .map((row) => row.identifier)
      .join('\n');
  const columns = {
    ids: user.id,
    emails: join('email_address'),
    phones: join('phone_number'),
    usernames: user.username ?? '',
    web3_wallets: join('web3_wallet'),
    names: [user.first_name, user.last_name].filter(Boolean).join(' '),
  };
  // Stored lower-cased: a search that tests documents row by row then folds case as the FTS5 index does (all of
  // Unicode), not as SQLite's LIKE and lower() do (ASCII only).
  const folded = Object.fromEntries(Object.entries(columns).map(([name, text]) => [name, text.toLowerCase()])) as typeof columns;
  return { ...folded, everything: Object.values(folded).filter(Boolean).join('\n') };
}

/**
 * Rewrites the user's search document from the current rows. Called in the same transaction as any
 * change to names, username or identifications, so search never disagrees with the user.
 */
export async function refreshUserSearchDoc(db: Executor, userId: string): Promise<void> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'username', 'first_name', 'last_name'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) return;
  const identifications = await db
    .selectFrom('identifications')
    .select(['type', 'identifier'])
    .where('user_id', '=', userId)
    .execute();
  const doc = buildUserSearchDoc(user, identifications);
  await db
    .insertInto('user_search_docs')
    .values({ user_id: userId, ...doc })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(doc))
    .execute();
}
