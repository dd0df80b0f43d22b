import type { ServiceDeps } from '../domain/service-deps.js';
import { createImageService, type ImageService } from '../images/image-service.js';
import { createJwtTemplateService, type JwtTemplateService } from '../jwt-templates/jwt-template-service.js';
import { createTemplateTokenMinter, type TemplateTokenMinter } from '../jwt-templates/template-token.js';
import { createInvitationService, type InvitationService } from '../organizations/invitation-service.js';
import { createMembershipService, type MembershipService } from '../organizations/membership-service.js';
import { createOrganizationService, type OrganizationService } from '../organizations/organization-service.js';
import { createRoleRegistry, type RoleRegistry } from '../organizations/roles.js';
import { createSessionService, type SessionService } from '../sessions/session-service.js';
import { createSigningKeyStore, type SigningKeyStore } from '../sessions/signing-keys.js';
import { createIdentificationService, type IdentificationService } from '../users/identification-service.js';
import { createMFAService, type MFAService } from '../users/mfa-service.js';
import { createPasswordService, type PasswordService } from '../users/password-service.js';
import { createProfileImageService, type ProfileImageService } from '../users/profile-image-service.js';
import { createUserListService, type UserListService } from '../users/user-list-service.js';
import { createUserMetadataService, type UserMetadataService } from '../users/user-metadata-service.js';
import { createUserModeration, type UserModeration } from '../users/user-moderation.js';
import { createUserService, type UserService } from '../users/user-service.js';

/** Every domain service, each built once per app. */
export interface Services {
  users: UserService;
  userList: UserListService;
  userMetadata: UserMetadataService;
  moderation: UserModeration;
  identifications: IdentificationService;
  passwords: PasswordService;
  mfa: MFAService;
  profileImages: ProfileImageService;
  /** Uploaded images behind `image_url`s (profile images and logos). */
  images: ImageService;
  /** Clerk's default organization roles and the instance's custom ones. */
  roles: RoleRegistry;
  organizations: OrganizationService;
  memberships: MembershipService;
  invitations: InvitationService;
  sessions: SessionService;
  /** The keys that sign session tokens, published as the JWKS. */
  signingKeys: SigningKeyStore;
  /** Tokens from JWT templates. */
  templateTokens: TemplateTokenMinter;
  jwtTemplates: JwtTemplateService;
}

/**
 * Builds every service from the shared dependencies, each exactly once (the services that need another one
 * receive it), and makes sure a session signing key exists before anything is served.
 */
export async function createServices(deps: ServiceDeps): Promise<Services> {
  const passwords = createPasswordService(deps);
  const mfa = createMFAService(deps);
  const roles = createRoleRegistry(deps.config.organizations);
  const signingKeys = createSigningKeyStore({ database: deps.database, clock: deps.clock, secretBox: deps.secretBox, config: deps.config.sessions });
  await signingKeys.ensureKey();
  const sessions = createSessionService({ ...deps, signingKeys, roles });

  return {
    users: createUserService(deps, { passwords, mfa }),
    userList: createUserListService(deps),
    userMetadata: createUserMetadataService(deps),
    moderation: createUserModeration(deps),
    identifications: createIdentificationService(deps),
    passwords,
    mfa,
    profileImages: createProfileImageService(deps),
    images: createImageService(deps),
    roles,
    organizations: createOrganizationService(deps, roles),
    memberships: createMembershipService(deps, roles),
    invitations: createInvitationService(deps, roles),
    sessions,
    signingKeys,
    templateTokens: createTemplateTokenMinter({ ...deps, sessions, signingKeys, roles }),
    jwtTemplates: createJwtTemplateService(deps),
  };
}
