import type { ServiceDeps } from '../domain/service-deps.js';
import type { IdentifierLists } from '../invitations/identifier-lists.js';
import { ClerkError, errors } from '../lib/error-catalog.js';
import { newId } from '../lib/ids.js';
import { identityColumns, linkExternalAccount, newExternalAccountRow, refreshLinkedAccount } from '../oauth/external-accounts.js';
import type { OAuthFlow, OAuthOutcome } from '../oauth/oauth-flow.js';
import type { ProviderIdentity } from '../oauth/provider-client.js';
import type { OAuthStartRequest } from '../oauth/start-request.js';
import { uniqueViolationTarget } from '../storage/constraint-violations.js';
import {
  findClientById,
  listActiveSessionsOfClient,
  findSignIn,
  findSignUp,
  insertSignIn,
  insertSignUp,
  updateClient,
  updateSignInIn,
  updateSignUpIn,
} from '../storage/repositories/clients-repository.js';
import {
  deleteExternalAccount,
  findExternalAccount,
  findExternalAccountBySubject,
  findExternalAccountOfUser,
  insertExternalAccount,
  updateExternalAccount,
} from '../storage/repositories/external-accounts-repository.js';
import { findClaimedIdentification } from '../storage/repositories/identifications-repository.js';
import type { ClientRow, SignInRow, SignUpRow } from '../storage/tables/client-tables.js';
import type { ExternalAccountRow, OAuthAuthorizationRow } from '../storage/tables/oauth-tables.js';
import { normalizeEmailAddress } from '../users/identifiers.js';
import { newSignInRow, type SignInService, type SignInStep } from './sign-in-service.js';
import { newSignUpRow, type SignUpService } from './sign-up-service.js';

export type { OAuthStartRequest };

/** Whom a provider account belongs to in Roster. */
type Resolution =
  | { kind: 'linked'; account: ExternalAccountRow }
  | { kind: 'link'; userId: string }
  | { kind: 'claimed' }
  | { kind: 'new' };

export interface OAuthAttemptCollaborators {
  flow: OAuthFlow;
  signIns: SignInService;
  signUps: SignUpService;
  lists: IdentifierLists;
}

/**
 * OAuth sign-in, sign-up and "connect an account", as clerk-js drives them: start (the provider's URL in the
 * attempt's verification), the provider's callback (completing the attempt the `state` names), and the transfers
 * between sign-in and sign-up. Account linking: a provider account already linked signs its user in; otherwise an
 * address the provider says it verified that matches a user's verified address links to that user; an address
 * another user holds that either side has not verified is never linked (`oauth_identification_claimed`).
 */
export function createOAuthAttempts(deps: ServiceDeps, { flow, signIns, signUps, lists }: OAuthAttemptCollaborators) {
  const { clock } = deps;
  const { db } = deps.database;

  /**
   * Whether the provider verified exactly `address` (a stored, normalised one): its own spelling, trimmed and with
   * ASCII letters lower-cased, must be that address; Unicode folding does not count.
   */
  function providerVerified(identity: ProviderIdentity, address: string): boolean {
    const raw = identity.profile.emailAddress;
    if (identity.profile.emailAddressVerified !== true || !raw) return false;
    return raw.trim().replace(/[A-Z]/g, (letter) => letter.toLowerCase()) === address;
  }

  /** Records a new sign-in or sign-up as the client's current one (replacing any earlier attempt). */
  async function makeCurrent(client: ClientRow, attempt: { signIn: SignInRow } | { signUp: SignUpRow }, nowMs: number): Promise<void> {
    await db.transaction().execute(async (trx) => {
      if ('signIn' in attempt) {
        await insertSignIn(trx, attempt.signIn);
        await updateClient(trx, client.id, { sign_in_id: attempt.signIn.id, updated_at: nowMs });
      } else {
        await insertSignUp(trx, attempt.signUp);
        await updateClient(trx, client.id, { sign_up_id: attempt.signUp.id, updated_at: nowMs });
      }
    });
  }

  async function resolve(provider: string, identity: ProviderIdentity): Promise<Resolution> {
    const account = await findExternalAccountBySubject(db, provider, identity.profile.providerUserId);
    if (account && account.verification_status === 'verified') return { kind: 'linked', account };
    const email = identity.profile.emailAddress ? normalizeEmailAddress(identity.profile.emailAddress) : null;
    if (!email) return { kind: 'new' };
    const claimed = await findClaimedIdentification(db, 'email_address', email);
    if (!claimed) return { kind: 'new' };
    // Only an address both sides verified proves the same person: anything less would let whoever controls a
    // provider account with someone's unverified address take over their Roster account. And only the very address:
    // one that merely normalises to it (a Kelvin sign for a k, full-width letters) is another mailbox.
    if (claimed.verified === 1 && providerVerified(identity, claimed.identifier)) return { kind: 'link', userId: claimed.user_id };
    return { kind: 'claimed' };
  }

  const codeOf = (error: unknown): string => {
    if (error instanceof ClerkError) return error.code;
    throw error;
  };

  /** A sign-in's OAuth factor failed: recorded on the sign-in, which clerk-js reads after the redirect. */
  async function failSignIn(signIn: SignInRow, code: string): Promise<void> {
    await updateSignInIn(db, signIn.id, signIn.status, { first_factor_status: 'failed', first_factor_error: code, updated_at: clock.nowMs() });
  }

  /**
   * The provider account's user signs in: banned, locked and listed users are refused; the account is linked (or
   * refreshed with the provider's current profile and tokens); then a second factor, or the session.
   */
  async function signInAs(client: ClientRow, signIn: SignInRow, resolution: Extract<Resolution, { kind: 'linked' | 'link' }>, identity: ProviderIdentity): Promise<SignInStep> {
    const strategy = signIn.first_factor_strategy!;
    const userId = resolution.kind === 'linked' ? resolution.account.user_id : resolution.userId;
    const identifier = normalizeEmailAddress(identity.profile.emailAddress ?? '') ?? identity.profile.providerUserId;
    await signIns.refuseEarly(userId);
    await lists.assertUserMaySignIn(userId, identifier);
    const nowMs = clock.nowMs();
    if (resolution.kind === 'linked') await refreshLinkedAccount(deps, db, resolution.account, identity, nowMs);
    else await linkExternalAccount(deps, db, { userId, provider: strategy, identity, nowMs });
    const verified = await updateSignInIn(db, signIn.id, signIn.status, { user_id: userId, identifier, first_factor_status: 'verified', first_factor_error: null, updated_at: nowMs });
    if (!verified) throw errors.attemptNotInProgress('sign in', signIn.id, 'complete');
    return signIns.finishFirstFactor(client, verified, verified.status, strategy);
  }

  /** The callback of a sign-in: signed in, on to a second factor, transferable to a sign-up, or failed. */
  async function completeSignIn(client: ClientRow, signIn: SignInRow, authorization: OAuthAuthorizationRow, outcome: OAuthOutcome): Promise<SignInStep | null> {
    if (outcome.error) {
      await failSignIn(signIn, outcome.error.code);
      return null;
    }
    const resolution = await resolve(authorization.provider, outcome.identity);
    if (resolution.kind === 'claimed') {
      await failSignIn(signIn, 'oauth_identification_claimed');
      return null;
    }
    if (resolution.kind === 'new') {
      // No such user: clerk-js transfers to a sign-up (`sign_ups {transfer: true}`), which takes the identity kept here.
      await flow.keepIdentity(db, authorization.id, outcome.identity);
      await updateSignInIn(db, signIn.id, signIn.status, { first_factor_status: 'transferable', first_factor_error: 'external_account_not_found', updated_at: clock.nowMs() });
      return null;
    }
    try {
      return await signInAs(client, signIn, resolution, outcome.identity);
    } catch (error) {
      await failSignIn(signIn, codeOf(error));
      return null;
    }
  }

  /** A sign-up takes the provider's answer: its address (verified when the provider says so), names, and the link to come. */
  async function fillSignUp(client: ClientRow, signUp: SignUpRow, strategy: string, authorizationId: string, identity: ProviderIdentity) {
    const email = identity.profile.emailAddress ? normalizeEmailAddress(identity.profile.emailAddress) : null;
    if (email) await lists.assertAllowed('email_address', email);
    await flow.keepIdentity(db, authorizationId, identity);
    const filled = await updateSignUpIn(db, signUp.id, 'missing_requirements', {
      external_strategy: strategy,
      external_status: 'verified',
      external_error: null,
      oauth_authorization_id: authorizationId,
      email_address: email,
      email_verification_status: email && providerVerified(identity, email) ? 'verified' : null,
      email_verification_expire_at: null,
      first_name: identity.profile.firstName || null,
      last_name: identity.profile.lastName || null,
      updated_at: clock.nowMs(),
    });
    if (!filled) throw errors.attemptNotInProgress('sign up', signUp.id, 'complete');
    return signUps.advance(client, filled);
  }

  async function failSignUp(signUp: SignUpRow, status: 'failed' | 'transferable', code: string): Promise<void> {
    await updateSignUpIn(db, signUp.id, 'missing_requirements', { external_status: status, external_error: code, updated_at: clock.nowMs() });
  }

  /** The callback of a sign-up: a user made, more fields wanted, transferable to a sign-in, or failed. */
  async function completeSignUp(client: ClientRow, signUp: SignUpRow, authorization: OAuthAuthorizationRow, outcome: OAuthOutcome) {
    if (outcome.error) return failSignUp(signUp, 'failed', outcome.error.code).then(() => null);
    const resolution = await resolve(authorization.provider, outcome.identity);
    if (resolution.kind === 'claimed') return failSignUp(signUp, 'failed', 'oauth_identification_claimed').then(() => null);
    if (resolution.kind !== 'new') {
      // The person already has an account: clerk-js transfers to a sign-in (`sign_ins {transfer: true}`).
      await flow.keepIdentity(db, authorization.id, outcome.identity);
      return failSignUp(signUp, 'transferable', 'external_account_exists').then(() => null);
    }
    try {
      return await fillSignUp(client, signUp, authorization.provider, authorization.id, outcome.identity);
    } catch (error) {
      await failSignUp(signUp, 'failed', codeOf(error));
      return null;
    }
  }

  /** The callback of "connect an account" from the profile: the pending account verified, or failed. */
  async function completeConnect(authorization: OAuthAuthorizationRow, outcome: OAuthOutcome): Promise<void> {
    const account = await findExternalAccount(db, authorization.attempt_id);
    if (!account || account.verification_status !== 'unverified') return;
    const nowMs = clock.nowMs();
    const fail = (code: string) => updateExternalAccount(db, account.id, { verification_status: 'failed', verification_error: code, verification_external_url: null, updated_at: nowMs });
    if (outcome.error) return void (await fail(outcome.error.code));
    // The browser must still be signed in as the account's user: someone else signed in there since (the user
    // signed out mid-way) must not link their provider account to the first user.
    const sessions = await listActiveSessionsOfClient(db, authorization.client_id, nowMs);
    if (!sessions.some((session) => session.user_id === account.user_id)) return void (await fail('oauth_callback_invalid'));
    const other = await findExternalAccountBySubject(db, account.provider, outcome.identity.profile.providerUserId);
    if (other && other.id !== account.id) return void (await fail('external_account_exists'));
    try {
      await updateExternalAccount(db, account.id, {
        ...identityColumns(deps, outcome.identity),
        verification_status: 'verified',
        verification_error: null,
        verification_external_url: null,
        token_version: account.token_version + 1,
        updated_at: nowMs,
      });
    } catch (error) {
      if (uniqueViolationTarget(error) !== 'external_account_subject') throw error;
      await fail('external_account_exists');
    }
  }

  return {
    /** `POST /v1/client/sign_ins {strategy: oauth_x}`: a sign-in whose first factor is the provider. */
    async signIn(client: ClientRow, request: OAuthStartRequest): Promise<SignInRow> {
      await signIns.assertMayStart(client);
      const nowMs = clock.nowMs();
      const row = newSignInRow(client.id, nowMs);
      const started = await flow.start(db, { ...request, clientId: client.id, purpose: 'sign_in', attemptId: row.id });
      Object.assign(row, {
        first_factor_strategy: request.strategy,
        first_factor_status: 'unverified',
        first_factor_expire_at: started.expireAt,
        first_factor_external_url: started.url,
        oauth_authorization_id: started.authorizationId,
      });
      await makeCurrent(client, { signIn: row }, nowMs);
      return row;
    },

    /** `POST /v1/client/sign_ups {strategy: oauth_x}`: a sign-up whose `external_account` verification is the provider. */
    async signUp(client: ClientRow, request: OAuthStartRequest): Promise<SignUpRow> {
      await signUps.assertMayStart(client);
      const nowMs = clock.nowMs();
      const row = newSignUpRow(client.id, nowMs);
      const started = await flow.start(db, { ...request, clientId: client.id, purpose: 'sign_up', attemptId: row.id });
      Object.assign(row, {
        external_strategy: request.strategy,
        external_status: 'unverified',
        external_url: started.url,
        oauth_authorization_id: started.authorizationId,
      });
      await makeCurrent(client, { signUp: row }, nowMs);
      return row;
    },

    /** `POST /v1/me/external_accounts {strategy: oauth_x}`: a pending account of the user, verified by the callback. */
    async connect(userId: string, clientId: string, request: OAuthStartRequest): Promise<ExternalAccountRow> {
      flow.provider(request.strategy);
      const existing = await findExternalAccountOfUser(db, userId, request.strategy);
      if (existing?.verification_status === 'verified') throw errors.oauthAccountAlreadyConnected(flow.provider(request.strategy).config.name);
      // An earlier connection that never came back (or failed) makes way for this one.
      if (existing) await deleteExternalAccount(db, userId, existing.id);
      const nowMs = clock.nowMs();
      const id = newId('eac', nowMs);
      const started = await flow.start(db, { ...request, clientId, purpose: 'connect', attemptId: id });
      const row: ExternalAccountRow = {
        ...newExternalAccountRow({ id, userId, provider: request.strategy, nowMs }),
        verification_expire_at: started.expireAt,
        verification_external_url: started.url,
      };
      try {
        await insertExternalAccount(db, row);
      } catch (error) {
        if (uniqueViolationTarget(error) === 'external_account_provider') throw errors.oauthAccountAlreadyConnected(flow.provider(request.strategy).config.name);
        throw error;
      }
      return row;
    },

    /**
     * `GET /v1/oauth_callback`: completes what the `state` started, and says where the browser goes (the attempt's
     * `redirect_url`) and the client's new cookie secret when a session started.
     */
    async callback(query: URLSearchParams, clientId: string | null, callbackUrl: string): Promise<{ redirectUrl: string; clientToken: string | null }> {
      const { authorization, outcome } = await flow.callback({ query, clientId, callbackUrl });
      const done = { redirectUrl: authorization.redirect_url, clientToken: null as string | null };
      // Signed in at the callback: straight to the page after sign-in (`action_complete_redirect_url`); anything
      // more to do (a transfer, a second factor, missing fields, an error) is clerk-js's, at `redirect_url`.
      const finished = (complete: boolean, clientToken: string | null) => ({
        redirectUrl: complete ? (authorization.action_complete_redirect_url ?? authorization.redirect_url) : authorization.redirect_url,
        clientToken,
      });
      const client = await findClientById(db, authorization.client_id);
      if (!client) return done;
      if (authorization.purpose === 'connect') {
        await completeConnect(authorization, outcome);
        return done;
      }
      if (authorization.purpose === 'sign_in') {
        const signIn = await findSignIn(db, authorization.attempt_id);
        // Only the client's current sign-in, still waiting for this provider (a newer attempt replaced it otherwise).
        if (!signIn || client.sign_in_id !== signIn.id || signIn.first_factor_status !== 'unverified' || signIn.oauth_authorization_id !== authorization.id) return done;
        const step = await completeSignIn(client, signIn, authorization, outcome);
        return finished(step?.signIn.status === 'complete', step?.clientToken ?? null);
      }
      const signUp = await findSignUp(db, authorization.attempt_id);
      if (!signUp || client.sign_up_id !== signUp.id || signUp.status !== 'missing_requirements' || signUp.external_status !== 'unverified' || signUp.oauth_authorization_id !== authorization.id) {
        return done;
      }
      const step = await completeSignUp(client, signUp, authorization, outcome);
      return finished(step?.signUp.status === 'complete', step?.clientToken ?? null);
    },

    /** `POST /v1/client/sign_ups {transfer: true}`: the sign-in's provider account, new to Roster, becomes a sign-up. */
    async transferToSignUp(client: ClientRow) {
      const signIn = client.sign_in_id ? await findSignIn(db, client.sign_in_id) : undefined;
      const identity = signIn?.first_factor_status === 'transferable' ? await flow.identityOf(signIn.oauth_authorization_id) : null;
      if (!signIn || !identity) throw errors.accountTransferInvalid();
      await signUps.assertMayStart(client);
      const nowMs = clock.nowMs();
      const row = newSignUpRow(client.id, nowMs);
      await makeCurrent(client, { signUp: row }, nowMs);
      return fillSignUp(client, row, signIn.first_factor_strategy!, signIn.oauth_authorization_id!, identity);
    },

    /** `POST /v1/client/sign_ins {transfer: true}`: the sign-up's provider account belongs to a user, who signs in. */
    async transferToSignIn(client: ClientRow): Promise<SignInStep> {
      const signUp = client.sign_up_id ? await findSignUp(db, client.sign_up_id) : undefined;
      const identity = signUp?.external_status === 'transferable' ? await flow.identityOf(signUp.oauth_authorization_id) : null;
      if (!signUp || !identity) throw errors.accountTransferInvalid();
      const strategy = signUp.external_strategy!;
      const resolution = await resolve(strategy, identity);
      if (resolution.kind === 'new' || resolution.kind === 'claimed') throw errors.accountTransferInvalid();
      await signIns.assertMayStart(client);
      const nowMs = clock.nowMs();
      const row: SignInRow = {
        ...newSignInRow(client.id, nowMs),
        first_factor_strategy: strategy,
        first_factor_status: 'unverified',
        oauth_authorization_id: signUp.oauth_authorization_id,
      };
      await makeCurrent(client, { signIn: row }, nowMs);
      const step = await signInAs(client, row, resolution, identity);
      // Used up: the tokens live (sealed) with the external account now.
      await flow.keepIdentity(db, signUp.oauth_authorization_id!, null);
      return step;
    },
  };
}

export type OAuthAttempts = ReturnType<typeof createOAuthAttempts>;
