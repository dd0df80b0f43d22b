import type { Config } from '../config/config.js';
import type { FrontendConfig, FrontendUrls, SignUpMode } from '../config/frontend-config.js';
import { MAX_PASSWORD_BYTES } from '../passwords/password-policy.js';
import { USERNAME_MAX_LENGTH, USERNAME_MIN_LENGTH } from '../users/identifiers.js';

/** Development instances (`sk_test_` keys) and production ones (`sk_live_`), as Clerk tells them apart. */
export type InstanceType = 'development' | 'production';

/** The user attributes Clerk's components know, in the order Clerk lists them. */
export const ATTRIBUTE_NAMES = [
  'email_address',
  'phone_number',
  'username',
  'web3_wallet',
  'first_name',
  'last_name',
  'password',
  'authenticator_app',
  'ticket',
  'backup_code',
  'passkey',
] as const;
export type AttributeName = (typeof ATTRIBUTE_NAMES)[number];

/** How one attribute is used: at sign-up (`enabled`, `required`), to sign in, as a second factor. */
export interface AttributeSettings {
  /** Collected at sign-up and editable in the profile. */
  enabled: boolean;
  /** Must be given at sign-up. */
  required: boolean;
  /** Can be typed as the identifier at sign-in. */
  usedForFirstFactor: boolean;
  /** Sign-in strategies this attribute offers on its own (e.g. `email_code`); the password is its own attribute. */
  firstFactors: readonly string[];
  usedForSecondFactor: boolean;
  secondFactors: readonly string[];
  /** How the attribute is verified (`email_code`). */
  verifications: readonly string[];
  verifyAtSignUp: boolean;
}

/**
 * What Roster's Frontend API implements, as opposed to what the operator configures. Each flag turns on the
 * settings that make Clerk's components offer a flow, so it must be true only once the FAPI serves that flow.
 */
export interface FrontendFeatures {
  /** Sign-in by a code sent to the email address (`email_code` first factor). @default false */
  emailCodeSignIn: boolean;
  /** TOTP, backup codes and SMS codes asked at sign-in and managed from the profile (issue 12). @default false */
  secondFactors: boolean;
  /** Organizations in the components (`/v1/me/organization_memberships`, switcher, profile). @default false */
  organizations: boolean;
  /** Users may delete their own account from the profile (`DELETE /v1/me`). @default false */
  deleteSelf: boolean;
  /** Passkeys registered from the profile (`/v1/me/passkeys`) and signed in with (`strategy: passkey`). @default false */
  passkeys: boolean;
}

export const DEFAULT_FRONTEND_FEATURES: Readonly<FrontendFeatures> = Object.freeze({
  emailCodeSignIn: false,
  secondFactors: false,
  organizations: false,
  deleteSelf: false,
  passkeys: false,
});

/** An OAuth provider people may sign up and in with (a social connection, in Clerk's words). */
export interface SocialProvider {
  /** `oauth_google`, `oauth_custom_acme`, … */
  strategy: string;
  /** Shown on the button: "Continue with <name>". */
  name: string;
}

/** The instance's settings as Clerk's browser SDK needs them (the domain side of `GET /v1/environment`). */
export interface FrontendEnvironment {
  instanceType: InstanceType;
  applicationName: string;
  /** Development instances accept `+clerk_test` email addresses with the fixed code. */
  testMode: boolean;
  singleSessionMode: boolean;
  attributes: Readonly<Record<AttributeName, AttributeSettings>>;
  /** Strategies offered at sign-in, over all attributes (`password`, …). */
  firstFactors: readonly string[];
  secondFactors: readonly string[];
  /** The configured OAuth providers, in the order configured. */
  socialProviders: readonly SocialProvider[];
  signUpMode: SignUpMode;
  /** Only allowlisted identifiers sign up and in (ROSTER_ALLOWLIST); the blocklist always applies. */
  allowlistEnabled: boolean;
  password: { minLength: number; maxLength: number; breachedPasswordsRefused: boolean };
  username: { minLength: number; maxLength: number };
  lockout: { enabled: boolean; maxAttempts: number; durationInMinutes: number };
  organizations: { enabled: boolean; maxAllowedMemberships: number; creatorRole: string; defaultRole: string };
  actions: { deleteSelf: boolean; createOrganization: boolean };
  /** `<SignIn/>` offers "Use passkey" and passkey autofill. */
  passkeys: { enabled: boolean };
  urls: FrontendUrls;
  supportEmail: string | null;
}

/** What `frontendEnvironment` reads from Roster's configuration. */
export type EnvironmentConfig = Pick<Config, 'requiredIdentifiers' | 'passwordMinLength' | 'lockout' | 'organizations' | 'sessions' | 'oauth'> & {
  frontend: FrontendConfig;
};

export interface FrontendEnvironmentOptions {
  instanceType: InstanceType;
  /** Overrides of `DEFAULT_FRONTEND_FEATURES`. */
  features?: Partial<FrontendFeatures>;
}

const OFF: AttributeSettings = Object.freeze({
  enabled: false,
  required: false,
  usedForFirstFactor: false,
  firstFactors: [],
  usedForSecondFactor: false,
  secondFactors: [],
  verifications: [],
  verifyAtSignUp: false,
});

function attributesOf(config: EnvironmentConfig, features: FrontendFeatures): Record<AttributeName, AttributeSettings> {
  const { frontend } = config;
  const signIn = new Set(frontend.signInIdentifiers);
  const { firstName, lastName } = frontend.signUpAttributes;
  // Every user must have a username when ROSTER_REQUIRED_IDENTIFIERS says so: then sign-up asks for one.
  const username = config.requiredIdentifiers.includes('username') ? 'required' : frontend.signUpAttributes.username;
  const secondFactor = (strategy: string): AttributeSettings =>
    features.secondFactors ? { ...OFF, enabled: true, usedForSecondFactor: true, secondFactors: [strategy] } : OFF;
  return {
    // Sign-up always collects an email address, verified by a code: the one identifier Roster can verify itself.
    email_address: {
      ...OFF,
      enabled: true,
      required: true,
      usedForFirstFactor: signIn.has('email_address'),
      firstFactors: features.emailCodeSignIn ? ['email_code'] : [],
      verifications: ['email_code'],
      verifyAtSignUp: true,
    },
    // A phone number is never collected at sign-up (sign-up verifies only an email address); numbers set through the
    // Backend API may be typed to sign in with the password. With second factors, a phone verified by an SMS code
    // from the profile can be the second step (`phone_code`).
    phone_number: {
      ...OFF,
      usedForFirstFactor: signIn.has('phone_number'),
      ...(features.secondFactors ? { usedForSecondFactor: true, secondFactors: ['phone_code'], verifications: ['phone_code'] } : {}),
    },
    username: { ...OFF, enabled: username !== 'off', required: username === 'required', usedForFirstFactor: signIn.has('username') },
    web3_wallet: OFF,
    first_name: { ...OFF, enabled: firstName !== 'off', required: firstName === 'required' },
    last_name: { ...OFF, enabled: lastName !== 'off', required: lastName === 'required' },
    // Every sign-up sets a password: Roster has no password-less first factor yet.
    password: { ...OFF, enabled: true, required: true },
    authenticator_app: secondFactor('totp'),
    ticket: OFF,
    backup_code: secondFactor('backup_code'),
    // As Clerk's environment turns passkeys on: a way to sign in on its own, added from the profile, never at sign-up.
    passkey: features.passkeys ? { ...OFF, enabled: true, usedForFirstFactor: true, firstFactors: ['passkey'], verifications: ['passkey'] } : OFF,
  };
}

/** Minutes for Clerk's `duration_in_minutes`; a lockout that never expires is 0 (Clerk has no value for it). */
function lockoutMinutes(durationInSeconds: number | null): number {
  return durationInSeconds === null ? 0 : Math.ceil(durationInSeconds / 60);
}

/**
 * Whether a sign-up can produce a user the configuration accepts: sign-up collects an email address, a password and
 * optionally a username, so an instance requiring a phone number or a web3 wallet of every user
 * (`ROSTER_REQUIRED_IDENTIFIERS`) cannot take sign-ups through the Frontend API.
 */
export function signUpPossible(config: Pick<Config, 'requiredIdentifiers'>): boolean {
  return !config.requiredIdentifiers.some((type) => type === 'phone_number' || type === 'web3_wallet');
}

/** The instance's Frontend API settings, derived from Roster's configuration and what the FAPI implements. */
export function frontendEnvironment(config: EnvironmentConfig, options: FrontendEnvironmentOptions): FrontendEnvironment {
  const features: FrontendFeatures = { ...DEFAULT_FRONTEND_FEATURES, ...options.features };
  const { frontend } = config;
  const attributes = attributesOf(config, features);
  const socialProviders = config.oauth.providers.map(({ strategy, name }) => ({ strategy, name }));
  // Each provider is a way to sign in on its own, as Clerk's legacy `auth_config.first_factors` lists them.
  const firstFactors = ['password', ...ATTRIBUTE_NAMES.flatMap((name) => attributes[name].firstFactors), ...socialProviders.map((provider) => provider.strategy)];
  const secondFactors = ATTRIBUTE_NAMES.flatMap((name) => (attributes[name].usedForSecondFactor ? attributes[name].secondFactors : []));
  return {
    instanceType: options.instanceType,
    applicationName: frontend.applicationName,
    testMode: config.sessions.testMode,
    singleSessionMode: frontend.singleSessionMode,
    attributes,
    firstFactors,
    secondFactors,
    socialProviders,
    signUpMode: signUpPossible(config) ? frontend.signUpMode : 'restricted',
    allowlistEnabled: frontend.allowlistEnabled,
    password: { minLength: config.passwordMinLength, maxLength: MAX_PASSWORD_BYTES, breachedPasswordsRefused: true },
    username: { minLength: USERNAME_MIN_LENGTH, maxLength: USERNAME_MAX_LENGTH },
    lockout: {
      enabled: config.lockout.maxAttempts !== null,
      maxAttempts: config.lockout.maxAttempts ?? 0,
      durationInMinutes: lockoutMinutes(config.lockout.durationInSeconds),
    },
    organizations: {
      enabled: features.organizations,
      maxAllowedMemberships: config.organizations.defaultMaxAllowedMemberships,
      creatorRole: config.organizations.creatorRole,
      defaultRole: 'org:member',
    },
    actions: { deleteSelf: features.deleteSelf, createOrganization: features.organizations },
    passkeys: { enabled: features.passkeys },
    urls: frontend.urls,
    supportEmail: frontend.supportEmail,
  };
}
