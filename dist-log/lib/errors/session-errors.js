/** Errors of sessions and of the tokens made from them (JWT templates). */
import { catalogError as make } from './catalog.js';
export const sessionErrors = {
    sessionNotFound: (sessionId) => make('sessionNotFound', `No session was found with id ${sessionId}`),
    /** A token asked of a session that is no longer active: to the caller it is not a live session. */
    activeSessionNotFound: (sessionId, status) => make('sessionNotFound', `No active session was found with id ${sessionId} (its status is ${status})`),
    /** Testing-only endpoints on a production instance. */
    testModeOnly: () => make('requestInvalidForEnvironment', 'Request only valid for development instances. Roster opens testing-only endpoints when ROSTER_TEST_MODE is true (the default with sk_test_ keys).'),
    invalidActionForSession: (action, sessionId, status) => make('invalidActionForSession', `Unable to ${action} session ${sessionId}: its status is ${status}`),
    jwtTemplateNotFoundById: (id) => make('jwtTemplateNotFound', `No JWT template exists with id: ${id}`),
    jwtTemplateNotFoundByName: (name) => make('jwtTemplateNotFound', `No JWT template exists with name: ${name}`),
    /** Clerk's 400 naming the claim; `param_name` is the claim itself. */
    jwtTemplateReservedClaim: (claim) => make('jwtTemplateReservedClaim', `You can't use the reserved claim: '${claim}'`, { param_name: claim }),
};
//# sourceMappingURL=session-errors.js.map