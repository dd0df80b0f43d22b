import { errors } from '../lib/error-catalog.js';
import { processImage } from '../images/image-pipeline.js';
import { deleteImageOf } from '../storage/repositories/images-repository.js';
import { updateUser } from '../storage/repositories/users-repository.js';
import { loadRecord, requireUser, requireUserForUpdate } from './deps.js';
import { storeImage } from '../images/image-store.js';
/** Users' profile images: `image_url`, `profile_image_url` and `has_image` follow them. */
export function createProfileImageService(deps) {
    const { database, clock } = deps;
    const { db } = database;
    return {
        /** `POST /v1/users/{id}/profile_image`: replaces the image with the re-encoded upload. */
        async set(userId, upload) {
            // An unknown user is a 404 before any decoding work.
            await requireUser(db, userId);
            const image = await processImage(upload);
            return db.transaction().execute(async (trx) => {
                await requireUserForUpdate(trx, userId);
                const now = clock.nowMs();
                const id = await storeImage(trx, { userId }, image, { nowMs: now });
                return loadRecord(deps, trx, (await updateUser(trx, userId, { image_id: id, updated_at: now })));
            });
        },
        /** `DELETE /v1/users/{id}/profile_image`: back to the default avatar; 404 `image_not_found` when there is none. */
        async delete(userId) {
            return db.transaction().execute(async (trx) => {
                await requireUserForUpdate(trx, userId);
                if (!(await deleteImageOf(trx, { userId })))
                    throw errors.imageNotFound();
                return loadRecord(deps, trx, (await updateUser(trx, userId, { image_id: null, updated_at: clock.nowMs() })));
            });
        },
    };
}
//# sourceMappingURL=profile-image-service.js.map