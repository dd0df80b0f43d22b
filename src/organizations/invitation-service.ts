import { assertMetadataSize, type Metadata } from '../domain/metadata.js';
import type { ServiceDeps } from '../domain/service-deps.js';
import { ClerkError, errors } from '../lib/error-catalog.js';
import { newId } from '../lib/ids.js';
import type { Executor } from '../storage/database.js';
import {
  countInvitations,
  expirePendingInvitations,
  findInvitation,
  insertInvitations,
  isMemberByEmail,
  listInvitations,
  revokePendingInvitation,
  type InvitationListFilter,
  type InvitationListPage,
} from '../storage/repositories/organizations-invitations-repository.js';
import { findMembership } from '../storage/repositories/organizations-memberships-repository.js';
import { findOrganizationForUpdate } from '../storage/repositories/organizations-repository.js';
import { uniqueViolationTarget } from '../storage/constraint-violations.js';
import { findUserById } from '../storage/repositories/users-repository.js';
import type { InvitationRow, NewInvitationRow, OrganizationInvitationStatus } from '../storage/tables/organization-tables.js';
import { normalizeEmailAddress } from '../users/identifiers.js';
import { invitationEmail } from '../email/invitation-email.js';
import type { Mailer, MailLogger } from '../email/mailer.js';
import { sendInvitationEmail } from '../email/send-invitation-email.js';
import { parseListPage, trimmedText, type ListPageInput } from './list-params.js';
import { assertRole, assertRoomFor } from './membership-rules.js';
import type { Page } from './membership-service.js';
import { requireOrganization } from './organization-service.js';
import { toInvitationRecords, type InvitationRecord } from './records.js';
import type { RoleRegistry } from './roles.js';

export interface CreateInvitationInput {
  emailAddress: string;
  role: string;
  inviterUserId?: string | null;
  publicMetadata?: Metadata | null;
  privateMetadata?: Metadata | null;
  redirectUrl?: string | null;
  expiresInDays?: number | null;
  notify?: boolean | null;
}

export const MAX_BULK_INVITATIONS = 10;
const DEFAULT_EXPIRES_IN_DAYS = 30;
const DAY_MS = 86_400_000;
const STATUSES: readonly OrganizationInvitationStatus[] = ['pending', 'accepted', 'revoked', 'expired'];
const ORDER_COLUMNS: Record<string, InvitationListPage['orderBy']> = { created_at: 'created_at', email_address: 'email_address' };

/** The filters of the invitation lists (each list takes some of them). */
export interface InvitationListInput {
  /** Invitations in any of these statuses (checked against the four statuses). */
  statuses?: readonly string[];
  /** Invitations to any of these addresses. */
  emailAddresses?: readonly string[];
  /** Part of the email address. */
  query?: string;
}

const isStatus = (value: string): value is OrganizationInvitationStatus => (STATUSES as readonly string[]).includes(value);

function parseStatuses(values: readonly string[] | undefined): OrganizationInvitationStatus[] | undefined {
  if (!values?.length) return undefined;
  for (const value of values) {
    if (!isStatus(value)) throw errors.paramValueNotAllowed('status', value, STATUSES);
  }
  return values.filter(isStatus);
}

/** Organization invitations: create (one or up to ten; emailed with their ticket link unless `notify` is false), list, read, revoke. */
export interface InvitationCollaborators {
  /** The accept link of a pending invitation: its redirect URL (or the sign-up URL) with the invitation's ticket. */
  link: (invitation: { id: string; redirect_url: string | null; expires_at: number }) => string;
  mailer: Mailer;
  logger: MailLogger;
}

export function createInvitationService(deps: ServiceDeps, roles: RoleRegistry, collaborators: InvitationCollaborators) {
  const { db } = deps.database;
  const { clock } = deps;

  // A pending invitation's link carries its ticket: signing up with it makes the user a member with the role.
  const records = async (executor: Executor, rows: readonly InvitationRow[], withOrganization = false) => {
    const nowMs = clock.nowMs();
    const built = await toInvitationRecords(executor, rows, roles, nowMs, { withOrganization });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return built.map((record) => ({
      ...record,
      url: record.status === 'pending' ? collaborators.link(byId.get(record.id)!) : null,
    }));
  };

  async function page(filter: InvitationListFilter, pageInput: ListPageInput, withOrganization: boolean): Promise<Page<InvitationRecord>> {
    const now = clock.nowMs();
    const listPage = parseListPage(pageInput, ORDER_COLUMNS, '-created_at');
    const [rows, totalCount] = [await listInvitations(db, filter, listPage, now), await countInvitations(db, filter, now)];
    return { data: await records(db, rows, withOrganization), totalCount };
  }

  /** The inviter (or revoker) must be a member who can manage memberships. */
  async function assertAdministrator(trx: Executor, organizationId: string, userId: string, paramName: string): Promise<void> {
    if (!(await findUserById(trx, userId))) throw errors.formResourceNotFound(paramName);
    const membership = await findMembership(trx, organizationId, userId);
    if (!membership) throw errors.notAMember(paramName);
    if (!roles.adminKeys().includes(membership.role)) throw errors.notAnAdmin(paramName);
  }

  /** Validates one invitation before anything is written; returns its row. */
  function prepare(organizationId: string, input: CreateInvitationInput, nowMs: number): NewInvitationRow {
    const email = normalizeEmailAddress(input.emailAddress);
    if (!email) throw errors.emailInvalid('email_address');
    assertRole(roles, input.role);
    if (input.publicMetadata) assertMetadataSize(input.publicMetadata, 'public_metadata');
    if (input.privateMetadata) assertMetadataSize(input.privateMetadata, 'private_metadata');
    return {
      id: newId('orginv', nowMs),
      organization_id: organizationId,
      email_address: email,
      role: input.role,
      status: 'pending',
      inviter_id: input.inviterUserId || null,
      public_metadata: JSON.stringify(input.publicMetadata ?? {}),
      private_metadata: JSON.stringify(input.privateMetadata ?? {}),
      redirect_url: input.redirectUrl || null,
      notify: input.notify === false ? 0 : 1,
      expires_at: nowMs + (input.expiresInDays ?? DEFAULT_EXPIRES_IN_DAYS) * DAY_MS,
      created_at: nowMs,
      updated_at: nowMs,
    };
  }

  /** Emails each `notify` invitation its link, after the rows are committed; a refused delivery leaves it valid. */
  async function notify(organizationName: string, rows: readonly InvitationRow[]): Promise<void> {
    await Promise.all(
      rows.map(async (row) => {
        if (!row.notify) return;
        const url = collaborators.link(row);
        const content = invitationEmail({ appName: deps.config.email.appName, url, expiresAtMs: row.expires_at, organizationName });
        await sendInvitationEmail(collaborators, row.id, row.email_address, content);
      }),
    );
  }

  async function createMany(organizationId: string, inputs: readonly CreateInvitationInput[]): Promise<InvitationRecord[]> {
    const now = clock.nowMs();
    const rows = inputs.map((input) => prepare(organizationId, input, now));
    const emails = rows.map((row) => row.email_address);
    if (new Set(emails).size !== emails.length) throw errors.invitationNotUnique();
    try {
      const created = await db.transaction().execute(async (trx) => {
        const organization = await findOrganizationForUpdate(trx, organizationId);
        if (!organization) throw errors.organizationNotFound();
        for (const inviter of new Set(rows.map((row) => row.inviter_id).filter((id): id is string => id !== null))) {
          await assertAdministrator(trx, organizationId, inviter, 'inviter_user_id');
        }
        for (const email of emails) {
          if (await isMemberByEmail(trx, organizationId, email)) throw errors.alreadyAMember(email);
        }
        await expirePendingInvitations(trx, organizationId, emails, now);
        await assertRoomFor(trx, organization, rows.length, now);
        // One pending invitation per address: the partial unique index decides, even under races.
        await insertInvitations(trx, rows);
        return { organizationName: organization.name, records: await records(trx, rows as InvitationRow[]) };
      });
      await notify(created.organizationName, rows as InvitationRow[]);
      return created.records;
    } catch (error) {
      if (!(error instanceof ClerkError) && uniqueViolationTarget(error) === 'pending_invitation') throw errors.invitationNotUnique();
      throw error;
    }
  }

  return {
    /** `POST /v1/organizations/{id}/invitations`. */
    async create(organizationId: string, input: CreateInvitationInput): Promise<InvitationRecord> {
      return (await createMany(organizationId, [input]))[0]!;
    },

    /** `POST /v1/organizations/{id}/invitations/bulk`: 1–10 invitations, all or none. */
    async createBulk(organizationId: string, inputs: readonly CreateInvitationInput[]): Promise<InvitationRecord[]> {
      if (inputs.length === 0) throw errors.paramMissing('email_address');
      if (inputs.length > MAX_BULK_INVITATIONS) throw errors.bulkSizeExceeded(MAX_BULK_INVITATIONS);
      return createMany(organizationId, inputs);
    },

    /** `GET /v1/organizations/{id}/invitations`: `status` (repeatable), `email_address`, ordering. */
    async listForOrganization(
      organizationId: string,
      input: Pick<InvitationListInput, 'statuses' | 'emailAddresses'>,
      pageInput: ListPageInput,
    ): Promise<Page<InvitationRecord>> {
      await requireOrganization(db, organizationId);
      const emails = input.emailAddresses;
      const filter: InvitationListFilter = { organizationId, statuses: parseStatuses(input.statuses) };
      if (emails?.length) filter.emailAddresses = emails.map(normalizeEmailAddress).filter((email): email is string => email !== null);
      return page(filter, pageInput, false);
    },

    /** `GET /v1/organizations/{id}/invitations/pending` (deprecated by Clerk, still served). */
    async listPending(organizationId: string, pageInput: Pick<ListPageInput, 'limit' | 'offset'>): Promise<Page<InvitationRecord>> {
      await requireOrganization(db, organizationId);
      return page({ organizationId, statuses: ['pending'] }, pageInput, false);
    },

    /** `GET /v1/organization_invitations`: every organization's, with `public_organization_data`. */
    async listInstance(input: Pick<InvitationListInput, 'statuses' | 'query'>, pageInput: ListPageInput): Promise<Page<InvitationRecord>> {
      const filter: InvitationListFilter = { statuses: parseStatuses(input.statuses), query: trimmedText(input.query)?.toLowerCase() };
      return page(filter, pageInput, true);
    },

    /** `GET /v1/users/{user_id}/organization_invitations`: invitations to the user's verified addresses. */
    async listForUser(
      userId: string,
      input: Pick<InvitationListInput, 'statuses'>,
      pageInput: Pick<ListPageInput, 'limit' | 'offset'>,
    ): Promise<Page<InvitationRecord>> {
      if (!(await findUserById(db, userId))) throw errors.userNotFound(userId);
      return page({ userId, statuses: parseStatuses(input.statuses) }, pageInput, true);
    },

    async get(organizationId: string, invitationId: string): Promise<InvitationRecord> {
      await requireOrganization(db, organizationId);
      const invitation = await findInvitation(db, organizationId, invitationId);
      if (!invitation) throw errors.invitationNotFound(invitationId);
      return (await records(db, [invitation]))[0]!;
    },

    /** `POST …/invitations/{id}/revoke`: only a pending invitation can be revoked, and only once. */
    async revoke(organizationId: string, invitationId: string, requestingUserId?: string | null): Promise<InvitationRecord> {
      return db.transaction().execute(async (trx) => {
        await requireOrganization(trx, organizationId);
        const invitation = await findInvitation(trx, organizationId, invitationId);
        if (!invitation) throw errors.invitationNotFound(invitationId);
        if (requestingUserId) await assertAdministrator(trx, organizationId, requestingUserId, 'requesting_user_id');
        const revoked = await revokePendingInvitation(trx, invitationId, clock.nowMs());
        if (!revoked) throw errors.invitationNotPending();
        return (await records(trx, [revoked]))[0]!;
      });
    },
  };
}

export type InvitationService = ReturnType<typeof createInvitationService>;
