// The Frontend API's environment: derived from Roster's configuration, valid against the FAPI spec's
// Client.Environment, and shaped so Clerk's components render what Roster supports.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { ConfigError } from '../../src/config/config-error.js';
import { loadFrontendConfig } from '../../src/config/frontend-config.js';
import { frontendEnvironment, type FrontendEnvironmentOptions } from '../../src/frontend/environment.js';
import { toEnvironmentJSON } from '../../src/http/fapi/serialize/environment.js';
import { fapiSpecAvailable, validateFapiResponse, validateFapiSchema } from '../helpers/openapi.js';

function environmentJSON(env: NodeJS.ProcessEnv = {}, options: FrontendEnvironmentOptions = { instanceType: 'development' }) {
  const config = { ...loadConfig(env), frontend: loadFrontendConfig(env) };
  return toEnvironmentJSON(frontendEnvironment(config, options));
}

const CONFIGURATIONS: Array<[string, NodeJS.ProcessEnv, FrontendEnvironmentOptions]> = [
  ['defaults, development', {}, { instanceType: 'development' }],
  ['defaults, production', { ROSTER_SECRET_KEYS: `sk_live_${'a'.repeat(24)}`, ROSTER_PUBLIC_URL: 'https://auth.example.com' }, { instanceType: 'production' }],
  [
    'every option',
    {
      ROSTER_APP_NAME: 'Acme',
      ROSTER_SIGN_UP_MODE: 'restricted',
      ROSTER_SIGN_UP_ATTRIBUTES: 'username:required,first_name,last_name:required',
      ROSTER_SIGN_IN_IDENTIFIERS: 'email_address,username,phone_number',
      ROSTER_SINGLE_SESSION_MODE: 'false',
      ROSTER_SUPPORT_EMAIL: 'help@acme.test',
      ROSTER_SIGN_IN_URL: 'https://acme.test/login',
      ROSTER_AFTER_SIGN_OUT_URL: '/bye',
      ROSTER_PASSWORD_MIN_LENGTH: '12',
      ROSTER_LOCKOUT_MAX_ATTEMPTS: 'off',
      ROSTER_LOCKOUT_DURATION_SECONDS: 'never',
      ROSTER_ORGANIZATION_MAX_ALLOWED_MEMBERSHIPS: '5',
    },
    { instanceType: 'development', features: { secondFactors: true, organizations: true, emailCodeSignIn: true, deleteSelf: true } },
  ],
];

describe.skipIf(!fapiSpecAvailable)('environment JSON against the FAPI spec', () => {
  it.each(CONFIGURATIONS)('%s: a valid Client.Environment, for GET and for POST ?_method=PATCH', (_name, env, options) => {
    const json = environmentJSON(env, options);
    expect(validateFapiSchema('Client.Environment', json)).toEqual({ ok: true });
    expect(validateFapiResponse('GET', '/fapi/v1/environment', 200, json)).toEqual({ ok: true });
    expect(validateFapiResponse('POST', '/fapi/v1/environment?_method=PATCH', 200, json)).toEqual({ ok: true });
  });

  it('has every section the spec describes (it requires none at the top level, clerk-js reads them all)', () => {
    expect(Object.keys(environmentJSON()).sort()).toEqual(
      [
        'api_keys_settings',
        'auth_config',
        'client_debug_mode',
        'commerce_settings',
        'display_config',
        'fraud_settings',
        'maintenance_mode',
        'organization_settings',
        'partitioned_cookies',
        'user_settings',
      ].sort(),
    );
  });
});

describe('environment: attributes follow the configuration', () => {
  it('by default: email address and password at sign-up, email verified by a code, sign-in by email address and password', () => {
    const { user_settings: settings, auth_config: auth } = environmentJSON();
    const { attributes } = settings;
    expect(attributes.email_address).toEqual({
      enabled: true,
      required: true,
      used_for_first_factor: true,
      first_factors: [],
      used_for_second_factor: false,
      second_factors: [],
      verifications: ['email_code'],
      verify_at_sign_up: true,
      immutable: false,
    });
    expect(attributes.password).toMatchObject({ enabled: true, required: true, used_for_first_factor: false });
    for (const name of ['phone_number', 'username', 'first_name', 'last_name', 'web3_wallet', 'authenticator_app', 'backup_code', 'passkey', 'ticket'] as const) {
      expect(attributes[name], name).toMatchObject({ enabled: false, required: false, used_for_first_factor: false, used_for_second_factor: false });
    }
    expect(settings.sign_up).toMatchObject({ mode: 'public', progressive: true, captcha_enabled: false, legal_consent_enabled: false });
    expect(settings.social).toEqual({});
    expect(auth).toMatchObject({
      email_address: 'required',
      password: 'required',
      username: 'off',
      first_factors: ['password'],
      second_factors: [],
      identification_strategies: ['email_address'],
      single_session_mode: true,
    });
  });

  it('sign-up attributes: username, first and last name, on or required; a username also signs in by default', () => {
    const { attributes } = environmentJSON({ ROSTER_SIGN_UP_ATTRIBUTES: 'username, first_name:required, last_name' }).user_settings;
    expect(attributes.username).toMatchObject({ enabled: true, required: false, used_for_first_factor: true });
    expect(attributes.first_name).toMatchObject({ enabled: true, required: true, used_for_first_factor: false });
    expect(attributes.last_name).toMatchObject({ enabled: true, required: false });
    const auth = environmentJSON({ ROSTER_SIGN_UP_ATTRIBUTES: 'username:required' }).auth_config;
    expect(auth).toMatchObject({ username: 'required', first_name: 'off', identification_strategies: ['email_address', 'username'] });
  });

  it('ROSTER_REQUIRED_IDENTIFIERS: a required username is asked at sign-up; a required phone number or wallet closes sign-up', () => {
    const username = environmentJSON({ ROSTER_REQUIRED_IDENTIFIERS: 'email_address,username' }).user_settings;
    expect(username.attributes.username).toMatchObject({ enabled: true, required: true, used_for_first_factor: false });
    expect(username.sign_up).toMatchObject({ mode: 'public' });
    for (const required of ['phone_number', 'email_address,web3_wallet']) {
      expect(environmentJSON({ ROSTER_REQUIRED_IDENTIFIERS: required }).user_settings.sign_up, required).toMatchObject({ mode: 'restricted' });
    }
  });

  it('sign-in identifiers: a phone number signs in with its password but is never asked at sign-up (Roster sends no texts)', () => {
    const { attributes } = environmentJSON({ ROSTER_SIGN_IN_IDENTIFIERS: 'phone_number,username' }).user_settings;
    expect(attributes.phone_number).toMatchObject({ enabled: false, required: false, used_for_first_factor: true });
    expect(attributes.username).toMatchObject({ enabled: false, used_for_first_factor: true });
    expect(attributes.email_address).toMatchObject({ enabled: true, required: true, used_for_first_factor: false });
  });

  it('sign-up mode, password policy and lockout come from the configuration', () => {
    const restricted = environmentJSON({ ROSTER_SIGN_UP_MODE: 'restricted', ROSTER_PASSWORD_MIN_LENGTH: '10', ROSTER_LOCKOUT_MAX_ATTEMPTS: '7', ROSTER_LOCKOUT_DURATION_SECONDS: '90' }).user_settings;
    expect(restricted.sign_up).toMatchObject({ mode: 'restricted' });
    expect(restricted.password_settings).toMatchObject({ min_length: 10, max_length: 72, disable_hibp: false, show_zxcvbn: false });
    expect(restricted.attack_protection).toMatchObject({ user_lockout: { enabled: true, max_attempts: 7, duration_in_minutes: 2 } });
    const off = environmentJSON({ ROSTER_LOCKOUT_MAX_ATTEMPTS: 'off' }).user_settings;
    expect(off.attack_protection).toMatchObject({ user_lockout: { enabled: false, max_attempts: 0, duration_in_minutes: 60 } });
  });

  it('second factors, organizations and the rest only when the FAPI serves them', () => {
    const on = environmentJSON({ ROSTER_ORGANIZATION_CREATOR_ROLE: 'org:member' }, {
      instanceType: 'development',
      features: { secondFactors: true, organizations: true, emailCodeSignIn: true },
    });
    expect(on.user_settings.attributes.authenticator_app).toMatchObject({ enabled: true, used_for_second_factor: true, second_factors: ['totp'] });
    expect(on.user_settings.attributes.backup_code).toMatchObject({ enabled: true, used_for_second_factor: true, second_factors: ['backup_code'] });
    expect(on.user_settings.attributes.email_address.first_factors).toEqual(['email_code']);
    expect(on.user_settings.attributes.phone_number).toMatchObject({ enabled: false, used_for_second_factor: true, second_factors: ['phone_code'] });
    expect(on.auth_config).toMatchObject({ first_factors: ['password', 'email_code'], second_factors: ['phone_code', 'totp', 'backup_code'] });
    expect(on.organization_settings).toMatchObject({ enabled: true, creator_role: 'org:member', max_allowed_memberships: 0 });
    expect(on.user_settings.actions).toMatchObject({ create_organization: true, delete_self: false });
    expect(environmentJSON().organization_settings).toMatchObject({ enabled: false });
  });

  it('display config: instance type, application name, URLs and test mode', () => {
    const development = environmentJSON({ ROSTER_APP_NAME: 'Acme', ROSTER_SIGN_IN_URL: '/login', ROSTER_HOME_URL: 'https://acme.test' });
    expect(development.display_config).toMatchObject({
      instance_environment_type: 'development',
      application_name: 'Acme',
      home_url: 'https://acme.test',
      sign_in_url: '/login',
      sign_up_url: '/sign-up',
      after_sign_in_url: 'https://acme.test',
      after_sign_out_all_url: 'https://acme.test',
      branded: false,
      show_devmode_warning: true,
    });
    expect(development.auth_config).toMatchObject({ test_mode: true });
    const production = environmentJSON(
      { ROSTER_SECRET_KEYS: `sk_live_${'a'.repeat(24)}`, ROSTER_PUBLIC_URL: 'https://auth.example.com' },
      { instanceType: 'production' },
    );
    expect(production.display_config).toMatchObject({ instance_environment_type: 'production', application_name: 'Roster', show_devmode_warning: false, home_url: '/' });
    expect(production.auth_config).toMatchObject({ test_mode: false });
  });
});

describe('environment: OAuth providers', () => {
  const OAUTH = {
    ROSTER_OAUTH_PROVIDERS: JSON.stringify([
      { provider: 'github', client_id: 'a', client_secret: 'secret-a' },
      { provider: 'custom_mock', name: 'Mock SSO', issuer: 'https://sso.example.com', client_id: 'b', client_secret: 'secret-b' },
    ]),
  };

  it.skipIf(!fapiSpecAvailable)('are social connections in a valid Client.Environment, with the logo URL the FAPI gives', () => {
    const config = { ...loadConfig(OAUTH), frontend: loadFrontendConfig(OAUTH) };
    const json = toEnvironmentJSON(frontendEnvironment(config, { instanceType: 'development' }), {
      providerLogoUrl: (strategy) => `https://clerk.example.com/v1/oauth_providers/${strategy}/logo.svg`,
    });
    expect(validateFapiSchema('Client.Environment', json)).toEqual({ ok: true });
    expect(Object.keys(json.user_settings.social)).toEqual(['oauth_github', 'oauth_custom_mock']);
    expect(json.user_settings.social.oauth_custom_mock).toEqual({
      enabled: true,
      required: false,
      authenticatable: true,
      block_email_subaddresses: false,
      strategy: 'oauth_custom_mock',
      not_selectable: false,
      deprecated: false,
      name: 'Mock SSO',
      logo_url: 'https://clerk.example.com/v1/oauth_providers/oauth_custom_mock/logo.svg',
    });
    expect(json.auth_config.first_factors).toEqual(['password', 'oauth_github', 'oauth_custom_mock']);
    expect(JSON.stringify(json)).not.toMatch(/secret-[ab]/);
  });

  it('have no logo URL when the serializer is given none', () => {
    expect(environmentJSON(OAUTH).user_settings.social.oauth_github).toMatchObject({ name: 'GitHub', logo_url: null });
  });
});

describe('loadFrontendConfig', () => {
  it('refuses what it cannot honour, naming the variable', () => {
    const cases: Array<[NodeJS.ProcessEnv, RegExp]> = [
      [{ ROSTER_SIGN_UP_MODE: 'waitlist' }, /ROSTER_SIGN_UP_MODE must be public or restricted/],
      [{ ROSTER_SIGN_UP_ATTRIBUTES: 'phone_number' }, /ROSTER_SIGN_UP_ATTRIBUTES entries must be username, first_name or last_name/],
      [{ ROSTER_SIGN_UP_ATTRIBUTES: 'username:optional' }, /ROSTER_SIGN_UP_ATTRIBUTES/],
      [{ ROSTER_SIGN_IN_IDENTIFIERS: 'email_address,web3_wallet' }, /ROSTER_SIGN_IN_IDENTIFIERS must list/],
      [{ ROSTER_SIGN_IN_IDENTIFIERS: ' , ' }, /ROSTER_SIGN_IN_IDENTIFIERS must list/],
      [{ ROSTER_SINGLE_SESSION_MODE: 'maybe' }, /ROSTER_SINGLE_SESSION_MODE must be true or false/],
      [{ ROSTER_ALLOWLIST: 'yes' }, /ROSTER_ALLOWLIST must be on or off/],
      [{ ROSTER_SIGN_IN_URL: 'javascript:alert(1)' }, /ROSTER_SIGN_IN_URL must be a path/],
      [{ ROSTER_HOME_URL: '//evil.example' }, /ROSTER_HOME_URL must be a path/],
      [{ ROSTER_SUPPORT_EMAIL: 'nobody' }, /ROSTER_SUPPORT_EMAIL/],
    ];
    for (const [env, pattern] of cases) {
      expect(() => loadFrontendConfig(env)).toThrow(ConfigError);
      expect(() => loadFrontendConfig(env)).toThrow(pattern);
    }
  });

  it('defaults', () => {
    expect(loadFrontendConfig({})).toEqual({
      applicationName: 'Roster',
      signUpMode: 'public',
      signUpAttributes: { username: 'off', firstName: 'off', lastName: 'off' },
      signInIdentifiers: ['email_address'],
      singleSessionMode: true,
      allowlistEnabled: false,
      supportEmail: null,
      urls: { home: '/', signIn: '/sign-in', signUp: '/sign-up', userProfile: '/user', afterSignIn: '/', afterSignUp: '/', afterSignOut: '/' },
    });
  });
});
