import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import validator from 'validator';
import { errors } from '../lib/error-catalog.js';

export const USERNAME_MIN_LENGTH = 4;
export const USERNAME_MAX_LENGTH = 64;

/** Trimmed and lower-cased, or `null` when it is not an RFC 5322 addr-spec (no display names, no IP literals). */
export function normalizeEmailAddress(input: string): string | null {
  const email = input.trim().toLowerCase();
  if (email.length > 320) return null;
  let valid: boolean;
  // validator throws URIError on lone UTF-16 surrogates: such input is simply not an email address.
  try {
    valid = validator.isEmail(email, {
    allow_display_name: false,
    require_tld: true,
    allow_ip_domain: false,
    allow_utf8_local_part: true,
    ignore_max_length: false,
    });
  } catch {
    return null;
  }
  return valid ? email : null;
}

/** E.164 (`+14155550123`), or `null` when the number is not a valid international number. */
export function normalizePhoneNumber(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed.startsWith('+')) return null;
  const parsed = parsePhoneNumberFromString(trimmed);
  if (!parsed || !parsed.isValid()) return null;
  return parsed.number;
}

/** An Ethereum address: `0x` + 40 hex digits, stored lower-cased. */
export function normalizeWeb3Wallet(input: string): string | null {
  const wallet = input.trim().toLowerCase();
  return /^0x[0-9a-f]{40}$/.test(wallet) ? wallet : null;
}

/** Clerk's username rules; returns the lower-cased form used for uniqueness, or throws the rule's error. */
export function normalizeUsername(input: string): string {
  const username = input.trim();
  const length = [...username].length;
  if (length < USERNAME_MIN_LENGTH || length > USERNAME_MAX_LENGTH) {
    throw errors.usernameInvalidLength(USERNAME_MIN_LENGTH, USERNAME_MAX_LENGTH);
  }
  if (!/^[A-Za-z0-9_-]+$/.test(username)) throw errors.usernameInvalidCharacter();
  if (/^[0-9]+$/.test(username)) throw errors.usernameNeedsNonNumberChar();
  return username.toLowerCase();
}

/** BCP-47 tag such as `en`, `en-US`, `zh-Hant-TW`; checked with Intl so odd-but-valid tags pass. */
export function isValidLocale(input: string): boolean {
  if (!/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(input)) return false;
  try {
    return Intl.getCanonicalLocales(input).length === 1;
  } catch {
    return false;
  }
}

export type IdentificationKind = 'email_address' | 'phone_number' | 'web3_wallet';

/** Normalises one identifier of the given kind or throws the format error naming `paramName`. */
export function parseIdentifier(kind: IdentificationKind, input: string, paramName: string = kind): string {
  if (kind === 'email_address') {
    const email = normalizeEmailAddress(input);
    if (!email) throw errors.emailInvalid(paramName);
    return email;
  }
  if (kind === 'phone_number') {
    const phone = normalizePhoneNumber(input);
    if (!phone) throw errors.phoneInvalid(paramName);
    return phone;
  }
  const wallet = normalizeWeb3Wallet(input);
  if (!wallet) throw errors.web3WalletInvalid(paramName);
  return wallet;
}
