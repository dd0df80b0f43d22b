import type { RosterApp } from '../../roster-app.js';
import type { RouteContext } from '../../route-context.js';
import { registerClientCrudRoutes } from './clients.js';

/** Registers every Backend API client route. */
export function registerClientRoutes(app: RosterApp, ctx: RouteContext): void {
  registerClientCrudRoutes(app, ctx);
}
