import { Type } from 'typebox';
import { DEFAULT_ORDER, MAX_FILTER_VALUES } from '../../../users/list-query.js';
import { pageParams } from '../../schemas/common.js';
/** Wire schemas of `GET /v1/users` and `GET /v1/users/count` query strings (parsed by query-schema.ts). */
const values = (description) => Type.Optional(Type.Array(Type.String(), { maxItems: MAX_FILTER_VALUES, description }));
const text = (description) => Type.Optional(Type.String({ description }));
const timestamp = (description) => Type.Optional(Type.Integer({ minimum: 0, description: `${description} (Unix ms)` }));
/** The filters `GET /v1/users` shares with `GET /v1/organizations/{id}/memberships` (which takes some of them). */
export const userFilters = {
    email_address: values('Users with any of these email addresses'),
    phone_number: values('Users with any of these phone numbers'),
    external_id: values('Users with these external ids (`-id` excludes)'),
    username: values('Users with any of these usernames'),
    web3_wallet: values('Users with any of these web3 wallets'),
    user_id: values('Users with these ids (`-id` excludes)'),
    organization_id: values('Members of these organizations (`-id` excludes)'),
    query: text('Substring of an email address, phone number, username, web3 wallet, id or name'),
    email_address_query: text('Substring of an email address'),
    phone_number_query: text('Substring of a phone number'),
    username_query: text('Substring of a username'),
    name_query: text('Substring of a first or last name'),
    banned: Type.Optional(Type.Boolean()),
    last_active_at_before: timestamp('Last active before'),
    last_active_at_after: timestamp('Last active after'),
    last_active_at_since: timestamp('Last active since'),
    created_at_before: timestamp('Created before'),
    created_at_after: timestamp('Created after'),
    last_sign_in_at_before: timestamp('Last signed in before'),
    last_sign_in_at_after: timestamp('Last signed in after'),
    provider: text('Users with an external account of this provider'),
    provider_user_id: values("Users with an external account of these provider's user ids"),
};
const UserFilterQuery = Type.Object(userFilters);
export const UserListQuery = Type.Object({
    ...userFilters,
    ...pageParams,
    order_by: Type.Optional(Type.String({ default: DEFAULT_ORDER, description: '`[+|-]field`; only the first counts' })),
    starting_after: Type.Optional(Type.String({ description: 'The id of the user to continue after (keyset pagination; `created_at` order only)' })),
}, { additionalProperties: false });
/** Roster accepts, and ignores, the pagination parameters @clerk/backend forwards to `/count`. */
const ignored = () => Type.Optional(Type.String({ description: 'Accepted and ignored (the SDK forwards it)', 'x-roster-extension': true }));
export const UserCountQuery = Type.Object({ ...userFilters, limit: ignored(), offset: ignored(), order_by: ignored(), starting_after: ignored() }, { additionalProperties: false });
//# sourceMappingURL=list-schemas.js.map