/** Errors of the Frontend API: origins, clients, sign-ins and sign-ups. */
import { catalogError as make, param } from './catalog.js';

export const frontendErrors = {
  originInvalid: () => make('originInvalid', 'The Request HTTP Origin header must be one of the origins this instance allows (ROSTER_ALLOWED_ORIGINS).'),
  multipleOriginHeaders: () => make('multipleOriginHeaders', "Setting multiple values in the 'Origin' header is forbidden"),
  clientNotFound: () => make('clientNotFound', 'This request is expecting a client and did not find one'),
  /** The Backend API's client lookups (by id, by the `__client` cookie's token). */
  clientNotFoundById: (id: string) => make('resourceNotFound', `No client was found with id ${id}`, {}, 'Client not found'),
  clientNotFoundByToken: () => make('resourceNotFound', 'No client was found with the given token', {}, 'Client not found'),
  /** `GET /v1/clients/handshake_payload`: nonces are single-use and short-lived. */
  handshakeNonceNotFound: () =>
    make('resourceNotFound', 'No handshake payload was found for the given nonce: it is unknown, expired, or already redeemed', {}, 'Handshake payload not found'),
  signInNotFound: (id: string) => make('resourceNotFound', `No sign in was found with id ${id}`, {}, 'Sign in not found'),
  signUpNotFound: (id: string) => make('resourceNotFound', `No sign up was found with id ${id}`, {}, 'Sign up not found'),
  identifierNotFound: () => make('identifierNotFound', "Couldn't find your account.", param('identifier')),
  passwordIncorrect: () => make('passwordIncorrect', 'Password is incorrect. Try again, or use another method.', param('password')),
  strategyForUserInvalid: () => make('strategyForUserInvalid', 'The verification strategy is not valid for this account', param('strategy')),
  /** `/v1/me/change_password` and `/v1/me/remove_password`: the current password given is not the user's. */
  passwordValidationFailed: (paramName = 'current_password') =>
    make('passwordValidationFailed', 'Incorrect password. Please try again.', param(paramName)),
  newPasswordMatchesCurrent: () =>
    make('newPasswordMatchesCurrent', 'New password cannot be the same as the current password.', param('new_password')),
  passwordRequired: () => make('passwordRequired', "Settings for this instance require a password to be set. Cannot remove the user's password."),
  userDeleteSelfNotEnabled: () => make('userDeleteSelfNotEnabled', 'Self deletion is not enabled for this user'),
  sessionExists: () => make('sessionExists', "You're already signed in."),
  signUpModeRestricted: () => make('signUpModeRestricted', 'New sign-ups are currently restricted.'),
  emailDeliveryUnavailable: () =>
    make('emailDeliveryUnavailable', 'The verification code could not be sent: the mail server did not accept it. Try again in a moment.'),
  smsDeliveryUnavailable: () =>
    make('smsDeliveryUnavailable', 'The verification code could not be sent: the SMS webhook did not accept it. Try again in a moment.'),
  backupCodesNotAvailable: () => make('backupCodesNotAvailable', 'In order to use backup codes, you have to enable any other Multi-factor method'),
  disableDefaultSecondFactorNotAllowed: () =>
    make(
      'disableDefaultSecondFactorNotAllowed',
      'The default second factor method can only be changed by assigning another method as the default.',
      param('default_second_factor'),
    ),
  signedOut: () => make('signedOut', 'You are signed out'),
  actionForSessionNotAuthorized: (sessionId: string) =>
    make('actionForSessionNotAuthorized', `Not authorized to perform requested action on session ${sessionId}`),
  /** A sign-in or sign-up that is complete or abandoned takes no more steps. */
  attemptNotInProgress: (kind: 'sign in' | 'sign up', id: string, status: string) =>
    make('requestBodyInvalid', `The ${kind} ${id} is ${status} and takes no more steps; start a new one.`),
};
