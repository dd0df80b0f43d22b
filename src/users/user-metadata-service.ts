import { combineMetadataFields, deepMergeMetadata, type Metadata } from '../domain/metadata.js';
import type { ServiceDeps } from '../domain/service-deps.js';
import { findUserByIdForUpdate, updateUser } from '../storage/repositories/users-repository.js';
import { errors } from '../lib/error-catalog.js';
import { loadRecord } from './deps.js';
import type { UserRecord } from './user-record.js';

export interface MetadataInput {
  publicMetadata?: Metadata;
  privateMetadata?: Metadata;
  unsafeMetadata?: Metadata;
}

const FIELDS = [
  ['publicMetadata', 'public_metadata'],
  ['privateMetadata', 'private_metadata'],
  ['unsafeMetadata', 'unsafe_metadata'],
] as const;

/** `PATCH` (deep merge, null deletes) and `PUT` (replace each supplied field) of a user's metadata. */
export function createUserMetadataService(deps: ServiceDeps) {
  const { db } = deps.database;

  async function change(userId: string, input: MetadataInput, combine: (stored: Metadata, given: Metadata) => Metadata): Promise<UserRecord> {
    return db.transaction().execute(async (trx) => {
      // Read and write under one lock so concurrent merges never lose each other's keys.
      const user = await findUserByIdForUpdate(trx, userId);
      if (!user) throw errors.userNotFound(userId);
      const update = combineMetadataFields(user, input, combine, FIELDS);
      const updated = await updateUser(trx, userId, { ...update, updated_at: deps.clock.nowMs() });
      return loadRecord(deps, trx, updated!);
    });
  }

  return {
    merge: (userId: string, input: MetadataInput) => change(userId, input, deepMergeMetadata),
    replace: (userId: string, input: MetadataInput) => change(userId, input, (_stored, given) => given),
  };
}

export type UserMetadataService = ReturnType<typeof createUserMetadataService>;
