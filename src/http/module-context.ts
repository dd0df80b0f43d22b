import type { FastifyRequest } from 'fastify';
import type { UserServiceDeps } from '../users/deps.js';
import type { SerializeContext } from './routes/users/serialize.js';

/** What a resource module (organizations, sessions) is registered with. */
export interface ModuleContext {
  deps: UserServiceDeps;
  serializeContext(request: FastifyRequest): SerializeContext;
}
