import { errors } from '../lib/error-catalog.js';
import { countUsers, listUsers } from '../storage/repositories/user-list-repository.js';
import { findUserById } from '../storage/repositories/users-repository.js';
import { parseUserListFilter, parseUserListPage } from './list-query.js';
import { toUserRecords } from './user-record.js';
/** `GET /v1/users` and `GET /v1/users/count`. */
export function createUserListService(deps) {
    const { db } = deps.database;
    return {
        async list(filterInput, pageInput) {
            const filter = parseUserListFilter(filterInput);
            const { startingAfter, ...page } = parseUserListPage(pageInput);
            let after;
            if (startingAfter !== undefined) {
                const cursor = await findUserById(db, startingAfter);
                if (!cursor)
                    throw errors.paramValueInvalid('starting_after', `starting_after: no user was found with id ${startingAfter}.`);
                after = { createdAt: cursor.created_at, id: cursor.id };
            }
            const rows = await listUsers(db, filter, { ...page, after });
            return toUserRecords(db, rows, deps.config.lockout, deps.clock.nowMs());
        },
        /** Same filters as the list. */
        async count(filterInput) {
            return countUsers(db, parseUserListFilter(filterInput));
        },
    };
}
//# sourceMappingURL=user-list-service.js.map