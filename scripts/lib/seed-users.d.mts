// Types of seed-users.mjs, for the tests that drive it with Roster's sources.
import type { RosterDatabase } from '../../src/storage/database.js';
import type { UserImport } from '../../src/storage/repositories/bulk-user-import.js';

export interface SeedRoster {
  newId(prefix: 'user' | 'idn', nowMs?: number): string;
  insertUserBatch(db: RosterDatabase['db'], batch: readonly UserImport[]): Promise<void>;
  withDeferredUserIndexes<T>(database: RosterDatabase, load: () => Promise<T>): Promise<T>;
}

export interface SeedOptions {
  database: RosterDatabase;
  roster: SeedRoster;
  total: number;
  /** @default 0 */
  startIndex?: number;
  /** @default startIndex === 0 */
  empty?: boolean;
  /** @default 5000 */
  batchSize?: number;
  /** @default 2 */
  lanes?: number;
  nowMs?: number;
  passwordDigest?: string | null;
  passwordShare?: number;
  onProgress?(done: number): void;
  onIndexing?(): void;
}

export function seedUsers(options: SeedOptions): Promise<{ written: number; passwordUsers: number }>;
