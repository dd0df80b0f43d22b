const CHECK_ROW_ID = 1;
/** Stores the sealed constant unless a node stored one first (then the earlier one stays). */
export async function insertInstanceKeyCheckIfAbsent(db, sealedConstant, nowMs) {
    await db
        .insertInto('instance_key_check')
        .values({ id: CHECK_ROW_ID, sealed_constant: sealedConstant, created_at: nowMs })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
}
export async function findInstanceKeyCheck(db) {
    const row = await db.selectFrom('instance_key_check').select('sealed_constant').where('id', '=', CHECK_ROW_ID).executeTakeFirst();
    return row?.sealed_constant;
}
/**
 * Any secret already sealed with the instance key (a signing key, a TOTP secret), for databases that
 * predate the check: the first check is written only if the key in use can open what is already there.
 */
export async function findAnySealedSecret(db) {
    const signingKey = await db.selectFrom('signing_keys').select('private_key').limit(1).executeTakeFirst();
    if (signingKey)
        return signingKey.private_key;
    const user = await db.selectFrom('users').select('totp_secret').where('totp_secret', 'is not', null).limit(1).executeTakeFirst();
    return user?.totp_secret ?? undefined;
}
//# sourceMappingURL=instance-key-check-repository.js.map