import type { CreateUserInput, UpdateUserInput } from '../../../users/user-service.js';
import type { CreateUserBody, UpdateUserBody } from './schemas.js';

/** Fields `POST /v1/users` and `PATCH /v1/users/{user_id}` both take, with the same meaning. */
type SharedField =
  | 'external_id'
  | 'first_name'
  | 'last_name'
  | 'locale'
  | 'username'
  | 'password'
  | 'password_hasher'
  | 'totp_secret'
  | 'backup_codes'
  | 'skip_password_checks'
  | 'public_metadata'
  | 'private_metadata'
  | 'unsafe_metadata'
  | 'delete_self_enabled'
  | 'legal_accepted_at'
  | 'create_organization_enabled'
  | 'create_organizations_limit'
  | 'created_at'
  | 'bypass_client_trust';

type SharedBody = Pick<CreateUserBody, SharedField> & Pick<UpdateUserBody, SharedField>;

/** The shared fields' wire names → the user service's input names. */
export function toSharedUserInput(body: SharedBody): Partial<CreateUserInput> & Partial<UpdateUserInput> {
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
