import type { ServiceDeps } from '../domain/service-deps.js';
import { ClerkError, errors } from '../lib/error-catalog.js';
import { newId } from '../lib/ids.js';
import { findSignIn, insertSignIn, listActiveSessionsOfClient, updateClient, updateSignInIn } from '../storage/repositories/clients-repository.js';
import { usersWithBackupCodes } from '../storage/repositories/credentials-repository.js';
import { findClaimedIdentification } from '../storage/repositories/identifications-repository.js';
import { findUserById, findUserIdByUsername } from '../storage/repositories/users-repository.js';
import type { ClientRow, SignInRow } from '../storage/tables/client-tables.js';
import type { ClientService } from './client-service.js';
import { assertMaySignIn } from '../sessions/session-service.js';
import { normalizeEmailAddress, normalizePhoneNumber, normalizeUsername } from '../users/identifiers.js';
import { hasSecondFactor, type MFAService } from '../users/mfa-service.js';
import type { PasswordService } from '../users/password-service.js';

/** Clerk abandons a sign-in attempt a day after it starts. */
const ABANDON_AFTER_MS = 24 * 3600 * 1000;

export interface SignInInput {
  identifier?: string | undefined;
  strategy?: string | undefined;
  password?: string | undefined;
}

/**
 * What a step of a sign-in gives: the sign-in, and the client's new cookie secret when the step signed the browser
 * in (the secret is replaced then, so one planted in the browser beforehand holds no session).
 */
export interface SignInStep {
  signIn: SignInRow;
  clientToken: string | null;
}

export interface SignInCollaborators {
  clients: ClientService;
  passwords: PasswordService;
  mfa: MFAService;
}

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
export function createSignInService(deps: ServiceDeps, { clients, passwords, mfa }: SignInCollaborators) {
  const { database, clock, config } = deps;
  const { db } = database;

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
    return db.transaction().execute(async (trx) => {
      const nowMs = clock.nowMs();
      const { session, clientToken } = await clients.startSession(trx, client, { userId, strategy, finished: 'sign_in_id' }, nowMs);
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
  async function refuseEarly(userId: string): Promise<void> {
    const user = await findUserById(db, userId);
    if (!user) throw errors.identifierNotFound();
    assertMaySignIn(user, config.lockout, clock.nowMs());
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
    const user = await findUserById(db, signIn.user_id);
    if (user && (await hasSecondFactor(db, user))) {
      const nowMs = clock.nowMs();
      const advanced = await updateSignInIn(db, signIn.id, 'needs_first_factor', {
        status: 'needs_second_factor',
        first_factor_status: 'verified',
        first_factor_strategy: 'password',
        updated_at: nowMs,
      });
      if (!advanced) throw errors.attemptNotInProgress('sign in', signIn.id, 'complete');
      return { signIn: advanced, clientToken: null };
    }
    return complete(client, signIn, 'needs_first_factor', 'password');
  }

  return {
    /** `POST /v1/client/sign_ins`: a new attempt replacing the client's current one; with a password, tried at once. */
    async create(client: ClientRow, input: SignInInput): Promise<SignInStep> {
      const nowMs = clock.nowMs();
      const identifier = input.identifier?.trim() || null;
      // One signed-in account per browser (Clerk's single-session mode): sign out before signing in again.
      await assertNoActiveSession(client);
      const target = identifier ? await resolveIdentifier(deps, identifier) : undefined;
      if (identifier && !target) throw errors.identifierNotFound();
      if (target) await refuseEarly(target.userId);
      const row: SignInRow = {
        id: newId('sia', nowMs),
        client_id: client.id,
        status: target ? 'needs_first_factor' : 'needs_identifier',
        identifier,
        user_id: target?.userId ?? null,
        identification_id: target?.identificationId ?? null,
        first_factor_strategy: null,
        first_factor_status: null,
        first_factor_attempts: null,
        created_session_id: null,
        abandon_at: nowMs + ABANDON_AFTER_MS,
        created_at: nowMs,
        updated_at: nowMs,
      };
      await insertSignIn(db, row);
      await updateClient(db, client.id, { sign_in_id: row.id, updated_at: nowMs });
      if (input.strategy === 'password' && input.password !== undefined && target) return attemptPassword(client, row, input.password);
      return { signIn: row, clientToken: null };
    },

    get: requireOwn,

    /** `POST /v1/client/sign_ins/{id}/attempt_first_factor` with `strategy: password`. */
    async attemptFirstFactor(client: ClientRow, signInId: string, input: { strategy?: string; password?: string }): Promise<SignInStep> {
      const signIn = await requireCurrent(client, signInId);
      if (signIn.status !== 'needs_first_factor') throw errors.attemptNotInProgress('sign in', signIn.id, signIn.status);
      if (input.strategy !== 'password') throw errors.strategyForUserInvalid();
      if (input.password === undefined) throw errors.paramMissing('password');
      return attemptPassword(client, signIn, input.password);
    },

    /** `POST /v1/client/sign_ins/{id}/attempt_second_factor` with `strategy: totp` or `backup_code`, counted toward lockout. */
    async attemptSecondFactor(client: ClientRow, signInId: string, input: { strategy?: string; code?: string }): Promise<SignInStep> {
      const signIn = await requireCurrent(client, signInId);
      if (signIn.status !== 'needs_second_factor') throw errors.attemptNotInProgress('sign in', signIn.id, signIn.status);
      if (input.strategy !== 'totp' && input.strategy !== 'backup_code') throw errors.strategyForUserInvalid();
      if (!input.code) throw errors.paramMissing('code');
      try {
        // Only the factor named: a backup code typed as a TOTP code is a wrong TOTP code.
        await mfa.verify(signIn.user_id!, input.code, { only: input.strategy });
      } catch (error) {
        if (error instanceof ClerkError && error.status === 422) throw errors.codeIncorrect();
        throw error;
      }
      return complete(client, signIn, 'needs_second_factor', input.strategy);
    },

    /** Whether the user has a password, TOTP or backup codes: what the sign-in offers as factors. */
    async factorsOf(signIn: SignInRow): Promise<{ password: boolean; totp: boolean; backupCode: boolean }> {
      const user = signIn.user_id ? await findUserById(db, signIn.user_id) : undefined;
      if (!user) return { password: false, totp: false, backupCode: false };
      return {
        password: user.password_digest !== null,
        totp: user.totp_secret !== null && user.totp_verified === 1,
        backupCode: (await usersWithBackupCodes(db, [user.id])).has(user.id),
      };
    },
  };
}

export type SignInService = ReturnType<typeof createSignInService>;
