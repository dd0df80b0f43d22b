import type { ClientState } from '../../../clients/client-service.js';
import { toSessionRecord } from '../../../sessions/session-record.js';
import { toSessionJSON } from '../sessions/serialize.js';

/**
 * A client as the Backend API's `Client`: its active sessions as Backend API `Session`s, its current sign-in
 * and sign-up by id only (the Frontend API's `Client` carries them inline, with users and tokens).
 */
export function toClientJSON(state: ClientState) {
  const { client } = state;
  // The client's sessions are its active ones (ClientState holds no others).
  const sessions = state.sessions.map(({ session }) => toSessionJSON(toSessionRecord(session)));
  return {
    object: 'client' as const,
    id: client.id,
    session_ids: sessions.map((session) => session.id),
    sessions,
    sign_in_id: state.signIn?.id ?? null,
    sign_up_id: state.signUp?.id ?? null,
    // Only a session the client still shows can be its active one.
    last_active_session_id: sessions.some((session) => session.id === client.last_active_session_id) ? client.last_active_session_id : null,
    last_authentication_strategy: client.last_authentication_strategy,
    updated_at: client.updated_at,
    created_at: client.created_at,
  };
}
