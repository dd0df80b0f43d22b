/**
 * Every error Roster answers with, declared once as data: status and code as in Clerk's error index
 * (`reference/clerk-api-errors.json`), with the short message. Where the index leaves a message empty,
 * the wording is Roster's. The builders next to this file fill in long messages and meta; the one
 * `errors` object (`lib/error-catalog.ts`) composes them. `catalogError` is the only place a ClerkError
 * is made, so every code Roster sends is an entry here (test/error-catalog.test.ts checks both).
 */
import { ClerkError, type CatalogEntry } from './clerk-error.js';

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
  organizationNameInvalid: { status: 422, code: 'form_param_value_invalid', message: 'invalid organization name' },
  // Images (profile images, organization logos)
  imageTooLarge: { status: 413, code: 'image_too_large', message: 'Image too large' },
  imageNotFound: { status: 404, code: 'image_not_found', message: 'Image not found' },
  imageMissing: { status: 400, code: 'form_param_missing', message: 'Image file missing' },
  unsupportedImageType: { status: 400, code: 'request_body_invalid', message: 'Unsupported image type' },
  imageDecodeFailed: { status: 400, code: 'request_body_invalid', message: 'Image decode error' },
  // Sessions
  sessionNotFound: { status: 404, code: 'resource_not_found', message: 'Session not found' },
  /** Testing-only endpoints on a production instance. */
  requestInvalidForEnvironment: { status: 400, code: 'request_invalid_for_environment', message: 'Invalid request for environment' },
  invalidActionForSession: { status: 400, code: 'invalid_action_for_session', message: 'Invalid action for user session', frontendApiCode: true },
  invalidSessionToken: { status: 400, code: 'invalid_session_token', message: 'Invalid session token' },
  // Session refresh (`POST /v1/sessions/{session_id}/refresh`): every refusal is a 401, which tells the SDKs to
  // fall back to the handshake.
  refreshRequestOriginInvalid: { status: 401, code: 'refresh_request_origin_invalid', message: 'Request origin is invalid' },
  expiredSessionTokenInvalid: { status: 401, code: 'expired_session_token_invalid', message: 'Invalid expired_token param' },
  expiredSessionTokenMissingSid: { status: 401, code: 'expired_session_token_missing_sid', message: "missing 'sid' claim" },
  refreshSidMismatch: { status: 401, code: 'refresh_sid_mismatch', message: "Session ID does not match the 'sid' claim" },
  expiredSessionTokenMissingIat: { status: 401, code: 'session_refresh_expired_session_token_missing_iat', message: "missing 'iat' claim" },
  expiredSessionTokenMissingAzp: { status: 401, code: 'expired_session_token_missing_azp', message: "missing 'azp' claim" },
  refreshRequestOriginAzpMismatch: { status: 401, code: 'refresh_request_origin_azp_mismatch', message: 'Request origin does not match azp claim' },
  sessionRefreshSessionNotFound: { status: 401, code: 'session_refresh_session_not_found', message: 'Session not found' },
  sessionRefreshInactiveSession: { status: 401, code: 'session_refresh_inactive_session', message: 'session inactive' },
  refreshTokenNotFound: { status: 401, code: 'refresh_token_not_found', message: 'Refresh token not found' },
  // The Frontend API's own (usage.fapi in Clerk's index).
  originInvalid: { status: 400, code: 'origin_invalid', message: 'Invalid HTTP Origin header', frontendApiCode: true },
  multipleOriginHeaders: { status: 400, code: 'multiple_origin_header_values_forbidden', message: "Multiple 'Origin' header values", frontendApiCode: true },
  clientNotFound: { status: 400, code: 'client_not_found', message: 'No client found' },
  identifierNotFound: { status: 422, code: 'form_identifier_not_found', message: "Couldn't find your account." },
  passwordIncorrect: { status: 422, code: 'form_password_incorrect', message: 'Password is incorrect. Try again, or use another method.', frontendApiCode: true },
  strategyForUserInvalid: { status: 400, code: 'strategy_for_user_invalid', message: 'Invalid verification strategy', frontendApiCode: true },
  passwordValidationFailed: { status: 422, code: 'form_password_validation_failed', message: 'Incorrect password. Please try again.' },
  newPasswordMatchesCurrent: { status: 422, code: 'form_new_password_matches_current', message: 'is invalid', frontendApiCode: true },
  passwordRequired: { status: 400, code: 'password_required', message: 'password required', frontendApiCode: true },
  userDeleteSelfNotEnabled: { status: 403, code: 'user_delete_self_not_enabled', message: 'delete self not enabled', frontendApiCode: true },
  sessionExists: { status: 400, code: 'session_exists', message: 'Session already exists', frontendApiCode: true },
  signUpModeRestricted: { status: 403, code: 'sign_up_mode_restricted', message: 'Sign-ups restricted', frontendApiCode: true },
  // Roster's: the SMTP server refused or could not be reached, so no code went out (the request may be retried).
  emailDeliveryUnavailable: { status: 503, code: 'email_delivery_unavailable', message: 'Email could not be sent', rosterExtension: true },
  // Roster's: the SMS webhook refused, failed or timed out (or none is configured on a production instance).
  smsDeliveryUnavailable: { status: 503, code: 'sms_delivery_unavailable', message: 'SMS could not be sent', rosterExtension: true },
  // Second factors from the profile (Frontend API)
  backupCodesNotAvailable: { status: 400, code: 'backup_codes_not_available', message: 'Backup codes not available', frontendApiCode: true },
  disableDefaultSecondFactorNotAllowed: {
    status: 422,
    code: 'form_disable_default_second_factor_not_allowed',
    message: 'The default second factor method can only be changed by assigning another method as the default.',
  },
  // A session of the browser's client that is no longer active (signed out, revoked, expired): clerk-js signs out on it.
  signedOut: { status: 401, code: 'signed_out', message: 'Signed out', frontendApiCode: true },
  actionForSessionNotAuthorized: { status: 401, code: 'action_for_session_not_authorized', message: 'Unauthorized action for session', frontendApiCode: true },
  // Sign-in tokens and actor tokens: redeemed at sign-in through the Frontend API (`strategy: ticket`).
  ticketInvalid: { status: 400, code: 'ticket_invalid_code', message: 'ticket is invalid', frontendApiCode: true },
  ticketExpired: { status: 400, code: 'ticket_expired_code', message: 'ticket has expired', frontendApiCode: true },
  signInTokenRevoked: { status: 400, code: 'sign_in_token_revoked_code', message: 'sign in token has been revoked', frontendApiCode: true },
  signInTokenAlreadyUsed: { status: 400, code: 'sign_in_token_already_used_code', message: 'sign in token has already been used', frontendApiCode: true },
  signInTokenCannotBeUsed: { status: 400, code: 'sign_in_token_cannot_be_used_code', message: 'sign in token cannot be used', frontendApiCode: true },
  signInTokenCannotBeRevoked: { status: 400, code: 'sign_in_token_cannot_be_revoked_code', message: 'cannot revoke' },
  actorTokenRevoked: { status: 400, code: 'actor_token_revoked_code', message: 'actor token has been revoked', frontendApiCode: true },
  actorTokenAlreadyUsed: { status: 400, code: 'actor_token_already_used_code', message: 'actor token has already been used', frontendApiCode: true },
  signInTokenNotInSignIn: { status: 400, code: 'sign_in_token_not_in_sign_in_code', message: 'not in sign in', frontendApiCode: true },
  actorTokenNotInSignIn: { status: 400, code: 'actor_token_not_in_sign_in_code', message: 'not in sign in', frontendApiCode: true },
  actorTokenSubjectNotFound: { status: 404, code: 'actor_token_subject_not_found', message: 'user not found', frontendApiCode: true },
  actorTokenCannotBeRevoked: { status: 400, code: 'actor_token_cannot_be_revoked_code', message: 'cannot revoke' },
  sessionCreationNotAllowed: { status: 409, code: 'session_creation_not_allowed', message: 'unable to create session' },
  // Invitations, tickets, allowlist and blocklist
  duplicateRecord: { status: 400, code: 'duplicate_record', message: 'duplicate record' },
  invitationAlreadyRevoked: { status: 400, code: 'invitation_already_revoked', message: 'Invitation is already revoked.' },
  invitationAlreadyAccepted: { status: 400, code: 'invitation_already_accepted', message: 'Invitation is already accepted, try signing in instead.' },
  revokedInvitation: { status: 400, code: 'revoked_invitation', message: 'The invitation was revoked.' },
  invitationAccountExists: { status: 400, code: 'invitation_account_exists', message: 'account exists', frontendApiCode: true },
  organizationInvitationRevoked: { status: 400, code: 'organization_invitation_revoked_code', message: 'invitation has been revoked' },
  organizationInvitationAlreadyAccepted: { status: 400, code: 'organization_invitation_already_accepted', message: 'invitation has already been accepted' },
  organizationInvitationIdentificationExists: {
    status: 400,
    code: 'organization_invitation_identification_already_exists',
    message: 'email address already exists',
    frontendApiCode: true,
  },
  organizationInvitationToDeletedOrganization: {
    status: 400,
    code: 'organization_invitation_to_deleted_organization',
    message: 'organization invitation to deleted organization',
    frontendApiCode: true,
  },
  notAllowedAccess: { status: 403, code: 'not_allowed_access', message: 'Access not allowed.' },
  // JWT templates
  jwtTemplateNotFound: { status: 404, code: 'resource_not_found', message: 'JWT template not found' },
  jwtTemplateReservedClaim: { status: 400, code: 'jwt_template_reserved_claim', message: 'reserved claim used' },
  // One-time codes (email and phone codes)
  formCodeIncorrect: { status: 422, code: 'form_code_incorrect', message: 'is incorrect' },
  verificationExpired: { status: 400, code: 'verification_expired', message: 'expired' },
  verificationFailed: { status: 400, code: 'verification_failed', message: 'failed' },
  verificationAlreadyVerified: { status: 400, code: 'verification_already_verified', message: 'already verified' },
  verificationMissing: { status: 400, code: 'verification_missing', message: 'is missing', frontendApiCode: true },
  verificationNotSent: { status: 400, code: 'verification_not_sent', message: 'not sent' },
  // HTTP that never reached a route (Node's parser refused it, or the connection was too slow)
  badRequest: { status: 400, code: 'bad_request', message: 'Bad request' },
  requestTimeout: { status: 408, code: 'request_timeout', message: 'Request timeout', rosterExtension: true },
  requestHeadersTooLarge: { status: 431, code: 'request_headers_too_large', message: 'Request headers too large', rosterExtension: true },
  internal: { status: 500, code: 'internal_clerk_error', message: 'Oops, an unexpected error occurred' },
  // OAuth sign-in and external accounts
  oauthCallbackInvalid: { status: 400, code: 'oauth_callback_invalid', message: 'Invalid OAuth callback', frontendApiCode: true },
  externalAccountNotFound: { status: 404, code: 'external_account_not_found', message: 'Invalid external account' },
  /** The verification error clerk-js reads to transfer a sign-up to a sign-in; Clerk's index does not list it. */
  externalAccountExists: { status: 400, code: 'external_account_exists', message: 'External account exists', rosterExtension: true },
  externalAccountEmailAddressVerificationRequired: { status: 400, code: 'external_account_email_address_verification_required', message: 'Email address verification required' },
  externalAccountMissingRefreshToken: { status: 400, code: 'external_account_missing_refresh_token', message: 'Missing refresh token' },
  oauthAccountAlreadyConnected: { status: 400, code: 'oauth_account_already_connected', message: 'Already connected', frontendApiCode: true },
  oauthAccessDenied: { status: 403, code: 'oauth_access_denied', message: 'Access denied', frontendApiCode: true },
  misconfiguredOAuthProvider: { status: 400, code: 'misconfigured_oauth_provider', message: 'Misconfigured OAuth provider', frontendApiCode: true },
  oauthIdentificationClaimed: { status: 400, code: 'oauth_identification_claimed', message: 'Identification claimed by another user', frontendApiCode: true },
  oauthTokenExchangeError: { status: 400, code: 'oauth_token_exchange_error', message: 'Token exchange error', frontendApiCode: true },
  oauthFetchUserError: { status: 400, code: 'oauth_fetch_user_error', message: 'Fetch user error', frontendApiCode: true },
  oauthTokenRetrievalError: { status: 400, code: 'oauth_token_retrieval_error', message: 'Token retrieval failed' },
  oauthProviderNotEnabled: { status: 400, code: 'oauth_provider_not_enabled', message: 'OAuth provider not enabled', frontendApiCode: true },
  oauthTokenProviderNotEnabled: { status: 404, code: 'oauth_token_provider_not_enabled', message: 'OAuth provider not enabled' },
  invalidRedirectUrl: { status: 422, code: 'invalid_redirect_url', message: 'Redirect url invalid', frontendApiCode: true },
  redirectUrlDomainMismatch: { status: 422, code: 'redirect_url_domain_mismatch', message: 'Redirect url does not belong to your domain', frontendApiCode: true },
  accountTransferInvalid: { status: 400, code: 'account_transfer_invalid', message: 'Invalid account transfer', frontendApiCode: true },
  // Passkeys (WebAuthn)
  passkeyNotRegistered: { status: 404, code: 'passkey_not_registered', message: 'not registered' },
  noPasskeysFoundForUser: { status: 400, code: 'no_passkeys_found_for_user', message: 'User has no passkeys', frontendApiCode: true },
  passkeyIdentificationNotVerified: { status: 422, code: 'passkey_identification_not_verified', message: 'passkey identification not verified', frontendApiCode: true },
  passkeyInvalidPublicKeyCredential: { status: 422, code: 'passkey_invalid_public_key_credential', message: 'is invalid', frontendApiCode: true },
  passkeyInvalidVerification: { status: 400, code: 'passkey_invalid_verification', message: 'invalid verification', frontendApiCode: true },
  passkeyAuthenticationFailure: { status: 400, code: 'passkey_authentication_failure', message: 'authentication failed', frontendApiCode: true },
  passkeyQuotaExceeded: { status: 403, code: 'passkey_quota_exceeded', message: 'passkey quota exceeded', frontendApiCode: true },
} as const satisfies Record<string, CatalogEntry>;

export type CatalogEntryName = keyof typeof catalog;

/** The error of catalogue entry `name`; `message` replaces the entry's where Clerk words it per case. */
export function catalogError(name: CatalogEntryName, longMessage: string, meta: Record<string, unknown> = {}, message?: string): ClerkError {
  const entry: CatalogEntry = catalog[name];
  return new ClerkError(entry.status, entry.code, message ?? entry.message, longMessage, meta);
}

/** Clerk's `meta` naming the request parameter at fault. */
export const param = (paramName: string) => ({ param_name: paramName });
