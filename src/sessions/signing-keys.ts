import { generateKeyPair as generateNodeKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import { calculateJwkThumbprint, importJWK, importPKCS8, type CryptoKey } from 'jose';
import type { Clock } from '../lib/clock.js';
import type { SecretBox } from '../lib/secret-box.js';
import type { RosterDatabase } from '../storage/database.js';
import {
  extendSigningKeyTokensExpiry,
  findCurrentSigningKey,
  findSigningKeyByKid,
  insertCurrentSigningKey,
  listPublishedSigningKeys,
  retireSigningKey,
  type NewSigningKey,
} from '../storage/repositories/signing-keys-repository.js';
import type { SigningKeyRow } from '../storage/tables/session-tables.js';
import type { SessionConfig } from '../config/session-config.js';

const generateKeyPair = promisify(generateNodeKeyPair);
const TOKEN_EXPIRY_BUCKET_MS = 5 * 60 * 1000;

export const SIGNING_ALGORITHM = 'RS256';

/** A published key, as `GET /v1/jwks` lists it. */
export interface PublicJWK {
  kid: string;
  alg: string;
  use: string;
  kty: string;
  n: string;
  e: string;
}

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
}

export interface SigningKeyStoreDeps {
  database: RosterDatabase;
  clock: Clock;
  secretBox: SecretBox;
  config: SessionConfig;
}

/**
 * The RSA keys that sign session tokens. They live in the database (private halves sealed with the
 * instance key), so every node signs with the same current key and publishes the same JWKS. A retired
 * key stays published until the last token it signed has expired.
 */
export function createSigningKeyStore(deps: SigningKeyStoreDeps) {
  const { database, clock, secretBox, config } = deps;
  const { db } = database;
  // Decrypted private keys by kid: a kid's key never changes, so this cache cannot go stale.
  const opened = new Map<string, Promise<CryptoKey>>();
  // Public keys by kid, for verifying tokens Roster signed (same reasoning).
  const publicKeys = new Map<string, Promise<CryptoKey | undefined>>();
  /** What this process already stored per key (an optimisation only: the database stays the truth). */
  const recordedUntil = new Map<string, number>();

  async function generate(): Promise<NewSigningKey> {
    const { publicKey, privateKey } = await generateKeyPair('rsa', { modulusLength: 2048 });
    const { kty, n, e } = publicKey.export({ format: 'jwk' });
    const publicJwk = { kty: kty!, n: n!, e: e! };
    return {
      kid: `ins_${await calculateJwkThumbprint(publicJwk)}`,
      privateKey: secretBox.seal(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()),
      publicJwk: JSON.stringify(publicJwk),
      createdAtMs: clock.nowMs(),
    };
  }

  /** Makes `candidate` the current key unless another node got there first. */
  async function installFirstKey(): Promise<void> {
    const candidate = await generate();
    try {
      await insertCurrentSigningKey(db, candidate);
    } catch (error) {
      // The unique `is_current` refused a second current key: another node installed one. Use it.
      if (!(await findCurrentSigningKey(db))) throw error;
    }
  }

  async function currentRow(): Promise<SigningKeyRow> {
    let row = await findCurrentSigningKey(db);
    if (!row) {
      await installFirstKey();
      row = await findCurrentSigningKey(db);
    } else if (config.signingKeyMaxAgeInSeconds !== null && clock.nowMs() - row.created_at >= config.signingKeyMaxAgeInSeconds * 1000) {
      await rotateFrom(row.kid);
      row = await findCurrentSigningKey(db);
    }
    if (!row) throw new Error('no current signing key after installing one');
    return row;
  }

  /** Retires `kid` and installs a fresh key, in one transaction; a no-op when `kid` is no longer current. */
  async function rotateFrom(kid: string): Promise<void> {
    const candidate = await generate();
    await db.transaction().execute(async (trx) => {
      if (!(await retireSigningKey(trx, kid, clock.nowMs()))) return;
      await insertCurrentSigningKey(trx, candidate);
    });
  }

  function open(row: SigningKeyRow): Promise<CryptoKey> {
    let key = opened.get(row.kid);
    if (!key) {
      key = importPKCS8(secretBox.open(row.private_key), SIGNING_ALGORITHM);
      opened.set(row.kid, key);
      key.catch(() => opened.delete(row.kid));
    }
    return key;
  }

  return {
    /** Generates the first key when the database has none (called at start-up). */
    async ensureKey(): Promise<void> {
      await currentRow();
    },

    /** The key to sign with now (rotated first when it has outlived ROSTER_SIGNING_KEY_MAX_AGE_SECONDS). */
    async current(): Promise<SigningKey> {
      const row = await currentRow();
      return { kid: row.kid, privateKey: await open(row) };
    },

    /** Replaces the current key; the old one stays published until its tokens expire. Returns the new kid. */
    async rotate(): Promise<string> {
      const row = await currentRow();
      await rotateFrom(row.kid);
      return (await currentRow()).kid;
    },

    /** Keeps `kid` published at least until `expiresAtMs`, when the last token it signed expires. */
    /**
     * Keeps the key published until `expiresAtMs`. Stored rounded up to the next five minutes, so most
     * mints find the row already covering them and write nothing (no row lock on the hot path); the
     * stored value is never earlier than any token's `exp`.
     */
    async recordTokenExpiry(kid: string, expiresAtMs: number): Promise<void> {
      const coveredUntilMs = Math.ceil(expiresAtMs / TOKEN_EXPIRY_BUCKET_MS) * TOKEN_EXPIRY_BUCKET_MS;
      if ((recordedUntil.get(kid) ?? 0) >= coveredUntilMs) return;
      await extendSigningKeyTokensExpiry(db, kid, coveredUntilMs);
      recordedUntil.set(kid, coveredUntilMs);
    },

    /**
     * The public key of any key Roster ever signed with (retired ones included, so a token that expired after
     * a rotation can still be recognised as Roster's), or undefined for a kid Roster never had.
     */
    async publicKey(kid: string): Promise<CryptoKey | undefined> {
      let key = publicKeys.get(kid);
      if (!key) {
        key = findSigningKeyByKid(db, kid).then(async (row) =>
          row ? ((await importJWK({ ...(JSON.parse(row.public_jwk) as object), alg: SIGNING_ALGORITHM }, SIGNING_ALGORITHM)) as CryptoKey) : undefined,
        );
        publicKeys.set(kid, key);
        // Unknown kids are not remembered: the map holds only keys that exist.
        void key.then((found) => found ?? publicKeys.delete(kid), () => publicKeys.delete(kid));
      }
      return key;
    },

    /** The JSON Web Key Set: the current key first, then retired keys with live tokens. */
    async jwks(): Promise<{ keys: PublicJWK[] }> {
      const rows = await listPublishedSigningKeys(db, clock.nowMs());
      const keys = rows
        .sort((a, b) => (b.is_current ?? 0) - (a.is_current ?? 0))
        .map((row) => {
          const { kty, n, e } = JSON.parse(row.public_jwk) as { kty: string; n: string; e: string };
          return { kid: row.kid, alg: SIGNING_ALGORITHM, use: 'sig', kty, n, e };
        });
      return { keys };
    },
  };
}

export type SigningKeyStore = ReturnType<typeof createSigningKeyStore>;
