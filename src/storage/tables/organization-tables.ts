import type { Insertable, Selectable, Updateable } from 'kysely';

/**
 * Tables of organizations, memberships and invitations (merged into `Database`; logos are in `images`). Booleans are
 * 0/1 integers, timestamps Unix ms, metadata JSON text, as everywhere in Roster.
 */
export interface OrganizationsTable {
  id: string;
  name: string;
  /** Unique in the instance; lower-case letters, digits and dashes. */
  slug: string;
  /** The current logo's id (`images.id`, `img_…`), or null when the organization shows its default image. */
  image_id: string | null;
  /** The user who created it (null when none was named, or once that user is deleted). */
  created_by: string | null;
  /** 0 means unlimited. */
  max_allowed_memberships: number;
  admin_delete_enabled: number;
  public_metadata: string;
  private_metadata: string;
  role_set_key: string | null;
  /** Kept by database triggers on organization_memberships, so cascades (user deletion) keep it right. */
  members_count: number;
  created_at: number;
  updated_at: number;
}

export interface OrganizationMembershipsTable {
  id: string;
  organization_id: string;
  user_id: string;
  role: string;
  public_metadata: string;
  private_metadata: string;
  created_at: number;
  updated_at: number;
}

export type OrganizationInvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export interface OrganizationInvitationsTable {
  id: string;
  organization_id: string;
  /** Normalised (trimmed, lower-cased) email address. */
  email_address: string;
  role: string;
  /** Stored status; a `pending` row past `expires_at` reads as `expired`. */
  status: OrganizationInvitationStatus;
  inviter_id: string | null;
  public_metadata: string;
  private_metadata: string;
  redirect_url: string | null;
  /** Whether an invitation email was asked for; delivery comes with the email module. */
  notify: number;
  expires_at: number;
  created_at: number;
  updated_at: number;
}

/** SQLite only: one row per organization / invitation with the text substring search reads (FTS5 trigram). */
export interface OrganizationSearchDocsTable {
  id: number;
  ref_id: string;
  text: string;
}

export interface OrganizationTables {
  organizations: OrganizationsTable;
  organization_memberships: OrganizationMembershipsTable;
  organization_invitations: OrganizationInvitationsTable;
  organization_search_docs: OrganizationSearchDocsTable;
  organization_invitation_search_docs: OrganizationSearchDocsTable;
}

export type OrganizationRow = Selectable<OrganizationsTable>;
export type NewOrganizationRow = Insertable<OrganizationsTable>;
export type OrganizationUpdate = Updateable<OrganizationsTable>;
export type MembershipRow = Selectable<OrganizationMembershipsTable>;
export type NewMembershipRow = Insertable<OrganizationMembershipsTable>;
export type InvitationRow = Selectable<OrganizationInvitationsTable>;
export type NewInvitationRow = Insertable<OrganizationInvitationsTable>;
