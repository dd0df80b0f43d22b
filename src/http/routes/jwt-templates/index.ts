// GET /v1/jwt_templates — every template, oldest first; `{data, total_count}` when paginated=true.
// POST /v1/jwt_templates — create a template (claims with shortcodes, lifetime, clock skew, signing).
// GET /v1/jwt_templates/{template_id} — one template.
// PATCH /v1/jwt_templates/{template_id} — replace its name and claims, change its other settings.
// DELETE /v1/jwt_templates/{template_id} — delete it; tokens already minted stay valid until they expire.
import type { FastifyInstance } from 'fastify';
import type { JwtTemplateInput } from '../../../jwt-templates/jwt-template-service.js';
import type { RawQuery } from '../../../lib/query-params.js';
import type { RouteContext } from '../../route-context.js';
import { jwtTemplateBody, type JwtTemplateBody } from './schemas.js';
import { toJwtTemplateJSON } from './serialize.js';

type Params = { template_id: string };

const toInput = (body: JwtTemplateBody): JwtTemplateInput => ({
  name: body.name,
  claims: body.claims,
  lifetime: body.lifetime,
  allowedClockSkew: body.allowed_clock_skew,
  customSigningKey: body.custom_signing_key,
  signingAlgorithm: body.signing_algorithm,
  signingKey: body.signing_key,
});

/** Registers the JWT template routes (Backend API: secret key). */
export function registerJwtTemplateRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Querystring: RawQuery }>('/v1/jwt_templates', async (request) => {
    const { templates: records, totalCount, paginated } = await ctx.jwtTemplates.list(request.query);
    const data = records.map(toJwtTemplateJSON);
    // The spec shows the bare array; @clerk/backend sends paginated=true and reads { data, total_count }.
    return paginated ? { data, total_count: totalCount } : data;
  });

  app.post<{ Body: JwtTemplateBody }>('/v1/jwt_templates', { schema: { body: jwtTemplateBody } }, async (request) =>
    toJwtTemplateJSON(await ctx.jwtTemplates.create(toInput(request.body))),
  );

  app.get<{ Params: Params }>('/v1/jwt_templates/:template_id', async (request) =>
    toJwtTemplateJSON(await ctx.jwtTemplates.get(request.params.template_id)),
  );

  app.patch<{ Params: Params; Body: JwtTemplateBody }>('/v1/jwt_templates/:template_id', { schema: { body: jwtTemplateBody } }, async (request) =>
    toJwtTemplateJSON(await ctx.jwtTemplates.update(request.params.template_id, toInput(request.body))),
  );

  app.delete<{ Params: Params }>('/v1/jwt_templates/:template_id', async (request) => {
    const { id } = await ctx.jwtTemplates.delete(request.params.template_id);
    return { object: 'jwt_template', id, deleted: true };
  });
}
