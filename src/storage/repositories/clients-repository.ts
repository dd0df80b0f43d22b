import type { Executor } from '../database.js';
import type {
  ClientRow,
  ClientUpdate,
  NewSignInRow,
  NewSignUpRow,
  SignInRow,
  SignInUpdate,
  SignUpRow,
  SignUpUpdate,
} from '../tables/client-tables.js';
import type { SessionRow } from '../tables/session-tables.js';

export async function insertClient(db: Executor, row: ClientRow): Promise<void> {
  await db.insertInto('clients').values(row).execute();
}

export async function findClientByTokenDigest(db: Executor, tokenDigest: string): Promise<ClientRow | undefined> {
  return db.selectFrom('clients').selectAll().where('token_digest', '=', tokenDigest).executeTakeFirst();
}

export async function findClientById(db: Executor, id: string): Promise<ClientRow | undefined> {
  return db.selectFrom('clients').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateClient(db: Executor, id: string, update: ClientUpdate): Promise<ClientRow | undefined> {
  return db.updateTable('clients').set(update).where('id', '=', id).returningAll().executeTakeFirst();
}

/** Clients, newest first, for the Backend API's list. */
export async function listClients(db: Executor, page: { limit: number; offset: number }): Promise<ClientRow[]> {
  return db.selectFrom('clients').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute();
}

export async function countClients(db: Executor): Promise<number> {
  const row = await db.selectFrom('clients').select((eb) => eb.fn.countAll<number | string>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The client's sessions that are still active (stored so and not past their expiry), newest first. */
export async function listActiveSessionsOfClient(db: Executor, clientId: string, nowMs: number): Promise<SessionRow[]> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('status', '=', 'active')
    .where('expire_at', '>', nowMs)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function insertSignIn(db: Executor, row: NewSignInRow): Promise<void> {
  await db.insertInto('sign_ins').values(row).execute();
}

export async function findSignIn(db: Executor, id: string): Promise<SignInRow | undefined> {
  return db.selectFrom('sign_ins').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Changes a sign-in only while it is in `fromStatus`: the conditional update is what makes completing a
 * sign-in happen once, however many requests race for it.
 */
export async function updateSignInIn(
  db: Executor,
  id: string,
  fromStatus: SignInRow['status'],
  update: SignInUpdate,
  fromFirstFactorStatus?: string,
): Promise<SignInRow | undefined> {
  let query = db.updateTable('sign_ins').set(update).where('id', '=', id).where('status', '=', fromStatus);
  if (fromFirstFactorStatus !== undefined) query = query.where('first_factor_status', '=', fromFirstFactorStatus);
  return query.returningAll().executeTakeFirst();
}

export async function insertSignUp(db: Executor, row: NewSignUpRow): Promise<void> {
  await db.insertInto('sign_ups').values(row).execute();
}

export async function findSignUp(db: Executor, id: string): Promise<SignUpRow | undefined> {
  return db.selectFrom('sign_ups').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Changes a sign-up only while it is in `fromStatus` (see updateSignInIn) and, when `emailAddress` is given, still
 * holds that address: a verification step never lands on an address changed since it read the sign-up.
 */
export async function updateSignUpIn(
  db: Executor,
  id: string,
  fromStatus: SignUpRow['status'],
  update: SignUpUpdate,
  emailAddress?: string,
): Promise<SignUpRow | undefined> {
  let query = db.updateTable('sign_ups').set(update).where('id', '=', id).where('status', '=', fromStatus);
  if (emailAddress !== undefined) query = query.where('email_address', '=', emailAddress);
  return query.returningAll().executeTakeFirst();
}

/** Counts one wrong code against the sign-up, in one statement (concurrent guesses each count). */
export async function countSignUpCodeGuess(db: Executor, id: string, nowMs: number): Promise<void> {
  await db
    .updateTable('sign_ups')
    .set((eb) => ({ email_verification_attempts: eb(eb.fn.coalesce('email_verification_attempts', eb.lit(0)), '+', 1), updated_at: nowMs }))
    .where('id', '=', id)
    .execute();
}

export async function insertHandshakeNonce(db: Executor, row: { nonce_digest: string; directives: string; expire_at: number; created_at: number }): Promise<void> {
  await db.insertInto('handshake_nonces').values(row).execute();
}

/** Redeems a nonce once: deleted as it is read, so a second redemption finds nothing. */
export async function takeHandshakeNonce(db: Executor, nonceDigest: string, nowMs: number): Promise<string | undefined> {
  const row = await db.deleteFrom('handshake_nonces').where('nonce_digest', '=', nonceDigest).returning(['directives', 'expire_at']).executeTakeFirst();
  if (!row || row.expire_at <= nowMs) return undefined;
  return row.directives;
}

/** Drops nonces nobody redeemed. */
export async function deleteExpiredHandshakeNonces(db: Executor, nowMs: number): Promise<void> {
  await db.deleteFrom('handshake_nonces').where('expire_at', '<=', nowMs).execute();
}

/**
 * Deletes what the Frontend API no longer needs: sign-ins and sign-ups past their abandon time, and clients idle
 * since `idleBefore` that hold no active session. Returns how many rows went.
 */
export async function purgeStaleClientRows(db: Executor, nowMs: number, idleBefore: number): Promise<number> {
  const signIns = await db.deleteFrom('sign_ins').where('abandon_at', '<=', nowMs).executeTakeFirst();
  const signUps = await db.deleteFrom('sign_ups').where('abandon_at', '<=', nowMs).executeTakeFirst();
  const clients = await db
    .deleteFrom('clients')
    .where('updated_at', '<', idleBefore)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('sessions')
            .select('sessions.id')
            .whereRef('sessions.client_id', '=', 'clients.id')
            .where('sessions.status', '=', 'active')
            .where('sessions.expire_at', '>', nowMs),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(signIns.numDeletedRows) + Number(signUps.numDeletedRows) + Number(clients.numDeletedRows);
}
