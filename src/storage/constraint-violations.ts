/**
 * The one place outside migrations that knows constraint names: which unique constraint guards what,
 * and how each driver reports a violation. Services turn the target into the error the request gets
 * (the same collision can mean different things to different callers, and only they know the
 * parameter the client sent).
 */

/** What a unique-constraint failure collided on, in the storage layer's terms. */
export type UniqueTarget =
  | 'external_id'
  | 'username'
  | 'identification'
  | 'organization_slug'
  | 'organization_membership'
  | 'pending_invitation'
  | 'pending_instance_invitation'
  | 'allowlist_identifier'
  | 'blocklist_identifier'
  | 'jwt_template_name'
  | 'external_account_subject'
  | 'external_account_provider'
  | 'passkey_credential';

interface UniqueConstraint {
  target: UniqueTarget;
  /** The constraint or unique index as PostgreSQL names it (the error's `constraint`, code 23505). */
  postgres: string;
  /** The columns as SQLite lists them in its message: `UNIQUE constraint failed: <columns>`. */
  sqlite: string;
}

/** Every unique constraint a request can collide on (ids are random, so primary keys are not among them). */
const UNIQUE_CONSTRAINTS: readonly UniqueConstraint[] = [
  { target: 'external_id', postgres: 'users_external_id_key', sqlite: 'users.external_id' },
  { target: 'username', postgres: 'users_username_normalized_key', sqlite: 'users.username_normalized' },
  {
    target: 'identification',
    postgres: 'identifications_user_type_identifier_key',
    sqlite: 'identifications.user_id, identifications.type, identifications.identifier',
  },
  // The partial index on verified or reserved identifiers: one owner per claimed identifier.
  { target: 'identification', postgres: 'identifications_claimed_key', sqlite: 'identifications.type, identifications.identifier' },
  { target: 'organization_slug', postgres: 'organizations_slug_key', sqlite: 'organizations.slug' },
  {
    target: 'organization_membership',
    postgres: 'organization_memberships_organization_user_key',
    sqlite: 'organization_memberships.organization_id, organization_memberships.user_id',
  },
  // The partial index on pending invitations: one per address and organization.
  {
    target: 'pending_invitation',
    postgres: 'organization_invitations_pending_key',
    sqlite: 'organization_invitations.organization_id, organization_invitations.email_address',
  },
  // The partial index on pending instance invitations: one per address.
  { target: 'pending_instance_invitation', postgres: 'invitations_pending_key', sqlite: 'invitations.email_address' },
  { target: 'allowlist_identifier', postgres: 'allowlist_identifiers_identifier_key', sqlite: 'allowlist_identifiers.identifier' },
  { target: 'blocklist_identifier', postgres: 'blocklist_identifiers_identifier_key', sqlite: 'blocklist_identifiers.identifier' },
  { target: 'jwt_template_name', postgres: 'jwt_templates_name_key', sqlite: 'jwt_templates.name' },
  // One user per provider account; one account per provider per user.
  { target: 'external_account_subject', postgres: 'external_accounts_provider_subject_key', sqlite: 'external_accounts.provider, external_accounts.provider_user_id' },
  { target: 'external_account_provider', postgres: 'external_accounts_user_provider_key', sqlite: 'external_accounts.user_id, external_accounts.provider' },
  // One passkey per WebAuthn credential.
  { target: 'passkey_credential', postgres: 'passkeys_credential_id_key', sqlite: 'passkeys.credential_id' },
];

const SQLITE_UNIQUE_PREFIX = 'UNIQUE constraint failed: ';

/** Both drivers' error fields that name a violation. */
interface DriverError {
  code?: unknown;
  message?: unknown;
  constraint?: unknown;
}

/** Recognises a unique violation from either driver and names what collided, or returns null. */
export function uniqueViolationTarget(error: unknown): UniqueTarget | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, message, constraint } = error as DriverError;
  let found: UniqueConstraint | undefined;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.startsWith(SQLITE_UNIQUE_PREFIX)) {
    const columns = message.slice(SQLITE_UNIQUE_PREFIX.length);
    found = UNIQUE_CONSTRAINTS.find((entry) => entry.sqlite === columns);
  } else if (code === '23505' && typeof constraint === 'string') {
    found = UNIQUE_CONSTRAINTS.find((entry) => entry.postgres === constraint);
  }
  return found?.target ?? null;
}

/**
 * A foreign-key failure: something the write refers to was deleted by a concurrent request (a user
 * deleted while a membership for them is being added, say).
 */
export function isForeignKeyViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code } = error as DriverError;
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}

/** The table itself, read by the test that checks it against the migrated schema of both dialects. */
export const uniqueConstraints: readonly Readonly<UniqueConstraint>[] = UNIQUE_CONSTRAINTS;
