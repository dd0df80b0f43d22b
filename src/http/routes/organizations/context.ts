import type { FastifyRequest } from 'fastify';
import type { InvitationService } from '../../../organizations/invitation-service.js';
import type { MembershipService } from '../../../organizations/membership-service.js';
import type { OrganizationService } from '../../../organizations/organization-service.js';
import type { SerializeContext } from '../users/serialize.js';

/** What the organization route files are registered with. */
export interface OrganizationRouteContext {
  organizations: OrganizationService;
  memberships: MembershipService;
  invitations: InvitationService;
  serializeContext(request: FastifyRequest): SerializeContext;
}
