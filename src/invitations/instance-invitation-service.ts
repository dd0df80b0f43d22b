import { assertMetadataSize, parseStoredMetadata, type Metadata } from '../domain/metadata.js';
import type { ServiceDeps } from '../domain/service-deps.js';
import { invitationEmail } from '../email/invitation-email.js';
import type { Mailer, MailLogger } from '../email/mailer.js';
import { sendInvitationEmail } from '../email/send-invitation-email.js';
import { ClerkError, errors } from '../lib/error-catalog.js';
import { newId } from '../lib/ids.js';
import { parseListPage, trimmedText, type ListPageInput } from '../organizations/list-params.js';
import { uniqueViolationTarget } from '../storage/constraint-violations.js';
import { findClaimedIdentification } from '../storage/repositories/identifications-repository.js';
import {
  closePendingInstanceInvitations,
  countInstanceInvitations,
  findInstanceInvitation,
  findPendingInstanceInvitations,
  insertInstanceInvitations,
  listInstanceInvitations,
  revokeInstanceInvitation,
  type InstanceInvitationPage,
} from '../storage/repositories/invitations-repository.js';
import type { InstanceInvitationRow, InstanceInvitationStatus } from '../storage/tables/invitation-tables.js';
import { normalizeEmailAddress } from '../users/identifiers.js';
import { isInvitationRedirectUrl, ticketUrl, type Tickets } from './tickets.js';

export const MAX_BULK_INSTANCE_INVITATIONS = 10;
const DEFAULT_EXPIRES_IN_DAYS = 30;
const DAY_MS = 86_400_000;
const STATUSES: readonly InstanceInvitationStatus[] = ['pending', 'accepted', 'revoked', 'expired'];
const ORDER_COLUMNS: Record<string, InstanceInvitationPage['orderBy']> = { created_at: 'created_at', email_address: 'email_address', expires_at: 'expires_at' };

export interface CreateInstanceInvitationInput {
  emailAddress: string;
  publicMetadata?: Metadata | null;
  redirectUrl?: string | null;
  /** @default true */
  notify?: boolean | null;
  /** Replace a pending invitation to the address, and invite an address a user already has. @default false */
  ignoreExisting?: boolean | null;
  /** 1–365. @default 30 */
  expiresInDays?: number | null;
  templateSlug?: 'invitation' | 'waitlist_invitation' | null;
}

/** An invitation as the Backend API shows it; `url` (with the ticket) only while it can still be accepted. */
export interface InstanceInvitationRecord {
  id: string;
  emailAddress: string;
  publicMetadata: Metadata;
  status: InstanceInvitationStatus;
  url: string | null;
  expiresAtMs: number;
  createdAtMs: number;
  updatedAtMs: number;
}

export interface InstanceInvitationCollaborators {
  tickets: Tickets;
  mailer: Mailer;
  logger: MailLogger;
}

/** The status as of now: a stored `pending` past its expiry is `expired`. */
export const instanceInvitationStatus = (row: InstanceInvitationRow, nowMs: number): InstanceInvitationStatus =>
  row.status === 'pending' && row.expires_at <= nowMs ? 'expired' : row.status;

/** Where an invitation's link points when it names no redirect URL: the sign-up page, on the app's first origin. */
export function invitationLink(config: ServiceDeps['config'], tickets: Tickets, row: { id: string; redirect_url: string | null; expires_at: number }): string {
  return ticketUrl(row.redirect_url ?? config.frontend.urls.signUp, tickets.issue(row.id, row.expires_at), config.fapi.allowedOrigins[0] ?? null);
}

/**
 * Instance invitations (`/v1/invitations`): one pending invitation per address (the database's partial unique
 * index decides between concurrent creates), a ticket link, and the invitation email when `notify`.
 */
export function createInstanceInvitationService(deps: ServiceDeps, collaborators: InstanceInvitationCollaborators) {
  const { db } = deps.database;
  const { clock, config } = deps;
  const { tickets, mailer, logger } = collaborators;

  function toRecord(row: InstanceInvitationRow, nowMs: number): InstanceInvitationRecord {
    const status = instanceInvitationStatus(row, nowMs);
    return {
      id: row.id,
      emailAddress: row.email_address,
      publicMetadata: parseStoredMetadata(row.public_metadata),
      status,
      url: status === 'pending' ? invitationLink(config, tickets, row) : null,
      expiresAtMs: row.expires_at,
      createdAtMs: row.created_at,
      updatedAtMs: row.updated_at,
    };
  }

  function prepare(input: CreateInstanceInvitationInput, nowMs: number): InstanceInvitationRow {
    const email = normalizeEmailAddress(input.emailAddress);
    if (!email) throw errors.emailInvalid('email_address');
    if (input.publicMetadata) assertMetadataSize(input.publicMetadata, 'public_metadata');
    const redirectUrl = input.redirectUrl?.trim() || null;
    if (redirectUrl !== null && !isInvitationRedirectUrl(redirectUrl)) {
      throw errors.redirectUrlInvalid();
    }
    const days = input.expiresInDays ?? DEFAULT_EXPIRES_IN_DAYS;
    if (!Number.isInteger(days) || days < 1 || days > 365) throw errors.paramValueInvalid('expires_in_days', 'expires_in_days must be between 1 and 365.');
    return {
      id: newId('inv', nowMs),
      email_address: email,
      public_metadata: JSON.stringify(input.publicMetadata ?? {}),
      redirect_url: redirectUrl,
      notify: input.notify === false ? 0 : 1,
      status: 'pending',
      accepted_user_id: null,
      expires_at: nowMs + days * DAY_MS,
      created_at: nowMs,
      updated_at: nowMs,
    };
  }

  /** Sends the invitation emails after the rows are committed; a refused delivery leaves the invitation (and its URL) valid. */
  async function notify(rows: readonly InstanceInvitationRow[], inputs: readonly CreateInstanceInvitationInput[]): Promise<void> {
    await Promise.all(
      rows.map(async (row, index) => {
        if (!row.notify) return;
        const content = invitationEmail({
          appName: config.email.appName,
          url: invitationLink(config, tickets, row),
          expiresAtMs: row.expires_at,
          templateSlug: inputs[index]?.templateSlug ?? 'invitation',
        });
        await sendInvitationEmail({ mailer, logger }, row.id, row.email_address, content);
      }),
    );
  }

  async function createMany(inputs: readonly CreateInstanceInvitationInput[], options: { bulk: boolean }): Promise<InstanceInvitationRecord[]> {
    const nowMs = clock.nowMs();
    const rows = inputs.map((input) => prepare(input, nowMs));
    const emails = rows.map((row) => row.email_address);
    const repeated = emails.filter((email, index) => emails.indexOf(email) !== index);
    if (repeated.length > 0) throw errors.duplicateInvitations([...new Set(repeated)]);
    try {
      await db.transaction().execute(async (trx) => {
        for (const [index, email] of emails.entries()) {
          // Bulk invitations never go to an existing user's address (Clerk's rule, which ignore_existing does not lift).
          const ignore = inputs[index]!.ignoreExisting === true && !options.bulk;
          if (!ignore && (await findClaimedIdentification(trx, 'email_address', email))) throw errors.identifierExists('email_address');
        }
        const pending = await findPendingInstanceInvitations(trx, emails);
        const live = pending.filter((row) => row.expires_at > nowMs);
        const blocking = live.filter((row) => inputs[emails.indexOf(row.email_address)]!.ignoreExisting !== true);
        if (blocking.length > 0) throw errors.duplicateInvitations(blocking.map((row) => row.email_address));
        // Expired ones become `expired`; the ones ignore_existing replaces are revoked (their links stop working).
        await closePendingInstanceInvitations(trx, pending.map((row) => row.id), nowMs);
        await insertInstanceInvitations(trx, rows);
      });
    } catch (error) {
      if (!(error instanceof ClerkError) && uniqueViolationTarget(error) === 'pending_instance_invitation') throw errors.duplicateInvitations(emails);
      throw error;
    }
    await notify(rows, inputs);
    return rows.map((row) => toRecord(row, nowMs));
  }

  return {
    /** `POST /v1/invitations`. */
    async create(input: CreateInstanceInvitationInput): Promise<InstanceInvitationRecord> {
      return (await createMany([input], { bulk: false }))[0]!;
    },

    /**
     * Invites an address unless it already has a pending invitation or an account (`POST /v1/allowlist_identifiers`
     * with `notify`): the new invitation, or none.
     */
    async inviteIfNew(emailAddress: string): Promise<InstanceInvitationRecord[]> {
      try {
        return await createMany([{ emailAddress }], { bulk: false });
      } catch (error) {
        if (error instanceof ClerkError && (error.code === 'duplicate_record' || error.code === 'form_identifier_exists')) return [];
        throw error;
      }
    },

    /** `POST /v1/invitations/bulk`: 1–10 invitations, all or none. */
    async createBulk(inputs: readonly CreateInstanceInvitationInput[]): Promise<InstanceInvitationRecord[]> {
      if (inputs.length === 0) throw errors.paramMissing('email_address');
      if (inputs.length > MAX_BULK_INSTANCE_INVITATIONS) throw errors.bulkSizeExceeded(MAX_BULK_INSTANCE_INVITATIONS);
      return createMany(inputs, { bulk: true });
    },

    /** `GET /v1/invitations`: `status` (without it, all but revoked ones), `query` (the id, or the start of the address), ordering and a page. */
    async list(input: { status?: string; query?: string }, pageInput: ListPageInput): Promise<{ data: InstanceInvitationRecord[]; totalCount: number }> {
      const nowMs = clock.nowMs();
      const status = input.status?.trim() || undefined;
      if (status !== undefined && !(STATUSES as readonly string[]).includes(status)) throw errors.paramValueNotAllowed('status', status, STATUSES);
      const text = trimmedText(input.query);
      const query = text ? { id: text, emailPrefix: text.normalize('NFKC').toLowerCase() } : undefined;
      const filter = { status: status as InstanceInvitationStatus | undefined, query };
      const page = parseListPage(pageInput, ORDER_COLUMNS, '-created_at');
      const [rows, totalCount] = [await listInstanceInvitations(db, filter, page, nowMs), await countInstanceInvitations(db, filter, nowMs)];
      return { data: rows.map((row) => toRecord(row, nowMs)), totalCount };
    },

    /** `POST /v1/invitations/{id}/revoke`: a pending (or expired) invitation; revoked and accepted ones are refused. */
    async revoke(invitationId: string): Promise<InstanceInvitationRecord> {
      const nowMs = clock.nowMs();
      const revoked = await revokeInstanceInvitation(db, invitationId, nowMs);
      if (revoked) return toRecord(revoked, nowMs);
      const row = await findInstanceInvitation(db, invitationId);
      if (!row) throw errors.instanceInvitationNotFound(invitationId);
      if (row.status === 'accepted') throw errors.invitationAlreadyAccepted();
      throw errors.invitationAlreadyRevoked();
    },
  };
}

export type InstanceInvitationService = ReturnType<typeof createInstanceInvitationService>;
