import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

const COLUMNS = ['ids', 'emails', 'phones', 'usernames', 'web3_wallets', 'names', 'everything'] as const;
const BATCH = 1000;

/**
 * User search documents are stored lower-cased from now on (see buildUserSearchDoc): this rewrites the ones
 * written before, so that on SQLite a search testing documents row by row folds case as the FTS5 index does.
 * Lower-casing needs JavaScript (SQLite's lower() folds ASCII only), so the rows pass through here in batches.
 * PostgreSQL compares with ILIKE on every path and needs nothing.
 */
export function foldedUserSearchMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      if (dialect !== 'sqlite') return;
      let after = 0;
      for (;;) {
        const rows: Array<Record<string, string | number>> = await db
          .selectFrom('user_search_docs')
          .select(['id', ...COLUMNS])
          .where('id', '>', after)
          .orderBy('id')
          .limit(BATCH)
          .execute();
        if (rows.length === 0) return;
        for (const row of rows) {
          const folded = Object.fromEntries(COLUMNS.map((column) => [column, String(row[column]).toLowerCase()]));
          if (COLUMNS.some((column) => folded[column] !== row[column])) {
            await db.updateTable('user_search_docs').set(folded).where('id', '=', row.id).execute();
          }
        }
        after = Number(rows[rows.length - 1]!.id);
      }
    },
    async down(): Promise<void> {
      // Lower-cased documents search the same as before: nothing to undo.
    },
  };
}
