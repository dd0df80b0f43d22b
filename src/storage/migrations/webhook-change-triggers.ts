/**
 * The changes that become webhook events, as the triggers of migration 0022 record them. Installed triggers do not
 * follow edits here: a change to this list ships with a migration that drops and recreates the triggers.
 */
export interface ChangeTrigger {
  name: string;
  table: string;
  operation: 'INSERT' | 'UPDATE' | 'DELETE';
  /** The event the change leads to (`user.updated`), rendered from the subject's current state. */
  event: string;
  /** The column naming the subject of the event (`users.id`, `identifications.user_id`). */
  subjectColumn: string;
  /** UPDATE only: the trigger fires when one of these columns changed value (what the event's JSON shows). */
  changedColumns?: readonly string[];
  /** A further condition, in SQL both dialects read the same way (`NEW.status = 'revoked'`). */
  when?: string;
  /** DELETE: the columns of the old row the event needs once the row is gone. Never a secret. */
  snapshot?: readonly string[];
}

/**
 * User columns a `User` JSON shows. Counters and timestamps of sign-in bookkeeping (failed attempts, reservations,
 * last_sign_in_at, last_active_at, the TOTP replay step) are left out, so signing in is not a user.updated.
 */
const USER_COLUMNS = [
  'external_id', 'username', 'first_name', 'last_name', 'locale', 'password_digest', 'public_metadata', 'private_metadata',
  'unsafe_metadata', 'primary_email_address_id', 'primary_phone_number_id', 'primary_web3_wallet_id', 'banned', 'locked_at',
  'delete_self_enabled', 'create_organization_enabled', 'create_organizations_limit', 'mfa_enabled_at', 'mfa_disabled_at',
  'legal_accepted_at', 'totp_verified', 'image_id',
] as const;

/** A change to one of a user's own rows (an address, a code, an account) is an update of the user. */
function userParts(table: string, short: string, changedColumns: readonly string[]): ChangeTrigger[] {
  return [
    { name: `webhook_${short}_ai`, table, operation: 'INSERT', event: 'user.updated', subjectColumn: 'user_id' },
    { name: `webhook_${short}_au`, table, operation: 'UPDATE', event: 'user.updated', subjectColumn: 'user_id', changedColumns },
    { name: `webhook_${short}_ad`, table, operation: 'DELETE', event: 'user.updated', subjectColumn: 'user_id' },
  ];
}

/** A session's status change, as the event Clerk names after the new status. */
function sessionStatus(status: 'ended' | 'removed' | 'revoked'): ChangeTrigger {
  return {
    name: `webhook_sessions_${status}`,
    table: 'sessions',
    operation: 'UPDATE',
    event: `session.${status}`,
    subjectColumn: 'id',
    changedColumns: ['status'],
    when: `NEW.status = '${status}'`,
  };
}

/** An organization invitation's status change, as the event Clerk names after it. */
function invitationStatus(status: 'accepted' | 'revoked'): ChangeTrigger {
  return {
    name: `webhook_org_invitations_${status}`,
    table: 'organization_invitations',
    operation: 'UPDATE',
    event: `organizationInvitation.${status}`,
    subjectColumn: 'id',
    changedColumns: ['status'],
    when: `NEW.status = '${status}'`,
  };
}

export const WEBHOOK_CHANGE_TRIGGERS: readonly ChangeTrigger[] = [
  { name: 'webhook_users_ai', table: 'users', operation: 'INSERT', event: 'user.created', subjectColumn: 'id' },
  { name: 'webhook_users_au', table: 'users', operation: 'UPDATE', event: 'user.updated', subjectColumn: 'id', changedColumns: USER_COLUMNS },
  { name: 'webhook_users_ad', table: 'users', operation: 'DELETE', event: 'user.deleted', subjectColumn: 'id', snapshot: ['id', 'external_id'] },
  ...userParts('identifications', 'identifications', ['identifier', 'verified', 'verification_strategy', 'reserved_for_second_factor', 'default_second_factor']),
  ...userParts('external_accounts', 'external_accounts', ['email_address', 'first_name', 'last_name', 'image_url', 'username', 'public_metadata', 'label', 'approved_scopes', 'verification_status']),
  ...userParts('passkeys', 'passkeys', ['name', 'verification_status']),
  // Backup codes: a new set or none (their use is not shown on the user).
  { name: 'webhook_backup_codes_ai', table: 'backup_codes', operation: 'INSERT', event: 'user.updated', subjectColumn: 'user_id' },
  { name: 'webhook_backup_codes_ad', table: 'backup_codes', operation: 'DELETE', event: 'user.updated', subjectColumn: 'user_id' },
  { name: 'webhook_sessions_ai', table: 'sessions', operation: 'INSERT', event: 'session.created', subjectColumn: 'id' },
  sessionStatus('ended'),
  sessionStatus('removed'),
  sessionStatus('revoked'),
  { name: 'webhook_organizations_ai', table: 'organizations', operation: 'INSERT', event: 'organization.created', subjectColumn: 'id' },
  {
    name: 'webhook_organizations_au',
    table: 'organizations',
    operation: 'UPDATE',
    event: 'organization.updated',
    subjectColumn: 'id',
    changedColumns: ['name', 'slug', 'image_id', 'max_allowed_memberships', 'admin_delete_enabled', 'public_metadata', 'private_metadata'],
  },
  { name: 'webhook_organizations_ad', table: 'organizations', operation: 'DELETE', event: 'organization.deleted', subjectColumn: 'id', snapshot: ['id', 'slug'] },
  { name: 'webhook_memberships_ai', table: 'organization_memberships', operation: 'INSERT', event: 'organizationMembership.created', subjectColumn: 'id' },
  {
    name: 'webhook_memberships_au',
    table: 'organization_memberships',
    operation: 'UPDATE',
    event: 'organizationMembership.updated',
    subjectColumn: 'id',
    changedColumns: ['role', 'public_metadata', 'private_metadata'],
  },
  {
    name: 'webhook_memberships_ad',
    table: 'organization_memberships',
    operation: 'DELETE',
    event: 'organizationMembership.deleted',
    subjectColumn: 'id',
    // The event shows the whole membership that was.
    snapshot: ['id', 'organization_id', 'user_id', 'role', 'public_metadata', 'private_metadata', 'created_at', 'updated_at'],
  },
  { name: 'webhook_org_invitations_ai', table: 'organization_invitations', operation: 'INSERT', event: 'organizationInvitation.created', subjectColumn: 'id' },
  invitationStatus('accepted'),
  invitationStatus('revoked'),
];
