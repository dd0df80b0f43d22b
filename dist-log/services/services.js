import { createImageService } from '../images/image-service.js';
import { createJwtTemplateService } from '../jwt-templates/jwt-template-service.js';
import { createTemplateTokenMinter } from '../jwt-templates/template-token.js';
import { createInvitationService } from '../organizations/invitation-service.js';
import { createMembershipService } from '../organizations/membership-service.js';
import { createOrganizationService } from '../organizations/organization-service.js';
import { createRoleRegistry } from '../organizations/roles.js';
import { createSessionService } from '../sessions/session-service.js';
import { createSigningKeyStore } from '../sessions/signing-keys.js';
import { createIdentificationService } from '../users/identification-service.js';
import { createMFAService } from '../users/mfa-service.js';
import { createPasswordService } from '../users/password-service.js';
import { createProfileImageService } from '../users/profile-image-service.js';
import { createUserListService } from '../users/user-list-service.js';
import { createUserMetadataService } from '../users/user-metadata-service.js';
import { createUserModeration } from '../users/user-moderation.js';
import { createUserService } from '../users/user-service.js';
/**
 * Builds every service from the shared dependencies, each exactly once (the services that need another one
 * receive it), and makes sure a session signing key exists before anything is served.
 */
export async function createServices(deps) {
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
        /** Uploaded images behind `image_url`s (profile images and logos). */
        images: createImageService(deps),
        /** Clerk's default organization roles and the instance's custom ones. */
        roles,
        organizations: createOrganizationService(deps, roles),
        memberships: createMembershipService(deps, roles),
        invitations: createInvitationService(deps, roles),
        sessions,
        /** The keys that sign session tokens, published as the JWKS. */
        signingKeys,
        /** Tokens from JWT templates. */
        templateTokens: createTemplateTokenMinter({ ...deps, sessions, signingKeys, roles }),
        jwtTemplates: createJwtTemplateService(deps),
    };
}
//# sourceMappingURL=services.js.map