import { parseStoredMetadata } from '../domain/metadata.js';
import { usersWithBackupCodes } from '../storage/repositories/credentials-repository.js';
import { listIdentificationsForUsers } from '../storage/repositories/identifications-repository.js';
import { lockStatus } from './lockout.js';
export function toUser(row) {
    return {
        id: row.id,
        externalId: row.external_id,
        username: row.username,
        firstName: row.first_name,
        lastName: row.last_name,
        locale: row.locale,
        imageId: row.image_id,
        primaryEmailAddressId: row.primary_email_address_id,
        primaryPhoneNumberId: row.primary_phone_number_id,
        primaryWeb3WalletId: row.primary_web3_wallet_id,
        passwordEnabled: row.password_digest !== null,
        passwordLastUpdatedAtMs: row.password_last_updated_at,
        banned: row.banned === 1,
        deleteSelfEnabled: row.delete_self_enabled === 1,
        createOrganizationEnabled: row.create_organization_enabled === 1,
        createOrganizationsLimit: row.create_organizations_limit,
        bypassClientTrust: row.bypass_client_trust === 1,
        mfaEnabledAtMs: row.mfa_enabled_at,
        mfaDisabledAtMs: row.mfa_disabled_at,
        legalAcceptedAtMs: row.legal_accepted_at,
        lastSignInAtMs: row.last_sign_in_at,
        lastActiveAtMs: row.last_active_at,
        createdAtMs: row.created_at,
        updatedAtMs: row.updated_at,
    };
}
export function toIdentification(row) {
    return {
        id: row.id,
        userId: row.user_id,
        type: row.type,
        value: row.identifier,
        verified: row.verified === 1,
        reserved: row.reserved === 1,
        reservedForSecondFactor: row.reserved_for_second_factor === 1,
        defaultSecondFactor: row.default_second_factor === 1,
        createdAtMs: row.created_at,
        updatedAtMs: row.updated_at,
    };
}
/** Loads identifications for many users in one query and assembles their records, keeping row order. */
export async function toUserRecords(db, rows, policy, nowMs) {
    const ids = rows.map((row) => row.id);
    const [identifications, withBackupCodes] = [await listIdentificationsForUsers(db, ids), await usersWithBackupCodes(db, ids)];
    const byUser = new Map();
    for (const identification of identifications) {
        const list = byUser.get(identification.user_id) ?? [];
        list.push(toIdentification(identification));
        byUser.set(identification.user_id, list);
    }
    return rows.map((user) => ({
        user: toUser(user),
        identifications: byUser.get(user.id) ?? [],
        lock: lockStatus({ lockedAtMs: user.locked_at, failedAttempts: user.failed_verification_attempts }, policy, nowMs),
        totpEnabled: user.totp_secret !== null && user.totp_verified === 1,
        backupCodeEnabled: withBackupCodes.has(user.id),
        publicMetadata: parseStoredMetadata(user.public_metadata),
        privateMetadata: parseStoredMetadata(user.private_metadata),
        unsafeMetadata: parseStoredMetadata(user.unsafe_metadata),
    }));
}
//# sourceMappingURL=user-record.js.map