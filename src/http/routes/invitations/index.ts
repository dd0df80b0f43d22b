import type { RosterApp } from '../../roster-app.js';
import type { RouteContext } from '../../route-context.js';
import { registerIdentifierListRoutes } from './identifier-lists.js';
import { registerInstanceInvitationRoutes } from './invitations.js';

/** Registers instance invitations and the allowlist and blocklist. */
export function registerInvitationRoutes(app: RosterApp, ctx: RouteContext): void {
  registerInstanceInvitationRoutes(app, ctx);
  registerIdentifierListRoutes(app, ctx);
}
