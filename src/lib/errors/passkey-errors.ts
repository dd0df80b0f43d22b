/** Errors of passkeys (WebAuthn): registration, sign-in, and managing them. */
import { catalogError as make, param } from './catalog.js';

export const passkeyErrors = {
  /** A credential no verified passkey holds (never registered, deleted, or another instance's). */
  passkeyNotRegistered: () => make('passkeyNotRegistered', 'Passkey is not registered.'),
  noPasskeysFoundForUser: () => make('noPasskeysFoundForUser', 'User has no passkeys registered for this account'),
  passkeyIdentificationNotVerified: () => make('passkeyIdentificationNotVerified', 'Passkey identification not verified. Registration is incomplete.'),
  /** The authenticator's answer is malformed, for another origin or relying party, or fails its checks. */
  passkeyInvalidPublicKeyCredential: () => make('passkeyInvalidPublicKeyCredential', 'Invalid passkey public key credential', param('public_key_credential')),
  /** No live challenge: never issued, expired, or already used. */
  passkeyInvalidVerification: () => make('passkeyInvalidVerification', 'Passkey verification contains invalid nonce'),
  /** A signature that does not verify, or a counter that went backwards (a cloned authenticator). */
  passkeyAuthenticationFailure: () => make('passkeyAuthenticationFailure', 'Passkey authentication failed'),
  passkeyQuotaExceeded: (max: number) => make('passkeyQuotaExceeded', `You have reached your limit of ${max} passkeys per account.`),
};
