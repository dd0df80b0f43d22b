import type { ServiceDeps } from '../domain/service-deps.js';
import { ClerkError, errors } from '../lib/error-catalog.js';
import { newId } from '../lib/ids.js';
import type { Metadata } from '../domain/metadata.js';
import {
  countSignUpCodeGuess,
  findSignUp,
  insertSignUp,
  listActiveSessionsOfClient,
  updateClient,
  updateSignUpIn,
} from '../storage/repositories/clients-repository.js';
import { findClaimedIdentification } from '../storage/repositories/identifications-repository.js';
import { findUserIdByUsername } from '../storage/repositories/users-repository.js';
import type { ClientRow, SignUpRow, SignUpUpdate } from '../storage/tables/client-tables.js';
import type { IdentifierLists } from '../invitations/identifier-lists.js';
import type { TicketInvitation, TicketRedemption } from '../invitations/ticket-redemption.js';
import type { SignInTicketService } from './sign-in-tokens.js';
import type { ClientService } from './client-service.js';
import { normalizeEmailAddress, normalizeUsername, parseIdentifier, parseUsernameInput } from '../users/identifiers.js';
import type { PasswordService } from '../users/password-service.js';
import type { UserService } from '../users/user-service.js';
import type { Executor } from '../storage/database.js';
import { linkExternalAccount } from '../oauth/external-accounts.js';
import type { ProviderIdentity } from '../oauth/provider-client.js';

/** Clerk abandons a sign-up attempt a day after it starts. */
const ABANDON_AFTER_MS = 24 * 3600 * 1000;
/** Wrong codes one sign-up may try in all, across re-sent codes (each code also dies after its own 5). */
const MAX_CODE_GUESSES = 10;
/** The Backend API's limit on names. */
const NAME_MAX_LENGTH = 256;

export interface SignUpInput {
  emailAddress?: string | undefined;
  password?: string | undefined;
  username?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  unsafeMetadata?: Metadata | undefined;
  legalAccepted?: boolean | undefined;
  /** `ticket` with `ticket`: a sign-up from an invitation link (`__clerk_ticket`). */
  strategy?: string | undefined;
  ticket?: string | undefined;
}

/** How email codes reach people and are checked (src/verification): one subject per sign-up's email address. */
export interface EmailCodes {
  /** Sends a new code (replacing any earlier one); resolves with when it expires. */
  send(subject: string, emailAddress: string, options?: { resendAfterSeconds?: number }): Promise<{ expiresAtMs: number }>;
  /** Resolves when the code is right; throws Clerk's error (incorrect, expired, too many attempts) otherwise. */
  check(subject: string, code: string): Promise<void>;
}

/** What a step of a sign-up gives: the sign-up, and the client's new cookie secret when the step signed the browser in. */
export interface SignUpStep {
  signUp: SignUpRow;
  clientToken: string | null;
}

export interface SignUpCollaborators {
  clients: ClientService;
  passwords: PasswordService;
  users: UserService;
  emailCodes: EmailCodes;
  /** False refuses every sign-up without an invitation's ticket (Clerk's restricted mode). */
  signUpAllowed: () => boolean;
  tickets: TicketRedemption;
  lists: IdentifierLists;
  /** Sign-in tokens and actor tokens: recognised, so a sign-up offered one is told it belongs to a sign-in. */
  signInTickets: Pick<SignInTicketService, 'kindOf'>;
  /** An OAuth sign-up's provider answer (kept with its authorization), linked as the new user's external account. */
  oauth: {
    identityOf(authorizationId: string | null): Promise<ProviderIdentity | null>;
    keepIdentity(executor: Executor, authorizationId: string, identity: ProviderIdentity | null): Promise<void>;
  };
}

/**
 * The fields a sign-up needs before it can become a user, and the ones it may carry: an email address and a
 * password always (the environment says so too), and the attributes `ROSTER_SIGN_UP_ATTRIBUTES` turns on.
 */
export function signUpFields(config: ServiceDeps['config']): { required: string[]; optional: string[] } {
  const { username, firstName, lastName } = config.frontend.signUpAttributes;
  const settings: [string, string][] = [
    ['username', config.requiredIdentifiers.includes('username') ? 'required' : username],
    ['first_name', firstName],
    ['last_name', lastName],
  ];
  const required = ['email_address', 'password', ...settings.filter(([, setting]) => setting === 'required').map(([name]) => name)];
  const optional = settings.filter(([, setting]) => setting === 'on').map(([name]) => name);
  return { required, optional };
}

/** What a sign-up still lacks: missing fields (required, not given) and unverified ones (an email without a verified code). */
export function signUpProgress(row: SignUpRow, config: ServiceDeps['config']): { missing: string[]; unverified: string[] } {
  const present: Record<string, boolean> = {
    email_address: row.email_address !== null,
    username: row.username !== null,
    // A person signing up with a provider signs in with it: no password (as in Clerk).
    password: row.password_digest !== null || row.external_status === 'verified',
    first_name: row.first_name !== null,
    last_name: row.last_name !== null,
  };
  const missing = signUpFields(config).required.filter((field) => !present[field]);
  const unverified = row.email_address !== null && row.email_verification_status !== 'verified' ? ['email_address'] : [];
  return { missing, unverified };
}

/** A sign-up with nothing in it yet, the client's current one once inserted. */
export function newSignUpRow(clientId: string, nowMs: number): SignUpRow {
  return {
    id: newId('sua', nowMs),
    client_id: clientId,
    status: 'missing_requirements',
    email_address: null,
    username: null,
    first_name: null,
    last_name: null,
    password_digest: null,
    password_hasher: null,
    unsafe_metadata: null,
    legal_accepted_at: null,
    email_verification_status: null,
    email_verification_expire_at: null,
    email_verification_attempts: null,
    created_user_id: null,
    created_session_id: null,
    ticket_invitation_id: null,
    external_strategy: null,
    external_status: null,
    external_url: null,
    external_error: null,
    oauth_authorization_id: null,
    abandon_at: nowMs + ABANDON_AFTER_MS,
    created_at: nowMs,
    updated_at: nowMs,
  };
}

/** A code verifies one address of one sign-up: the address is part of what the code is for. */
const subjectOf = (signUp: SignUpRow, emailAddress: string) => `sign_up:${signUp.id}:email_address:${emailAddress}`;

/**
 * Sign-ups through the Frontend API: fields (checked with the Backend API's rules as they arrive), an email
 * code, then the user and their first session. The user is made by the same `users.create` as `POST /v1/users`.
 */
export function createSignUpService(deps: ServiceDeps, collaborators: SignUpCollaborators) {
  const { database, clock, config } = deps;
  const { db } = database;
  const { clients, passwords, users, emailCodes, tickets, lists, signInTickets } = collaborators;

  /** The invitation a `ticket` (strategy `ticket`) names, checked; null for a sign-up without one. */
  async function ticketOf(input: SignUpInput): Promise<TicketInvitation | null> {
    const ticket = input.ticket?.trim();
    if (!ticket) {
      if (input.strategy === 'ticket') throw errors.paramMissing('ticket');
      return null;
    }
    const kind = await signInTickets.kindOf(ticket);
    if (kind === 'sign_in_token') throw errors.signInTokenNotInSignIn();
    if (kind === 'actor_token') throw errors.actorTokenNotInSignIn();
    const invitation = await tickets.resolve(ticket);
    // An invitation skips the allowlist, never the blocklist.
    await lists.assertAllowed('email_address', invitation.emailAddress, { invited: true });
    return invitation;
  }

  /** The columns a redeemed ticket sets: its address, verified by the ticket. */
  const ticketColumns = (invitation: TicketInvitation): SignUpUpdate => ({
    ticket_invitation_id: invitation.invitationId,
    email_address: invitation.emailAddress,
    email_verification_status: 'verified',
    email_verification_expire_at: null,
  });

  async function requireOwn(client: ClientRow, signUpId: string): Promise<SignUpRow> {
    const signUp = await findSignUp(db, signUpId);
    if (!signUp || signUp.client_id !== client.id || signUp.abandon_at <= clock.nowMs()) throw errors.signUpNotFound(signUpId);
    return signUp;
  }

  /** The client's current sign-up, the only one that takes more steps (a replaced or signed-out one does not). */
  async function requireCurrent(client: ClientRow, signUpId: string): Promise<SignUpRow> {
    const signUp = await requireOwn(client, signUpId);
    if (client.sign_up_id !== signUp.id) throw errors.signUpNotFound(signUpId);
    if (signUp.status !== 'missing_requirements') throw errors.attemptNotInProgress('sign up', signUp.id, signUp.status);
    return signUp;
  }

  /** Single-session mode: a browser with an active session starts no other sign-up (checked again at the end). */
  async function assertNoActiveSession(client: ClientRow): Promise<void> {
    if (config.frontend.singleSessionMode && (await listActiveSessionsOfClient(db, client.id, clock.nowMs())).length > 0) throw errors.sessionExists();
  }

  function name(value: string, paramName: string): string | null {
    const trimmed = value.trim();
    if (trimmed.length > NAME_MAX_LENGTH) throw errors.paramMaxLengthExceeded(paramName, NAME_MAX_LENGTH);
    return trimmed || null;
  }

  /** Checks the given fields and turns them into column values (the password hashed, never kept). */
  async function toUpdate(input: SignUpInput, current: SignUpRow | null, invitedEmail: string | null): Promise<SignUpUpdate> {
    const update: SignUpUpdate = {};
    // Only the fields this instance's sign-up asks for (the environment's attributes) are taken.
    const { required, optional } = signUpFields(config);
    const asked = new Set([...required, ...optional]);
    for (const [field, value] of [
      ['username', input.username],
      ['first_name', input.firstName],
      ['last_name', input.lastName],
    ] as const) {
      if (value !== undefined && !asked.has(field)) throw errors.paramUnknown(field, ' This instance does not ask for it at sign-up (ROSTER_SIGN_UP_ATTRIBUTES).');
    }
    if (input.emailAddress !== undefined && invitedEmail !== null) {
      // A sign-up from an invitation keeps the invited address (clerk-ui sends it back unchanged).
      if (parseIdentifier('email_address', input.emailAddress, 'email_address') !== invitedEmail) throw errors.ticketAddressMismatch();
    } else if (input.emailAddress !== undefined) {
      const email = parseIdentifier('email_address', input.emailAddress, 'email_address');
      await lists.assertAllowed('email_address', email);
      // Taken addresses are refused now, as Clerk does, rather than after the code.
      if (await findClaimedIdentification(db, 'email_address', email)) throw errors.identifierExists('email_address');
      if (email !== current?.email_address) {
        update.email_address = email;
        update.email_verification_status = null;
        update.email_verification_expire_at = null;
      }
    }
    if (input.username !== undefined) {
      const username = parseUsernameInput(input.username);
      if (username && (await findUserIdByUsername(db, normalizeUsername(username)))) throw errors.identifierExists('username');
      update.username = username;
    }
    if (input.firstName !== undefined) update.first_name = name(input.firstName, 'first_name');
    if (input.lastName !== undefined) update.last_name = name(input.lastName, 'last_name');
    if (input.unsafeMetadata !== undefined) update.unsafe_metadata = JSON.stringify(input.unsafeMetadata);
    if (input.legalAccepted) update.legal_accepted_at = clock.nowMs();
    if (input.password !== undefined) {
      const stored = await passwords.prepare({ password: input.password });
      update.password_digest = stored?.digest ?? null;
      update.password_hasher = stored?.hasher ?? null;
    }
    return update;
  }

  /**
   * Turns a sign-up with nothing missing and everything verified into a user and a session. The status moves
   * first (a conditional update), so two requests racing here make one user; if making the user fails (the
   * address was taken meanwhile), the sign-up goes back to missing requirements with the error.
   */
  async function completeIfReady(client: ClientRow, signUp: SignUpRow): Promise<SignUpStep> {
    const { missing, unverified } = signUpProgress(signUp, config);
    if (missing.length > 0 || unverified.length > 0 || signUp.status !== 'missing_requirements') return { signUp, clientToken: null };
    await assertNoActiveSession(client);
    // The lists again, right before the user is made: an entry added since the address was given applies too
    // (a ticket's address still skips the allowlist, never the blocklist).
    if (signUp.email_address) await lists.assertAllowed('email_address', signUp.email_address, { invited: signUp.ticket_invitation_id !== null });
    const claimed = await updateSignUpIn(db, signUp.id, 'missing_requirements', { status: 'complete', updated_at: clock.nowMs() });
    if (!claimed) return { signUp: (await findSignUp(db, signUp.id)) ?? signUp, clientToken: null };
    const reopen = () => updateSignUpIn(db, signUp.id, 'complete', { status: 'missing_requirements', updated_at: clock.nowMs() });
    // A ticket is redeemed once: the invitation moves to `accepted` before the user exists, so of several
    // sign-ups racing with one ticket exactly one goes on; the others get the invitation's error.
    // An OAuth sign-up links the provider's account in the same transaction that makes the user.
    const identity = signUp.external_status === 'verified' ? await collaborators.oauth.identityOf(signUp.oauth_authorization_id) : null;
    if (signUp.external_status === 'verified' && !identity) {
      await reopen();
      throw errors.accountTransferInvalid();
    }
    let invitation: TicketInvitation | null = null;
    if (signUp.ticket_invitation_id) {
      invitation = await tickets.claim(signUp.ticket_invitation_id);
      if (!invitation) {
        await reopen();
        throw await tickets.refusal(signUp.ticket_invitation_id);
      }
    }
    // All or nothing: the user, the ticket's membership (or the invitation's user) and the session are one
    // transaction, so a failure (the address taken meanwhile, the organization deleted) leaves no user behind;
    // the invitation and the sign-up then go back to where a retry can pick them up.
    try {
      return await db.transaction().execute(async (trx) => {
        const user = await users.create(
          {
            emailAddresses: signUp.email_address ? [signUp.email_address] : [],
            emailAddressVerificationStrategy: invitation
              ? 'ticket'
              : identity && signUp.email_address === normalizeEmailAddress(identity.profile.emailAddress ?? '') && identity.profile.emailAddressVerified === true
                ? (`from_${signUp.external_strategy!}` as `from_oauth_${string}`)
                : 'email_code',
            skipPasswordRequirement: identity !== null,
            username: signUp.username,
            firstName: signUp.first_name,
            lastName: signUp.last_name,
            passwordDigest: signUp.password_digest,
            passwordHasher: signUp.password_hasher,
            unsafeMetadata: signUp.unsafe_metadata ? (JSON.parse(signUp.unsafe_metadata) as Metadata) : undefined,
            publicMetadata: invitation && Object.keys(invitation.publicMetadata).length > 0 ? invitation.publicMetadata : undefined,
            skipLegalChecks: true,
          },
          { within: trx },
        );
        const userId = user.user.id;
        const nowMs = clock.nowMs();
        if (invitation) await tickets.finish(trx, invitation, userId);
        if (identity) {
          await linkExternalAccount(deps, trx, { userId, provider: signUp.external_strategy!, identity, nowMs });
          // The tokens now live (sealed) with the external account only.
          await collaborators.oauth.keepIdentity(trx, signUp.oauth_authorization_id!, null);
        }
        const strategy = invitation ? 'ticket' : (signUp.external_strategy ?? 'email_code');
        const { session, clientToken } = await clients.startSession(trx, client, { userId, strategy, finished: 'sign_up_id' }, nowMs);
        const done = await updateSignUpIn(trx, signUp.id, 'complete', { created_user_id: userId, created_session_id: session.id, updated_at: nowMs });
        return { signUp: done!, clientToken };
      });
    } catch (error) {
      if (invitation) await tickets.release(invitation.invitationId);
      await reopen();
      throw error;
    }
  }

  return {
    /** `POST /v1/client/sign_ups`: a new attempt replacing the client's current one. */
    async create(client: ClientRow, input: SignUpInput): Promise<SignUpStep> {
      const invitation = await ticketOf(input);
      // Restricted mode refuses sign-ups, except from an invitation (that is what restricted mode is for).
      if (!invitation && !collaborators.signUpAllowed()) throw errors.signUpModeRestricted();
      const nowMs = clock.nowMs();
      // One signed-in account per browser (Clerk's single-session mode): sign out before signing up again.
      await assertNoActiveSession(client);
      const row = newSignUpRow(client.id, nowMs);
      if (invitation) Object.assign(row, ticketColumns(invitation));
      Object.assign(row, await toUpdate(input, null, invitation?.emailAddress ?? null));
      await insertSignUp(db, row);
      await updateClient(db, client.id, { sign_up_id: row.id, updated_at: nowMs });
      return completeIfReady(client, row);
    },

    get: requireOwn,

    /** Makes the user and session once nothing is missing (an OAuth sign-up's callback and transfer end here). */
    advance: completeIfReady,

    /** Single-session mode's refusal, and restricted mode's, for sign-ups that start elsewhere (OAuth). */
    async assertMayStart(client: ClientRow): Promise<void> {
      if (!collaborators.signUpAllowed()) throw errors.signUpModeRestricted();
      await assertNoActiveSession(client);
    },

    /** `PATCH /v1/client/sign_ups/{id}`: more fields for a sign-up in progress. */
    async update(client: ClientRow, signUpId: string, input: SignUpInput): Promise<SignUpStep> {
      const signUp = await requireCurrent(client, signUpId);
      // clerk-ui's form sends `strategy: ticket` (and the ticket again) with the remaining fields.
      const invitation = signUp.ticket_invitation_id ? null : await ticketOf(input);
      const invitedEmail = invitation?.emailAddress ?? (signUp.ticket_invitation_id ? signUp.email_address : null);
      const update = { ...(invitation ? ticketColumns(invitation) : {}), ...(await toUpdate(input, signUp, invitedEmail)) };
      const updated = await updateSignUpIn(db, signUp.id, 'missing_requirements', { ...update, updated_at: clock.nowMs() });
      if (!updated) throw errors.attemptNotInProgress('sign up', signUp.id, 'complete');
      return completeIfReady(client, updated);
    },

    /** `POST …/prepare_verification` with `strategy: email_code`: sends a code to the sign-up's address. */
    async prepareVerification(client: ClientRow, signUpId: string, input: { strategy?: string }): Promise<SignUpRow> {
      const signUp = await requireCurrent(client, signUpId);
      if (input.strategy !== 'email_code') throw errors.paramValueNotAllowed('strategy', String(input.strategy ?? ''), ['email_code']);
      const emailAddress = signUp.email_address;
      if (!emailAddress) throw errors.paramMissing('email_address');
      if (signUp.email_verification_status === 'verified') throw errors.verificationAlreadyVerified();
      let expiresAtMs: number;
      try {
        ({ expiresAtMs } = await emailCodes.send(subjectOf(signUp, emailAddress), emailAddress));
      } catch (error) {
        if (error instanceof ClerkError) throw error;
        throw errors.emailDeliveryUnavailable();
      }
      // Recorded only if the address is still the one the code went to.
      const updated = await updateSignUpIn(
        db,
        signUp.id,
        'missing_requirements',
        { email_verification_status: 'unverified', email_verification_expire_at: expiresAtMs, updated_at: clock.nowMs() },
        emailAddress,
      );
      if (!updated) throw errors.conflict('The sign-up changed while the code was being sent; prepare the verification again.');
      return updated;
    },

    /**
     * `POST …/attempt_verification` with the code: a right one verifies the address it was sent to (if the sign-up
     * still holds it) and may complete the sign-up. Wrong codes count against the sign-up across re-sent codes.
     */
    async attemptVerification(client: ClientRow, signUpId: string, input: { strategy?: string; code?: string }): Promise<SignUpStep> {
      const signUp = await requireCurrent(client, signUpId);
      if (input.strategy !== undefined && input.strategy !== 'email_code') throw errors.paramValueNotAllowed('strategy', input.strategy, ['email_code']);
      if (!input.code) throw errors.paramMissing('code');
      if (signUp.email_verification_status === 'verified') throw errors.verificationAlreadyVerified();
      const emailAddress = signUp.email_address;
      if (signUp.email_verification_status !== 'unverified' || !emailAddress) throw errors.verificationMissing();
      if ((signUp.email_verification_attempts ?? 0) >= MAX_CODE_GUESSES) throw errors.verificationFailed();
      try {
        await emailCodes.check(subjectOf(signUp, emailAddress), input.code);
      } catch (error) {
        if (error instanceof ClerkError && error.code === 'form_code_incorrect') await countSignUpCodeGuess(db, signUp.id, clock.nowMs());
        throw error;
      }
      const verified = await updateSignUpIn(db, signUp.id, 'missing_requirements', { email_verification_status: 'verified', updated_at: clock.nowMs() }, emailAddress);
      if (!verified) throw errors.conflict('The sign-up changed while the code was being checked; prepare the verification again.');
      return completeIfReady(client, verified);
    },
  };
}

export type SignUpService = ReturnType<typeof createSignUpService>;
