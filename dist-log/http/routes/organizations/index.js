import { registerUserOrganizationRoutes } from '../users/organization-memberships.js';
import { registerInvitationRoutes } from './invitations.js';
import { registerLogoRoutes } from './logo.js';
import { registerMembershipRoutes } from './memberships.js';
import { registerOrganizationCrudRoutes } from './organizations.js';
/** Registers every organization route, and the users' organization memberships and invitations. */
export async function registerOrganizationRoutes(app, ctx, options) {
    registerOrganizationCrudRoutes(app, ctx);
    await registerLogoRoutes(app, ctx, options);
    registerMembershipRoutes(app, ctx);
    registerInvitationRoutes(app, ctx);
    registerUserOrganizationRoutes(app, ctx);
}
//# sourceMappingURL=index.js.map