import { ConfigError } from './config/config.js';
import { findAnySealedSecret, findInstanceKeyCheck, insertInstanceKeyCheckIfAbsent, } from './storage/repositories/instance-key-check-repository.js';
const KNOWN_CONSTANT = 'roster instance key check v1';
/** What `sealed` opens to under this key, or null when the key cannot open it (AES-GCM's tag fails). */
function tryOpen(secretBox, sealed) {
    try {
        return secretBox.open(sealed);
    }
    catch {
        return null;
    }
}
function mismatch(config) {
    const where = config.databaseUrl
        ? 'Every node on one PostgreSQL database must use the same key: set ROSTER_INSTANCE_KEY to the value the other nodes use.'
        : `Set ROSTER_INSTANCE_KEY to the key this database was first started with (when ROSTER_INSTANCE_KEY is unset, Roster uses the key in ${config.dataDir}/instance-key).`;
    return new ConfigError(`the instance key cannot open the secrets sealed in this database (TOTP secrets, signing keys): it was sealed with another key. ${where}`);
}
/**
 * Refuses to start with an instance key other than the one the database's secrets are sealed with.
 * The first start stores a sealed constant (insert-if-absent, so two nodes starting at once agree on
 * one); every start then reads it back and must be able to open it.
 */
export async function assertInstanceKeyMatches(database, secretBox, deps) {
    const { db } = database;
    let sealed = await findInstanceKeyCheck(db);
    if (sealed === undefined) {
        // A database from before the check: adopt the key only if it opens what is already sealed.
        const existing = await findAnySealedSecret(db);
        if (existing !== undefined && tryOpen(secretBox, existing) === null)
            throw mismatch(deps.config);
        await insertInstanceKeyCheckIfAbsent(db, secretBox.seal(KNOWN_CONSTANT), deps.clock.nowMs());
        sealed = await findInstanceKeyCheck(db);
    }
    if (sealed === undefined || tryOpen(secretBox, sealed) !== KNOWN_CONSTANT)
        throw mismatch(deps.config);
}
//# sourceMappingURL=instance-key-check.js.map