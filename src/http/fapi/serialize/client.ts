import type { ClientSession, ClientState } from '../../../clients/client-service.js';
import { signUpFields, signUpProgress } from '../../../clients/sign-up-service.js';
import type { Config } from '../../../config/config.js';
import { verificationErrorOf } from '../../routes/users/external-account-json.js';
import { effectiveStatus } from '../../../sessions/session-lifetime.js';
import { NO_SIGN_IN_FACTORS, type SignInFactors } from '../../../clients/sign-in-service.js';
import type { SignInRow, SignUpRow } from '../../../storage/tables/client-tables.js';
import type { SerializeContext } from '../../serialize-context.js';
import { toFapiUserJSON, toPublicUserDataJSON } from './user.js';

export type { SignInFactors };

export interface FapiSerializeContext extends SerializeContext {
  config: Readonly<Config>;
  nowMs: number;
}

/** `Client.Session`: the session, its user, and a fresh token when the caller minted one. */
export function toClientSessionJSON(item: ClientSession, context: FapiSerializeContext, jwt: string | null) {
  const { session, user } = item;
  const firstFactorAge = Math.max(0, Math.floor((context.nowMs - session.first_factor_verified_at) / 60_000));
  return {
    object: 'session' as const,
    id: session.id,
    status: effectiveStatus(session, context.nowMs),
    expire_at: session.expire_at,
    abandon_at: session.abandon_at,
    last_active_at: session.last_active_at,
    last_active_token: jwt ? { object: 'token' as const, jwt } : null,
    actor: session.actor ? (JSON.parse(session.actor) as Record<string, unknown>) : null,
    last_active_organization_id: session.active_organization_id,
    user: toFapiUserJSON(user, context),
    public_user_data: toPublicUserDataJSON(user, context),
    factor_verification_age: [firstFactorAge, -1],
    created_at: session.created_at,
    updated_at: session.updated_at,
  };
}

function supportedIdentifiers(config: Readonly<Config>): ('email_address' | 'phone_number' | 'username')[] {
  return [...config.frontend.signInIdentifiers];
}

/** `Client.SignIn`. */
/** `jane@example.com` → `j***@example.com`: enough to recognise an address, as Clerk's `safe_identifier`. */
function safeEmail(address: string): string {
  const at = address.lastIndexOf('@');
  return at > 0 ? `${address[0]}***${address.slice(at)}` : '***';
}

/** `+15555550123` → `+*******0123`: the last four digits, as Clerk's `safe_identifier` of a phone. */
function safePhone(number: string): string {
  return `+${'*'.repeat(Math.max(0, number.length - 5))}${number.slice(-4)}`;
}

/**
 * An OAuth verification (`verification_oauth`): the provider's URL while unverified, Clerk's error code when it
 * failed or is `transferable` (clerk-js reads `external_account_not_found` / `external_account_exists` there).
 */
export function oauthVerificationJSON(input: { strategy: string; status: string; url: string | null; error: string | null; expireAt: number | null }) {
  return {
    object: 'verification_oauth' as const,
    status: input.status as 'unverified' | 'verified' | 'failed' | 'expired' | 'transferable',
    strategy: input.strategy,
    external_verification_redirect_url: input.status === 'unverified' ? input.url : null,
    error: verificationErrorOf(input.error),
    attempts: null,
    expire_at: input.expireAt ?? 0,
  };
}

/** The first factor's verification: a password, or the email code sent for a sign-in by code or a password reset. */
function firstFactorVerification(signIn: SignInRow, context: FapiSerializeContext) {
  const strategy = signIn.first_factor_strategy;
  if (strategy?.startsWith('oauth_')) {
    const expired = signIn.first_factor_status === 'unverified' && (signIn.first_factor_expire_at ?? 0) <= context.nowMs;
    return oauthVerificationJSON({
      strategy,
      status: expired ? 'expired' : (signIn.first_factor_status ?? 'unverified'),
      url: signIn.first_factor_external_url,
      error: signIn.first_factor_error,
      expireAt: signIn.first_factor_expire_at,
    });
  }
  if (strategy === 'email_code' || strategy === 'reset_password_email_code') {
    const verified = signIn.first_factor_status === 'verified';
    const expireAt = signIn.first_factor_expire_at ?? 0;
    return {
      object: 'verification_otp' as const,
      status: (verified ? 'verified' : expireAt <= context.nowMs ? 'expired' : 'unverified') as 'verified' | 'expired' | 'unverified',
      strategy,
      attempts: null,
      expire_at: expireAt,
    };
  }
  if (strategy === 'passkey') {
    const verified = signIn.first_factor_status === 'verified';
    const expireAt = signIn.first_factor_expire_at ?? 0;
    const status = verified ? 'verified' : expireAt <= context.nowMs ? 'expired' : 'unverified';
    return {
      object: 'verification_passkey' as const,
      status: status as 'verified' | 'expired' | 'unverified',
      strategy: 'passkey' as const,
      // The request options (JSON text) while the authenticator's answer is awaited: clerk-js reads them here.
      ...(status === 'unverified' && signIn.first_factor_external_url ? { nonce: signIn.first_factor_external_url } : {}),
      attempts: null,
      expire_at: expireAt,
    };
  }
  if (strategy === 'ticket') {
    // A sign-in token or actor token: verified once used (a sign-in with a ticket is recorded only then).
    return { object: 'verification_ticket' as const, status: 'verified' as const, strategy: 'ticket' as const, attempts: null, expire_at: null };
  }
  if (signIn.first_factor_status === 'verified' || signIn.status === 'needs_second_factor' || signIn.status === 'complete') {
    return { object: 'verification_password' as const, status: 'verified' as const, strategy: 'password' as const, attempts: null, expire_at: null };
  }
  return null;
}

export function toSignInJSON(signIn: SignInRow, factors: SignInFactors, context: FapiSerializeContext) {
  const emailFactors = factors.emails.flatMap((email) =>
    (['email_code', 'reset_password_email_code'] as const).map((strategy) => ({
      strategy,
      safe_identifier: safeEmail(email.address),
      email_address_id: email.id,
      primary: email.primary,
    })),
  );
  const firstFactors = [...(factors.passkey ? [{ strategy: 'passkey' as const }] : []), ...(factors.password ? [{ strategy: 'password' as const }] : []), ...emailFactors];
  const secondFactors = [
    ...(factors.totp ? [{ strategy: 'totp' as const }] : []),
    ...factors.phones.map((phone) => ({ strategy: 'phone_code' as const, safe_identifier: safePhone(phone.number), phone_number_id: phone.id, default: phone.default })),
    ...(factors.backupCode ? [{ strategy: 'backup_code' as const }] : []),
  ];
  return {
    object: 'sign_in_attempt' as const,
    id: signIn.id,
    status: signIn.status,
    supported_identifiers: supportedIdentifiers(context.config),
    supported_first_factors: signIn.user_id ? firstFactors : [],
    supported_second_factors: signIn.status === 'needs_second_factor' ? secondFactors : null,
    first_factor_verification: firstFactorVerification(signIn, context),
    second_factor_verification: null,
    identifier: signIn.identifier,
    user_data: null,
    created_session_id: signIn.created_session_id,
    abandon_at: signIn.abandon_at,
  };
}

/** `Client.SignUp`. */
export function toSignUpJSON(signUp: SignUpRow, context: FapiSerializeContext) {
  const { required, optional } = signUpFields(context.config);
  const { missing, unverified } = signUpProgress(signUp, context.config);
  // Until prepare_verification there is no verification: clerk-ui's SignUp prepares one only when the sign-up
  // does not already show an `unverified` email_code verification, so showing one here would skip the prepare.
  const emailVerification =
    signUp.email_address === null || signUp.email_verification_status === null
      ? null
      : signUp.ticket_invitation_id !== null && signUp.email_verification_status === 'verified'
        ? // The invited address, verified by the invitation's ticket.
          {
            object: 'verification_ticket' as const,
            status: 'verified' as const,
            strategy: 'ticket' as const,
            attempts: null,
            expire_at: null,
            next_action: '' as const,
            supported_strategies: ['ticket'],
          }
        : {
          object: 'verification_otp' as const,
          status: (signUp.email_verification_status === 'verified'
            ? 'verified'
            : signUp.email_verification_expire_at !== null && signUp.email_verification_expire_at <= context.nowMs
              ? 'expired'
              : 'unverified') as 'verified' | 'expired' | 'unverified',
          strategy: 'email_code' as const,
          attempts: signUp.email_verification_attempts,
          expire_at: signUp.email_verification_expire_at ?? 0,
          next_action: (signUp.email_verification_status === 'verified'
            ? ''
            : signUp.email_verification_status === 'unverified'
              ? 'needs_attempt'
              : 'needs_prepare') as '' | 'needs_attempt' | 'needs_prepare',
          supported_strategies: ['email_code'],
        };
  return {
    object: 'sign_up_attempt' as const,
    id: signUp.id,
    status: signUp.status,
    required_fields: required,
    optional_fields: optional,
    missing_fields: signUp.status === 'complete' ? [] : missing,
    unverified_fields: signUp.status === 'complete' ? [] : unverified,
    verifications: {
      email_address: emailVerification,
      phone_number: null,
      web3_wallet: null,
      external_account:
        signUp.external_strategy && signUp.external_status
          ? oauthVerificationJSON({ strategy: signUp.external_strategy, status: signUp.external_status, url: signUp.external_url, error: signUp.external_error, expireAt: signUp.abandon_at })
          : null,
    },
    username: signUp.username,
    email_address: signUp.email_address,
    phone_number: null,
    web3_wallet: null,
    password_enabled: signUp.password_digest !== null,
    first_name: signUp.first_name,
    last_name: signUp.last_name,
    unsafe_metadata: signUp.unsafe_metadata ? (JSON.parse(signUp.unsafe_metadata) as Record<string, unknown>) : {},
    public_metadata: {},
    custom_action: false,
    external_id: null,
    created_session_id: signUp.created_session_id,
    created_user_id: signUp.created_user_id,
    abandon_at: signUp.abandon_at,
    legal_accepted_at: signUp.legal_accepted_at,
  };
}

/** Tokens minted for the client's sessions, by session id (each active session gets a fresh one). */
export type SessionTokens = ReadonlyMap<string, string>;

/** `Client.Client`. */
export function toClientJSON(
  state: ClientState,
  extras: { tokens: SessionTokens; signInFactors: SignInFactors | null; cookieExpiresAt: number | null },
  context: FapiSerializeContext,
) {
  const { client } = state;
  return {
    object: 'client' as const,
    id: client.id,
    sessions: state.sessions.map((item) => toClientSessionJSON(item, context, extras.tokens.get(item.session.id) ?? null)),
    sign_in: state.signIn ? toSignInJSON(state.signIn, extras.signInFactors ?? NO_SIGN_IN_FACTORS, context) : null,
    sign_up: state.signUp ? toSignUpJSON(state.signUp, context) : null,
    last_active_session_id: state.sessions.some((item) => item.session.id === client.last_active_session_id) ? client.last_active_session_id : null,
    last_authentication_strategy: client.last_authentication_strategy,
    cookie_expires_at: extras.cookieExpiresAt,
    captcha_bypass: false,
    created_at: client.created_at,
    updated_at: client.updated_at,
  };
}
