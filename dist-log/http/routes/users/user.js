// GET /v1/users/{user_id} — one user.
// PATCH /v1/users/{user_id} — changes the supplied fields (metadata only up to API version 2025-11-10).
// DELETE /v1/users/{user_id} — deletes the user and everything they own.
import { errors } from '../../../lib/error-catalog.js';
import { versionRules } from '../../api-version.js';
import { UpdateUserBody, UserDeleted, UserJSON, UserParams } from './schemas.js';
import { toDeletedJSON, toUserJSON } from './serialize.js';
import { toSharedUserInput } from './user-fields.js';
const METADATA_FIELDS = ['public_metadata', 'private_metadata', 'unsafe_metadata'];
const USE_METADATA_ENDPOINTS = ' Since API version 2026-05-12, use PATCH /v1/users/{user_id}/metadata to merge metadata or PUT /v1/users/{user_id}/metadata to replace it.';
/** The wire's field names → the user service's input. */
function toUpdateUserInput(body) {
    return {
        ...toSharedUserInput(body),
        passwordDigest: body.password_digest,
        primaryEmailAddressId: body.primary_email_address_id,
        primaryPhoneNumberId: body.primary_phone_number_id,
        primaryWeb3WalletId: body.primary_web3_wallet_id,
        signOutOfOtherSessions: body.sign_out_of_other_sessions,
    };
}
export function registerUserRoutes(app, ctx) {
    app.get('/v1/users/:user_id', { schema: { params: UserParams, response: { 200: UserJSON } } }, async (request) => {
        const record = await ctx.users.get(request.params.user_id);
        return toUserJSON(record, ctx.serializeContext(request));
    });
    app.patch('/v1/users/:user_id', { schema: { params: UserParams, body: UpdateUserBody, response: { 200: UserJSON } } }, async (request) => {
        const body = request.body;
        if (versionRules.rejectsMetadataInUserUpdate(request.apiVersion)) {
            const field = METADATA_FIELDS.find((name) => body[name] !== undefined);
            if (field)
                throw errors.paramUnknown(field, USE_METADATA_ENDPOINTS);
        }
        if (body.profile_image_id)
            throw errors.formResourceNotFound('profile_image_id');
        const record = await ctx.users.update(request.params.user_id, toUpdateUserInput(body));
        return toUserJSON(record, ctx.serializeContext(request));
    });
    app.delete('/v1/users/:user_id', { schema: { params: UserParams, response: { 200: UserDeleted } } }, async (request) => {
        const { id } = await ctx.users.delete(request.params.user_id);
        return toDeletedJSON('user', id);
    });
}
//# sourceMappingURL=user.js.map