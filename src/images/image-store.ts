import { newId } from '../lib/ids.js';
import type { Executor } from '../storage/database.js';
import { findImageById, replaceImage, type ImageOwner } from '../storage/repositories/images-repository.js';
import type { ProcessedImage } from './image-pipeline.js';

/** An uploaded image as served: its bytes, their type and their hash. */
export interface StoredImage {
  id: string;
  contentType: string;
  bytes: Buffer;
  /** Hex SHA-256 of `bytes`: the `ETag`. */
  sha256: string;
  owner: 'user' | 'organization';
}

/** The image behind an `image_url`, or null. */
export async function findStoredImage(db: Executor, id: string): Promise<StoredImage | null> {
  const row = await findImageById(db, id);
  if (!row) return null;
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
export async function storeImage(
  db: Executor,
  owner: ImageOwner,
  image: ProcessedImage,
  options: { uploaderUserId?: string | null; nowMs: number },
): Promise<string> {
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
