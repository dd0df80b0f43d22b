/** Errors of sessions and of the tokens made from them (JWT templates). */
import { catalogError as make } from './catalog.js';

export const sessionErrors = {
  sessionNotFound: (sessionId: string) => make('sessionNotFound', `No session was found with id ${sessionId}`),
  /** A token asked of a session that is no longer active: to the caller it is not a live session. */
  activeSessionNotFound: (sessionId: string, status: string) =>
    make('sessionNotFound', `No active session was found with id ${sessionId} (its status is ${status})`),
  /** Testing-only endpoints on a production instance. */
  testModeOnly: () =>
    make(
      'requestInvalidForEnvironment',
      'Request only valid for development instances. Roster opens testing-only endpoints when ROSTER_TEST_MODE is true (the default with sk_test_ keys).',
    ),
  invalidActionForSession: (action: string, sessionId: string, status: string) =>
    make('invalidActionForSession', `Unable to ${action} session ${sessionId}: its status is ${status}`),
  /** `POST /v1/sessions/{session_id}/verify`: the token is not a current token of that active session. */
  invalidSessionToken: () => make('invalidSessionToken', 'The token provided could not be successfully verified'),
  refreshRequestOriginInvalid: () => make('refreshRequestOriginInvalid', 'The request_origin parameter could not be parsed'),
  expiredSessionTokenInvalid: () => make('expiredSessionTokenInvalid', 'The session token provided could not be successfully verified'),
  expiredSessionTokenMissingSid: () => make('expiredSessionTokenMissingSid', "No 'sid' claim present in the provided expired session token"),
  refreshSidMismatch: () =>
    make('refreshSidMismatch', "The 'sid' claim of the provided expired session token does not match the session ID provided in the request path"),
  expiredSessionTokenMissingIat: () => make('expiredSessionTokenMissingIat', "No 'iat' claim present in the provided expired session token"),
  expiredSessionTokenMissingAzp: () => make('expiredSessionTokenMissingAzp', "No 'azp' claim present in the provided expired session token"),
  refreshRequestOriginAzpMismatch: () =>
    make('refreshRequestOriginAzpMismatch', "The request_origin parameter does not match the 'azp' claim of expired_token"),
  sessionRefreshSessionNotFound: (sessionId: string) => make('sessionRefreshSessionNotFound', `No session was found with id ${sessionId}`),
  sessionRefreshInactiveSession: () => make('sessionRefreshInactiveSession', 'The provided session is not active'),
  refreshTokenNotFound: () => make('refreshTokenNotFound', 'The provided refresh token was not found'),
  jwtTemplateNotFoundById: (id: string) => make('jwtTemplateNotFound', `No JWT template exists with id: ${id}`),
  jwtTemplateNotFoundByName: (name: string) => make('jwtTemplateNotFound', `No JWT template exists with name: ${name}`),
  /** Clerk's 400 naming the claim; `param_name` is the claim itself. */
  jwtTemplateReservedClaim: (claim: string) => make('jwtTemplateReservedClaim', `You can't use the reserved claim: '${claim}'`, { param_name: claim }),
};
