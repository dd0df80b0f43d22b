import type { ProfileMapping } from '../config/oauth-presets.js';

/** Who a provider says a person is, in Clerk's external-account terms. */
export interface ProviderProfile {
  providerUserId: string;
  emailAddress: string | null;
  /** True or false when the provider said; null when it did not. */
  emailAddressVerified: boolean | null;
  firstName: string;
  lastName: string;
  imageUrl: string | null;
  username: string | null;
  phoneNumber: string | null;
}

type Claims = Record<string, unknown>;

const text = (value: unknown, max = 512): string | null => (typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : null);
const flag = (value: unknown): boolean | null => (value === true || value === 'true' ? true : value === false || value === 'false' ? false : null);
const subject = (value: unknown): string | null => (typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : text(value, 255));
const httpsUrl = (value: unknown): string | null => {
  const raw = text(value, 2048);
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
};

/** "Ada Lovelace" → first and last name, for providers that give one display name. */
function splitName(name: string | null): { firstName: string; lastName: string } {
  if (!name) return { firstName: '', lastName: '' };
  const [first = '', ...rest] = name.split(/\s+/);
  return { firstName: first, lastName: rest.join(' ') };
}

/** Standard OpenID Connect claims (ID token merged with user info). */
function fromOIDC(claims: Claims): Omit<ProviderProfile, 'providerUserId'> {
  const given = text(claims.given_name, 256);
  const family = text(claims.family_name, 256);
  const split = given || family ? { firstName: given ?? '', lastName: family ?? '' } : splitName(text(claims.name, 256));
  return {
    emailAddress: text(claims.email, 320),
    emailAddressVerified: flag(claims.email_verified),
    ...split,
    imageUrl: httpsUrl(claims.picture),
    username: text(claims.preferred_username ?? claims.nickname, 64),
    phoneNumber: text(claims.phone_number, 32),
  };
}

/**
 * GitHub's `/user` and `/user/emails` (the primary address and whether GitHub verified it: the profile's own
 * `email` is only what the person chose to show).
 */
function fromGitHub(user: Claims, emails: unknown): Omit<ProviderProfile, 'providerUserId'> {
  const list = Array.isArray(emails) ? (emails as Claims[]) : [];
  const primary = list.find((item) => item.primary === true) ?? null;
  const emailAddress = primary ? text(primary.email, 320) : text(user.email, 320);
  return {
    emailAddress,
    emailAddressVerified: primary ? flag(primary.verified) : null,
    ...splitName(text(user.name, 256)),
    imageUrl: httpsUrl(user.avatar_url),
    username: text(user.login, 64),
    phoneNumber: null,
  };
}

/** Discord's `/users/@me`. */
function fromDiscord(user: Claims): Omit<ProviderProfile, 'providerUserId'> {
  const id = subject(user.id);
  const avatar = text(user.avatar, 128);
  return {
    emailAddress: text(user.email, 320),
    emailAddressVerified: flag(user.verified),
    ...splitName(text(user.global_name, 256)),
    imageUrl: id && avatar && /^[a-z0-9_]+$/i.test(avatar) ? `https://cdn.discordapp.com/avatars/${id}/${avatar}.png` : null,
    username: text(user.username, 64),
    phoneNumber: null,
  };
}

/** Facebook's `/me?fields=…`; Facebook does not say whether the address is verified. */
function fromFacebook(user: Claims): Omit<ProviderProfile, 'providerUserId'> {
  const picture = (user.picture as { data?: { url?: unknown } } | undefined)?.data?.url;
  return {
    emailAddress: text(user.email, 320),
    emailAddressVerified: null,
    firstName: text(user.first_name, 256) ?? '',
    lastName: text(user.last_name, 256) ?? '',
    imageUrl: httpsUrl(picture),
    username: null,
    phoneNumber: null,
  };
}

/**
 * The profile from what the provider answered; null when it names no subject. `extra` is a second document some
 * providers need (GitHub's list of addresses).
 */
export function toProviderProfile(mapping: ProfileMapping, claims: Claims, extra?: unknown): ProviderProfile | null {
  const providerUserId = mapping === 'oidc' ? subject(claims.sub) : subject(claims.id);
  if (!providerUserId) return null;
  const rest = mapping === 'github' ? fromGitHub(claims, extra) : mapping === 'discord' ? fromDiscord(claims) : mapping === 'facebook' ? fromFacebook(claims) : fromOIDC(claims);
  return { providerUserId, ...rest };
}
