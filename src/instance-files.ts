import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const FILE_NAME = 'secret-key';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function generateKey(): string {
  // 42 characters from 62 (rejection sampling keeps the distribution uniform): ~250 bits.
  let body = '';
  while (body.length < 42) {
    for (const byte of randomBytes(64)) {
      if (byte < 248 && body.length < 42) body += ALPHABET[byte % 62];
    }
  }
  return `sk_test_${body}`;
}

/**
 * The instance's own secret key when none is configured: generated once into the data directory
 * (mode 0600) and reused on every later start.
 */
export function ensureSecretKey(dataDir: string): { key: string; created: boolean } {
  const file = path.join(dataDir, FILE_NAME);
  if (fs.existsSync(file)) return { key: fs.readFileSync(file, 'utf8').trim(), created: false };
  fs.mkdirSync(dataDir, { recursive: true });
  const key = generateKey();
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return { key, created: true };
}
