import { Type } from 'typebox';
import { MAX_FILTER_VALUES } from '../../../organizations/list-params.js';
import { pageParams, rosterExtension } from '../../schemas/common.js';
import { userFilters } from '../users/list-schemas.js';
/**
 * Wire schemas of the organization lists' query strings (parsed by query-schema.ts). Properties are declared in
 * the order the lists used to check them, so the first problem reported stays the same.
 */
const values = (description) => Type.Optional(Type.Array(Type.String(), { maxItems: MAX_FILTER_VALUES, description }));
/** Clerk's spec has one value; Roster takes the parameter repeated, like the other list filters. */
const repeatable = (description) => Type.Optional(Type.Array(Type.String(), { maxItems: MAX_FILTER_VALUES, description: `${description} (repeatable)`, ...rosterExtension }));
const orderBy = (fields) => Type.Optional(Type.String({ default: '-created_at', description: `\`[+|-]field\`, one of ${fields}; \`+\` is implied` }));
const includeFlags = {
    include_members_count: Type.Optional(Type.Boolean({ description: 'Include `members_count` and `pending_invitations_count`' })),
    include_missing_member_with_elevated_permissions: Type.Optional(Type.Boolean({ description: 'Include `missing_member_with_elevated_permissions`' })),
};
/** `GET /v1/organizations/{id_or_slug}`. */
export const OrganizationQuery = Type.Object(includeFlags, { additionalProperties: false });
/** `GET /v1/organizations`. */
export const OrganizationListQuery = Type.Object({
    ...includeFlags,
    user_id: values('Organizations with any of these members (`-id` excludes)'),
    organization_id: values('These organizations (`-id` excludes)'),
    query: Type.Optional(Type.String({ description: 'The id, or part of the name or slug' })),
    order_by: orderBy('`created_at`, `name`, `members_count`'),
    ...pageParams,
}, { additionalProperties: false });
/** `GET /v1/organizations/{id}/memberships`: `role` and the member filters it shares with `GET /v1/users`. */
export const MembershipListQuery = Type.Object({
    role: values('Members with any of these roles'),
    email_address: userFilters.email_address,
    phone_number: userFilters.phone_number,
    username: userFilters.username,
    web3_wallet: userFilters.web3_wallet,
    user_id: userFilters.user_id,
    query: userFilters.query,
    email_address_query: userFilters.email_address_query,
    phone_number_query: userFilters.phone_number_query,
    username_query: userFilters.username_query,
    name_query: userFilters.name_query,
    last_active_at_before: userFilters.last_active_at_before,
    last_active_at_after: userFilters.last_active_at_after,
    created_at_before: userFilters.created_at_before,
    created_at_after: userFilters.created_at_after,
    order_by: orderBy('`created_at`, `email_address`, `phone_number`, `first_name`, `last_name`, `username`'),
    ...pageParams,
}, { additionalProperties: false });
/** `GET /v1/organization_memberships`. */
export const InstanceMembershipListQuery = Type.Object({ order_by: orderBy('`created_at`, `email_address`, `phone_number`, `first_name`, `last_name`, `username`'), ...pageParams }, { additionalProperties: false });
/** `GET /v1/users/{user_id}/organization_memberships` and `GET /v1/organizations/{id}/invitations/pending`. */
export const PageQuery = Type.Object(pageParams, { additionalProperties: false });
const status = repeatable('Invitations in any of these statuses: `pending`, `accepted`, `revoked`, `expired`');
const invitationOrder = orderBy('`created_at`, `email_address`');
/** `GET /v1/organizations/{id}/invitations`. */
export const InvitationListQuery = Type.Object({ email_address: repeatable('Invitations to any of these email addresses'), status, order_by: invitationOrder, ...pageParams }, { additionalProperties: false });
/** `GET /v1/organization_invitations`. */
export const InstanceInvitationListQuery = Type.Object({ status, query: Type.Optional(Type.String({ description: 'Part of the email address' })), order_by: invitationOrder, ...pageParams }, { additionalProperties: false });
/** `GET /v1/users/{user_id}/organization_invitations`. */
export const UserInvitationListQuery = Type.Object({ status, ...pageParams }, { additionalProperties: false });
//# sourceMappingURL=list-schemas.js.map