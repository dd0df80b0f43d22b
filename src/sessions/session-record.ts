import type { SessionRow, StoredSessionStatus } from '../storage/tables/session-tables.js';

/** A session as the API shows it: `status` is the effective one (an active session past its expiry is expired). */
export interface SessionRecord {
  id: string;
  userId: string;
  clientId: string;
  /** The impersonating actor (`act`), when there is one. */
  actor: Record<string, unknown> | null;
  status: StoredSessionStatus;
  activeOrganizationId: string | null;
  lastActiveAtMs: number;
  expireAtMs: number;
  abandonAtMs: number;
  createdAtMs: number;
  updatedAtMs: number;
}

/** A stored session as a record, with the status it reads as (by default the stored one). */
export function toSessionRecord(row: SessionRow, status: StoredSessionStatus = row.status): SessionRecord {
  return {
    id: row.id,
    userId: row.user_id,
    clientId: row.client_id,
    actor: row.actor === null ? null : (JSON.parse(row.actor) as Record<string, unknown>),
    status,
    activeOrganizationId: row.active_organization_id,
    lastActiveAtMs: row.last_active_at,
    expireAtMs: row.expire_at,
    abandonAtMs: row.abandon_at,
    createdAtMs: row.created_at,
    updatedAtMs: row.updated_at,
  };
}
