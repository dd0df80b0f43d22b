// TRANSITIONAL: deleted once organization membership lists parse their query by schema.
import { errors } from '../lib/error-catalog.js';
import { asArray, assertKnownParams, first, includeExclude, parseInteger, type RawQuery } from '../lib/query-params.js';
import type { UserListFilter } from '../storage/repositories/user-list-repository.js';
import { normalizeEmailAddress, normalizePhoneNumber, normalizeWeb3Wallet } from './identifiers.js';

const MAX_FILTER_VALUES = 100;

const ARRAY_FILTERS = ['email_address', 'phone_number', 'external_id', 'username', 'web3_wallet', 'user_id', 'organization_id'] as const;
const TEXT_FILTERS = ['query', 'email_address_query', 'phone_number_query', 'username_query', 'name_query'] as const;
const TIME_FILTERS = [
  'last_active_at_before',
  'last_active_at_after',
  'last_active_at_since',
  'created_at_before',
  'created_at_after',
  'last_sign_in_at_before',
  'last_sign_in_at_after',
] as const;
const PAGE_PARAMS = ['limit', 'offset', 'order_by', 'starting_after'] as const;
/** Arrive with external accounts; accepted now so callers get an empty match rather than an error. */
const LATER_FILTERS = ['provider', 'provider_user_id'] as const;
const KNOWN: readonly string[] = [...ARRAY_FILTERS, ...TEXT_FILTERS, ...TIME_FILTERS, ...PAGE_PARAMS, ...LATER_FILTERS, 'banned'];

/** Keeps the values that normalise; values that cannot match anything are dropped ("not found are ignored"). */
function normalized(values: readonly string[], normalize: (value: string) => string | null): string[] {
  return values.map(normalize).filter((value): value is string => value !== null);
}

/**
 * Transitional (issue 9): organization membership lists still hand raw query strings to their service;
 * they move to route schemas like `GET /v1/users`, and this file goes.
 */
export function parseRawUserListFilter(query: RawQuery): UserListFilter {
  assertKnownParams(query, KNOWN);
  const filter: UserListFilter = {};
  const arrays = Object.fromEntries(ARRAY_FILTERS.map((name) => [name, asArray(query[name]).filter((v) => v !== '')])) as Record<
    (typeof ARRAY_FILTERS)[number],
    string[]
  >;
  for (const name of ARRAY_FILTERS) {
    if (arrays[name].length > MAX_FILTER_VALUES) throw errors.paramArraySizeExceeded(name, MAX_FILTER_VALUES);
  }
  if (arrays.email_address.length) filter.emailAddresses = normalized(arrays.email_address, normalizeEmailAddress);
  if (arrays.phone_number.length) filter.phoneNumbers = normalized(arrays.phone_number, normalizePhoneNumber);
  if (arrays.web3_wallet.length) filter.web3Wallets = normalized(arrays.web3_wallet, normalizeWeb3Wallet);
  if (arrays.username.length) filter.usernames = arrays.username.map((u) => u.trim().toLowerCase());
  if (arrays.external_id.length) filter.externalIds = includeExclude(arrays.external_id);
  if (arrays.user_id.length) filter.userIds = includeExclude(arrays.user_id);
  if (arrays.organization_id.length) filter.organizationIds = includeExclude(arrays.organization_id);
  if (first(query.provider) !== undefined || first(query.provider_user_id) !== undefined) filter.matchNothing = true;

  const text = (name: (typeof TEXT_FILTERS)[number]) => first(query[name])?.trim() || undefined;
  filter.query = text('query');
  filter.emailAddressQuery = text('email_address_query');
  filter.phoneNumberQuery = text('phone_number_query');
  filter.usernameQuery = text('username_query');
  filter.nameQuery = text('name_query');

  const banned = first(query.banned);
  if (banned !== undefined) {
    if (banned !== 'true' && banned !== 'false') throw errors.paramTypeInvalid('banned', 'boolean');
    filter.banned = banned === 'true';
  }
  const time = (name: (typeof TIME_FILTERS)[number]) => parseInteger(first(query[name]), name, 0);
  filter.lastActiveAtBefore = time('last_active_at_before');
  filter.lastActiveAtAfter = time('last_active_at_after');
  filter.lastActiveAtSince = time('last_active_at_since');
  filter.createdAtBefore = time('created_at_before');
  filter.createdAtAfter = time('created_at_after');
  filter.lastSignInAtBefore = time('last_sign_in_at_before');
  filter.lastSignInAtAfter = time('last_sign_in_at_after');
  return filter;
}

