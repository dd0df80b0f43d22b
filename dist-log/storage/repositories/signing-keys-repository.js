export async function findCurrentSigningKey(db) {
    return db.selectFrom('signing_keys').selectAll().where('is_current', '=', 1).executeTakeFirst();
}
/** Inserts a key as the current one; fails on the unique `is_current` when another current key exists. */
export async function insertCurrentSigningKey(db, key) {
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
export async function retireSigningKey(db, kid, nowMs) {
    const result = await db
        .updateTable('signing_keys')
        .set({ is_current: null, retired_at: nowMs })
        .where('kid', '=', kid)
        .where('is_current', '=', 1)
        .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
}
/** The keys a verifier may need: the current one, and retired ones whose tokens have not all expired. */
export async function listPublishedSigningKeys(db, nowMs) {
    return db
        .selectFrom('signing_keys')
        .selectAll()
        .where((eb) => eb.or([eb('is_current', '=', 1), eb('tokens_expire_at', '>', nowMs)]))
        .orderBy('created_at', 'desc')
        .orderBy('kid')
        .execute();
}
/** Records that a token signed by `kid` lives until `expiresAtMs` (only ever moves forward). */
export async function extendSigningKeyTokensExpiry(db, kid, expiresAtMs) {
    await db
        .updateTable('signing_keys')
        .set({ tokens_expire_at: expiresAtMs })
        .where('kid', '=', kid)
        .where((eb) => eb.or([eb('tokens_expire_at', 'is', null), eb('tokens_expire_at', '<', expiresAtMs)]))
        .execute();
}
//# sourceMappingURL=signing-keys-repository.js.map