import type { SessionRecord } from '../../../sessions/session-service.js';

/** A session as Clerk's `Session` object. */
export function toSessionJSON(session: SessionRecord) {
  return {
    object: 'session' as const,
    id: session.id,
    user_id: session.user_id,
    client_id: session.client_id,
    actor: session.actor === null ? null : (JSON.parse(session.actor) as Record<string, unknown>),
    status: session.status,
    last_active_organization_id: session.active_organization_id,
    last_active_at: session.last_active_at,
    // No client, so no device activity to report.
    latest_activity: null,
    expire_at: session.expire_at,
    abandon_at: session.abandon_at,
    updated_at: session.updated_at,
    created_at: session.created_at,
    tasks: null,
  };
}
