import type { LockoutPolicy } from '../config/config.js';
import type { Clock } from '../lib/clock.js';
import { toSessionRecord, type SessionRecord } from '../sessions/session-record.js';
import type { Executor } from '../storage/database.js';
import { findUserWithDetails } from '../storage/repositories/user-details-repository.js';
import { findSessionById } from '../storage/repositories/sessions-repository.js';
import { userRecordsOf, type UserRecord } from '../users/user-record.js';
import type { WebhookChange } from './coalesce-changes.js';
import type { WebhookRenderer } from './webhook-publisher.js';

/** How each subject becomes an event's `data`: the Backend API's own JSON, supplied by the http layer. */
export interface WebhookSerializers {
  user(record: UserRecord): object;
  session(record: SessionRecord, user: UserRecord): object;
}

/**
 * The renderer the publisher uses: loads each change's subject as the publishing transaction sees it and writes
 * it as Clerk's webhook payloads do (`user.deleted` as a deleted object with the `external_id` the row had).
 */
export function createWebhookRenderer(deps: { lockout: LockoutPolicy; clock: Clock; serializers: WebhookSerializers }): WebhookRenderer {
  const loadUser = async (db: Executor, userId: string): Promise<UserRecord | null> => {
    const found = await findUserWithDetails(db, userId);
    return found ? userRecordsOf([found], deps.lockout, deps.clock.nowMs())[0]! : null;
  };

  return async (db: Executor, change: WebhookChange) => {
    const [kind, action] = change.type.split('.');
    if (kind === 'user') {
      if (action === 'deleted') return { object: 'user', id: change.subjectId, deleted: true, external_id: change.snapshot?.external_id ?? null };
      const user = await loadUser(db, change.subjectId);
      return user && deps.serializers.user(user);
    }
    if (kind === 'session') {
      const row = await findSessionById(db, change.subjectId);
      const user = row && (await loadUser(db, row.user_id));
      // The status the event is about, even when the session moved on before the event was published.
      const status = action === 'created' ? 'active' : (action as 'ended' | 'removed' | 'revoked');
      return row && user ? deps.serializers.session(toSessionRecord(row, status), user) : null;
    }
    return null;
  };
}
