import { createHash, randomBytes } from 'node:crypto';
import type { ServiceDeps } from '../domain/service-deps.js';
import { errors } from '../lib/error-catalog.js';
import { newId } from '../lib/ids.js';
import type { Executor } from '../storage/database.js';
import {
  findSignInTicket,
  findSignInTicketByDigest,
  insertSignInTicket,
  settlePendingSignInTicket,
} from '../storage/repositories/sign-in-tickets-repository.js';
import { findMembership } from '../storage/repositories/organizations-memberships-repository.js';
import { findOrganizationById } from '../storage/repositories/organizations-repository.js';
import { findUserById } from '../storage/repositories/users-repository.js';
import type { SignInTicketKind, SignInTicketRow } from '../storage/tables/ticket-tables.js';

/** Clerk's defaults: sign-in tokens last 30 days, actor tokens an hour, impersonation sessions 30 minutes. */
export const SIGN_IN_TOKEN_DEFAULT_EXPIRES_IN_SECONDS = 30 * 86_400;
export const ACTOR_TOKEN_DEFAULT_EXPIRES_IN_SECONDS = 3600;
export const ACTOR_SESSION_DEFAULT_MAX_DURATION_IN_SECONDS = 1800;

/** The largest actor (as JSON) an actor token takes. */
const MAX_ACTOR_BYTES = 4096;

/** The ticket a browser presents: 256 random bits, base64url. Only its SHA-256 is stored. */
const TICKET_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const ticketDigest = (ticket: string): string => createHash('sha256').update(ticket).digest('hex');

/** A sign-in token or actor token as the Backend API shows it; `token` and `url` only in the answer that made it. */
export interface SignInTicketRecord {
  id: string;
  kind: SignInTicketKind;
  userId: string;
  status: SignInTicketRow['status'];
  actor: Record<string, unknown> | null;
  token: string | null;
  url: string | null;
  createdAtMs: number;
  updatedAtMs: number;
}

/** What a redeemed ticket signs in: the user, and for an actor token who impersonates them and for how long at most. */
export interface RedeemableTicket {
  id: string;
  kind: SignInTicketKind;
  userId: string;
  actor: Record<string, unknown> | null;
  sessionMaxDurationInSeconds: number | null;
  /** A sign-in token's organization, activated on the session (when the user is still a member then). */
  organizationId: string | null;
}

function toRecord(row: SignInTicketRow, token: string | null, url: string | null): SignInTicketRecord {
  return {
    id: row.id,
    kind: row.kind,
    userId: row.user_id,
    status: row.status,
    actor: row.actor === null ? null : (JSON.parse(row.actor) as Record<string, unknown>),
    token,
    url,
    createdAtMs: row.created_at,
    updatedAtMs: row.updated_at,
  };
}

/** `url` with `__clerk_ticket=<ticket>` appended to its query, keeping any query and fragment it has. */
export function withTicket(url: string, ticket: string): string {
  const hash = url.indexOf('#');
  const base = hash === -1 ? url : url.slice(0, hash);
  const fragment = hash === -1 ? '' : url.slice(hash);
  const separator = base.includes('?') ? (base.endsWith('?') || base.endsWith('&') ? '' : '&') : '?';
  return `${base}${separator}__clerk_ticket=${encodeURIComponent(ticket)}${fragment}`;
}

/**
 * Sign-in tokens (`POST /v1/sign_in_tokens`) and actor tokens (`POST /v1/actor_tokens`, impersonation): single-use
 * tickets for one user, redeemed by the Frontend API's sign-in with `strategy: ticket`. A ticket is pending until
 * redeemed or revoked; redeeming it is one conditional update inside the transaction that starts the session, so
 * it signs in once even under concurrent sign-ins on several nodes.
 */
export function createSignInTicketService(deps: ServiceDeps) {
  const { database, clock, config } = deps;
  const { db } = database;

  async function issue(
    kind: SignInTicketKind,
    input: {
      userId: string;
      expiresInSeconds: number;
      actor?: Record<string, unknown>;
      sessionMaxDurationInSeconds?: number;
      organizationId?: string | null | undefined;
    },
  ): Promise<SignInTicketRecord> {
    if (!(await findUserById(db, input.userId))) throw errors.userNotFound(input.userId);
    if (input.organizationId) {
      if (!(await findOrganizationById(db, input.organizationId))) throw errors.organizationNotFound();
      if (!(await findMembership(db, input.organizationId, input.userId))) throw errors.notAMember('org_id');
    }
    const nowMs = clock.nowMs();
    const token = randomBytes(32).toString('base64url');
    const row: SignInTicketRow = {
      id: newId(kind === 'sign_in_token' ? 'sit' : 'act', nowMs),
      kind,
      user_id: input.userId,
      token_digest: ticketDigest(token),
      status: 'pending',
      actor: input.actor ? JSON.stringify(input.actor) : null,
      session_max_duration_in_seconds: input.sessionMaxDurationInSeconds ?? null,
      organization_id: input.organizationId || null,
      expire_at: nowMs + input.expiresInSeconds * 1000,
      created_at: nowMs,
      updated_at: nowMs,
    };
    await insertSignInTicket(db, row);
    // The configured sign-in page: clerk-js's <SignIn/> signs in with the `__clerk_ticket` it finds in the URL.
    return toRecord(row, token, withTicket(config.frontend.urls.signIn, token));
  }

  async function revoke(kind: SignInTicketKind, id: string): Promise<SignInTicketRecord> {
    const found = await findSignInTicket(db, kind, id);
    if (!found) throw kind === 'sign_in_token' ? errors.signInTokenNotFound(id) : errors.actorTokenNotFound(id);
    const revoked = await settlePendingSignInTicket(db, id, 'revoked', clock.nowMs(), { unexpired: false });
    if (revoked) return toRecord(revoked, null, null);
    const current = (await findSignInTicket(db, kind, id)) ?? found;
    throw kind === 'sign_in_token' ? errors.signInTokenCannotBeRevoked(current.status) : errors.actorTokenCannotBeRevoked(current.status);
  }

  /** Why a ticket that is not pending and unexpired cannot sign in. */
  function refusal(row: SignInTicketRow, nowMs: number) {
    const signInToken = row.kind === 'sign_in_token';
    if (row.status === 'revoked') return signInToken ? errors.signInTokenRevoked() : errors.actorTokenRevoked();
    if (row.status === 'accepted') return signInToken ? errors.signInTokenAlreadyUsed() : errors.actorTokenAlreadyUsed();
    if (row.expire_at <= nowMs) return errors.ticketExpired();
    return undefined;
  }

  return {
    /** `POST /v1/sign_in_tokens`. */
    createSignInToken: (input: { userId: string; expiresInSeconds?: number | null; organizationId?: string | null }) =>
      issue('sign_in_token', {
        userId: input.userId,
        expiresInSeconds: input.expiresInSeconds ?? SIGN_IN_TOKEN_DEFAULT_EXPIRES_IN_SECONDS,
        organizationId: input.organizationId,
      }),

    /** `POST /v1/sign_in_tokens/{id}/revoke`: pending → revoked; anything else is refused with its status. */
    revokeSignInToken: (id: string) => revoke('sign_in_token', id),

    /** `POST /v1/actor_tokens`: `actor` is the impersonator (`{ sub, … }`), copied into the session and its tokens' `act`. */
    createActorToken: (input: {
      userId: string;
      actor: Record<string, unknown>;
      expiresInSeconds?: number | null;
      sessionMaxDurationInSeconds?: number | null;
    }) => {
      // The actor rides in every session token of the impersonation session: keep it small.
      if (Buffer.byteLength(JSON.stringify(input.actor)) > MAX_ACTOR_BYTES) throw errors.paramExceedsAllowedSize('actor', MAX_ACTOR_BYTES);
      return issue('actor_token', {
        userId: input.userId,
        actor: input.actor,
        expiresInSeconds: input.expiresInSeconds ?? ACTOR_TOKEN_DEFAULT_EXPIRES_IN_SECONDS,
        sessionMaxDurationInSeconds: input.sessionMaxDurationInSeconds ?? ACTOR_SESSION_DEFAULT_MAX_DURATION_IN_SECONDS,
      });
    },

    /** `POST /v1/actor_tokens/{id}/revoke`. */
    revokeActorToken: (id: string) => revoke('actor_token', id),

    /**
     * The ticket a browser presents, if it may sign in now (without using it): an unknown, tampered or malformed
     * ticket is `ticket_invalid`; a revoked, used or expired one gets its own error; so does one whose user is gone.
     */
    /** Which kind of token a ticket is (whatever its state), or null when it is none of Roster's sign-in tickets. */
    async kindOf(ticket: string): Promise<'sign_in_token' | 'actor_token' | null> {
      if (!TICKET_PATTERN.test(ticket)) return null;
      return (await findSignInTicketByDigest(db, ticketDigest(ticket)))?.kind ?? null;
    },

    async inspect(ticket: string): Promise<RedeemableTicket> {
      if (!TICKET_PATTERN.test(ticket)) throw errors.ticketInvalid();
      const row = await findSignInTicketByDigest(db, ticketDigest(ticket));
      if (!row) throw errors.ticketInvalid();
      const refused = refusal(row, clock.nowMs());
      if (refused) throw refused;
      if (!(await findUserById(db, row.user_id))) {
        throw row.kind === 'sign_in_token' ? errors.signInTokenCannotBeUsed() : errors.actorTokenSubjectNotFound();
      }
      return {
        id: row.id,
        kind: row.kind,
        userId: row.user_id,
        actor: row.actor === null ? null : (JSON.parse(row.actor) as Record<string, unknown>),
        sessionMaxDurationInSeconds: row.session_max_duration_in_seconds,
        organizationId: row.organization_id,
      };
    },

    /**
     * Uses the ticket, in the caller's transaction (the one that starts the session or advances the sign-in):
     * exactly one of concurrent redemptions gets past this; the others get the error of the ticket as it now is.
     */
    async redeem(trx: Executor, ticket: RedeemableTicket, nowMs: number): Promise<void> {
      const redeemed = await settlePendingSignInTicket(trx, ticket.id, 'accepted', nowMs, { unexpired: true });
      if (redeemed) return;
      const current = await findSignInTicket(trx, ticket.kind, ticket.id);
      throw (current && refusal(current, nowMs)) ?? errors.ticketInvalid();
    },
  };
}

export type SignInTicketService = ReturnType<typeof createSignInTicketService>;
