// SQLite's plans for the lookups the Frontend API runs on every sign-up and sign-in (allowlist, blocklist,
// accepted invitations) and for the pending-invitation checks: each uses an index, none reads a table whole.
import { describe, expect, it } from 'vitest';
import { useSqlitePlans } from '../helpers/sqlite-plans.js';

describe('invitation and identifier-list queries use indexes (SQLite)', () => {
  const database = useSqlitePlans();
  const { plan } = database;

  /** Every table access goes through an index (a sort of the matching rows, `USE TEMP B-TREE`, is fine). */
  const expectIndexed = (details: string[]) => {
    const accesses = details.filter((detail) => /^(SCAN|SEARCH) /.test(detail));
    expect(accesses.length, details.join('\n')).toBeGreaterThan(0);
    for (const detail of accesses) expect(detail).toMatch(/ USING (COVERING )?INDEX | USING PRIMARY KEY| USING INTEGER PRIMARY KEY/);
  };

  it('allowlist and blocklist lookups search the unique identifier index', async () => {
    for (const list of ['allowlist_identifiers', 'blocklist_identifiers'] as const) {
      expectIndexed(await plan(database.db.selectFrom(list).select('id').where('identifier', 'in', ['a@example.com', '*@example.com']).limit(1)));
    }
  });

  it('pending invitations by address, accepted invitations by user, invitations by id', async () => {
    const db = database.db;
    expectIndexed(await plan(db.selectFrom('invitations').selectAll().where('email_address', 'in', ['a@example.com']).where('status', '=', 'pending')));
    expectIndexed(await plan(db.selectFrom('invitations').select('id').where('accepted_user_id', '=', 'user_x').limit(1)));
    expectIndexed(await plan(db.updateTable('invitations').set({ status: 'accepted' }).where('id', '=', 'inv_x').where('status', '=', 'pending')));
    expectIndexed(await plan(db.selectFrom('invitations').selectAll().where('status', '=', 'pending').where('expires_at', '>', 0).orderBy('created_at', 'desc').limit(10)));
  });
});
