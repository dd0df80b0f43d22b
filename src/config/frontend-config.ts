import { ConfigError } from './config-error.js';

/** Who may sign up through the Frontend API: anyone (`public`), or nobody (`restricted`: users come from the Backend API). */
export type SignUpMode = 'public' | 'restricted';

/** Whether a sign-up field is shown, and whether it must be filled (Clerk's `off` / `on` / `required`). */
export type AttributeSetting = 'off' | 'on' | 'required';

/** The identifiers a user may type to sign in (each followed by the password). */
export type SignInIdentifier = 'email_address' | 'username' | 'phone_number';
const SIGN_IN_IDENTIFIERS: readonly SignInIdentifier[] = ['email_address', 'username', 'phone_number'];

/** The fields a sign-up may collect next to the email address and password, which it always collects. */
export interface SignUpAttributes {
  username: AttributeSetting;
  firstName: AttributeSetting;
  lastName: AttributeSetting;
}
const SIGN_UP_ATTRIBUTE_NAMES = { username: 'username', first_name: 'firstName', last_name: 'lastName' } as const;

/**
 * Where Clerk's components send people (the app's pages, not Roster's): absolute `http(s)://` URLs or paths on the
 * app's own origin.
 */
export interface FrontendUrls {
  /** `ROSTER_HOME_URL`. @default / */
  home: string;
  /** `ROSTER_SIGN_IN_URL`. @default /sign-in */
  signIn: string;
  /** `ROSTER_SIGN_UP_URL`. @default /sign-up */
  signUp: string;
  /** `ROSTER_USER_PROFILE_URL`. @default /user */
  userProfile: string;
  /** `ROSTER_AFTER_SIGN_IN_URL`. @default the home URL */
  afterSignIn: string;
  /** `ROSTER_AFTER_SIGN_UP_URL`. @default the home URL */
  afterSignUp: string;
  /** `ROSTER_AFTER_SIGN_OUT_URL`. @default the home URL */
  afterSignOut: string;
}

/** Frontend API settings from the environment: what Clerk's components show and which flows the FAPI accepts. */
export interface FrontendConfig {
  /** `ROSTER_APP_NAME`: shown by the components ("Sign in to …") and in emails. @default Roster */
  applicationName: string;
  /** `ROSTER_SIGN_UP_MODE`. @default public */
  signUpMode: SignUpMode;
  /**
   * `ROSTER_SIGN_UP_ATTRIBUTES`: comma-separated `username`, `first_name`, `last_name`, each optionally `:required`
   * (`username:required,first_name,last_name`). @default none (email address and password only)
   */
  signUpAttributes: SignUpAttributes;
  /**
   * `ROSTER_SIGN_IN_IDENTIFIERS`: comma-separated among `email_address`, `username`, `phone_number`.
   * @default email_address, and username when the username is a sign-up attribute
   */
  signInIdentifiers: readonly SignInIdentifier[];
  /** `ROSTER_SINGLE_SESSION_MODE`: one signed-in account per browser (Clerk's default), or several. @default true */
  singleSessionMode: boolean;
  /**
   * `ROSTER_ALLOWLIST`: `on` lets only identifiers on the allowlist (`/v1/allowlist_identifiers`) sign up or sign in
   * (invitations excepted); an empty allowlist then admits nobody. The blocklist applies either way. @default off
   */
  allowlistEnabled: boolean;
  /** `ROSTER_SUPPORT_EMAIL`: shown by the components when something goes wrong. @default null */
  supportEmail: string | null;
  urls: FrontendUrls;
}

function parseSignUpAttributes(raw: string | undefined): SignUpAttributes {
  const attributes: SignUpAttributes = { username: 'off', firstName: 'off', lastName: 'off' };
  for (const entry of (raw ?? '').split(',').map((value) => value.trim()).filter(Boolean)) {
    const [name = '', setting, ...rest] = entry.split(':').map((part) => part.trim());
    const key = SIGN_UP_ATTRIBUTE_NAMES[name as keyof typeof SIGN_UP_ATTRIBUTE_NAMES];
    if (!key || rest.length > 0 || (setting !== undefined && setting !== 'required')) {
      throw new ConfigError(
        `ROSTER_SIGN_UP_ATTRIBUTES entries must be username, first_name or last_name, optionally followed by :required (got "${entry}")`,
      );
    }
    attributes[key] = setting === 'required' ? 'required' : 'on';
  }
  return attributes;
}

function parseSignInIdentifiers(raw: string | undefined, attributes: SignUpAttributes): SignInIdentifier[] {
  if (raw === undefined || raw.trim() === '') {
    return attributes.username === 'off' ? ['email_address'] : ['email_address', 'username'];
  }
  const identifiers = [...new Set(raw.split(',').map((value) => value.trim()).filter(Boolean))];
  if (identifiers.length === 0 || !identifiers.every((value): value is SignInIdentifier => (SIGN_IN_IDENTIFIERS as readonly string[]).includes(value))) {
    throw new ConfigError(`ROSTER_SIGN_IN_IDENTIFIERS must list one or more of ${SIGN_IN_IDENTIFIERS.join(', ')}`);
  }
  return identifiers;
}

function booleanFrom(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

function onOffFrom(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '' || raw === 'off') return false;
  if (raw === 'on') return true;
  throw new ConfigError(`${name} must be on or off, got "${env[name]}"`);
}

function urlFrom(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  // A path on the app's origin, or an absolute http(s) URL; never `javascript:` or a protocol-relative `//host`.
  if ((raw.startsWith('/') && !raw.startsWith('//')) || /^https?:\/\/[^\s/]+/i.test(raw)) return raw;
  throw new ConfigError(`${name} must be a path starting with / or an http(s) URL, got "${raw}"`);
}

function loadFrontendUrls(env: NodeJS.ProcessEnv): FrontendUrls {
  const home = urlFrom(env, 'ROSTER_HOME_URL', '/');
  return Object.freeze({
    home,
    signIn: urlFrom(env, 'ROSTER_SIGN_IN_URL', '/sign-in'),
    signUp: urlFrom(env, 'ROSTER_SIGN_UP_URL', '/sign-up'),
    userProfile: urlFrom(env, 'ROSTER_USER_PROFILE_URL', '/user'),
    afterSignIn: urlFrom(env, 'ROSTER_AFTER_SIGN_IN_URL', home),
    afterSignUp: urlFrom(env, 'ROSTER_AFTER_SIGN_UP_URL', home),
    afterSignOut: urlFrom(env, 'ROSTER_AFTER_SIGN_OUT_URL', home),
  });
}

/** Reads the Frontend API settings; validated, frozen, failing fast with a message that names the variable. */
export function loadFrontendConfig(env: NodeJS.ProcessEnv): FrontendConfig {
  const signUpMode = (env.ROSTER_SIGN_UP_MODE?.trim() || 'public') as SignUpMode;
  if (signUpMode !== 'public' && signUpMode !== 'restricted') {
    throw new ConfigError(`ROSTER_SIGN_UP_MODE must be public or restricted, got "${env.ROSTER_SIGN_UP_MODE}"`);
  }
  const signUpAttributes = Object.freeze(parseSignUpAttributes(env.ROSTER_SIGN_UP_ATTRIBUTES));
  const supportEmail = env.ROSTER_SUPPORT_EMAIL?.trim() || null;
  if (supportEmail !== null && !/^[^\s@]+@[^\s@]+$/.test(supportEmail)) {
    throw new ConfigError(`ROSTER_SUPPORT_EMAIL must be an email address, got "${supportEmail}"`);
  }
  return Object.freeze({
    applicationName: env.ROSTER_APP_NAME?.trim() || 'Roster',
    signUpMode,
    signUpAttributes,
    signInIdentifiers: Object.freeze(parseSignInIdentifiers(env.ROSTER_SIGN_IN_IDENTIFIERS, signUpAttributes)),
    singleSessionMode: booleanFrom(env, 'ROSTER_SINGLE_SESSION_MODE', true),
    allowlistEnabled: onOffFrom(env, 'ROSTER_ALLOWLIST'),
    supportEmail,
    urls: loadFrontendUrls(env),
  });
}
