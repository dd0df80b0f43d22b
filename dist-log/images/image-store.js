import { newId } from '../lib/ids.js';
import { findImageById, replaceImage } from '../storage/repositories/images-repository.js';
/** The image behind an `image_url`, or null. */
export async function findStoredImage(db, id) {
    const row = await findImageById(db, id);
    if (!row)
        return null;
    return {
        id: row.id,
        contentType: row.content_type,
        // better-sqlite3 and pg both return Buffers; Buffer.from also accepts a Uint8Array view.
        bytes: Buffer.from(row.bytes),
        sha256: row.sha256,
        owner: row.user_id ? 'user' : 'organization',
    };
}
/**
 * Stores `image` as the owner's one image, replacing any earlier one, under a new id (a new URL per upload:
 * the old one stops serving, and the bytes under a URL never change). Returns the id.
 */
export async function storeImage(db, owner, image, options) {
    const id = newId('img', options.nowMs);
    await replaceImage(db, {
        id,
        user_id: 'userId' in owner ? owner.userId : null,
        organization_id: 'organizationId' in owner ? owner.organizationId : null,
        content_type: image.contentType,
        bytes: image.bytes,
        sha256: image.sha256,
        uploader_user_id: options.uploaderUserId ?? null,
        created_at: options.nowMs,
    });
    return id;
}
//# sourceMappingURL=image-store.js.map