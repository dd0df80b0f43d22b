import { sql } from 'kysely';
import type { RosterDatabase } from './database.js';

/** How long `GET /healthz` waits for the database before calling it unreachable. @default 2000 */
export const DATABASE_CHECK_TIMEOUT_MS = 2000;

/**
 * Whether the database answers a trivial query within `timeoutMs`. Never throws: a closed pool, a dropped
 * connection or a query that hangs (a PostgreSQL server that stopped answering) are all "unreachable".
 */
export async function isDatabaseReachable(database: RosterDatabase, timeoutMs = DATABASE_CHECK_TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const query = sql`SELECT 1`.execute(database.db).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([query, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
