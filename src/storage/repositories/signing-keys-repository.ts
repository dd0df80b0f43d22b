import type { Executor } from '../database.js';
import type { SigningKeyRow } from '../tables/session-tables.js';

export interface NewSigningKey {
  kid: string;
  privateKey: string;
  publicJwk: string;
  createdAtMs: number;
}

export async function findCurrentSigningKey(db: Executor): Promise<SigningKeyRow | undefined> {
  return db.selectFrom('signing_keys').selectAll().where('is_current', '=', 1).executeTakeFirst();
}

/** Any key by its `kid`, current or retired (keys are never deleted). */
export async function findSigningKeyByKid(db: Executor, kid: string): Promise<SigningKeyRow | undefined> {
  return db.selectFrom('signing_keys').selectAll().where('kid', '=', kid).executeTakeFirst();
}

/** Inserts a key as the current one; fails on the unique `is_current` when another current key exists. */
export async function insertCurrentSigningKey(db: Executor, key: NewSigningKey): Promise<void> {
  await db
    .insertInto('signing_keys')
    .values({
      kid: key.kid,
      is_current: 1,
      private_key: key.privateKey,
      public_jwk: key.publicJwk,
      created_at: key.createdAtMs,
      retired_at: null,
      tokens_expire_at: null,
    })
    .execute();
}

/** Retires the current key (when it is still `kid`); returns whether it did. */
export async function retireSigningKey(db: Executor, kid: string, nowMs: number): Promise<boolean> {
  const result = await db
    .updateTable('signing_keys')
    .set({ is_current: null, retired_at: nowMs })
    .where('kid', '=', kid)
    .where('is_current', '=', 1)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The keys a verifier may need: the current one, and retired ones whose tokens have not all expired. */
export async function listPublishedSigningKeys(db: Executor, nowMs: number): Promise<SigningKeyRow[]> {
  return db
    .selectFrom('signing_keys')
    .selectAll()
    .where((eb) => eb.or([eb('is_current', '=', 1), eb('tokens_expire_at', '>', nowMs)]))
    .orderBy('created_at', 'desc')
    .orderBy('kid')
    .execute();
}

/** Records that a token signed by `kid` lives until `expiresAtMs` (only ever moves forward). */
export async function extendSigningKeyTokensExpiry(db: Executor, kid: string, expiresAtMs: number): Promise<void> {
  await db
    .updateTable('signing_keys')
    .set({ tokens_expire_at: expiresAtMs })
    .where('kid', '=', kid)
    .where((eb) => eb.or([eb('tokens_expire_at', 'is', null), eb('tokens_expire_at', '<', expiresAtMs)]))
    .execute();
}
