import type { Executor } from '../storage/database.js';
import { findImageById } from '../storage/repositories/images-repository.js';

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
