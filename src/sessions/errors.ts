import { ClerkError } from '../lib/error-catalog.js';

/**
 * The errors only sessions answer with, as data like the shared catalogue (codes, statuses and short
 * messages from Clerk's error index), to be moved into `src/lib/error-catalog.ts` later.
 */
export const sessionCatalog = {
  /** sessions.go SessionNotFound (bapi). */
  sessionNotFound: { status: 404, code: 'resource_not_found', message: 'Session not found' },
  /** auth.go request_invalid_for_environment (bapi): testing-only endpoints on a production instance. */
  requestInvalidForEnvironment: { status: 400, code: 'request_invalid_for_environment', message: 'Invalid request for environment' },
  /** sessions.go invalid_action_for_session (Clerk's index lists it for the Frontend API only). */
  invalidActionForSession: { status: 400, code: 'invalid_action_for_session', message: 'Invalid action for user session', frontendApiCode: true },
} as const;

const make = (entry: { status: number; code: string; message: string }, longMessage: string, meta: Record<string, unknown> = {}) =>
  new ClerkError(entry.status, entry.code, entry.message, longMessage, meta);

export const sessionErrors = {
  sessionNotFound: (sessionId: string) => make(sessionCatalog.sessionNotFound, `No session was found with id ${sessionId}`),
  /** A token asked of a session that is no longer active: to the caller it is not a live session. */
  activeSessionNotFound: (sessionId: string, status: string) =>
    make(sessionCatalog.sessionNotFound, `No active session was found with id ${sessionId} (its status is ${status})`),
  testModeOnly: () =>
    make(
      sessionCatalog.requestInvalidForEnvironment,
      'Request only valid for development instances. Roster opens testing-only endpoints when ROSTER_TEST_MODE is true (the default with sk_test_ keys).',
    ),
  invalidActionForSession: (action: string, sessionId: string, status: string) =>
    make(sessionCatalog.invalidActionForSession, `Unable to ${action} session ${sessionId}: its status is ${status}`),
};
