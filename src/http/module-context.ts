import type { FastifyRequest } from 'fastify';
import type { ServiceDeps } from '../domain/service-deps.js';
import type { SerializeContext } from './routes/users/serialize.js';

/** What a resource module (organizations, sessions) is registered with. */
export interface ModuleContext {
  deps: ServiceDeps;
  serializeContext(request: FastifyRequest): SerializeContext;
}
