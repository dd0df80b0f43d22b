import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
function generateSecretKey() {
    // 42 characters from 62 (rejection sampling keeps the distribution uniform): ~250 bits.
    let body = '';
    while (body.length < 42) {
        for (const byte of randomBytes(64)) {
            if (byte < 248 && body.length < 42)
                body += ALPHABET[byte % 62];
        }
    }
    return `sk_test_${body}`;
}
const ROSTER_FILES = ['secret-key', 'instance-key', 'roster.db'];
/**
 * The data directory holds keys and (on SQLite) the database: created 0700. An existing one is
 * tightened to 0700 only when it already holds Roster's files, so pointing ROSTER_DATA_DIR at a shared
 * directory never changes that directory's mode.
 */
export function ensureDataDir(dataDir) {
    if (!fs.existsSync(dataDir)) {
        fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
        fs.chmodSync(dataDir, 0o700);
    }
    else if (ROSTER_FILES.some((name) => fs.existsSync(path.join(dataDir, name)))) {
        fs.chmodSync(dataDir, 0o700);
    }
}
/** Reads a file of the data directory (tightened to 0600), or creates it (0600) with `make()` on first use. */
function readOrCreate(dataDir, name, make) {
    const file = path.join(dataDir, name);
    ensureDataDir(dataDir);
    if (fs.existsSync(file)) {
        // Earlier versions could leave these readable by others: a key file is the owner's only.
        fs.chmodSync(file, 0o600);
        return { value: fs.readFileSync(file, 'utf8').trim(), created: false, file };
    }
    // Written whole to a private temporary file, then linked into place: link() fails if another process
    // got there first, and then its complete file is the one everybody uses (never a half-written one).
    const value = make();
    const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    fs.writeFileSync(temporary, `${value}\n`, { mode: 0o600, flag: 'wx' });
    try {
        fs.linkSync(temporary, file);
    }
    catch (error) {
        if (error.code !== 'EEXIST')
            throw error;
        return { value: fs.readFileSync(file, 'utf8').trim(), created: false, file };
    }
    finally {
        fs.rmSync(temporary, { force: true });
    }
    return { value, created: true, file };
}
/** The instance's own secret key when none is configured: generated once, reused on every later start. */
export function ensureSecretKey(dataDir) {
    const { value, created, file } = readOrCreate(dataDir, 'secret-key', generateSecretKey);
    return { key: value, created, file };
}
/** The key that seals secrets at rest when ROSTER_INSTANCE_KEY is not set: 32 random bytes, kept in dataDir. */
export function ensureInstanceKey(dataDir) {
    const { value } = readOrCreate(dataDir, 'instance-key', () => randomBytes(32).toString('base64'));
    const key = Buffer.from(value, 'base64');
    if (key.length !== 32)
        throw new Error(`${path.join(dataDir, 'instance-key')} does not hold a 32-byte base64 key`);
    return key;
}
//# sourceMappingURL=instance-files.js.map