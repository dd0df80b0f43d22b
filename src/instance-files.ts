import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function generateSecretKey(): string {
  // 42 characters from 62 (rejection sampling keeps the distribution uniform): ~250 bits.
  let body = '';
  while (body.length < 42) {
    for (const byte of randomBytes(64)) {
      if (byte < 248 && body.length < 42) body += ALPHABET[byte % 62];
    }
  }
  return `sk_test_${body}`;
}

/** Reads a file of the data directory, or creates it (mode 0600) with `make()` on first use. */
function readOrCreate(dataDir: string, name: string, make: () => string): { value: string; created: boolean } {
  const file = path.join(dataDir, name);
  if (fs.existsSync(file)) return { value: fs.readFileSync(file, 'utf8').trim(), created: false };
  fs.mkdirSync(dataDir, { recursive: true });
  const value = make();
  fs.writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
  return { value, created: true };
}

/** The instance's own secret key when none is configured: generated once, reused on every later start. */
export function ensureSecretKey(dataDir: string): { key: string; created: boolean } {
  const { value, created } = readOrCreate(dataDir, 'secret-key', generateSecretKey);
  return { key: value, created };
}

/** The key that seals secrets at rest when ROSTER_INSTANCE_KEY is not set: 32 random bytes, kept in dataDir. */
export function ensureInstanceKey(dataDir: string): Buffer {
  const { value } = readOrCreate(dataDir, 'instance-key', () => randomBytes(32).toString('base64'));
  const key = Buffer.from(value, 'base64');
  if (key.length !== 32) throw new Error(`${path.join(dataDir, 'instance-key')} does not hold a 32-byte base64 key`);
  return key;
}
