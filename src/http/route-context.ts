import type { FastifyRequest } from 'fastify';
import type { IdentificationService } from '../users/identification-service.js';
import type { MFAService } from '../users/mfa-service.js';
import type { PasswordService } from '../users/password-service.js';
import type { UserListService } from '../users/user-list-service.js';
import type { UserMetadataService } from '../users/user-metadata-service.js';
import type { UserModeration } from '../users/user-moderation.js';
import type { UserService } from '../users/user-service.js';
import type { SerializeContext } from './routes/users/serialize.js';

/** What route files are registered with: the services, and how to build per-request serializer context. */
export interface RouteContext {
  users: UserService;
  userList: UserListService;
  userMetadata: UserMetadataService;
  moderation: UserModeration;
  identifications: IdentificationService;
  passwords: PasswordService;
  mfa: MFAService;
  serializeContext(request: FastifyRequest): SerializeContext;
}
