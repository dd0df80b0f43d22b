import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { findJwtTemplateByName } from '../storage/repositories/jwt-templates-repository.js';
import { findMembership } from '../storage/repositories/organizations-memberships-repository.js';
import { findOrganizationById } from '../storage/repositories/organizations-repository.js';
import { findUserById } from '../storage/repositories/users-repository.js';
import { toUserRecords } from '../users/user-record.js';
import { errors } from '../lib/error-catalog.js';
import { renderClaims } from './shortcodes.js';
import { shortcodeValues } from './shortcode-values.js';
import { DEFAULT_SIGNING_ALGORITHM, parseCustomSigningKey, signWithCustomKey } from './signing.js';
/**
 * `POST /v1/sessions/{session_id}/tokens/{template_name}`: a token for an active session, its claims
 * rendered from the template, its standard claims (`sub`, `sid`, `iss`, `iat`, `nbf`, `exp`, `jti`) set
 * last so a template can never override them, signed with the instance key or the template's own key.
 */
export function createTemplateTokenMinter(deps) {
    const { database, clock, secretBox, config, sessions, signingKeys, roles } = deps;
    const { db } = database;
    async function activeOrganization(userId, organizationId, options) {
        const [organization, membership] = await Promise.all([findOrganizationById(db, organizationId), findMembership(db, organizationId, userId)]);
        if (!organization || !membership)
            return null;
        return {
            organization,
            role: membership.role,
            permissions: roles.find(membership.role)?.permissions ?? [],
            imageUrl: options.organizationImageUrl({ id: organization.id, name: organization.name, imageId: organization.image_id }),
        };
    }
    async function sign(template, claims) {
        if (template.custom_signing_key === 1) {
            // Never fall back to the instance key: a third party would refuse the token anyway.
            if (!template.signing_key)
                throw new Error(`JWT template ${template.id} has a custom signing key flag but no key`);
            const algorithm = template.signing_algorithm;
            return signWithCustomKey(claims, algorithm, parseCustomSigningKey(algorithm, secretBox.open(template.signing_key)));
        }
        const key = await signingKeys.current();
        // Recorded before the token leaves: a rotation from now on keeps this key published until `exp`.
        await signingKeys.recordTokenExpiry(key.kid, claims.exp * 1000);
        return new SignJWT(claims).setProtectedHeader({ alg: DEFAULT_SIGNING_ALGORITHM, kid: key.kid, typ: 'JWT' }).sign(key.privateKey);
    }
    return {
        async mint(sessionId, templateName, options) {
            // The template first: an unknown name records no activity on the session.
            const template = await findJwtTemplateByName(db, templateName);
            if (!template)
                throw errors.jwtTemplateNotFoundByName(templateName);
            const nowMs = clock.nowMs();
            const session = await sessions.recordTokenActivity(sessionId, nowMs);
            const user = await findUserById(db, session.user_id);
            if (!user)
                throw errors.activeSessionNotFound(sessionId, 'ended');
            const [record] = await toUserRecords(db, [user], config.lockout, nowMs);
            const organization = session.active_organization_id ? await activeOrganization(user.id, session.active_organization_id, options) : null;
            const values = shortcodeValues({ user: record, userImageUrl: options.userImageUrl(user), organization, session });
            const iat = Math.floor(nowMs / 1000);
            const claims = {
                ...renderClaims(JSON.parse(template.claims), values),
                sub: user.id,
                sid: session.id,
                iss: options.issuer,
                iat,
                // A verifier whose clock runs up to allowed_clock_skew behind still accepts the token.
                nbf: iat - template.allowed_clock_skew,
                exp: iat + (options.expiresInSeconds ?? template.lifetime),
                jti: randomBytes(10).toString('hex'),
            };
            return { jwt: await sign(template, claims) };
        },
    };
}
//# sourceMappingURL=template-token.js.map