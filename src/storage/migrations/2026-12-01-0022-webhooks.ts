import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { WEBHOOK_CHANGE_TRIGGERS, type ChangeTrigger } from './webhook-change-triggers.js';

/**
 * Webhooks: endpoints, the outbox and what was delivered.
 *
 * `webhook_changes` is the outbox. Triggers on the tables behind users, sessions and organizations write a row there
 * in the same transaction as each change, whatever code path made it (the Backend API, the Frontend API, a bulk
 * import, a cascade), so a change that committed always has its event and a rolled-back one never does. The
 * The request a change came from (client IP, user agent) is read by the triggers from `roster_http_request()`
 * (SQLite: a function Roster registers on its connection) or the `roster.http_request` setting (PostgreSQL: set by
 * Roster on its connections), so a change made outside Roster (the sqlite3 shell) fails on SQLite while webhooks
 * are enabled. The
 * dispatcher turns these rows into `webhook_events` (the payload rendered once, with its `svix-id`) and one
 * `webhook_deliveries` row per subscribed endpoint, then delivers them; `webhook_attempts` is the delivery log.
 */
export function webhooksMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('webhook_endpoints')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        // JSON array of event types; null: every event.
        .addColumn('events', 'text')
        // The signing secrets, sealed with the instance key: the current one, and the one it replaced while that
        // still signs too (Svix's rotation: both signatures for a day, so a receiver can switch without a gap).
        .addColumn('secret_sealed', 'text', (c) => c.notNull())
        .addColumn('previous_secret_sealed', 'text')
        .addColumn('previous_secret_expires_at', 'bigint')
        .addColumn('disabled', 'integer', (c) => c.notNull())
        .addColumn('disabled_reason', 'text')
        // When its current streak of failed attempts began; null while the last attempt succeeded.
        .addColumn('failing_since', 'bigint')
        // One node delivers to an endpoint at a time (its events go out in order): the claim's owner and end.
        .addColumn('lease_owner', 'text')
        .addColumn('lease_until', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('webhook_changes')
        .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('event_type', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text', (c) => c.notNull())
        // For deletions: the few fields the event needs that the deleted row took with it (never a secret).
        .addColumn('snapshot', 'text')
        // The request the change came from (`{"client_ip","user_agent"}`), when a request made it.
        .addColumn('http_request', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('webhook_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        // The change's order (its outbox id): events of one moment keep the order their changes had.
        .addColumn('change_id', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('webhook_events_created_at_idx').on('webhook_events').columns(['created_at', 'change_id']).execute();
      await db.schema
        .createTable('webhook_deliveries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('endpoint_id', 'text', (c) => c.notNull().references('webhook_endpoints.id').onDelete('cascade'))
        .addColumn('event_id', 'text', (c) => c.notNull().references('webhook_events.id').onDelete('cascade'))
        // pending → succeeded | failed (every scheduled attempt failed; a replay makes it pending again).
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'bigint')
        .addColumn('event_created_at', 'bigint', (c) => c.notNull())
        .addColumn('change_id', 'bigint', (c) => c.notNull())
        .addColumn('last_attempt_at', 'bigint')
        .addColumn('last_status_code', 'integer')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      // The dispatcher's two questions: which endpoints have something due, and each one's next delivery in order.
      await db.schema.createIndex('webhook_deliveries_due_idx').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
      await db.schema
        .createIndex('webhook_deliveries_endpoint_order_idx')
        .on('webhook_deliveries')
        .columns(['endpoint_id', 'status', 'event_created_at', 'change_id'])
        .execute();
      await db.schema.createIndex('webhook_deliveries_endpoint_created_idx').on('webhook_deliveries').columns(['endpoint_id', 'created_at', 'id']).execute();
      await db.schema.createIndex('webhook_deliveries_event_idx').on('webhook_deliveries').columns(['event_id']).execute();
      await db.schema
        .createTable('webhook_attempts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('delivery_id', 'text', (c) => c.notNull().references('webhook_deliveries.id').onDelete('cascade'))
        .addColumn('status_code', 'integer')
        .addColumn('latency_ms', 'integer', (c) => c.notNull())
        .addColumn('response_excerpt', 'text')
        .addColumn('error', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('webhook_attempts_delivery_idx').on('webhook_attempts').columns(['delivery_id', 'created_at']).execute();

      if (dialect === 'postgres') {
        // One function for every trigger: its arguments name the event, the subject's column and the snapshot's.
        await sql`CREATE FUNCTION webhook_change() RETURNS trigger LANGUAGE plpgsql AS $$
          DECLARE
            changed jsonb;
            snapshot jsonb := NULL;
            key text;
          BEGIN
            -- No endpoint listens: nothing to record (an endpoint receives what happens after it is added).
            IF NOT EXISTS (SELECT 1 FROM webhook_endpoints WHERE disabled = 0) THEN RETURN NULL; END IF;
            IF TG_OP = 'DELETE' THEN changed := to_jsonb(OLD); ELSE changed := to_jsonb(NEW); END IF;
            IF TG_NARGS > 2 THEN
              snapshot := '{}'::jsonb;
              FOREACH key IN ARRAY string_to_array(TG_ARGV[2], ',') LOOP
                snapshot := snapshot || jsonb_build_object(key, changed -> key);
              END LOOP;
            END IF;
            INSERT INTO webhook_changes (event_type, subject_id, snapshot, http_request, created_at)
            VALUES (TG_ARGV[0], changed ->> TG_ARGV[1], snapshot::text, NULLIF(current_setting('roster.http_request', true), ''),
              (extract(epoch FROM clock_timestamp()) * 1000)::bigint);
            RETURN NULL;
          END $$`.execute(db);
      }
      for (const trigger of WEBHOOK_CHANGE_TRIGGERS) await sql.raw(createTriggerSql(dialect, trigger)).execute(db);
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const trigger of WEBHOOK_CHANGE_TRIGGERS) {
        await sql.raw(dialect === 'postgres' ? `DROP TRIGGER IF EXISTS ${trigger.name} ON ${trigger.table}` : `DROP TRIGGER IF EXISTS ${trigger.name}`).execute(db);
      }
      if (dialect === 'postgres') await sql`DROP FUNCTION IF EXISTS webhook_change()`.execute(db);
      for (const table of ['webhook_attempts', 'webhook_deliveries', 'webhook_events', 'webhook_changes', 'webhook_endpoints']) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}

/** The CREATE TRIGGER statement of `trigger` in `dialect` (the definitions are constants, never input). */
function createTriggerSql(dialect: Dialect, trigger: ChangeTrigger): string {
  const row = trigger.operation === 'DELETE' ? 'OLD' : 'NEW';
  const changed = trigger.changedColumns?.map((column) => (dialect === 'postgres' ? `OLD.${column} IS DISTINCT FROM NEW.${column}` : `OLD.${column} IS NOT NEW.${column}`));
  const conditions = [changed && `(${changed.join(' OR ')})`, trigger.when].filter(Boolean);
  if (dialect === 'postgres') {
    // PostgreSQL allows no subquery in WHEN: webhook_change() checks for a listening endpoint itself.
    const args = [trigger.event, trigger.subjectColumn, ...(trigger.snapshot ? [trigger.snapshot.join(',')] : [])].map((arg) => `'${arg}'`).join(', ');
    return `CREATE TRIGGER ${trigger.name} AFTER ${trigger.operation} ON ${trigger.table} FOR EACH ROW
      ${conditions.length ? `WHEN (${conditions.join(' AND ')})` : ''} EXECUTE FUNCTION webhook_change(${args})`;
  }
  // No endpoint listens: nothing to record (an endpoint receives what happens after it is added).
  conditions.push('EXISTS (SELECT 1 FROM webhook_endpoints WHERE disabled = 0)');
  const snapshot = trigger.snapshot ? `json_object(${trigger.snapshot.map((column) => `'${column}', ${row}.${column}`).join(', ')})` : 'NULL';
  return `CREATE TRIGGER ${trigger.name} AFTER ${trigger.operation} ON ${trigger.table}
    ${conditions.length ? `WHEN ${conditions.join(' AND ')}` : ''}
    BEGIN
      INSERT INTO webhook_changes (event_type, subject_id, snapshot, http_request, created_at)
      VALUES ('${trigger.event}', ${row}.${trigger.subjectColumn}, ${snapshot}, roster_http_request(),
        CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER));
    END`;
}
