import { DEFAULT_LIMIT } from '../domain/page-limits.js';
import { errors } from '../lib/error-catalog.js';
import { includeExclude } from '../lib/include-exclude.js';
import { toStrategy } from '../oauth/strategy.js';
import type { UserListFilter, UserListPage, UserOrderColumn } from '../storage/repositories/user-list-repository.js';
import { normalizeEmailAddress, normalizePhoneNumber, normalizeWeb3Wallet } from './identifiers.js';

export const MAX_FILTER_VALUES = 100;
export const DEFAULT_ORDER = '-created_at';

/** Filters the list takes as they are (text queries, `banned`, time ranges). */
type PassedThrough =
  | 'query'
  | 'emailAddressQuery'
  | 'phoneNumberQuery'
  | 'usernameQuery'
  | 'nameQuery'
  | 'banned'
  | 'lastActiveAtBefore'
  | 'lastActiveAtAfter'
  | 'lastActiveAtSince'
  | 'createdAtBefore'
  | 'createdAtAfter'
  | 'lastSignInAtBefore'
  | 'lastSignInAtAfter';

/** The filters of `GET /v1/users` and `/count`, as the route maps them from the query string. */
export interface UserListFilterInput extends Pick<UserListFilter, PassedThrough> {
  emailAddresses?: readonly string[];
  phoneNumbers?: readonly string[];
  externalIds?: readonly string[];
  usernames?: readonly string[];
  web3Wallets?: readonly string[];
  userIds?: readonly string[];
  organizationIds?: readonly string[];
  provider?: string;
  providerUserIds?: readonly string[];
}

/** Which page of the list: `orderBy` is `[+|-]field` as the API spells it. */
export interface UserListPageInput {
  limit?: number;
  offset?: number;
  orderBy?: string;
  startingAfter?: string;
}

const ORDER_COLUMNS: Record<string, UserOrderColumn> = {
  created_at: 'created_at',
  updated_at: 'updated_at',
  email_address: 'primary_email_address',
  web3wallet: 'primary_web3_wallet',
  first_name: 'first_name',
  last_name: 'last_name',
  phone_number: 'primary_phone_number',
  username: 'username_normalized',
  last_active_at: 'last_active_at',
  last_sign_in_at: 'last_sign_in_at',
};

/** Keeps the values that normalise; values that cannot match anything are dropped ("not found are ignored"). */
function normalized(values: readonly string[], normalize: (value: string) => string | null): string[] {
  return values.map(normalize).filter((value): value is string => value !== null);
}

const trimmed = (text: string | undefined) => text?.trim() || undefined;

/** Normalises the filters shared by `GET /v1/users` and `/count` (and organization membership lists). */
export function parseUserListFilter(input: UserListFilterInput): UserListFilter {
  const filter: UserListFilter = {};
  if (input.emailAddresses?.length) filter.emailAddresses = normalized(input.emailAddresses, normalizeEmailAddress);
  if (input.phoneNumbers?.length) filter.phoneNumbers = normalized(input.phoneNumbers, normalizePhoneNumber);
  if (input.web3Wallets?.length) filter.web3Wallets = normalized(input.web3Wallets, normalizeWeb3Wallet);
  if (input.usernames?.length) filter.usernames = input.usernames.map((u) => u.trim().toLowerCase());
  if (input.externalIds?.length) filter.externalIds = includeExclude(input.externalIds);
  if (input.userIds?.length) filter.userIds = includeExclude(input.userIds);
  if (input.organizationIds?.length) filter.organizationIds = includeExclude(input.organizationIds);
  const externalAccounts = externalAccountFilter(input);
  if (externalAccounts) filter.externalAccounts = externalAccounts;
  // Every id was empty: nothing can match (and `IN ()` is not SQL).
  if (externalAccounts?.providerUserIds?.length === 0) filter.matchNothing = true;

  filter.query = trimmed(input.query);
  filter.emailAddressQuery = trimmed(input.emailAddressQuery);
  filter.phoneNumberQuery = trimmed(input.phoneNumberQuery);
  filter.usernameQuery = trimmed(input.usernameQuery);
  filter.nameQuery = trimmed(input.nameQuery);
  if (input.banned !== undefined) filter.banned = input.banned;
  filter.lastActiveAtBefore = input.lastActiveAtBefore;
  filter.lastActiveAtAfter = input.lastActiveAtAfter;
  filter.lastActiveAtSince = input.lastActiveAtSince;
  filter.createdAtBefore = input.createdAtBefore;
  filter.createdAtAfter = input.createdAtAfter;
  filter.lastSignInAtBefore = input.lastSignInAtBefore;
  filter.lastSignInAtAfter = input.lastSignInAtAfter;
  return filter;
}

/**
 * `provider` and `provider_user_id`: Clerk documents them as a pair; Roster also takes either alone (every user
 * with an account of the provider; those ids at any provider). The provider is a strategy (`oauth_google`); the
 * bare name (`google`) is taken as its strategy. Empty ids are dropped ("not found are ignored"); a list left
 * empty matches nobody.
 */
function externalAccountFilter(input: UserListFilterInput): UserListFilter['externalAccounts'] {
  const provider = input.provider?.trim() ? toStrategy(input.provider.trim()) : undefined;
  const ids = input.providerUserIds?.length ? input.providerUserIds.filter((id) => id !== '') : undefined;
  if (provider === undefined && ids === undefined) return undefined;
  return { ...(provider !== undefined ? { provider } : {}), ...(ids !== undefined ? { providerUserIds: ids } : {}) };
}

export interface ParsedListPage extends Omit<UserListPage, 'after'> {
  /** The id to continue after; resolved to a keyset position by the service. */
  startingAfter?: string;
}

/** Resolves `order_by` to a column and checks `starting_after` against the ordering, with the spec's 422 rules. */
export function parseUserListPage(input: UserListPageInput): ParsedListPage {
  const limit = input.limit ?? DEFAULT_LIMIT;
  const offset = input.offset ?? 0;
  const rawOrder = input.orderBy || DEFAULT_ORDER;
  const direction = rawOrder.startsWith('-') ? 'desc' : 'asc';
  const field = rawOrder.replace(/^[+-]/, '');
  // Own keys only: `constructor` or `__proto__` are not columns.
  const orderBy = Object.hasOwn(ORDER_COLUMNS, field) ? ORDER_COLUMNS[field] : undefined;
  if (!orderBy) throw errors.paramValueNotAllowed('order_by', rawOrder, Object.keys(ORDER_COLUMNS));
  const startingAfter = input.startingAfter || undefined;
  if (startingAfter !== undefined) {
    if (orderBy !== 'created_at') {
      throw errors.paramValueInvalid('starting_after', 'starting_after can only be used when ordering by created_at.');
    }
    if (offset !== 0) throw errors.paramValueInvalid('starting_after', 'starting_after cannot be combined with a non-zero offset.');
  }
  return { orderBy, direction, limit, offset, startingAfter };
}
