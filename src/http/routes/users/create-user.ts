// POST /v1/users — creates a user with identifications, password and metadata in one transaction.
import type { CreateUserInput } from '../../../users/user-service.js';
import type { RosterApp } from '../../roster-app.js';
import type { RouteContext } from '../../route-context.js';
import { CreateUserBody, UserJSON } from './schemas.js';
import { toUserJSON } from './serialize.js';

/** The wire's field names → the user service's input. */
function toCreateUserInput(body: CreateUserBody): CreateUserInput {
  return {
    externalId: body.external_id,
    firstName: body.first_name,
    lastName: body.last_name,
    locale: body.locale,
    emailAddresses: body.email_address,
    emailAddressStatuses: body.email_address_identification_status,
    phoneNumbers: body.phone_number,
    phoneNumberStatuses: body.phone_number_identification_status,
    web3Wallets: body.web3_wallet,
    username: body.username,
    password: body.password,
    passwordDigest: body.password_digest,
    passwordHasher: body.password_hasher,
    totpSecret: body.totp_secret,
    backupCodes: body.backup_codes,
    skipPasswordChecks: body.skip_password_checks,
    skipPasswordRequirement: body.skip_password_requirement,
    publicMetadata: body.public_metadata,
    privateMetadata: body.private_metadata,
    unsafeMetadata: body.unsafe_metadata,
    deleteSelfEnabled: body.delete_self_enabled,
    legalAcceptedAt: body.legal_accepted_at,
    skipLegalChecks: body.skip_legal_checks,
    skipUserRequirement: body.skip_user_requirement,
    createOrganizationEnabled: body.create_organization_enabled,
    createOrganizationsLimit: body.create_organizations_limit,
    createdAt: body.created_at,
    bypassClientTrust: body.bypass_client_trust,
    banned: body.banned,
    locked: body.locked,
  };
}

export function registerCreateUser(app: RosterApp, ctx: RouteContext): void {
  app.post('/v1/users', { schema: { body: CreateUserBody, response: { 200: UserJSON } } }, async (request) => {
    const record = await ctx.users.create(toCreateUserInput(request.body));
    return toUserJSON(record, ctx.serializeContext(request));
  });
}
