import type { Config } from '../config/config.js';
import type { Clock } from '../lib/clock.js';
import type { SecretBox } from '../lib/secret-box.js';
import type { HasherRegistry } from '../passwords/registry.js';
import type { RosterDatabase } from '../storage/database.js';

/** What every domain service is built with (by `createServices`, the one place services are built). */
export interface ServiceDeps {
  database: RosterDatabase;
  clock: Clock;
  hashers: HasherRegistry;
  config: Readonly<Config>;
  /** Seals secrets at rest (TOTP secrets, signing keys) under the instance key. */
  secretBox: SecretBox;
}
