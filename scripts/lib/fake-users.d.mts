// Types of fake-users.mjs, for the tests.
import type { UserImport } from '../../src/storage/repositories/bulk-user-import.js';

export interface UserFactoryOptions {
  newId(prefix: 'user' | 'idn', nowMs?: number): string;
  total: number;
  /** @default 0 */
  startIndex?: number;
  /** @default Date.now() */
  nowMs?: number;
  passwordDigest?: string | null;
  passwordShare?: number;
}

/** User number `i` as the rows the bulk import writes. */
export function createUserFactory(options: UserFactoryOptions): (i: number) => UserImport;
