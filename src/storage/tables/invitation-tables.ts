import type { Insertable, Selectable } from 'kysely';

/** `pending`, `accepted`, `revoked` or `expired` (a stored `pending` past `expires_at` reads as expired). */
export type InstanceInvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

/** Instance invitations (`/v1/invitations`): an email address invited to sign up. */
export interface InvitationsTable {
  id: string;
  /** Normalised (lower-cased). */
  email_address: string;
  /** JSON text; becomes the user's public metadata. */
  public_metadata: string;
  redirect_url: string | null;
  notify: number;
  status: InstanceInvitationStatus;
  accepted_user_id: string | null;
  expires_at: number;
  created_at: number;
  updated_at: number;
}

export type IdentifierListType = 'email_address' | 'phone_number' | 'web3_wallet';

/** An allowlist or blocklist entry: an email address, `*@domain`, an E.164 phone number or a wallet. */
export interface IdentifierListTable {
  id: string;
  identifier: string;
  identifier_type: IdentifierListType;
  invitation_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface InvitationTables {
  invitations: InvitationsTable;
  allowlist_identifiers: IdentifierListTable;
  blocklist_identifiers: IdentifierListTable;
}

export type InstanceInvitationRow = Selectable<InvitationsTable>;
export type NewInstanceInvitationRow = Insertable<InvitationsTable>;
export type IdentifierListRow = Selectable<IdentifierListTable>;
