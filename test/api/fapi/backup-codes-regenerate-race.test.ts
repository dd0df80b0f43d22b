// Review (issue 12): "a new set replaces the old one" does not hold under concurrency on PostgreSQL.
// mfa-service regenerateBackupCodes / issueBackupCodesIfNone run replaceBackupCodes (DELETE the user's rows,
// INSERT ten new ones) in READ COMMITTED transactions without locking the user row: concurrent transactions each
// delete only what they saw, and every set inserted survives. Three concurrent POST /v1/me/backup_codes leave 30
// live codes; two concurrent PATCH reserve of the first second-factor phones leave 20. A user who regenerates
// because the old codes leaked keeps the old set valid when another regeneration (a double click, or an attacker
// holding the session) raced it. Fix: lock the user row first (SELECT … FOR UPDATE, as elsewhere) or serialise.
// Fixed by holding the user row (SELECT … FOR UPDATE) before reading or replacing the codes; SQLite has one writer.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniquePhone, uniqueTag } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';

describe('review: concurrent backup code regeneration leaves one live set', () => {
  const server = useTestServer();
  const liveCodes = async (userId: string) =>
    (await server.database.db.selectFrom('backup_codes').select('id').where('user_id', '=', userId).where('consumed_at', 'is', null).execute()).length;
  const signedIn = async () => {
    const email = `bkc-race-${uniqueTag()}@example.com`;
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const browser = fapiBrowser(() => server);
    expect((await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD })).body.response.status).toBe('complete');
    return { user, browser };
  };

  it('only the codes of one regeneration verify after three concurrent ones', async () => {
    for (let round = 0; round < 3; round++) {
      const { user, browser } = await signedIn();
      const phone = await server.clerk.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber: uniquePhone(), verified: true });
      expect((await browser.call('PATCH', `/v1/me/phone_numbers/${phone.id}`, { reserved_for_second_factor: 'true' })).status).toBe(200);
      const sets = await Promise.all([1, 2, 3].map(() => browser.call('POST', '/v1/me/backup_codes')));
      for (const set of sets) expect(set.status).toBe(200);
      let accepted = 0;
      for (const set of sets) {
        const verified = await server.api('POST', `/v1/users/${user.id}/verify_totp`, { code: set.body.response.codes[0] });
        if (verified.status === 200) accepted++;
      }
      expect(accepted).toBe(1);
      expect(await liveCodes(user.id)).toBe(9);
    }
  });

  it('reserving two phones at once as the first second factors issues one set', async () => {
    for (let round = 0; round < 3; round++) {
      const { user, browser } = await signedIn();
      const phones = await Promise.all([1, 2].map(() => server.clerk.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber: uniquePhone(), verified: true })));
      await Promise.all(phones.map((phone) => browser.call('PATCH', `/v1/me/phone_numbers/${phone.id}`, { reserved_for_second_factor: 'true' })));
      expect(await liveCodes(user.id)).toBe(10);
    }
  });
});
