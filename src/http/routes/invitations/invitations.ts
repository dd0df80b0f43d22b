// POST /v1/invitations — invites an email address to sign up (a ticket link, and the invitation email unless notify=false).
// POST /v1/invitations/bulk — 1 to 10 invitations, all or none.
// GET /v1/invitations — the instance's invitations (`status`, `query`, ordering); `{data, total_count}` when paginated=true.
// POST /v1/invitations/{invitation_id}/revoke — revokes a pending invitation; its link stops working.
import type { CreateInstanceInvitationInput } from '../../../invitations/instance-invitation-service.js';
import type { RosterApp } from '../../roster-app.js';
import type { RouteContext } from '../../route-context.js';
import { IdParams } from '../../schemas/common.js';
import { compileBodyValidator, validationErrorToClerk } from '../../validation.js';
import { BulkInstanceInvitationsBody, CreateInstanceInvitationBody, Invitation, InvitationList, InstanceInvitationListQuery } from './schemas.js';
import { toInstanceInvitationJSON } from './serialize.js';

const validateInvitation = compileBodyValidator(CreateInstanceInvitationBody);

/** Checks one item of a bulk body as a single invitation's body, so an error names the field, not the array index. */
function assertInvitationBody(item: unknown): asserts item is CreateInstanceInvitationBody {
  if (!validateInvitation(item)) throw validationErrorToClerk(validateInvitation.errors ?? []);
}

const toInput = (body: CreateInstanceInvitationBody): CreateInstanceInvitationInput => ({
  emailAddress: body.email_address,
  publicMetadata: body.public_metadata,
  redirectUrl: body.redirect_url,
  notify: body.notify,
  ignoreExisting: body.ignore_existing,
  expiresInDays: body.expires_in_days,
  templateSlug: body.template_slug,
});

export function registerInstanceInvitationRoutes(app: RosterApp, ctx: RouteContext): void {
  const { instanceInvitations } = ctx;

  app.post('/v1/invitations', { schema: { body: CreateInstanceInvitationBody, response: { 200: Invitation } } }, async (request) =>
    toInstanceInvitationJSON(await instanceInvitations.create(toInput(request.body))),
  );

  app.post('/v1/invitations/bulk', { schema: { body: BulkInstanceInvitationsBody, response: { 200: InvitationList } } }, async (request) => {
    const inputs = request.body.map((item) => {
      assertInvitationBody(item);
      return toInput(item);
    });
    return (await instanceInvitations.createBulk(inputs)).map(toInstanceInvitationJSON);
  });

  app.get('/v1/invitations', { schema: { querystring: InstanceInvitationListQuery, response: { 200: InvitationList } } }, async (request) => {
    const { query } = request;
    const page = await instanceInvitations.list(
      { status: query.status, query: query.query },
      { limit: query.limit, offset: query.offset, orderBy: query.order_by },
    );
    const data = page.data.map(toInstanceInvitationJSON);
    // The spec shows the bare array; @clerk/backend sends paginated=true and reads { data, total_count }.
    return query.paginated ? { data, total_count: page.totalCount } : data;
  });

  app.post(
    '/v1/invitations/:invitation_id/revoke',
    { schema: { params: IdParams('invitation_id'), response: { 200: Invitation } } },
    async (request) => toInstanceInvitationJSON(await instanceInvitations.revoke(request.params.invitation_id)),
  );
}
