/** How a provider's user info becomes a profile: standard OpenID Connect claims, or a provider's own JSON. */
export type ProfileMapping = 'oidc' | 'github' | 'discord' | 'facebook';

/** What Roster knows about a provider Clerk names (`oauth_<provider>`), so an instance needs only its client id and secret. */
export interface OAuthPreset {
  /** Shown on the sign-in buttons. */
  name: string;
  /** OpenID Connect: the issuer whose discovery document gives the endpoints, and whose ID tokens are checked. */
  issuer?: string;
  /** Plain OAuth 2.0 (no discovery): the endpoints themselves. */
  authorizationEndpoint?: string;
  tokenEndpoint?: string;
  userinfoEndpoint?: string;
  scopes: readonly string[];
  profile: ProfileMapping;
  /** The preset has no fixed issuer: the instance must give one of this form. */
  needsIssuer?: string;
}

/** The presets, by the name after `oauth_` (Clerk's strategy names). */
export const OAUTH_PRESETS: Readonly<Record<string, OAuthPreset>> = Object.freeze({
  google: { name: 'Google', issuer: 'https://accounts.google.com', scopes: ['openid', 'email', 'profile'], profile: 'oidc' },
  // Microsoft's multi-tenant issuer names `{tenantid}`, which no ID-token check can match: an instance gives its
  // tenant's issuer (`https://login.microsoftonline.com/<tenant id>/v2.0`), whose discovery and ID tokens agree.
  microsoft: { name: 'Microsoft', scopes: ['openid', 'email', 'profile', 'offline_access'], profile: 'oidc', needsIssuer: 'https://login.microsoftonline.com/<tenant id>/v2.0' },
  github: {
    name: 'GitHub',
    authorizationEndpoint: 'https://github.com/login/oauth/authorize',
    tokenEndpoint: 'https://github.com/login/oauth/access_token',
    userinfoEndpoint: 'https://api.github.com/user',
    scopes: ['user:email', 'read:user'],
    profile: 'github',
  },
  gitlab: { name: 'GitLab', issuer: 'https://gitlab.com', scopes: ['openid', 'email', 'profile', 'read_user'], profile: 'oidc' },
  discord: {
    name: 'Discord',
    authorizationEndpoint: 'https://discord.com/oauth2/authorize',
    tokenEndpoint: 'https://discord.com/api/oauth2/token',
    userinfoEndpoint: 'https://discord.com/api/users/@me',
    scopes: ['identify', 'email'],
    profile: 'discord',
  },
  facebook: {
    name: 'Facebook',
    authorizationEndpoint: 'https://www.facebook.com/v19.0/dialog/oauth',
    tokenEndpoint: 'https://graph.facebook.com/v19.0/oauth/access_token',
    userinfoEndpoint: 'https://graph.facebook.com/me?fields=id,email,first_name,last_name,picture',
    scopes: ['email', 'public_profile'],
    profile: 'facebook',
  },
  linkedin_oidc: { name: 'LinkedIn', issuer: 'https://www.linkedin.com/oauth', scopes: ['openid', 'email', 'profile'], profile: 'oidc' },
  slack: { name: 'Slack', issuer: 'https://slack.com', scopes: ['openid', 'email', 'profile'], profile: 'oidc' },
  twitch: { name: 'Twitch', issuer: 'https://id.twitch.tv/oauth2', scopes: ['openid', 'user:read:email'], profile: 'oidc' },
});
