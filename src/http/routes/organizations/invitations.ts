// POST /v1/organizations/{id}/invitations — invites an email address with a role (the email itself is recorded as intent).
// POST /v1/organizations/{id}/invitations/bulk — 1 to 10 invitations, all or none.
// GET /v1/organizations/{id}/invitations — the organization's invitations (`status`, `email_address`, ordering).
// GET /v1/organizations/{id}/invitations/pending — the pending ones (deprecated by Clerk).
// GET /v1/organizations/{id}/invitations/{invitation_id} — one invitation.
// POST /v1/organizations/{id}/invitations/{invitation_id}/revoke — revokes a pending invitation.
// GET /v1/organization_invitations — every invitation in the instance, with public organization data.
import type { FastifyInstance } from 'fastify';
import type { CreateInvitationInput } from '../../../organizations/invitation-service.js';
import type { RawQuery } from '../../../lib/query-params.js';
import type { RouteContext } from '../../route-context.js';
import { compileBodyValidator, validationErrorToClerk } from '../../validation.js';
import { bulkInvitationsBody, createInvitationBody, revokeInvitationBody } from './schemas.js';
import { toInvitationJSON, toPageJSON } from './serialize.js';

type Params = { organization_id: string };
type InvitationParams = { organization_id: string; invitation_id: string };
type Body = Record<string, any>;

const validateInvitation = compileBodyValidator(createInvitationBody);

const toInput = (body: Body): CreateInvitationInput => ({
  emailAddress: body.email_address,
  role: body.role,
  inviterUserId: body.inviter_user_id,
  publicMetadata: body.public_metadata,
  privateMetadata: body.private_metadata,
  redirectUrl: body.redirect_url,
  expiresInDays: body.expires_in_days,
  notify: body.notify,
});

export function registerInvitationRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Params: Params; Body: Body }>('/v1/organizations/:organization_id/invitations', { schema: { body: createInvitationBody } }, async (request) =>
    toInvitationJSON(await ctx.invitations.create(request.params.organization_id, toInput(request.body)), ctx.serializeContext(request)),
  );

  app.post<{ Params: Params; Body: Body[] }>(
    '/v1/organizations/:organization_id/invitations/bulk',
    { schema: { body: bulkInvitationsBody } },
    async (request) => {
      // Each item is validated on its own so an error names the field, not the array index.
      for (const item of request.body) {
        if (!validateInvitation(item)) throw validationErrorToClerk(validateInvitation.errors ?? []);
      }
      const records = await ctx.invitations.createBulk(request.params.organization_id, request.body.map(toInput));
      const context = ctx.serializeContext(request);
      return toPageJSON({ data: records, totalCount: records.length }, (record) => toInvitationJSON(record, context));
    },
  );

  app.get<{ Params: Params; Querystring: RawQuery }>('/v1/organizations/:organization_id/invitations', async (request) => {
    const context = ctx.serializeContext(request);
    const page = await ctx.invitations.listForOrganization(request.params.organization_id, request.query);
    return toPageJSON(page, (record) => toInvitationJSON(record, context));
  });

  app.get<{ Params: Params; Querystring: RawQuery }>('/v1/organizations/:organization_id/invitations/pending', async (request) => {
    const context = ctx.serializeContext(request);
    const page = await ctx.invitations.listPending(request.params.organization_id, request.query);
    return toPageJSON(page, (record) => toInvitationJSON(record, context));
  });

  app.get<{ Params: InvitationParams }>('/v1/organizations/:organization_id/invitations/:invitation_id', async (request) => {
    const { organization_id, invitation_id } = request.params;
    return toInvitationJSON(await ctx.invitations.get(organization_id, invitation_id), ctx.serializeContext(request));
  });

  app.post<{ Params: InvitationParams; Body: Body }>(
    '/v1/organizations/:organization_id/invitations/:invitation_id/revoke',
    { schema: { body: revokeInvitationBody } },
    async (request) => {
      const { organization_id, invitation_id } = request.params;
      const record = await ctx.invitations.revoke(organization_id, invitation_id, request.body.requesting_user_id);
      return toInvitationJSON(record, ctx.serializeContext(request));
    },
  );

  app.get<{ Querystring: RawQuery }>('/v1/organization_invitations', async (request) => {
    const context = ctx.serializeContext(request);
    return toPageJSON(await ctx.invitations.listInstance(request.query), (record) => toInvitationJSON(record, context));
  });
}
