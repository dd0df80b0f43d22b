import type { RosterDatabase } from '../storage/database.js';
import { findStoredImage, type StoredImage } from './image-store.js';

/** Uploaded images (profile images and logos) as the public image route serves them. */
export function createImageService(deps: { database: RosterDatabase }) {
  const { db } = deps.database;
  return {
    /** The image behind an `image_url`, or null. */
    find: (imageId: string): Promise<StoredImage | null> => findStoredImage(db, imageId),
  };
}

export type ImageService = ReturnType<typeof createImageService>;
