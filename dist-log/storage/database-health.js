import { sql } from 'kysely';
/** How long `GET /healthz` waits for the database before calling it unreachable. @default 2000 */
export const DATABASE_CHECK_TIMEOUT_MS = 2000;
/**
 * Whether the database answers a trivial query within `timeoutMs`. Never throws: a closed pool, a dropped
 * connection or a query that hangs (a PostgreSQL server that stopped answering) are all "unreachable".
 */
export async function isDatabaseReachable(database, timeoutMs = DATABASE_CHECK_TIMEOUT_MS) {
    let timer;
    const timedOut = new Promise((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const query = sql `SELECT 1`.execute(database.db).then(() => true, () => false);
    try {
        return await Promise.race([query, timedOut]);
    }
    finally {
        clearTimeout(timer);
    }
}
//# sourceMappingURL=database-health.js.map