import { argon2idHasher } from './argon2id.js';
import type { PasswordHasher } from './password-hasher.js';

/** Hashers by `password_hasher` name; new passwords always use `preferred`. */
export interface HasherRegistry {
  preferred: PasswordHasher;
  get(name: string): PasswordHasher | undefined;
}

export function createHasherRegistry(hashers: readonly PasswordHasher[] = [argon2idHasher]): HasherRegistry {
  const byName = new Map(hashers.map((hasher) => [hasher.name, hasher]));
  return { preferred: argon2idHasher, get: (name) => byName.get(name) };
}
