/** Errors of the request itself: authentication, the body and its parameters, and HTTP-level failures. */
import { catalog, catalogError as make, param } from './catalog.js';

export const requestErrors = {
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
  paramFormatInvalid: (paramName: string, longMessage: string) => make('paramFormatInvalid', longMessage, param(paramName)),
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
  resourceNotFound: () => make('resourceNotFound', 'Resource not found'),
  formResourceNotFound: (paramName: string) =>
    make('formResourceNotFound', `The resource associated with the supplied ${paramName} was not found.`, param(paramName)),
  conflict: (longMessage = 'Conflict') => make('conflict', longMessage),
  /** `operation` as `ListInvitations (GET /v1/invitations)`. */
  featureNotImplemented: (operation: string) => make('featureNotImplemented', `Roster does not serve ${operation} yet`),
  /** `resetsInSeconds`: when the limit that refused the request lets requests through again (Clerk's `ResetsIn`). */
  tooManyRequests: (resetsInSeconds?: number) =>
    make('tooManyRequests', 'Too many requests, retry later', resetsInSeconds === undefined ? {} : { resets_in: resetsInSeconds }),
  badRequest: (longMessage = 'Bad request') => make('badRequest', longMessage),
  requestTimeout: (seconds: number) =>
    make('requestTimeout', `The request was not received in full within ${seconds} seconds. The connection is closed.`),
  requestHeadersTooLarge: () => make('requestHeadersTooLarge', 'The request headers exceed the size this server accepts.'),
  internal: () =>
    make('internal', "There was an internal error on our servers. We've been notified and are working on fixing it."),
};
