import { TotalCount } from '../../schemas/common.js';
import { UserCountQuery, UserListQuery } from './list-schemas.js';
import { UserList } from './schemas.js';
import { toUserJSON } from './serialize.js';
/** The wire's filter names → the list's domain filters (organization membership lists share it). */
export function toFilterInput(query) {
    return {
        emailAddresses: query.email_address,
        phoneNumbers: query.phone_number,
        externalIds: query.external_id,
        usernames: query.username,
        web3Wallets: query.web3_wallet,
        userIds: query.user_id,
        organizationIds: query.organization_id,
        query: query.query,
        emailAddressQuery: query.email_address_query,
        phoneNumberQuery: query.phone_number_query,
        usernameQuery: query.username_query,
        nameQuery: query.name_query,
        banned: query.banned,
        lastActiveAtBefore: query.last_active_at_before,
        lastActiveAtAfter: query.last_active_at_after,
        lastActiveAtSince: query.last_active_at_since,
        createdAtBefore: query.created_at_before,
        createdAtAfter: query.created_at_after,
        lastSignInAtBefore: query.last_sign_in_at_before,
        lastSignInAtAfter: query.last_sign_in_at_after,
        provider: query.provider,
        providerUserIds: query.provider_user_id,
    };
}
export function registerListUsers(app, ctx) {
    app.get('/v1/users', { schema: { querystring: UserListQuery, response: { 200: UserList } } }, async (request) => {
        const { query } = request;
        const page = { limit: query.limit, offset: query.offset, orderBy: query.order_by, startingAfter: query.starting_after };
        const records = await ctx.userList.list(toFilterInput(query), page);
        const context = ctx.serializeContext(request);
        return records.map((record) => toUserJSON(record, context));
    });
    app.get('/v1/users/count', { schema: { querystring: UserCountQuery, response: { 200: TotalCount } } }, async (request) => ({
        object: 'total_count',
        total_count: await ctx.userList.count(toFilterInput(request.query)),
    }));
}
//# sourceMappingURL=list-users.js.map