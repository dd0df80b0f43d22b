// POST /v1/organizations/{id}/invitations — invites an email address with a role, emailing the ticket link unless notify=false.
// POST /v1/organizations/{id}/invitations/bulk — 1 to 10 invitations, all or none.
// GET /v1/organizations/{id}/invitations — the organization's invitations (`status`, `email_address`, ordering).
// GET /v1/organizations/{id}/invitations/pending — the pending ones (deprecated by Clerk).
// GET /v1/organizations/{id}/invitations/{invitation_id} — one invitation.
// POST /v1/organizations/{id}/invitations/{invitation_id}/revoke — revokes a pending invitation.
// GET /v1/organization_invitations — every invitation in the instance, with public organization data.
import type { CreateInvitationInput } from '../../../organizations/invitation-service.js';
import type { RosterApp } from '../../roster-app.js';
import { IdParams } from '../../schemas/common.js';
import { compileBodyValidator, validationErrorToClerk } from '../../validation.js';
import type { RouteContext } from '../../route-context.js';
import { InstanceInvitationListQuery, InvitationListQuery, PageQuery } from './list-schemas.js';
import {
  BulkInvitationsBody,
  CreateInvitationBody,
  OrganizationInvitation,
  OrganizationInvitations,
  OrganizationInvitationsWithPublicOrganizationData,
  RevokeInvitationBody,
} from './schemas.js';
import { toInvitationJSON, toPageJSON } from './serialize.js';

const Params = IdParams('organization_id');
const InvitationParams = IdParams('organization_id', 'invitation_id');

const validateInvitation = compileBodyValidator(CreateInvitationBody);

/** Checks one item of a bulk body as a single invitation's body, so an error names the field, not the array index. */
function assertInvitationBody(item: unknown): asserts item is CreateInvitationBody {
  if (!validateInvitation(item)) throw validationErrorToClerk(validateInvitation.errors ?? []);
}

const toInput = (body: CreateInvitationBody): CreateInvitationInput => ({
  emailAddress: body.email_address,
  role: body.role,
  inviterUserId: body.inviter_user_id,
  publicMetadata: body.public_metadata,
  privateMetadata: body.private_metadata,
  redirectUrl: body.redirect_url,
  expiresInDays: body.expires_in_days,
  notify: body.notify,
});

export function registerInvitationRoutes(app: RosterApp, ctx: RouteContext): void {
  app.post(
    '/v1/organizations/:organization_id/invitations',
    { schema: { params: Params, body: CreateInvitationBody, response: { 200: OrganizationInvitation } } },
    async (request) =>
      toInvitationJSON(await ctx.invitations.create(request.params.organization_id, toInput(request.body)), ctx.serializeContext(request)),
  );

  app.post(
    '/v1/organizations/:organization_id/invitations/bulk',
    { schema: { params: Params, body: BulkInvitationsBody, response: { 200: OrganizationInvitations } } },
    async (request) => {
      const inputs = request.body.map((item) => {
        assertInvitationBody(item);
        return toInput(item);
      });
      const records = await ctx.invitations.createBulk(request.params.organization_id, inputs);
      const context = ctx.serializeContext(request);
      return toPageJSON({ data: records, totalCount: records.length }, (record) => toInvitationJSON(record, context));
    },
  );

  app.get(
    '/v1/organizations/:organization_id/invitations',
    { schema: { params: Params, querystring: InvitationListQuery, response: { 200: OrganizationInvitations } } },
    async (request) => {
      const { query } = request;
      const input = { statuses: query.status, emailAddresses: query.email_address };
      const page = { limit: query.limit, offset: query.offset, orderBy: query.order_by };
      const context = ctx.serializeContext(request);
      const invitations = await ctx.invitations.listForOrganization(request.params.organization_id, input, page);
      return toPageJSON(invitations, (record) => toInvitationJSON(record, context));
    },
  );

  app.get(
    '/v1/organizations/:organization_id/invitations/pending',
    { schema: { params: Params, querystring: PageQuery, response: { 200: OrganizationInvitations } } },
    async (request) => {
      const context = ctx.serializeContext(request);
      const invitations = await ctx.invitations.listPending(request.params.organization_id, request.query);
      return toPageJSON(invitations, (record) => toInvitationJSON(record, context));
    },
  );

  app.get(
    '/v1/organizations/:organization_id/invitations/:invitation_id',
    { schema: { params: InvitationParams, response: { 200: OrganizationInvitation } } },
    async (request) => {
      const { organization_id, invitation_id } = request.params;
      return toInvitationJSON(await ctx.invitations.get(organization_id, invitation_id), ctx.serializeContext(request));
    },
  );

  app.post(
    '/v1/organizations/:organization_id/invitations/:invitation_id/revoke',
    { schema: { params: InvitationParams, body: RevokeInvitationBody, response: { 200: OrganizationInvitation } } },
    async (request) => {
      const { organization_id, invitation_id } = request.params;
      const record = await ctx.invitations.revoke(organization_id, invitation_id, request.body.requesting_user_id);
      return toInvitationJSON(record, ctx.serializeContext(request));
    },
  );

  app.get(
    '/v1/organization_invitations',
    { schema: { querystring: InstanceInvitationListQuery, response: { 200: OrganizationInvitationsWithPublicOrganizationData } } },
    async (request) => {
      const { query } = request;
      const page = { limit: query.limit, offset: query.offset, orderBy: query.order_by };
      const context = ctx.serializeContext(request);
      const invitations = await ctx.invitations.listInstance({ statuses: query.status, query: query.query }, page);
      return toPageJSON(invitations, (record) => toInvitationJSON(record, context));
    },
  );
}
