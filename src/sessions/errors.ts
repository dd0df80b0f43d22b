import { catalog, ClerkError } from '../lib/error-catalog.js';

/** The sessions module's errors: entries in the one catalogue, long messages here. */
const sessionCatalog = {
  sessionNotFound: catalog.sessionNotFound,
  requestInvalidForEnvironment: catalog.requestInvalidForEnvironment,
  invalidActionForSession: catalog.invalidActionForSession,
};

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
