import { argon2idHasher } from './argon2id.js';
import { ldapSshaHasher } from './hashers/ldap-ssha.js';
import { md5PhpassHasher } from './hashers/md5-phpass.js';
import { md5SaltedHasher } from './hashers/md5-salted.js';
import { md5Hasher } from './hashers/md5.js';
import { phpassHasher } from './hashers/phpass.js';
import { sha256SaltedHasher } from './hashers/sha256-salted.js';
import { sha256Hasher } from './hashers/sha256.js';
import { sha512SymfonyHasher } from './hashers/sha512-symfony.js';
import type { PasswordHasher } from './password-hasher.js';

/** A hasher that can write new digests. */
export type WritingHasher = PasswordHasher & { hash(password: string): Promise<string> };

/** Hashers by `password_hasher` name; new passwords always use `preferred`. */
export interface HasherRegistry {
  preferred: WritingHasher;
  get(name: string): PasswordHasher | undefined;
  names(): string[];
}

/** Every format Roster verifies, by Clerk's `password_hasher` name. */
export const ALL_HASHERS: readonly PasswordHasher[] = [
  argon2idHasher,
  ldapSshaHasher,
  md5Hasher,
  md5PhpassHasher,
  md5SaltedHasher,
  phpassHasher,
  sha256Hasher,
  sha256SaltedHasher,
  sha512SymfonyHasher,
];

export function createHasherRegistry(hashers: readonly PasswordHasher[] = ALL_HASHERS): HasherRegistry {
  const byName = new Map(hashers.map((hasher) => [hasher.name, hasher]));
  return { preferred: argon2idHasher as WritingHasher, get: (name) => byName.get(name), names: () => [...byName.keys()].sort() };
}
