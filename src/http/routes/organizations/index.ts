import type { FastifyInstance } from 'fastify';
import { createInvitationService } from '../../../organizations/invitation-service.js';
import { createMembershipService } from '../../../organizations/membership-service.js';
import { createOrganizationService } from '../../../organizations/organization-service.js';
import { createRoleRegistry } from '../../../organizations/roles.js';
import type { ModuleContext } from '../../module-context.js';
import { registerUserOrganizationRoutes } from '../users/organization-memberships.js';
import type { OrganizationRouteContext } from './context.js';
import { registerInvitationRoutes } from './invitations.js';
import { registerLogoRoutes } from './logo.js';
import { registerMembershipRoutes } from './memberships.js';
import { registerOrganizationCrudRoutes } from './organizations.js';

/** Registers every organization route, and the users' organization memberships and invitations. */
export async function registerOrganizationRoutes(app: FastifyInstance, moduleContext: ModuleContext): Promise<void> {
  const roles = createRoleRegistry(moduleContext.deps.config.organizations);
  const ctx: OrganizationRouteContext = {
    organizations: createOrganizationService(moduleContext.deps, roles),
    memberships: createMembershipService(moduleContext.deps, roles),
    invitations: createInvitationService(moduleContext.deps, roles),
    serializeContext: moduleContext.serializeContext,
  };
  registerOrganizationCrudRoutes(app, ctx);
  await registerLogoRoutes(app, ctx, { bodyLimitInBytes: moduleContext.deps.config.bodyLimitInBytes });
  registerMembershipRoutes(app, ctx);
  registerInvitationRoutes(app, ctx);
  registerUserOrganizationRoutes(app, ctx);
}
