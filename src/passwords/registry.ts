import { argon2idHasher } from './argon2id.js';
import type { PasswordHasher } from './password-hasher.js';

/** A hasher that can write new digests. */
export type WritingHasher = PasswordHasher & { hash(password: string): Promise<string> };

/** Hashers by `password_hasher` name; new passwords always use `preferred`. */
export interface HasherRegistry {
  preferred: WritingHasher;
  get(name: string): PasswordHasher | undefined;
  names(): string[];
}

export function createHasherRegistry(hashers: readonly PasswordHasher[] = [argon2idHasher]): HasherRegistry {
  const byName = new Map(hashers.map((hasher) => [hasher.name, hasher]));
  return { preferred: argon2idHasher as WritingHasher, get: (name) => byName.get(name), names: () => [...byName.keys()] };
}
