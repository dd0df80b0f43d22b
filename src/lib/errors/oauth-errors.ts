/** Errors of OAuth sign-in, the provider callback and external accounts. */
import { catalogError as make, param } from './catalog.js';

export const oauthErrors = {
  /** An unknown, used, expired or foreign `state`, or a callback without code or state: nothing says which. */
  oauthCallbackInvalid: () => make('oauthCallbackInvalid', 'The OAuth callback is invalid, expired or was already used. Start the sign-in again.'),
  externalAccountNotFound: () => make('externalAccountNotFound', 'The External Account was not found.'),
  externalAccountExists: () => make('externalAccountExists', 'This external account is already connected to another user.'),
  externalAccountEmailAddressVerificationRequired: () =>
    make('externalAccountEmailAddressVerificationRequired', 'Your associated email address is required to be verified, because it was initially created as unverified.'),
  externalAccountMissingRefreshToken: () =>
    make('externalAccountMissingRefreshToken', "We cannot refresh your OAuth access token because the server didn't provide a refresh token. Please re-connect your account."),
  oauthAccountAlreadyConnected: (providerName = 'this provider') =>
    make('oauthAccountAlreadyConnected', `Another account is already connected for this particular provider (${providerName})`),
  oauthAccessDenied: (providerName: string) => make('oauthAccessDenied', `You did not grant access to your ${providerName} account`),
  misconfiguredOAuthProvider: () => make('misconfiguredOAuthProvider', 'Misconfigured OAuth provider. Please make sure you have set it correctly'),
  oauthIdentificationClaimed: () => make('oauthIdentificationClaimed', 'The email address associated with this OAuth account is already claimed by another user.'),
  oauthTokenExchangeError: () => make('oauthTokenExchangeError', 'Token exchange error'),
  oauthFetchUserError: () => make('oauthFetchUserError', 'Fetch user error'),
  oauthTokenRetrievalError: () => make('oauthTokenRetrievalError', 'Failed to retrieve a new access token from the OAuth provider'),
  oauthProviderNotEnabled: (strategy: string) =>
    make('oauthProviderNotEnabled', `Single-sign on with ${strategy} is not enabled in the instance settings (ROSTER_OAUTH_PROVIDERS).`, param('strategy')),
  oauthTokenProviderNotEnabled: () => make('oauthTokenProviderNotEnabled', 'Single-sign on for this OAuth provider is not enabled in the instance settings.'),
  invalidRedirectUrl: (paramName: string) => make('invalidRedirectUrl', 'The provided redirect url is not in a valid format', param(paramName)),
  redirectUrlDomainMismatch: (paramName: string) => make('redirectUrlDomainMismatch', "The provided redirect URL must belong to your instance's domain", param(paramName)),
  accountTransferInvalid: () => make('accountTransferInvalid', 'There is no account to transfer'),
};
