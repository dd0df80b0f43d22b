/**
 * Every error Roster answers with, declared once as data. Codes, statuses and wording follow Clerk's
 * error index (`reference/clerk-api-errors.json`); where the index leaves a message empty, the wording
 * is Roster's. Domain code throws `errors.x(...)`; only `http/errors.ts` turns a ClerkError into JSON.
 */
export class ClerkError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly longMessage: string,
    readonly meta: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ClerkError';
  }
}

/** One catalogue entry: status and code as in Clerk's index, with its short message. */
export interface CatalogEntry {
  status: number;
  code: string;
  message: string;
  /** Set for codes Clerk's index does not list (none today); a test checks the rest against the index. */
  rosterExtension?: boolean;
  /**
   * Set where Roster answers a Backend API route with a code Clerk's index lists for its Frontend API
   * only, for the same situation (a locked user verifying a password, say), where Clerk's BAPI is silent.
   */
  frontendApiCode?: boolean;
  /**
   * Set for a generic code from Clerk's index that it marks for neither API although Clerk's APIs answer it
   * (`too_many_requests`, the answer of its rate limits).
   */
  genericCode?: boolean;
}

export const catalog = {
  authenticationInvalid: { status: 401, code: 'authentication_invalid', message: 'Invalid authentication' },
  authorizationHeaderFormatInvalid: { status: 401, code: 'authorization_header_format_invalid', message: 'Invalid Authorization header format' },
  clerkKeyInvalid: { status: 401, code: 'clerk_key_invalid', message: 'The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.' },
  apiVersionInvalid: { status: 400, code: 'api_version_invalid', message: 'invalid API version' },
  requestBodyTooLarge: { status: 413, code: 'request_body_too_large', message: 'Request body too large' },
  requestBodyInvalid: { status: 400, code: 'request_body_invalid', message: 'Request body invalid' },
  malformedRequestParameters: { status: 400, code: 'malformed_request_parameters', message: 'Malformed request parameters' },
  paramUnknown: { status: 422, code: 'form_param_unknown', message: 'is unknown' },
  paramMissing: { status: 422, code: 'form_param_missing', message: 'is missing' },
  paramTypeInvalid: { status: 422, code: 'form_param_type_invalid', message: 'is invalid' },
  paramFormatInvalid: { status: 422, code: 'form_param_format_invalid', message: 'is invalid' },
  paramValueInvalid: { status: 422, code: 'form_param_value_invalid', message: 'is invalid' },
  paramMaxLengthExceeded: { status: 422, code: 'form_param_max_length_exceeded', message: 'exceeds maximum length' },
  paramArraySizeExceeded: { status: 422, code: 'form_param_array_size_exceeded', message: 'exceeds maximum size' },
  paramArrayLengthMismatch: { status: 422, code: 'form_param_array_length_mismatch', message: 'length mismatch' },
  paramExceedsAllowedSize: { status: 422, code: 'form_param_exceeds_allowed_size', message: 'exceeds allowed size' },
  authorizationInvalid: { status: 403, code: 'authorization_invalid', message: 'Unauthorized request' },
  bulkSizeExceeded: { status: 400, code: 'bulk_size_exceeded', message: 'bulk size exceeded' },
  identifierExists: { status: 422, code: 'form_identifier_exists', message: 'is taken' },
  passwordPwned: { status: 422, code: 'form_password_pwned', message: 'Password has been found in an online data breach. For account safety, please use a different password.' },
  passwordTooShort: { status: 422, code: 'form_password_length_too_short', message: 'Passwords must be 8 characters or more.' },
  passwordTooLong: { status: 422, code: 'form_password_size_in_bytes_exceeded', message: 'Your password is too long. Please use a shorter one.' },
  usernameInvalidLength: { status: 422, code: 'form_username_invalid_length', message: 'Username must be between 4 and 64 characters long.' },
  usernameInvalidCharacter: { status: 422, code: 'form_username_invalid_character', message: "Username can only contain letters, numbers and '_' or '-'." },
  usernameNeedsNonNumberChar: { status: 422, code: 'form_username_needs_non_number_char', message: 'Username must contain at least one non-numeric character.' },
  resourceNotFound: { status: 404, code: 'resource_not_found', message: 'not found' },
  formResourceNotFound: { status: 422, code: 'form_resource_not_found', message: 'is missing' },
  verificationNeeded: { status: 422, code: 'form_verification_needed', message: 'is unverified' },
  lastIdentificationDeletionFailed: { status: 400, code: 'identification_deletion_failed', message: 'Deletion failed' },
  lastRequiredIdentificationDeletionFailed: { status: 400, code: 'last_required_identification_deletion_failed', message: 'Deletion failed' },
  createSecondFactorUnverified: { status: 400, code: 'identification_create_second_factor_unverified', message: 'Create failed' },
  updateSecondFactorUnverified: { status: 400, code: 'identification_update_second_factor_unverified', message: 'Update failed' },
  userDataMissing: { status: 422, code: 'form_data_missing', message: 'missing data' },
  passwordDigestInvalid: { status: 422, code: 'form_password_digest_invalid_code', message: 'is invalid' },
  noPasswordSet: { status: 400, code: 'no_password_set', message: 'no password set' },
  incorrectPassword: { status: 422, code: 'incorrect_password', message: 'incorrect password' },
  passwordCompromised: { status: 422, code: 'form_password_compromised', message: 'password compromised', frontendApiCode: true },
  userLocked: { status: 403, code: 'user_locked', message: 'Account locked', frontendApiCode: true },
  userBanned: { status: 403, code: 'user_banned', message: 'User banned' },
  totpDisabled: { status: 400, code: 'totp_disabled', message: 'TOTP is disabled' },
  totpIncorrectCode: { status: 422, code: 'totp_incorrect_code', message: 'incorrect TOTP' },
  totpInvalidLength: { status: 422, code: 'totp_invalid_length', message: 'invalid length' },
  invalidTotpSecret: { status: 422, code: 'invalid_totp_secret_code', message: 'invalid TOTP secret' },
  totpAlreadyEnabled: { status: 400, code: 'totp_already_enabled', message: 'TOTP already enabled', frontendApiCode: true },
  conflict: { status: 409, code: 'conflict', message: 'Conflict' },
  /** An operation of Clerk's spec that Roster does not serve (yet). */
  featureNotImplemented: { status: 403, code: 'feature_not_implemented', message: 'not implemented' },
  tooManyRequests: { status: 429, code: 'too_many_requests', message: 'Too many requests', genericCode: true },
  // Organizations
  organizationCreatorNotFound: { status: 400, code: 'organization_creator_not_found', message: 'creator not found' },
  userCreateOrganizationNotEnabled: { status: 403, code: 'user_create_organization_not_enabled', message: 'create organization not enabled', frontendApiCode: true },
  orgCreationLimitExceeded: { status: 403, code: 'org_creation_limit_exceeded', message: 'Organization Creation Limit Exceeded' },
  alreadyAMember: { status: 400, code: 'already_a_member_in_organization', message: 'already a member' },
  notAMember: { status: 403, code: 'not_a_member_in_organization', message: 'not a member' },
  notAnAdmin: { status: 403, code: 'not_an_admin_in_organization', message: 'not an administrator', frontendApiCode: true },
  minimumPermissionsNeeded: { status: 400, code: 'organization_minimum_permissions_needed', message: 'minimum organization permissions needed' },
  membershipQuotaExceeded: { status: 403, code: 'organization_membership_quota_exceeded', message: 'organization membership quota exceeded' },
  invitationNotUnique: { status: 400, code: 'organization_invitation_not_unique', message: 'organization invitation not unique' },
  invitationNotPending: { status: 404, code: 'organization_invitation_not_pending', message: 'not pending' },
  imageTooLarge: { status: 413, code: 'image_too_large', message: 'Image too large' },
  imageNotFound: { status: 404, code: 'image_not_found', message: 'Image not found' },
  imageMissing: { status: 400, code: 'form_param_missing', message: 'Image file missing' },
  unsupportedContentType: { status: 415, code: 'unsupported_content_type', message: 'Content-Type is unsupported' },
  // Sessions
  sessionNotFound: { status: 404, code: 'resource_not_found', message: 'Session not found' },
  /** Testing-only endpoints on a production instance. */
  requestInvalidForEnvironment: { status: 400, code: 'request_invalid_for_environment', message: 'Invalid request for environment' },
  invalidActionForSession: { status: 400, code: 'invalid_action_for_session', message: 'Invalid action for user session', frontendApiCode: true },
  // JWT templates
  jwtTemplateNotFound: { status: 404, code: 'resource_not_found', message: 'JWT template not found' },
  jwtTemplateReservedClaim: { status: 400, code: 'jwt_template_reserved_claim', message: 'reserved claim used' },
  // HTTP that never reached a route (Node's parser refused it, or the connection was too slow)
  badRequest: { status: 400, code: 'bad_request', message: 'Bad request' },
  requestTimeout: { status: 408, code: 'request_timeout', message: 'Request timeout', rosterExtension: true },
  requestHeadersTooLarge: { status: 431, code: 'request_headers_too_large', message: 'Request headers too large', rosterExtension: true },
  internal: { status: 500, code: 'internal_clerk_error', message: 'Oops, an unexpected error occurred' },
} as const satisfies Record<string, CatalogEntry>;

type EntryName = keyof typeof catalog;

function make(name: EntryName, longMessage: string, meta: Record<string, unknown> = {}, message?: string): ClerkError {
  const entry: CatalogEntry = catalog[name];
  return new ClerkError(entry.status, entry.code, message ?? entry.message, longMessage, meta);
}

const param = (paramName: string) => ({ param_name: paramName });

const IDENTIFIER_NOUN: Record<string, string> = {
  email_address: 'email address',
  phone_number: 'phone number',
  web3_wallet: 'web3 wallet',
  username: 'username',
  external_id: 'external ID',
};

/** The catalogue, one function per error; each fills in Clerk's long message and meta. */
export const errors = {
  authenticationInvalid: () =>
    make('authenticationInvalid', 'Unable to authenticate the request, you need to supply an active session'),
  authorizationHeaderFormatInvalid: () =>
    make('authorizationHeaderFormatInvalid', "Invalid Authorization header format. Must be 'Bearer <YOUR_API_KEY>'"),
  clerkKeyInvalid: () => make('clerkKeyInvalid', catalog.clerkKeyInvalid.message),
  apiVersionInvalid: (reason: string) => make('apiVersionInvalid', `Invalid Clerk API version: ${reason}`),
  requestBodyTooLarge: (limitInBytes: number) =>
    make('requestBodyTooLarge', `The request body exceeds the maximum allowed size of ${limitInBytes} bytes.`),
  requestBodyInvalid: (detail?: string) =>
    make(
      'requestBodyInvalid',
      `The request body is invalid. Please consult the API documentation for more information.${detail ? ` ${detail}` : ''}`,
    ),
  malformedRequestParameters: () =>
    make('malformedRequestParameters', 'The request parameters are malformed and could not be parsed'),
  paramUnknown: (paramName: string, possibleResolution = '') =>
    make('paramUnknown', `${paramName} is not a valid parameter for this request.${possibleResolution}`, param(paramName)),
  paramMissing: (paramName: string) => make('paramMissing', `${paramName} must be included.`, param(paramName)),
  paramTypeInvalid: (paramName: string, paramType: string) =>
    make('paramTypeInvalid', `\`${paramName}\` must be a \`${paramType}\`.`, param(paramName)),
  emailInvalid: (paramName: string) =>
    make('paramFormatInvalid', `${paramName} must be a valid email address.`, param(paramName)),
  phoneInvalid: (paramName: string) =>
    make('paramFormatInvalid', `${paramName} must be a valid phone number according to E.164 international standard.`, param(paramName)),
  web3WalletInvalid: (paramName: string) =>
    make('paramFormatInvalid', `${paramName} must be a valid web3 wallet address.`, param(paramName)),
  localeInvalid: (paramName: string) =>
    make('paramFormatInvalid', `${paramName} must be a valid BCP-47 language tag.`, param(paramName)),
  paramValueInvalid: (paramName: string, longMessage?: string) =>
    make('paramValueInvalid', longMessage ?? `${paramName} is invalid`, param(paramName)),
  paramValueNotAllowed: (paramName: string, value: string, allowed: readonly string[]) =>
    make(
      'paramValueInvalid',
      `${value} does not match the allowed values for parameter ${paramName}. Allowed values: ${allowed.join(', ')}`,
      param(paramName),
    ),
  paramMaxLengthExceeded: (paramName: string, maxCharacters: number) =>
    make('paramMaxLengthExceeded', `${paramName} should not exceed ${maxCharacters} characters.`, param(paramName)),
  paramArraySizeExceeded: (paramName: string, maxItems: number) =>
    make('paramArraySizeExceeded', `${paramName} should not exceed ${maxItems} items.`, param(paramName)),
  paramArrayLengthMismatch: (paramName: string, otherParam: string) =>
    make('paramArrayLengthMismatch', `${paramName} must contain exactly one item for each item in ${otherParam}.`, param(paramName)),
  paramExceedsAllowedSize: (paramName: string, maxBytes: number) =>
    make('paramExceedsAllowedSize', `${paramName} exceeds the maximum allowed size of ${maxBytes} bytes.`, param(paramName)),
  authorizationInvalid: (longMessage = 'You are not authorized to perform this request') => make('authorizationInvalid', longMessage),
  bulkSizeExceeded: (maxItems: number) =>
    make('bulkSizeExceeded', `Parameters exceed the maximum allowed bulk processing size of ${maxItems}.`),
  identifierExists: (paramName: string) => {
    const noun = IDENTIFIER_NOUN[paramName] ?? paramName;
    const text = `That ${noun} is taken. Please try another.`;
    return make('identifierExists', text, param(paramName), text);
  },
  passwordPwned: (paramName = 'password') => make('passwordPwned', catalog.passwordPwned.message, param(paramName)),
  passwordTooShort: (minLength: number, paramName = 'password') => {
    const text = `Passwords must be ${minLength} characters or more.`;
    return make('passwordTooShort', text, param(paramName), text);
  },
  passwordTooLong: (maxBytes: number, paramName = 'password') =>
    make('passwordTooLong', `Your password is too long. Please use a shorter one (at most ${maxBytes} bytes).`, param(paramName)),
  usernameInvalidLength: (min: number, max: number) => {
    const text = `Username must be between ${min} and ${max} characters long.`;
    return make('usernameInvalidLength', text, param('username'), text);
  },
  usernameInvalidCharacter: () =>
    make('usernameInvalidCharacter', catalog.usernameInvalidCharacter.message, param('username')),
  usernameNeedsNonNumberChar: () =>
    make('usernameNeedsNonNumberChar', catalog.usernameNeedsNonNumberChar.message, param('username')),
  resourceNotFound: () => make('resourceNotFound', 'Resource not found'),
  userNotFound: (userId: string) => make('resourceNotFound', `No user was found with id ${userId}`),
  formResourceNotFound: (paramName: string) =>
    make('formResourceNotFound', `The resource associated with the supplied ${paramName} was not found.`, param(paramName)),
  verificationNeeded: (paramName: string) =>
    make('verificationNeeded', 'This identification needs to be verified before you can perform this action.', param(paramName)),
  lastIdentificationDeletionFailed: () =>
    make('lastIdentificationDeletionFailed', 'You cannot delete your last identification.'),
  lastRequiredIdentificationDeletionFailed: (identType: string) =>
    make(
      'lastRequiredIdentificationDeletionFailed',
      `You are required to maintain at least one ${identType} in your account at all times`,
    ),
  createSecondFactorUnverified: () =>
    make('createSecondFactorUnverified', 'Unverified identifications cannot be a second factor', param('reserved_for_second_factor')),
  updateSecondFactorUnverified: () =>
    make('updateSecondFactorUnverified', 'Cannot update second factor attributes for unverified identification', param('reserved_for_second_factor')),
  userDataMissing: (missing: string) =>
    make('userDataMissing', `"${missing}" data doesn't match user requirements set for this instance`, param(missing)),
  passwordDigestInvalid: (hasher: string) =>
    make('passwordDigestInvalid', `password_digest is not a valid ${hasher} digest. Check the format Clerk documents for password_hasher ${hasher}.`, param('password_digest')),
  noPasswordSet: () => make('noPasswordSet', 'This user does not have a password set for their account'),
  incorrectPassword: () => make('incorrectPassword', 'The provided password is not the one the user has set', param('password')),
  passwordCompromised: () =>
    make(
      'passwordCompromised',
      'This password has been marked as compromised. The user has to set a new password before it can be used again.',
      param('password'),
    ),
  userLocked: (secondsRemaining: number | null) =>
    make(
      'userLocked',
      secondsRemaining === null
        ? 'Your account is locked. For more information, please contact support.'
        : `Your account is locked. You will be able to try again in ${secondsRemaining} seconds. For more information, please contact support.`,
      secondsRemaining === null ? {} : { lockout_expires_in_seconds: secondsRemaining },
    ),
  userBanned: () => make('userBanned', 'You have been banned. If you think this was by mistake, please contact support.'),
  totpDisabled: () => make('totpDisabled', 'This user does not have TOTP enabled in their account'),
  totpIncorrectCode: () => make('totpIncorrectCode', 'The provided TOTP code is incorrect', param('code')),
  totpInvalidLength: () => make('totpInvalidLength', 'The provided TOTP code must be 6 characters long.', param('code')),
  invalidTotpSecret: () =>
    make('invalidTotpSecret', 'The TOTP secret is invalid, please provide a valid one base32 encoded', param('totp_secret')),
  totpAlreadyEnabled: () =>
    make('totpAlreadyEnabled', 'TOTP is already enabled for this user. Delete it (DELETE /v1/users/{user_id}/totp) before creating a new one.'),
  userIdentifierMissing: () =>
    make('userDataMissing', 'At least one identifier (email address, phone number, web3 wallet or username) must be provided.'),
  conflict: (longMessage = 'Conflict') => make('conflict', longMessage),
  /** `operation` as `ListInvitations (GET /v1/invitations)`. */
  featureNotImplemented: (operation: string) => make('featureNotImplemented', `Roster does not serve ${operation} yet`),
  tooManyRequests: () => make('tooManyRequests', 'Too many requests, retry later'),
  badRequest: (longMessage = 'Bad request') => make('badRequest', longMessage),
  requestTimeout: (seconds: number) =>
    make('requestTimeout', `The request was not received in full within ${seconds} seconds. The connection is closed.`),
  requestHeadersTooLarge: () => make('requestHeadersTooLarge', 'The request headers exceed the size this server accepts.'),
  internal: () =>
    make('internal', "There was an internal error on our servers. We've been notified and are working on fixing it."),
};
