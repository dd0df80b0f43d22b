// Unique test data: every test makes its own identifiers, so tests never see each other's users.
import { randomBytes } from 'node:crypto';

const issuedTags = new Set<string>();

/** Ten random lower-case hex digits, never the same twice in this process. */
export function uniqueTag(): string {
  for (;;) {
    const tag = randomBytes(5).toString('hex');
    if (!issuedTags.has(tag)) {
      issuedTags.add(tag);
      return tag;
    }
  }
}

/** `label-<tag>@example.com`. */
export const uniqueEmail = (label = 'user'): string => `${label}-${uniqueTag()}@example.com`;

/** `label_<tag>`: a valid username (as long as the label is). */
export const uniqueUsername = (label = 'user'): string => `${label}_${uniqueTag()}`;

/** A random Ethereum address: `0x` and 40 lower-case hex digits. */
export const uniqueWallet = (): string => `0x${randomBytes(20).toString('hex')}`;

// The line numbers start at a random point in 5000..7999 and only go up, so the numbers one process
// hands out are distinct and ascending (tests may rely on that order). Lines below 5000 are left for
// numbers a test writes out literally (e.g. +1 415 555 2671).
let phoneLine = 5000 + Math.floor(Math.random() * 3000);

/** A valid North American number in E.164, +1 415 555 XXXX, never the same twice in this process. */
export function uniquePhone(): string {
  if (phoneLine > 9999) throw new Error('uniquePhone: the +1 415 555 XXXX numbers are used up in this process');
  return `+1415555${phoneLine++}`;
}
