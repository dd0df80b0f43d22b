import { findStoredImage } from './image-store.js';
/** Uploaded images (profile images and logos) as the public image route serves them. */
export function createImageService(deps) {
    const { db } = deps.database;
    return {
        /** The image behind an `image_url`, or null. */
        find: (imageId) => findStoredImage(db, imageId),
    };
}
//# sourceMappingURL=image-service.js.map