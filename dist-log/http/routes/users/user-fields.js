/** The shared fields' wire names → the user service's input names. */
export function toSharedUserInput(body) {
    return {
        externalId: body.external_id,
        firstName: body.first_name,
        lastName: body.last_name,
        locale: body.locale,
        username: body.username,
        password: body.password,
        passwordHasher: body.password_hasher,
        totpSecret: body.totp_secret,
        backupCodes: body.backup_codes,
        skipPasswordChecks: body.skip_password_checks,
        publicMetadata: body.public_metadata,
        privateMetadata: body.private_metadata,
        unsafeMetadata: body.unsafe_metadata,
        deleteSelfEnabled: body.delete_self_enabled,
        legalAcceptedAt: body.legal_accepted_at,
        createOrganizationEnabled: body.create_organization_enabled,
        createOrganizationsLimit: body.create_organizations_limit,
        createdAt: body.created_at,
        bypassClientTrust: body.bypass_client_trust,
    };
}
//# sourceMappingURL=user-fields.js.map