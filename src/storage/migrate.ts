import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Dialect, RosterDatabase } from './database.js';
import { usersMigration } from './migrations/2026-11-28-0001-users.js';
import { credentialsMigration } from './migrations/2026-11-28-0002-credentials.js';
import { organizationsMigration } from './migrations/2026-11-28-0003-organizations.js';
import { sessionsMigration } from './migrations/2026-11-28-0004-sessions.js';
import { instanceKeyCheckMigration } from './migrations/2026-11-30-0005-instance-key-check.js';
import { verificationsInFlightMigration } from './migrations/2026-11-30-0006-verifications-in-flight.js';
import { imagesMigration } from './migrations/2026-11-30-0007-images.js';
import { jwtTemplatesMigration } from './migrations/2026-11-30-0008-jwt-templates.js';
import { userCountMigration } from './migrations/2026-11-30-0009-user-count.js';
import { usernameOrderMigration } from './migrations/2026-11-30-0010-username-order.js';
import { foldedUserSearchMigration } from './migrations/2026-11-30-0011-folded-user-search.js';
import { clientsMigration } from './migrations/2026-11-30-0012-clients.js';
import { verificationStrategyMigration } from './migrations/2026-11-30-0014-verification-strategy.js';
import { frontendPurgeIndexesMigration } from './migrations/2026-11-30-0015-frontend-purge-indexes.js';
import { signInCodesMigration } from './migrations/2026-11-30-0016-sign-in-codes.js';
import { sessionActivityMigration } from './migrations/2026-11-30-0017-session-activity.js';
import { invitationsAllowlistMigration } from './migrations/2026-11-30-0019-invitations-allowlist.js';
import { verificationCodesMigration } from './migrations/2026-11-30-0013-verification-codes.js';
import { signInTicketsMigration } from './migrations/2026-11-30-0018-sign-in-tickets.js';
import { externalAccountsMigration } from './migrations/2026-11-30-0020-external-accounts.js';
import { passkeysMigration } from './migrations/2026-11-30-0021-passkeys.js';
import { webhooksMigration } from './migrations/2026-12-01-0022-webhooks.js';

function migrationsFor(dialect: Dialect): Record<string, Migration> {
  return {
    '2026-11-28-0001-users': usersMigration(dialect),
    '2026-11-28-0002-credentials': credentialsMigration(),
    '2026-11-28-0003-organizations': organizationsMigration(dialect),
    '2026-11-28-0004-sessions': sessionsMigration(dialect),
    '2026-11-30-0005-instance-key-check': instanceKeyCheckMigration(),
    '2026-11-30-0006-verifications-in-flight': verificationsInFlightMigration(),
    '2026-11-30-0007-images': imagesMigration(dialect),
    '2026-11-30-0008-jwt-templates': jwtTemplatesMigration(),
    '2026-11-30-0009-user-count': userCountMigration(dialect),
    '2026-11-30-0010-username-order': usernameOrderMigration(dialect),
    '2026-11-30-0011-folded-user-search': foldedUserSearchMigration(dialect),
    '2026-11-30-0012-clients': clientsMigration(),
    '2026-11-30-0013-verification-codes': verificationCodesMigration(),
    '2026-11-30-0014-verification-strategy': verificationStrategyMigration(),
    '2026-11-30-0015-frontend-purge-indexes': frontendPurgeIndexesMigration(),
    '2026-11-30-0016-sign-in-codes': signInCodesMigration(),
    '2026-11-30-0017-session-activity': sessionActivityMigration(),
    '2026-11-30-0018-sign-in-tickets': signInTicketsMigration(),
    '2026-11-30-0019-invitations-allowlist': invitationsAllowlistMigration(),
    '2026-11-30-0020-external-accounts': externalAccountsMigration(),
    '2026-11-30-0021-passkeys': passkeysMigration(),
    '2026-12-01-0022-webhooks': webhooksMigration(dialect),
  };
}

/** Brings the schema to the latest migration; throws with the failing migration's name. */
export async function migrateToLatest(database: RosterDatabase): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(database.dialect) };
  // The bookkeeping tables live in Roster's own schema: without this, Kysely would find another
  // schema's tables through search_path and skip creating them here.
  const migrator = new Migrator({ db: database.db, provider, ...(database.schema ? { migrationTableSchema: database.schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`, { cause: error });
  }
}
