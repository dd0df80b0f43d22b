import { parseStoredMetadata } from '../domain/metadata.js';
/** Timestamps in shortcodes are Unix seconds, like every other time in a JWT (`iat`, `exp`). */
const toSeconds = (ms) => (ms === null ? null : Math.floor(ms / 1000));
/**
 * What `{{user.*}}`, `{{org.*}}` and `{{session.*}}` read. Missing values are null (a user without a
 * primary email has `primary_email_address: null` and `email_verified: null`).
 */
export function shortcodeValues(input) {
    const { user: record, organization, session } = input;
    const { user, identifications } = record;
    const primaryEmail = identifications.find((identification) => identification.id === user.primaryEmailAddressId) ?? null;
    const primaryPhone = identifications.find((identification) => identification.id === user.primaryPhoneNumberId) ?? null;
    const secondFactorPhone = identifications.some((item) => item.type === 'phone_number' && item.verified && item.reservedForSecondFactor);
    const fullName = [user.firstName, user.lastName].filter((part) => part).join(' ');
    return {
        user: {
            id: user.id,
            external_id: user.externalId,
            first_name: user.firstName,
            last_name: user.lastName,
            full_name: fullName === '' ? null : fullName,
            username: user.username,
            primary_email_address: primaryEmail?.value ?? null,
            email_verified: primaryEmail ? primaryEmail.verified : null,
            primary_phone_number: primaryPhone?.value ?? null,
            phone_number_verified: primaryPhone ? primaryPhone.verified : null,
            image_url: input.userImageUrl,
            has_image: user.imageId !== null,
            created_at: toSeconds(user.createdAtMs),
            updated_at: toSeconds(user.updatedAtMs),
            public_metadata: record.publicMetadata,
            unsafe_metadata: record.unsafeMetadata,
            two_factor_enabled: record.totpEnabled || record.backupCodeEnabled || secondFactorPhone,
            last_sign_in_at: toSeconds(user.lastSignInAtMs),
        },
        org: organization
            ? {
                id: organization.organization.id,
                name: organization.organization.name,
                slug: organization.organization.slug,
                role: organization.role,
                public_metadata: parseStoredMetadata(organization.organization.public_metadata),
                image_url: organization.imageUrl,
                membership_permissions: [...organization.permissions],
            }
            : null,
        session: {
            actor: session.actor ? JSON.parse(session.actor) : null,
        },
    };
}
//# sourceMappingURL=shortcode-values.js.map