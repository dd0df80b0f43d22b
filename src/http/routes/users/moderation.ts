// POST /v1/users/{user_id}/ban, /unban — ban (revoking sessions) or lift the ban.
// POST /v1/users/ban, /v1/users/unban — the same for 1–50 users at once.
// POST /v1/users/{user_id}/lock, /unlock — lock per the lockout policy, or unlock and reset attempts.
import type { FastifyInstance } from 'fastify';
import type { UserRecord } from '../../../users/user-record.js';
import type { RouteContext } from '../../route-context.js';
import { bulkUsersBody, metadataBody } from './schemas.js';
import { toUserJSON } from './serialize.js';

type Params = { user_id: string };

export function registerModerationRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const single = (path: string, action: (userId: string) => Promise<UserRecord>) =>
    app.post<{ Params: Params }>(path, async (request) => toUserJSON(await action(request.params.user_id), ctx.serializeContext(request)));
  single('/v1/users/:user_id/ban', ctx.moderation.ban);
  single('/v1/users/:user_id/unban', ctx.moderation.unban);
  single('/v1/users/:user_id/lock', ctx.moderation.lock);
  single('/v1/users/:user_id/unlock', ctx.moderation.unlock);

  const bulk = (path: string, action: (userIds: string[]) => Promise<UserRecord[]>) =>
    app.post<{ Body: { user_ids: string[] } }>(path, { schema: { body: bulkUsersBody } }, async (request) => {
      const context = ctx.serializeContext(request);
      return (await action(request.body.user_ids)).map((record) => toUserJSON(record, context));
    });
  bulk('/v1/users/ban', ctx.moderation.banMany);
  bulk('/v1/users/unban', ctx.moderation.unbanMany);
}

// PATCH /v1/users/{user_id}/metadata — deep merge; null deletes a key.
// PUT /v1/users/{user_id}/metadata — replaces each supplied field; omitted fields stay.
export function registerMetadataRoutes(app: FastifyInstance, ctx: RouteContext): void {
  type Body = { public_metadata?: Record<string, unknown>; private_metadata?: Record<string, unknown>; unsafe_metadata?: Record<string, unknown> };
  const toInput = (body: Body) => ({
    publicMetadata: body.public_metadata,
    privateMetadata: body.private_metadata,
    unsafeMetadata: body.unsafe_metadata,
  });
  app.patch<{ Params: Params; Body: Body }>('/v1/users/:user_id/metadata', { schema: { body: metadataBody } }, async (request) =>
    toUserJSON(await ctx.userMetadata.merge(request.params.user_id, toInput(request.body)), ctx.serializeContext(request)),
  );
  app.put<{ Params: Params; Body: Body }>('/v1/users/:user_id/metadata', { schema: { body: metadataBody } }, async (request) =>
    toUserJSON(await ctx.userMetadata.replace(request.params.user_id, toInput(request.body)), ctx.serializeContext(request)),
  );
}
