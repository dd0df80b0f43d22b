import type { FastifyRequest } from 'fastify';
import type { Services } from '../services/services.js';
import type { SerializeContext } from './serialize-context.js';

/** What every route file is registered with: the services, and how to build per-request serializer context. */
export interface RouteContext extends Services {
  serializeContext(request: FastifyRequest): SerializeContext;
}
