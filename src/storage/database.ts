import type { Kysely, Transaction } from 'kysely';
import type { ImageTables } from './tables/image-tables.js';
import type { InstanceTables } from './tables/instance-tables.js';
import type { JwtTemplateTables } from './tables/jwt-template-tables.js';
import type { OrganizationTables } from './tables/organization-tables.js';
import type { SessionTables } from './tables/session-tables.js';
import type { UserTables } from './tables/user-tables.js';

// Code outside storage/ imports the user-side row types from here.
export type {
  BackupCodeRow,
  IdentificationRow,
  IdentificationType,
  IdentificationUpdate,
  NewIdentificationRow,
  NewUserRow,
  UserRow,
  UserUpdate,
} from './tables/user-tables.js';

/**
 * Every table Roster stores, one file per area under `tables/`. Booleans are stored as 0/1 integers on
 * both dialects so rows read the same everywhere; timestamps are Unix milliseconds (BIGINT on
 * PostgreSQL); JSON documents are stored as text.
 */
export interface Database extends UserTables, OrganizationTables, SessionTables, InstanceTables, JwtTemplateTables, ImageTables {}

export type Dialect = 'sqlite' | 'postgres';

/** A database handle or an open transaction: repositories accept either. */
export type Executor = Kysely<Database> | Transaction<Database>;

/** What the rest of Roster holds: the Kysely handle and which dialect it speaks. */
export interface RosterDatabase {
  db: Kysely<Database>;
  dialect: Dialect;
  /** PostgreSQL schema Roster's tables live in (null on SQLite). */
  schema: string | null;
  close(): Promise<void>;
}
