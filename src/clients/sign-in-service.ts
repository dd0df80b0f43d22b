import type { IdentifierLists } from '../invitations/identifier-lists.js';
import type { ServiceDeps } from '../domain/service-deps.js';
import { ClerkError, errors } from '../lib/error-catalog.js';
import { newId } from '../lib/ids.js';
import { findSignIn, insertSignIn, listActiveSessionsOfClient, updateClient, updateSignInIn } from '../storage/repositories/clients-repository.js';
import { findClaimedIdentification } from '../storage/repositories/identifications-repository.js';
import { findUserById, findUserIdByUsername } from '../storage/repositories/users-repository.js';
import type { ClientRow, SignInRow } from '../storage/tables/client-tables.js';
import type { UserRow } from '../storage/database.js';
import type { ClientService } from './client-service.js';
import { assertMaySignIn } from '../sessions/session-service.js';
import { normalizeEmailAddress, normalizePhoneNumber, normalizeUsername } from '../users/identifiers.js';
import { hasSecondFactor, type MFAService } from '../users/mfa-service.js';
import type { PasswordService } from '../users/password-service.js';
import type { UserService } from '../users/user-service.js';
import { createVerificationGuard } from '../users/verification-guard.js';
import type { EmailCodes } from './sign-up-service.js';
import type { SignInTicketService } from './sign-in-tokens.js';
import type { PasskeyService, RelyingParty } from '../passkeys/passkey-service.js';
import { createPasskeySignIn, type PasskeyStepInput } from './passkey-sign-in.js';
import type { SignInStep } from './sign-in-step.js';
import type { PhoneCodes } from '../verification/phone-codes.js';
import { assertVerified } from '../verification/outcome-errors.js';
import { SELF_VERIFICATION_RESEND_AFTER_SECONDS } from '../verification/verification-codes.js';

/** Clerk abandons a sign-in attempt a day after it starts. */
const ABANDON_AFTER_MS = 24 * 3600 * 1000;

export interface SignInInput {
  identifier?: string | undefined;
  strategy?: string | undefined;
  password?: string | undefined;
  /** With `strategy: ticket`: a sign-in token or actor token (`__clerk_ticket`). */
  ticket?: string | undefined;
  /** With `strategy: passkey`: the relying party the request options are for. */
  relyingParty?: RelyingParty | undefined;
}

export type { SignInStep };

/** What a sign-in's user offers as factors: a password, TOTP, backup codes, and the verified addresses codes go to. */
export interface SignInFactors {
  password: boolean;
  totp: boolean;
  backupCode: boolean;
  emails: { id: string; address: string; primary: boolean }[];
  /** Verified phone numbers reserved for second factor: SMS codes at the second step. */
  phones: { id: string; number: string; default: boolean }[];
  /** The user has a registered passkey. */
  passkey: boolean;
}

/** A sign-in's user with no factors (none is known yet). */
export const NO_SIGN_IN_FACTORS: SignInFactors = Object.freeze({ password: false, totp: false, backupCode: false, emails: [], phones: [], passkey: false }) as SignInFactors;

/** A sign-in that knows nothing yet (`needs_identifier`), the client's current one once inserted. */
export function newSignInRow(clientId: string, nowMs: number): SignInRow {
  return {
    id: newId('sia', nowMs),
    client_id: clientId,
    status: 'needs_identifier',
    identifier: null,
    user_id: null,
    identification_id: null,
    first_factor_strategy: null,
    first_factor_status: null,
    first_factor_attempts: null,
    first_factor_expire_at: null,
    created_session_id: null,
    activate_organization_id: null,
    oauth_authorization_id: null,
    first_factor_external_url: null,
    first_factor_error: null,
    abandon_at: nowMs + ABANDON_AFTER_MS,
    created_at: nowMs,
    updated_at: nowMs,
  };
}

/** The second factors Roster checks at sign-in. */
export const SECOND_FACTOR_STRATEGIES = ['totp', 'backup_code', 'phone_code'] as const;

export interface SignInCollaborators {
  clients: ClientService;
  passwords: PasswordService;
  mfa: MFAService;
  users: UserService;
  emailCodes: EmailCodes;
  tickets: SignInTicketService;
  phoneCodes: PhoneCodes;
  /** The allowlist and blocklist. */
  lists: IdentifierLists;
  passkeys: PasskeyService;
}

/** Whether `factors` include the second-factor `strategy` (what supported_second_factors lists). */
function offersSecondFactor(factors: SignInFactors, strategy: string): boolean {
  if (strategy === 'totp') return factors.totp;
  if (strategy === 'backup_code') return factors.backupCode;
  if (strategy === 'phone_code') return factors.phones.length > 0;
  return false;
}

/** The first factors that are an email code: signing in by code, and resetting a forgotten password. */
export type EmailCodeStrategy = 'email_code' | 'reset_password_email_code';
export const EMAIL_CODE_STRATEGIES: readonly EmailCodeStrategy[] = ['email_code', 'reset_password_email_code'];
export const isEmailCodeStrategy = (strategy: string | undefined): strategy is EmailCodeStrategy =>
  EMAIL_CODE_STRATEGIES.includes(strategy as EmailCodeStrategy);

/**
 * Who an identifier names, among the identifiers the instance signs in with (`ROSTER_SIGN_IN_IDENTIFIERS`): a
 * verified email address or phone number, or a username.
 */
async function resolveIdentifier(deps: ServiceDeps, identifier: string): Promise<{ userId: string; identificationId: string | null } | undefined> {
  const { db } = deps.database;
  const allowed = new Set(deps.config.frontend.signInIdentifiers);
  const trimmed = identifier.trim();
  if (!trimmed) return undefined;
  if (trimmed.includes('@')) {
    const email = allowed.has('email_address') ? normalizeEmailAddress(trimmed) : null;
    const found = email ? await findClaimedIdentification(db, 'email_address', email) : undefined;
    return found && found.verified === 1 ? { userId: found.user_id, identificationId: found.id } : undefined;
  }
  if (allowed.has('phone_number') && /^\+?[\d\s().-]{6,}$/.test(trimmed)) {
    const phone = normalizePhoneNumber(trimmed);
    const found = phone ? await findClaimedIdentification(db, 'phone_number', phone) : undefined;
    if (found && found.verified === 1) return { userId: found.user_id, identificationId: found.id };
  }
  if (!allowed.has('username')) return undefined;
  const userId = await findUserIdByUsername(db, normalizeUsername(trimmed));
  return userId ? { userId, identificationId: null } : undefined;
}

/**
 * Sign-ins through the Frontend API: identifier, then a password (the first factor), then a second factor when
 * the user has one. The password check is the Backend API's `verify_password` (lockout, bans, imported digests),
 * so both APIs enforce one rule.
 */
export function createSignInService(deps: ServiceDeps, { clients, passwords, mfa, users, emailCodes, tickets, phoneCodes, lists, passkeys }: SignInCollaborators) {
  const { database, clock, config } = deps;
  const { db } = database;
  const guard = createVerificationGuard(deps);

  async function requireOwn(client: ClientRow, signInId: string): Promise<SignInRow> {
    const signIn = await findSignIn(db, signInId);
    if (!signIn || signIn.client_id !== client.id || signIn.abandon_at <= clock.nowMs()) throw errors.signInNotFound(signInId);
    return signIn;
  }

  /** The client's current sign-in, the only one that takes more steps (a replaced or signed-out one does not). */
  async function requireCurrent(client: ClientRow, signInId: string): Promise<SignInRow> {
    const signIn = await requireOwn(client, signInId);
    if (client.sign_in_id !== signIn.id) throw errors.signInNotFound(signInId);
    return signIn;
  }

  /** Single-session mode: a browser with an active session starts no other sign-in (checked again at the end). */
  async function assertNoActiveSession(client: ClientRow): Promise<void> {
    if (config.frontend.singleSessionMode && (await listActiveSessionsOfClient(db, client.id, clock.nowMs())).length > 0) throw errors.sessionExists();
  }

  /** The user's session, in one transaction with the sign-in's last step (which can happen once). */
  async function complete(client: ClientRow, signIn: SignInRow, fromStatus: SignInRow['status'], strategy: string): Promise<SignInStep> {
    if (!signIn.user_id) throw errors.identifierNotFound();
    const userId = signIn.user_id;
    // The lists again, as the session starts: an entry added since the identifier was entered applies too.
    await lists.assertUserMaySignIn(userId, signIn.identifier ?? '');
    return db.transaction().execute(async (trx) => {
      const nowMs = clock.nowMs();
      const { session, clientToken } = await clients.startSession(
        trx,
        client,
        { userId, strategy, finished: 'sign_in_id', activeOrganizationId: signIn.activate_organization_id },
        nowMs,
      );
      const completed = await updateSignInIn(trx, signIn.id, fromStatus, {
        status: 'complete',
        first_factor_status: 'verified',
        created_session_id: session.id,
        updated_at: nowMs,
      });
      // Another request completed this sign-in first: this one must not mint a second session (rolled back).
      if (!completed) throw errors.attemptNotInProgress('sign in', signIn.id, 'complete');
      return { signIn: completed, clientToken };
    });
  }

  /** Refuses a user who may not sign in now, before any factor is tried. */
  async function refuseEarly(userId: string): Promise<UserRow> {
    const user = await findUserById(db, userId);
    if (!user) throw errors.identifierNotFound();
    assertMaySignIn(user, config.lockout, clock.nowMs());
    return user;
  }

  async function attemptPassword(client: ClientRow, signIn: SignInRow, password: string): Promise<SignInStep> {
    if (!signIn.user_id) throw errors.identifierNotFound();
    try {
      await passwords.verify(signIn.user_id, password);
    } catch (error) {
      if (error instanceof ClerkError && error.code === 'incorrect_password') throw errors.passwordIncorrect();
      if (error instanceof ClerkError && error.code === 'no_password_set') throw errors.strategyForUserInvalid();
      throw error;
    }
    return afterFirstFactor(client, signIn, 'needs_first_factor', 'password');
  }

  /** The first factor is verified: on to the second when the user has one, else signed in. */
  async function afterFirstFactor(client: ClientRow, signIn: SignInRow, fromStatus: SignInRow['status'], strategy: string): Promise<SignInStep> {
    const user = await findUserById(db, signIn.user_id!);
    if (user && (await hasSecondFactor(db, user))) {
      const advanced = await updateSignInIn(db, signIn.id, fromStatus, {
        status: 'needs_second_factor',
        first_factor_status: 'verified',
        first_factor_strategy: strategy,
        updated_at: clock.nowMs(),
      });
      if (!advanced) throw errors.attemptNotInProgress('sign in', signIn.id, 'complete');
      return { signIn: advanced, clientToken: null };
    }
    return complete(client, signIn, fromStatus, strategy);
  }

  /** The verified email address a code goes to: the one named (the user's), else the one signed in with, else the primary. */
  async function emailFor(signIn: SignInRow, emailAddressId: string | undefined): Promise<{ id: string; address: string }> {
    const record = await users.get(signIn.user_id!);
    const verified = record.identifications.filter((item) => item.type === 'email_address' && item.verified);
    const wanted = emailAddressId ?? signIn.identification_id ?? record.user.primaryEmailAddressId ?? undefined;
    const chosen = verified.find((item) => item.id === wanted) ?? (emailAddressId === undefined ? verified[0] : undefined);
    if (!chosen) throw emailAddressId === undefined ? errors.strategyForUserInvalid() : errors.formResourceNotFound('email_address_id');
    return { id: chosen.id, address: chosen.value };
  }

  /** Checks a code as one verification attempt of the user: a wrong one counts toward lockout, as a wrong password does. */
  async function countedCodeCheck(userId: string, check: () => Promise<void>): Promise<void> {
    const user = await findUserById(db, userId);
    if (!user) throw errors.identifierNotFound();
    await guard.withAttempt(db, user, async (attempt) => {
      try {
        await check();
      } catch (error) {
        if (error instanceof ClerkError && error.code === 'form_code_incorrect') await attempt.failed();
        throw error;
      }
      await attempt.succeeded();
    });
  }

  const codeSubject = (signIn: SignInRow, strategy: EmailCodeStrategy, address: string) => `sign_in:${signIn.id}:${strategy}:${address}`;
  // Bound to the sign-in, the phone and its number: a code sent to one number verifies nothing for another.
  const phoneSubject = (signIn: SignInRow, phone: { id: string; number: string }) => `sign_in:${signIn.id}:phone_code:${phone.id}:${phone.number}`;

  /** The user's second-factor phones now (a phone removed or released since a code was sent is not among them). */
  async function secondFactorPhones(userId: string): Promise<SignInFactors['phones']> {
    const record = await users.get(userId);
    return record.identifications
      .filter((item) => item.type === 'phone_number' && item.verified && item.reservedForSecondFactor)
      .map((item) => ({ id: item.id, number: item.value, default: item.defaultSecondFactor }));
  }

  /** Checks an SMS code sent at this sign-in's second step: the most recent live code among the user's 2FA phones. */
  async function checkPhoneCode(signIn: SignInRow, code: string): Promise<void> {
    const phones = await secondFactorPhones(signIn.user_id!);
    let latest: { subject: string; expiresAt: number } | null = null;
    for (const phone of phones) {
      const subject = phoneSubject(signIn, phone);
      const state = await phoneCodes.find(subject);
      if (state && !state.consumed && (!latest || state.expiresAt > latest.expiresAt)) latest = { subject, expiresAt: state.expiresAt };
    }
    if (!latest) throw errors.verificationMissing();
    const subject = latest.subject;
    await countedCodeCheck(signIn.user_id!, async () => assertVerified(await phoneCodes.attempt(subject, code)));
  }

  /**
   * `POST /v1/client/sign_ins` with `strategy: ticket`: a sign-in token or actor token is the first factor. The
   * ticket is used in the transaction that signs the browser in (or, for a sign-in token of a user with a second
   * factor, that moves the sign-in on to it), so concurrent sign-ins with one ticket make one session. An actor
   * token signs in as the user without their factors: the session records the actor, and lasts at most the
   * token's `session_max_duration_in_seconds`.
   */
  async function signInWithTicket(client: ClientRow, ticketValue: string | undefined): Promise<SignInStep> {
    if (!ticketValue) throw errors.paramMissing('ticket');
    await assertNoActiveSession(client);
    const ticket = await tickets.inspect(ticketValue);
    const user = await refuseEarly(ticket.userId);
    const record = await users.get(ticket.userId);
    const identifier = record.identifications.find((item) => item.id === record.user.primaryEmailAddressId)?.value ?? record.user.username;
    // A sign-in token is the user signing in, so the blocklist (and allowlist) apply; an actor token is the
    // instance's own administrator acting, as in Clerk.
    if (ticket.kind === 'sign_in_token') await lists.assertUserMaySignIn(ticket.userId, identifier ?? '');
    // A sign-in token stands for the first factor only; an actor token's holder never has the user's second factor.
    const secondFactorNext = ticket.kind === 'sign_in_token' && (await hasSecondFactor(db, user));
    const impersonation =
      ticket.kind === 'actor_token' && ticket.actor ? { actor: ticket.actor, maxDurationInSeconds: ticket.sessionMaxDurationInSeconds ?? 0 } : undefined;
    // One transaction: the ticket is used, and the sign-in recorded, only if the browser is signed in (or moved on
    // to the second factor); the loser of a race, a ban or a lock rolls all of it back.
    return db.transaction().execute(async (trx) => {
      const nowMs = clock.nowMs();
      await tickets.redeem(trx, ticket, nowMs);
      const row: SignInRow = {
        ...newSignInRow(client.id, nowMs),
        status: 'needs_second_factor',
        identifier,
        user_id: ticket.userId,
        identification_id: record.user.primaryEmailAddressId,
        first_factor_strategy: 'ticket',
        first_factor_status: 'verified',
        activate_organization_id: ticket.organizationId,
      };
      if (secondFactorNext) {
        await insertSignIn(trx, row);
        await updateClient(trx, client.id, { sign_in_id: row.id, updated_at: nowMs });
        return { signIn: row, clientToken: null };
      }
      const { session, clientToken } = await clients.startSession(
        trx,
        client,
        { userId: ticket.userId, strategy: 'ticket', finished: 'sign_in_id', impersonation, activeOrganizationId: ticket.organizationId },
        nowMs,
      );
      const completed: SignInRow = { ...row, status: 'complete', created_session_id: session.id };
      await insertSignIn(trx, completed);
      return { signIn: completed, clientToken };
    });
  }

  const passkeySignIn = createPasskeySignIn(deps, { passkeys, users, lists, refuseEarly, complete, afterFirstFactor });

  const service = {
    /** `POST /v1/client/sign_ins`: a new attempt replacing the client's current one; with a password, tried at once. */
    async create(client: ClientRow, input: SignInInput): Promise<SignInStep> {
      if (input.strategy === 'ticket') return signInWithTicket(client, input.ticket);
      const nowMs = clock.nowMs();
      const identifier = input.identifier?.trim() || null;
      // One signed-in account per browser (Clerk's single-session mode): sign out before signing in again.
      await assertNoActiveSession(client);
      const target = identifier ? await resolveIdentifier(deps, identifier) : undefined;
      if (identifier && !target) throw errors.identifierNotFound();
      if (target) await refuseEarly(target.userId);
      // The blocklist (and, when on, the allowlist) apply at sign-in too, before any factor is tried.
      if (target && identifier) await lists.assertUserMaySignIn(target.userId, identifier);
      const row: SignInRow = {
        ...newSignInRow(client.id, nowMs),
        status: target ? 'needs_first_factor' : 'needs_identifier',
        identifier,
        user_id: target?.userId ?? null,
        identification_id: target?.identificationId ?? null,
      };
      await insertSignIn(db, row);
      await updateClient(db, client.id, { sign_in_id: row.id, updated_at: nowMs });
      // A passkey sign-in without identifier (discoverable credentials): still `needs_identifier`, as in Clerk, until
      // the passkey says who signs in.
      if (input.strategy === 'passkey' && !target) {
        // The route always names the relying party with this strategy.
        if (!input.relyingParty) throw new Error('a passkey sign-in needs its relying party');
        return { signIn: await passkeySignIn.prepare(row, input.relyingParty), clientToken: null };
      }
      if (input.strategy === 'password' && input.password !== undefined && target) return attemptPassword(client, row, input.password);
      return { signIn: row, clientToken: null };
    },

    get: requireOwn,

    /** The first factor is verified (an OAuth callback or transfer): on to the second factor, or signed in. */
    finishFirstFactor: afterFirstFactor,

    /** Refuses a banned or locked user before a session is considered; the user. */
    refuseEarly,

    /** Single-session mode: a browser with an active session starts no other sign-in. */
    assertMayStart: assertNoActiveSession,

    /**
     * `POST …/prepare_first_factor`: nothing to prepare for a password; for `email_code` (sign in by code) and
     * `reset_password_email_code` (forgot password) a code is sent to one of the user's verified addresses; for a
     * `passkey`, request options (the user's credentials, or any discoverable one) become the verification's nonce.
     */
    async prepareFirstFactor(
      client: ClientRow,
      signInId: string,
      input: { strategy?: string; emailAddressId?: string; relyingParty?: RelyingParty },
    ): Promise<SignInRow> {
      const signIn = await requireCurrent(client, signInId);
      if (input.strategy === 'passkey' && input.relyingParty && passkeySignIn.awaitsPasskey(signIn)) return passkeySignIn.prepare(signIn, input.relyingParty);
      if (signIn.status !== 'needs_first_factor') throw errors.attemptNotInProgress('sign in', signIn.id, signIn.status);
      if (input.strategy === 'password') return signIn;
      if (!isEmailCodeStrategy(input.strategy)) throw errors.paramValueNotAllowed('strategy', input.strategy ?? '', ['password', 'passkey', ...EMAIL_CODE_STRATEGIES]);
      const email = await emailFor(signIn, input.emailAddressId);
      const { expiresAtMs } = await emailCodes.send(codeSubject(signIn, input.strategy, email.address), email.address);
      const prepared = await updateSignInIn(db, signIn.id, 'needs_first_factor', {
        identification_id: email.id,
        first_factor_strategy: input.strategy,
        first_factor_status: 'unverified',
        first_factor_expire_at: expiresAtMs,
        updated_at: clock.nowMs(),
      });
      if (!prepared) throw errors.conflict('The sign-in changed while the code was being sent; prepare the factor again.');
      return prepared;
    },

    /**
     * `POST …/attempt_first_factor`: a password, or the email code prepared. Wrong passwords and wrong codes count
     * toward the user's lockout alike. A right `reset_password_email_code` leaves the sign-in needing a new password.
     * A `passkey` assertion is checked against the prepared challenge (see passkey-sign-in.ts).
     */
    async attemptFirstFactor(
      client: ClientRow,
      signInId: string,
      input: { strategy?: string; password?: string; code?: string; passkey?: PasskeyStepInput },
    ): Promise<SignInStep> {
      const signIn = await requireCurrent(client, signInId);
      if (input.strategy === 'passkey' && input.passkey && passkeySignIn.awaitsPasskey(signIn)) return passkeySignIn.attempt(client, signIn, input.passkey);
      if (signIn.status !== 'needs_first_factor') throw errors.attemptNotInProgress('sign in', signIn.id, signIn.status);
      if (input.strategy === 'password') {
        if (input.password === undefined) throw errors.paramMissing('password');
        return attemptPassword(client, signIn, input.password);
      }
      if (!isEmailCodeStrategy(input.strategy)) throw errors.strategyForUserInvalid();
      if (!input.code) throw errors.paramMissing('code');
      if (signIn.first_factor_strategy !== input.strategy || signIn.first_factor_status !== 'unverified') throw errors.verificationMissing();
      const email = await emailFor(signIn, signIn.identification_id ?? undefined);
      const strategy = input.strategy;
      await countedCodeCheck(signIn.user_id!, () => emailCodes.check(codeSubject(signIn, strategy, email.address), input.code!));
      if (strategy === 'reset_password_email_code') {
        const waiting = await updateSignInIn(db, signIn.id, 'needs_first_factor', { status: 'needs_new_password', first_factor_status: 'verified', updated_at: clock.nowMs() });
        if (!waiting) throw errors.attemptNotInProgress('sign in', signIn.id, 'complete');
        return { signIn: waiting, clientToken: null };
      }
      return afterFirstFactor(client, signIn, 'needs_first_factor', 'email_code');
    },

    /**
     * `POST …/reset_password` after a right reset code: the new password (the Backend API's policy), optionally
     * signing the user out everywhere else, then on to the second factor or signed in.
     */
    async resetPassword(client: ClientRow, signInId: string, input: { password?: string; signOutOfOtherSessions?: boolean }): Promise<SignInStep> {
      const signIn = await requireCurrent(client, signInId);
      if (signIn.status !== 'needs_new_password') throw errors.attemptNotInProgress('sign in', signIn.id, signIn.status);
      if (!input.password) throw errors.paramMissing('password');
      // Claimed first, so of concurrent resets exactly one sets the password (and it is the one that answers 200).
      const claimed = await updateSignInIn(db, signIn.id, 'needs_new_password', { first_factor_status: 'resetting', updated_at: clock.nowMs() }, 'verified');
      if (!claimed) throw errors.attemptNotInProgress('sign in', signIn.id, 'resetting its password');
      try {
        await users.update(signIn.user_id!, { password: input.password, signOutOfOtherSessions: input.signOutOfOtherSessions ?? false });
      } catch (error) {
        // A refused password (the policy) leaves the reset to try again.
        await updateSignInIn(db, signIn.id, 'needs_new_password', { first_factor_status: 'verified', updated_at: clock.nowMs() }, 'resetting');
        throw error;
      }
      return afterFirstFactor(client, claimed, 'needs_new_password', 'reset_password_email_code');
    },

    /**
     * `POST …/prepare_second_factor`: nothing to prepare for TOTP and backup codes; for `phone_code` a code is texted
     * to the named second-factor phone (else the default one).
     */
    async prepareSecondFactor(client: ClientRow, signInId: string, input: { strategy?: string; phoneNumberId?: string }): Promise<SignInRow> {
      const signIn = await requireCurrent(client, signInId);
      if (signIn.status !== 'needs_second_factor') throw errors.attemptNotInProgress('sign in', signIn.id, signIn.status);
      if (!SECOND_FACTOR_STRATEGIES.includes(input.strategy as (typeof SECOND_FACTOR_STRATEGIES)[number])) {
        throw errors.paramValueNotAllowed('strategy', input.strategy ?? '', [...SECOND_FACTOR_STRATEGIES]);
      }
      if (input.strategy !== 'phone_code') return signIn;
      const phones = await secondFactorPhones(signIn.user_id!);
      const phone = input.phoneNumberId === undefined ? (phones.find((item) => item.default) ?? phones[0]) : phones.find((item) => item.id === input.phoneNumberId);
      if (!phone) throw input.phoneNumberId === undefined ? errors.strategyForUserInvalid() : errors.formResourceNotFound('phone_number_id');
      await refuseEarly(signIn.user_id!);
      // One text per 30 s for this sign-in and phone, so a resend loop cannot pump texts to the number. Within those
      // 30 s the code already sent stays good, and the answer is the same as for the first prepare: clerk-js prepares
      // again whenever the factor-two page loads (a reload, or the navigation that aborted the first request).
      try {
        await phoneCodes.send(phoneSubject(signIn, phone), phone.number, { resendAfterSeconds: SELF_VERIFICATION_RESEND_AFTER_SECONDS });
      } catch (error) {
        if (!(error instanceof ClerkError && error.code === 'too_many_requests')) throw error;
      }
      return signIn;
    },

    /**
     * `POST /v1/client/sign_ins/{id}/attempt_second_factor` with `strategy: totp`, `backup_code` or `phone_code`; wrong
     * codes of each count toward the user's lockout alike.
     */
    async attemptSecondFactor(client: ClientRow, signInId: string, input: { strategy?: string; code?: string }): Promise<SignInStep> {
      const signIn = await requireCurrent(client, signInId);
      if (signIn.status !== 'needs_second_factor') throw errors.attemptNotInProgress('sign in', signIn.id, signIn.status);
      if (!SECOND_FACTOR_STRATEGIES.includes(input.strategy as (typeof SECOND_FACTOR_STRATEGIES)[number])) throw errors.strategyForUserInvalid();
      // Only a strategy the sign-in offers now (its supported_second_factors): an unconfirmed TOTP is not one.
      if (!offersSecondFactor(await service.factorsOf(signIn), input.strategy!)) throw errors.strategyForUserInvalid();
      if (!input.code) throw errors.paramMissing('code');
      if (input.strategy === 'phone_code') {
        await checkPhoneCode(signIn, input.code);
        return complete(client, signIn, 'needs_second_factor', 'phone_code');
      }
      const strategy = input.strategy as 'totp' | 'backup_code';
      try {
        // Only the factor named: a backup code typed as a TOTP code is a wrong TOTP code.
        await mfa.verify(signIn.user_id!, input.code, { only: strategy });
      } catch (error) {
        if (error instanceof ClerkError && error.status === 422) throw errors.codeIncorrect();
        throw error;
      }
      return complete(client, signIn, 'needs_second_factor', strategy);
    },

    /** Whether the user has a password, TOTP or backup codes: what the sign-in offers as factors. */
    async factorsOf(signIn: SignInRow): Promise<SignInFactors> {
      const record = signIn.user_id ? await users.get(signIn.user_id).catch(() => undefined) : undefined;
      if (!record) return NO_SIGN_IN_FACTORS;
      return {
        password: record.user.passwordEnabled,
        totp: record.totpEnabled,
        backupCode: record.backupCodeEnabled,
        emails: record.identifications
          .filter((item) => item.type === 'email_address' && item.verified)
          .map((item) => ({ id: item.id, address: item.value, primary: item.id === record.user.primaryEmailAddressId })),
        phones: record.identifications
          .filter((item) => item.type === 'phone_number' && item.verified && item.reservedForSecondFactor)
          .map((item) => ({ id: item.id, number: item.value, default: item.defaultSecondFactor })),
        passkey: (await passkeys.listForUsers([record.user.id])).some((row) => row.verification_status === 'verified'),
      };
    },
  };
  return service;
}

export type SignInService = ReturnType<typeof createSignInService>;
