import type { LockoutPolicy } from '../config/config.js';
import { toInvitationRecords, toMembershipRecords, toOrganizationRecords, type InvitationRecord, type MembershipRecord, type OrganizationRecord } from '../organizations/records.js';
import type { RoleRegistry } from '../organizations/roles.js';
import { findOrganizationById } from '../storage/repositories/organizations-repository.js';
import { findMembershipById } from '../storage/repositories/organizations-memberships-repository.js';
import { findInvitationById } from '../storage/repositories/organizations-invitations-repository.js';
import type { MembershipRow } from '../storage/tables/organization-tables.js';
import type { Clock } from '../lib/clock.js';
import { toSessionRecord, type SessionRecord } from '../sessions/session-record.js';
import type { Executor } from '../storage/database.js';
import { findUserWithDetails } from '../storage/repositories/user-details-repository.js';
import { findSessionById } from '../storage/repositories/sessions-repository.js';
import { userRecordsOf, type UserRecord } from '../users/user-record.js';
import type { WebhookChange } from './coalesce-changes.js';
import type { WebhookRenderer } from './webhook-publisher.js';

/** How each subject becomes an event's `data`: the Backend API's own JSON, supplied by the http layer. */
export interface WebhookSerializers {
  user(record: UserRecord): object;
  session(record: SessionRecord, user: UserRecord): object;
  organization(record: OrganizationRecord): object;
  membership(record: MembershipRecord): object;
  invitation(record: InvitationRecord): object;
}

/**
 * The renderer the publisher uses: loads each change's subject as the publishing transaction sees it and writes
 * it as Clerk's webhook payloads do (`user.deleted` as a deleted object with the `external_id` the row had).
 */
export function createWebhookRenderer(deps: { lockout: LockoutPolicy; roles: RoleRegistry; clock: Clock; serializers: WebhookSerializers }): WebhookRenderer {
  const { roles, serializers } = deps;
  /** A membership as its event shows it; null when its organization or user is gone (their own events say so). */
  const renderMembership = async (db: Executor, row: MembershipRow | undefined): Promise<object | null> => {
    if (!row) return null;
    const organization = await findOrganizationById(db, row.organization_id);
    const user = organization && (await findUserWithDetails(db, row.user_id));
    if (!organization || !user) return null;
    const [record] = await toMembershipRecords(db, [row], roles, deps.clock.nowMs());
    return serializers.membership(record!);
  };

  const loadUser = async (db: Executor, userId: string): Promise<UserRecord | null> => {
    const found = await findUserWithDetails(db, userId);
    return found ? userRecordsOf([found], deps.lockout, deps.clock.nowMs())[0]! : null;
  };

  return async (db: Executor, change: WebhookChange) => {
    const [kind, action] = change.type.split('.');
    if (kind === 'user') {
      if (action === 'deleted') return { object: 'user', id: change.subjectId, deleted: true, external_id: change.snapshot?.external_id ?? null };
      const user = await loadUser(db, change.subjectId);
      return user && deps.serializers.user(user);
    }
    if (kind === 'session') {
      const row = await findSessionById(db, change.subjectId);
      const user = row && (await loadUser(db, row.user_id));
      // The status the event is about, even when the session moved on before the event was published.
      const status = action === 'created' ? 'active' : (action as 'ended' | 'removed' | 'revoked');
      return row && user ? deps.serializers.session(toSessionRecord(row, status), user) : null;
    }
    if (kind === 'organization') {
      if (action === 'deleted') return { object: 'organization', id: change.subjectId, slug: change.snapshot?.slug ?? null, deleted: true };
      const row = await findOrganizationById(db, change.subjectId);
      return row ? serializers.organization((await toOrganizationRecords(db, [row], roles, deps.clock.nowMs()))[0]!) : null;
    }
    if (kind === 'organizationMembership') {
      // A deleted membership is shown as it was, from the trigger's copy of its row.
      const row = action === 'deleted' ? (change.snapshot as unknown as MembershipRow | null) ?? undefined : await findMembershipById(db, change.subjectId);
      return renderMembership(db, row);
    }
    if (kind === 'organizationInvitation') {
      const row = await findInvitationById(db, change.subjectId);
      if (!row) return null;
      const [record] = await toInvitationRecords(db, [row], roles, deps.clock.nowMs(), { withOrganization: true });
      return serializers.invitation(record!);
    }
    return null;
  };
}
