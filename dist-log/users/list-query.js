import { DEFAULT_LIMIT } from '../domain/page-limits.js';
import { errors } from '../lib/error-catalog.js';
import { includeExclude } from '../lib/include-exclude.js';
import { normalizeEmailAddress, normalizePhoneNumber, normalizeWeb3Wallet } from './identifiers.js';
export const MAX_FILTER_VALUES = 100;
export const DEFAULT_ORDER = '-created_at';
const ORDER_COLUMNS = {
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
function normalized(values, normalize) {
    return values.map(normalize).filter((value) => value !== null);
}
const trimmed = (text) => text?.trim() || undefined;
/** Normalises the filters shared by `GET /v1/users` and `/count` (and organization membership lists). */
export function parseUserListFilter(input) {
    const filter = {};
    if (input.emailAddresses?.length)
        filter.emailAddresses = normalized(input.emailAddresses, normalizeEmailAddress);
    if (input.phoneNumbers?.length)
        filter.phoneNumbers = normalized(input.phoneNumbers, normalizePhoneNumber);
    if (input.web3Wallets?.length)
        filter.web3Wallets = normalized(input.web3Wallets, normalizeWeb3Wallet);
    if (input.usernames?.length)
        filter.usernames = input.usernames.map((u) => u.trim().toLowerCase());
    if (input.externalIds?.length)
        filter.externalIds = includeExclude(input.externalIds);
    if (input.userIds?.length)
        filter.userIds = includeExclude(input.userIds);
    if (input.organizationIds?.length)
        filter.organizationIds = includeExclude(input.organizationIds);
    // External accounts arrive with OAuth sign-in: until then a provider filter matches nobody.
    if (input.provider !== undefined || input.providerUserIds?.length)
        filter.matchNothing = true;
    filter.query = trimmed(input.query);
    filter.emailAddressQuery = trimmed(input.emailAddressQuery);
    filter.phoneNumberQuery = trimmed(input.phoneNumberQuery);
    filter.usernameQuery = trimmed(input.usernameQuery);
    filter.nameQuery = trimmed(input.nameQuery);
    if (input.banned !== undefined)
        filter.banned = input.banned;
    filter.lastActiveAtBefore = input.lastActiveAtBefore;
    filter.lastActiveAtAfter = input.lastActiveAtAfter;
    filter.lastActiveAtSince = input.lastActiveAtSince;
    filter.createdAtBefore = input.createdAtBefore;
    filter.createdAtAfter = input.createdAtAfter;
    filter.lastSignInAtBefore = input.lastSignInAtBefore;
    filter.lastSignInAtAfter = input.lastSignInAtAfter;
    return filter;
}
/** Resolves `order_by` to a column and checks `starting_after` against the ordering, with the spec's 422 rules. */
export function parseUserListPage(input) {
    const limit = input.limit ?? DEFAULT_LIMIT;
    const offset = input.offset ?? 0;
    const rawOrder = input.orderBy || DEFAULT_ORDER;
    const direction = rawOrder.startsWith('-') ? 'desc' : 'asc';
    const field = rawOrder.replace(/^[+-]/, '');
    // Own keys only: `constructor` or `__proto__` are not columns.
    const orderBy = Object.hasOwn(ORDER_COLUMNS, field) ? ORDER_COLUMNS[field] : undefined;
    if (!orderBy)
        throw errors.paramValueNotAllowed('order_by', rawOrder, Object.keys(ORDER_COLUMNS));
    const startingAfter = input.startingAfter || undefined;
    if (startingAfter !== undefined) {
        if (orderBy !== 'created_at') {
            throw errors.paramValueInvalid('starting_after', 'starting_after can only be used when ordering by created_at.');
        }
        if (offset !== 0)
            throw errors.paramValueInvalid('starting_after', 'starting_after cannot be combined with a non-zero offset.');
    }
    return { orderBy, direction, limit, offset, startingAfter };
}
//# sourceMappingURL=list-query.js.map