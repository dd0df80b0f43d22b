// ROSTER_OAUTH_PROVIDERS / ROSTER_OAUTH_PROVIDERS_FILE: presets filled in, custom OpenID Connect issuers, endpoint
// overrides, and start-up errors that name the provider and field but never carry the client secret.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config/config-error.js';
import { loadOAuthConfig } from '../src/config/oauth-config.js';
import { OAUTH_PRESETS } from '../src/config/oauth-presets.js';

const SECRET = 'sUp3r-s3cret-client-secret-value';
const load = (providers: unknown) => loadOAuthConfig({ ROSTER_OAUTH_PROVIDERS: JSON.stringify(providers) });
const entry = (fields: Record<string, unknown>) => ({ client_id: 'client-1', client_secret: SECRET, ...fields });

/** The ConfigError `run` throws; fails when it throws nothing or something else. */
function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('ROSTER_OAUTH_PROVIDERS', () => {
  it('is empty when neither variable is set (or both are blank)', () => {
    expect(loadOAuthConfig({}).providers).toEqual([]);
    expect(loadOAuthConfig({ ROSTER_OAUTH_PROVIDERS: '  ', ROSTER_OAUTH_PROVIDERS_FILE: '' }).providers).toEqual([]);
  });

  it('fills in a preset from its client id and secret', () => {
    const [google] = load([entry({ provider: 'google' })]).providers;
    expect(google).toEqual({
      strategy: 'oauth_google',
      name: 'Google',
      clientId: 'client-1',
      clientSecret: SECRET,
      issuer: 'https://accounts.google.com',
      authorizationEndpoint: null,
      tokenEndpoint: null,
      userinfoEndpoint: null,
      scopes: ['openid', 'email', 'profile'],
      profile: 'oidc',
    });
    expect(Object.isFrozen(google)).toBe(true);
  });

  it('accepts every preset, with or without the oauth_ prefix, in the order given', () => {
    const names = Object.keys(OAUTH_PRESETS);
    // Microsoft is the one preset that needs the instance's own issuer (its tenant's).
    const tenant = (name: string) => (name === 'microsoft' ? { issuer: 'https://login.microsoftonline.com/0000-tenant/v2.0' } : {});
    const { providers } = load(names.map((name, index) => entry({ provider: index % 2 ? `oauth_${name}` : name, ...tenant(name) })));
    expect(providers.map((provider) => provider.strategy)).toEqual(names.map((name) => `oauth_${name}`));
    for (const provider of providers) {
      // Each preset is complete on its own: discovery by issuer, or its three endpoints.
      expect(provider.issuer ?? (provider.authorizationEndpoint && provider.tokenEndpoint && provider.userinfoEndpoint)).toBeTruthy();
    }
    const github = providers.find((provider) => provider.strategy === 'oauth_github')!;
    expect(github).toMatchObject({ name: 'GitHub', issuer: null, userinfoEndpoint: 'https://api.github.com/user', profile: 'github' });
  });

  it("refuses Microsoft without its tenant's issuer, saying what to give", () => {
    expect(() => load([entry({ provider: 'microsoft' })])).toThrow(/login\.microsoftonline\.com\/<tenant id>\/v2\.0/);
  });

  it('takes any OpenID Connect provider by issuer as custom_<name>, read as OIDC claims', () => {
    const [acme] = load([entry({ provider: 'custom_acme', name: ' Acme SSO ', issuer: 'https://sso.acme.test/', scopes: ['openid', 'email'] })]).providers;
    expect(acme).toMatchObject({
      strategy: 'oauth_custom_acme',
      name: 'Acme SSO',
      issuer: 'https://sso.acme.test',
      authorizationEndpoint: null,
      scopes: ['openid', 'email'],
      profile: 'oidc',
    });
    // Without a name, the part after custom_.
    expect(load([entry({ provider: 'custom_acme', issuer: 'https://sso.acme.test' })]).providers[0]!.name).toBe('acme');
    // Plain OAuth 2.0 with its three endpoints, and http on loopback only.
    const [local] = load([
      entry({
        provider: 'custom_local',
        authorization_endpoint: 'http://localhost:8080/authorize',
        token_endpoint: 'http://127.0.0.1:8080/token',
        userinfo_endpoint: 'http://[::1]:8080/userinfo',
      }),
    ]).providers;
    expect(local).toMatchObject({ issuer: null, authorizationEndpoint: 'http://localhost:8080/authorize', scopes: ['openid', 'email', 'profile'] });
  });

  it('lets an issuer or endpoints override a preset', () => {
    const [google] = load([entry({ provider: 'google', issuer: 'http://localhost:9000' })]).providers;
    expect(google).toMatchObject({ strategy: 'oauth_google', name: 'Google', issuer: 'http://localhost:9000', authorizationEndpoint: null });
    // Endpoints given for an issuer preset replace discovery.
    const [endpoints] = load([
      entry({
        provider: 'gitlab',
        authorization_endpoint: 'https://gitlab.acme.test/oauth/authorize',
        token_endpoint: 'https://gitlab.acme.test/oauth/token',
        userinfo_endpoint: 'https://gitlab.acme.test/oauth/userinfo',
      }),
    ]).providers;
    expect(endpoints).toMatchObject({ issuer: null, tokenEndpoint: 'https://gitlab.acme.test/oauth/token', profile: 'oidc' });
    // One endpoint replaces the preset's own; the others stay.
    const [github] = load([entry({ provider: 'github', userinfo_endpoint: 'https://github.acme.test/api/v3/user' })]).providers;
    expect(github).toMatchObject({ authorizationEndpoint: 'https://github.com/login/oauth/authorize', userinfoEndpoint: 'https://github.acme.test/api/v3/user' });
  });

  it('reads the same JSON from ROSTER_OAUTH_PROVIDERS_FILE', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-oauth-'));
    try {
      const file = path.join(dir, 'providers.json');
      fs.writeFileSync(file, JSON.stringify([entry({ provider: 'discord' })]));
      expect(loadOAuthConfig({ ROSTER_OAUTH_PROVIDERS_FILE: file }).providers.map((provider) => provider.strategy)).toEqual(['oauth_discord']);
      const missing = configError(() => loadOAuthConfig({ ROSTER_OAUTH_PROVIDERS_FILE: path.join(dir, 'absent.json') }));
      expect(missing.message).toMatch(/ROSTER_OAUTH_PROVIDERS_FILE: cannot read/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('refuses to start, naming the problem but never the secret', () => {
    const cases: Array<[string, () => unknown, RegExp]> = [
      ['an unknown provider', () => load([entry({ provider: 'myspace' })]), /unknown provider "myspace"; custom providers are named custom_<letters>/],
      ['a malformed provider name', () => load([entry({ provider: 'Custom-Acme' })]), /provider must be a preset \(google, .*\) or custom_<lowercase letters>/],
      ['no provider', () => load([entry({})]), /ROSTER_OAUTH_PROVIDERS\[0\]: provider must be/],
      ['a missing client_secret', () => load([{ provider: 'google', client_id: 'client-1' }]), /ROSTER_OAUTH_PROVIDERS\[0\] \(google\): client_secret is required/],
      ['a blank client_id', () => load([entry({ provider: 'google', client_id: ' ' })]), /\(google\): client_id is required/],
      ['an http issuer off loopback', () => load([entry({ provider: 'custom_acme', issuer: 'http://sso.acme.test' })]), /custom_acme\.issuer must be https:\/\/ \(http:\/\/ only on localhost\)/],
      ['a non-URL endpoint', () => load([entry({ provider: 'custom_acme', issuer: `not a url ${SECRET}` })]), /custom_acme\.issuer is not a URL/],
      ['a custom provider with neither issuer nor endpoints', () => load([entry({ provider: 'custom_acme', token_endpoint: 'https://a.test/t' })]), /give an OpenID Connect issuer, or authorization_endpoint, token_endpoint and userinfo_endpoint/],
      ['a provider configured twice', () => load([entry({ provider: 'google' }), entry({ provider: 'oauth_google' })]), /oauth_google is configured twice/],
      ['bad JSON', () => loadOAuthConfig({ ROSTER_OAUTH_PROVIDERS: `[{"provider":"google","client_secret":"${SECRET}"` }), /ROSTER_OAUTH_PROVIDERS is not valid JSON/],
      ['JSON that is not an array', () => loadOAuthConfig({ ROSTER_OAUTH_PROVIDERS: JSON.stringify(entry({ provider: 'google' })) }), /must be a JSON array of providers/],
      ['an entry that is not an object', () => load(['google']), /ROSTER_OAUTH_PROVIDERS\[0\] must be an object/],
      ['both variables set', () => loadOAuthConfig({ ROSTER_OAUTH_PROVIDERS: '[]', ROSTER_OAUTH_PROVIDERS_FILE: '/etc/providers.json' }), /set ROSTER_OAUTH_PROVIDERS or ROSTER_OAUTH_PROVIDERS_FILE, not both/],
      ['an unknown field', () => load([entry({ provider: 'google', clientSecret: SECRET })]), /ROSTER_OAUTH_PROVIDERS\[0\]: unknown field "clientSecret"/],
      ['scopes that are not strings', () => load([entry({ provider: 'google', scopes: 'openid email' })]), /\(google\): scopes must be an array of scope strings/],
      ['a scope with a space', () => load([entry({ provider: 'google', scopes: ['openid email'] })]), /scopes must be an array of scope strings/],
    ];

    it.each(cases)('%s', (_name, run, pattern) => {
      const error = configError(run);
      expect(error.message).toMatch(pattern);
      expect(error.message).not.toContain(SECRET);
      expect(error.message).not.toContain(SECRET.slice(0, 12));
    });
  });
});
