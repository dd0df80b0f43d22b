import { combineMetadataFields, deepMergeMetadata } from '../domain/metadata.js';
import { findUserByIdForUpdate, updateUser } from '../storage/repositories/users-repository.js';
import { errors } from '../lib/error-catalog.js';
import { loadRecord } from './deps.js';
const FIELDS = [
    ['publicMetadata', 'public_metadata'],
    ['privateMetadata', 'private_metadata'],
    ['unsafeMetadata', 'unsafe_metadata'],
];
/** `PATCH` (deep merge, null deletes) and `PUT` (replace each supplied field) of a user's metadata. */
export function createUserMetadataService(deps) {
    const { db } = deps.database;
    async function change(userId, input, combine) {
        return db.transaction().execute(async (trx) => {
            // Read and write under one lock so concurrent merges never lose each other's keys.
            const user = await findUserByIdForUpdate(trx, userId);
            if (!user)
                throw errors.userNotFound(userId);
            const update = combineMetadataFields(user, input, combine, FIELDS);
            const updated = await updateUser(trx, userId, { ...update, updated_at: deps.clock.nowMs() });
            return loadRecord(deps, trx, updated);
        });
    }
    return {
        merge: (userId, input) => change(userId, input, deepMergeMetadata),
        replace: (userId, input) => change(userId, input, (_stored, given) => given),
    };
}
//# sourceMappingURL=user-metadata-service.js.map