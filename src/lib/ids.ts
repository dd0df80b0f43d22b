import { randomBytes } from 'node:crypto';

/** Prefixes of Clerk-style ids, one per resource. */
export type IdPrefix = 'user' | 'idn' | 'eac' | 'org' | 'orgmem' | 'orginv' | 'sess' | 'client' | 'img' | 'totp' | 'bkc' | 'jtmp' | 'sia' | 'sua' | 'vcode' | 'ver' | 'sit' | 'act' | 'inv' | 'alid' | 'blid' | 'oaa' | 'ep' | 'msg' | 'dlv' | 'atmpt';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const KSUID_EPOCH_SECONDS = 1_400_000_000;
const ENCODED_LENGTH = 27;

/**
 * A KSUID-shaped id (like Clerk's): 4 bytes of seconds since the KSUID epoch, then 16 random bytes
 * (128 bits, so ids are unguessable), base62-encoded to 27 characters. Ids sort by creation second.
 */
export function newId(prefix: IdPrefix, nowMs: number = Date.now()): string {
  const bytes = Buffer.alloc(20);
  bytes.writeUInt32BE(Math.min(0xffffffff, Math.max(0, Math.floor(nowMs / 1000) - KSUID_EPOCH_SECONDS)), 0);
  randomBytes(16).copy(bytes, 4);
  return `${prefix}_${toBase62(bytes)}`;
}

function toBase62(bytes: Buffer): string {
  let value = BigInt(`0x${bytes.toString('hex')}`);
  let out = '';
  while (value > 0n) {
    out = BASE62[Number(value % 62n)] + out;
    value /= 62n;
  }
  return out.padStart(ENCODED_LENGTH, '0');
}
