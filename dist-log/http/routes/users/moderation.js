import { BulkUsersBody, MetadataBody, UserJSON, UserList, UserParams } from './schemas.js';
import { toUserJSON } from './serialize.js';
export function registerModerationRoutes(app, ctx) {
    const single = (path, action) => app.post(path, { schema: { params: UserParams, response: { 200: UserJSON } } }, async (request) => toUserJSON(await action(request.params.user_id), ctx.serializeContext(request)));
    single('/v1/users/:user_id/ban', ctx.moderation.ban);
    single('/v1/users/:user_id/unban', ctx.moderation.unban);
    single('/v1/users/:user_id/lock', ctx.moderation.lock);
    single('/v1/users/:user_id/unlock', ctx.moderation.unlock);
    const bulk = (path, action) => app.post(path, { schema: { body: BulkUsersBody, response: { 200: UserList } } }, async (request) => {
        const context = ctx.serializeContext(request);
        return (await action(request.body.user_ids)).map((record) => toUserJSON(record, context));
    });
    bulk('/v1/users/ban', ctx.moderation.banMany);
    bulk('/v1/users/unban', ctx.moderation.unbanMany);
}
/** The wire's metadata fields → the metadata service's input. */
const toMetadataInput = (body) => ({
    publicMetadata: body.public_metadata,
    privateMetadata: body.private_metadata,
    unsafeMetadata: body.unsafe_metadata,
});
// PATCH /v1/users/{user_id}/metadata — deep merge; null deletes a key.
// PUT /v1/users/{user_id}/metadata — replaces each supplied field; omitted fields stay.
export function registerMetadataRoutes(app, ctx) {
    // One schema object per route: the OpenAPI hook writes each route's operationId into it.
    const schema = () => ({ params: UserParams, body: MetadataBody, response: { 200: UserJSON } });
    app.patch('/v1/users/:user_id/metadata', { schema: schema() }, async (request) => toUserJSON(await ctx.userMetadata.merge(request.params.user_id, toMetadataInput(request.body)), ctx.serializeContext(request)));
    app.put('/v1/users/:user_id/metadata', { schema: schema() }, async (request) => toUserJSON(await ctx.userMetadata.replace(request.params.user_id, toMetadataInput(request.body)), ctx.serializeContext(request)));
}
//# sourceMappingURL=moderation.js.map