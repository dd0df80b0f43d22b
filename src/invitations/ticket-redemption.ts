import { parseStoredMetadata, type Metadata } from '../domain/metadata.js';
import type { ServiceDeps } from '../domain/service-deps.js';
import { errors, type ClerkError } from '../lib/error-catalog.js';
import { newMembershipRow } from '../organizations/membership-rules.js';
import type { RoleRegistry } from '../organizations/roles.js';
import { isForeignKeyViolation } from '../storage/constraint-violations.js';
import type { Executor } from '../storage/database.js';
import { findClaimedIdentification } from '../storage/repositories/identifications-repository.js';
import {
  acceptInstanceInvitation,
  findInstanceInvitation,
  reopenInstanceInvitation,
  setInstanceInvitationUser,
} from '../storage/repositories/invitations-repository.js';
import { insertMembership } from '../storage/repositories/organizations-memberships-repository.js';
import { acceptPendingInvitation, findInvitationById, reopenAcceptedInvitation } from '../storage/repositories/organizations-invitations-repository.js';
import { findOrganizationById } from '../storage/repositories/organizations-repository.js';
import type { Tickets } from './tickets.js';

/** What a valid ticket lets a sign-up do: sign up this address, with these metadata (and this membership). */
export interface TicketInvitation {
  invitationId: string;
  emailAddress: string;
  /** Instance invitations: the new user's public metadata. */
  publicMetadata: Metadata;
  /** Organization invitations: the membership the new user gets. */
  organization: { id: string; role: string } | null;
}

const isOrganizationInvitation = (id: string) => id.startsWith('orginv_');

/**
 * Redeeming invitation tickets at sign-up: `resolve` checks a ticket (signature, expiry, the invitation's state,
 * that no account holds the address yet); `claim` moves the invitation to `accepted` once, whoever races;
 * `finish` records the user on it (and, for an organization invitation, makes the membership); `release` gives
 * a claimed invitation back when the user could not be made.
 */
export function createTicketRedemption(deps: ServiceDeps, collaborators: { tickets: Tickets; roles: RoleRegistry }) {
  const { db } = deps.database;
  const { clock } = deps;

  /**
   * An organization invitation's role must still be configured (custom roles come from configuration, so one can
   * disappear at a restart while invitations carry it): the ticket is refused rather than make such a membership.
   */
  function assertRoleExists(role: string): void {
    if (!collaborators.roles.find(role)) throw errors.organizationRoleNotFound('role');
  }

  return {
    async resolve(ticket: string): Promise<TicketInvitation> {
      const checked = collaborators.tickets.check(ticket);
      if (!checked.ok) throw checked.reason === 'expired' ? errors.ticketExpired() : errors.ticketInvalid();
      const { invitationId } = checked.claims;
      const nowMs = clock.nowMs();
      if (isOrganizationInvitation(invitationId)) {
        const invitation = await findInvitationById(db, invitationId);
        if (!invitation) throw errors.ticketInvalid();
        if (invitation.status === 'revoked') throw errors.organizationInvitationRevoked();
        if (invitation.status === 'accepted') throw errors.organizationInvitationAlreadyAccepted();
        if (invitation.status === 'expired' || invitation.expires_at <= nowMs) throw errors.ticketExpired();
        if (!(await findOrganizationById(db, invitation.organization_id))) throw errors.organizationInvitationToDeletedOrganization();
        assertRoleExists(invitation.role);
        if (await findClaimedIdentification(db, 'email_address', invitation.email_address)) throw errors.organizationInvitationIdentificationExists();
        return {
          invitationId,
          emailAddress: invitation.email_address,
          publicMetadata: {},
          organization: { id: invitation.organization_id, role: invitation.role },
        };
      }
      const invitation = await findInstanceInvitation(db, invitationId);
      if (!invitation) throw errors.ticketInvalid();
      if (invitation.status === 'revoked') throw errors.revokedInvitation();
      if (invitation.status === 'accepted') throw errors.invitationAlreadyAccepted();
      if (invitation.status === 'expired' || invitation.expires_at <= nowMs) throw errors.ticketExpired();
      if (await findClaimedIdentification(db, 'email_address', invitation.email_address)) throw errors.invitationAccountExists();
      return { invitationId, emailAddress: invitation.email_address, publicMetadata: parseStoredMetadata(invitation.public_metadata), organization: null };
    },

    /**
     * Accepts the invitation if it is still pending and unexpired (a conditional update: it succeeds once), and
     * returns what the sign-up needs from it; null when another sign-up, a revoke or the clock got there first.
     */
    async claim(invitationId: string): Promise<TicketInvitation | null> {
      const nowMs = clock.nowMs();
      if (isOrganizationInvitation(invitationId)) {
        const accepted = await acceptPendingInvitation(db, invitationId, nowMs);
        if (!accepted) return null;
        return { invitationId, emailAddress: accepted.email_address, publicMetadata: {}, organization: { id: accepted.organization_id, role: accepted.role } };
      }
      const accepted = await acceptInstanceInvitation(db, invitationId, nowMs);
      if (!accepted) return null;
      return { invitationId, emailAddress: accepted.email_address, publicMetadata: parseStoredMetadata(accepted.public_metadata), organization: null };
    },

    /** Why an invitation cannot be claimed now: Clerk's error for its state. */
    async refusal(invitationId: string): Promise<ClerkError> {
      const nowMs = clock.nowMs();
      const organization = isOrganizationInvitation(invitationId);
      const row = organization ? await findInvitationById(db, invitationId) : await findInstanceInvitation(db, invitationId);
      if (!row) return errors.ticketInvalid();
      if (row.status === 'revoked') return organization ? errors.organizationInvitationRevoked() : errors.revokedInvitation();
      if (row.status === 'accepted') return organization ? errors.organizationInvitationAlreadyAccepted() : errors.invitationAlreadyAccepted();
      if (row.status === 'expired' || row.expires_at <= nowMs) return errors.ticketExpired();
      return errors.ticketInvalid();
    },

    async release(invitationId: string): Promise<void> {
      const nowMs = clock.nowMs();
      if (isOrganizationInvitation(invitationId)) await reopenAcceptedInvitation(db, invitationId, nowMs);
      else await reopenInstanceInvitation(db, invitationId, nowMs);
    },

    /** In the sign-up's last transaction: the user on the instance invitation, or the organization membership. */
    async finish(trx: Executor, invitation: TicketInvitation, userId: string): Promise<void> {
      const nowMs = clock.nowMs();
      if (invitation.organization) {
        const { id, role } = invitation.organization;
        assertRoleExists(role);
        // Deleted since the ticket was checked (or while it is redeemed): Clerk's error for that, not a 404.
        if (!(await findOrganizationById(trx, id))) throw errors.organizationInvitationToDeletedOrganization();
        try {
          await insertMembership(trx, newMembershipRow(id, userId, role, nowMs));
        } catch (error) {
          if (isForeignKeyViolation(error)) throw errors.organizationInvitationToDeletedOrganization();
          throw error;
        }
      } else {
        await setInstanceInvitationUser(trx, invitation.invitationId, userId, nowMs);
      }
    },
  };
}

export type TicketRedemption = ReturnType<typeof createTicketRedemption>;
