import type { ServiceDeps } from '../domain/service-deps.js';
import { errors } from '../lib/error-catalog.js';
import { countUsers, listUsers } from '../storage/repositories/user-list-repository.js';
import { findUserById } from '../storage/repositories/users-repository.js';
import { parseUserListFilter, parseUserListPage, type UserListFilterInput, type UserListPageInput } from './list-query.js';
import { userRecordsOf, type UserRecord } from './user-record.js';

/** `GET /v1/users` and `GET /v1/users/count`. */
export function createUserListService(deps: ServiceDeps) {
  // Lists and counts can read many rows (searches, deep offsets): they run on the read connections.
  const db = deps.database.reads;
  return {
    async list(filterInput: UserListFilterInput, pageInput: UserListPageInput): Promise<UserRecord[]> {
      const filter = parseUserListFilter(filterInput);
      const { startingAfter, ...page } = parseUserListPage(pageInput);
      let after: { createdAt: number; id: string } | undefined;
      if (startingAfter !== undefined) {
        const cursor = await findUserById(db, startingAfter);
        if (!cursor) throw errors.paramValueInvalid('starting_after', `starting_after: no user was found with id ${startingAfter}.`);
        after = { createdAt: cursor.created_at, id: cursor.id };
      }
      const rows = await listUsers(db, filter, { ...page, after });
      return userRecordsOf(rows, deps.config.lockout, deps.clock.nowMs());
    },

    /** Same filters as the list. */
    async count(filterInput: UserListFilterInput): Promise<number> {
      return countUsers(db, parseUserListFilter(filterInput));
    },
  };
}

export type UserListService = ReturnType<typeof createUserListService>;
