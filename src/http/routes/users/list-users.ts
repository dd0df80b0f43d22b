// GET /v1/users — the users matching every filter, as a bare array (newest first by default).
// GET /v1/users/count — how many users match the same filters.
import type { FastifyInstance } from 'fastify';
import type { RawQuery } from '../../../users/list-query.js';
import type { RouteContext } from '../../route-context.js';
import { toUserJSON } from './serialize.js';

export function registerListUsers(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Querystring: RawQuery }>('/v1/users', async (request) => {
    const records = await ctx.userList.list(request.query);
    const context = ctx.serializeContext(request);
    return records.map((record) => toUserJSON(record, context));
  });

  app.get<{ Querystring: RawQuery }>('/v1/users/count', async (request) => ({
    object: 'total_count',
    total_count: await ctx.userList.count(request.query),
  }));
}
