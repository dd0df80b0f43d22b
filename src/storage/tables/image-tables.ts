import type { Insertable, Selectable } from 'kysely';

/** Uploaded images (merged into `Database`): each belongs to exactly one user or one organization. */
export interface ImagesTable {
  /** `img_…`: part of the public image URL, new on every upload, so the bytes under a URL never change. */
  id: string;
  /** Set for a profile image (at most one per user); goes when the user does. */
  user_id: string | null;
  /** Set for an organization logo (at most one per organization); goes when the organization does. */
  organization_id: string | null;
  content_type: string;
  /** The re-encoded image (never the uploaded file). */
  bytes: Buffer;
  /** Hex SHA-256 of `bytes`: the served `ETag`. */
  sha256: string;
  uploader_user_id: string | null;
  created_at: number;
}

export interface ImageTables {
  images: ImagesTable;
}

export type ImageRow = Selectable<ImagesTable>;
export type NewImageRow = Insertable<ImagesTable>;
