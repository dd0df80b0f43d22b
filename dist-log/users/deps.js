import { ClerkError, errors } from '../lib/error-catalog.js';
import { uniqueViolationTarget } from '../storage/constraint-violations.js';
import { findUserById, findUserByIdForUpdate, findUsersByIds } from '../storage/repositories/users-repository.js';
import { toUserRecords } from './user-record.js';
export async function requireUser(db, userId) {
    const user = await findUserById(db, userId);
    if (!user)
        throw errors.userNotFound(userId);
    return user;
}
/**
 * Reads the user and holds their row until the transaction ends: every change that checks the user's
 * identifications before writing (last identification, primaries, second factors) takes this first, so
 * two such changes to one user run one after the other on PostgreSQL too.
 */
export async function requireUserForUpdate(trx, userId) {
    const user = await findUserByIdForUpdate(trx, userId);
    if (!user)
        throw errors.userNotFound(userId);
    return user;
}
export async function loadRecord(deps, db, user) {
    const [record] = await toUserRecords(db, [user], deps.config.lockout, deps.clock.nowMs());
    return record;
}
export async function loadRecordsById(deps, db, ids) {
    const rows = await findUsersByIds(db, ids);
    const order = new Map(ids.map((id, index) => [id, index]));
    rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    return toUserRecords(db, rows, deps.config.lockout, deps.clock.nowMs());
}
/**
 * Runs a write and turns a unique-constraint failure (a race the pre-checks could not see) into
 * Clerk's `form_identifier_exists`, naming the identification type when it is known.
 */
export async function withUniqueErrors(identificationParam, work) {
    try {
        return await work();
    }
    catch (error) {
        if (error instanceof ClerkError)
            throw error;
        const target = uniqueViolationTarget(error);
        if (target === 'external_id')
            throw errors.identifierExists('external_id');
        if (target === 'username')
            throw errors.identifierExists('username');
        if (target === 'identification')
            throw errors.identifierExists(identificationParam);
        throw error;
    }
}
//# sourceMappingURL=deps.js.map