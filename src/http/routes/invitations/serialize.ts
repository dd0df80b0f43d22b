import type { InstanceInvitationRecord } from '../../../invitations/instance-invitation-service.js';
import type { IdentifierListRow } from '../../../storage/tables/invitation-tables.js';

export function toInstanceInvitationJSON(record: InstanceInvitationRecord) {
  return {
    object: 'invitation' as const,
    id: record.id,
    email_address: record.emailAddress,
    public_metadata: record.publicMetadata,
    revoked: record.status === 'revoked',
    status: record.status,
    ...(record.url ? { url: record.url } : {}),
    expires_at: record.expiresAtMs,
    created_at: record.createdAtMs,
    updated_at: record.updatedAtMs,
  };
}

export function toAllowlistIdentifierJSON(row: IdentifierListRow) {
  return {
    object: 'allowlist_identifier' as const,
    id: row.id,
    ...(row.invitation_id ? { invitation_id: row.invitation_id } : {}),
    identifier: row.identifier,
    identifier_type: row.identifier_type,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function toBlocklistIdentifierJSON(row: IdentifierListRow) {
  return {
    object: 'blocklist_identifier' as const,
    id: row.id,
    identifier: row.identifier,
    identifier_type: row.identifier_type,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
