// Issue 14: registered passkeys on the User object (Backend and Frontend API), and the Backend API's
// DeletePasskey with the notice Clerk emails the user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueEmail, uniqueTag } from '../../helpers/fixtures.js';
import { findPart } from '../../helpers/mime.js';
import { useSmtpInbox } from '../../helpers/smtp-inbox.js';
import { startTestServer, useTestServer, type TestServer } from '../../helpers/test-server.js';
import { findPasskey, insertPasskey } from '../../../src/storage/repositories/passkeys-repository.js';

const PASSWORD = 'correct horse battery 42';

/** Stores a passkey for `userId` as a finished (or abandoned) registration would leave it. */
async function seedPasskey(server: TestServer, userId: string, fields: { name: string; verified?: boolean; lastUsedAt?: number | null; createdAt?: number }) {
  const id = `idn_${uniqueTag()}${uniqueTag()}`;
  const createdAt = fields.createdAt ?? Date.now();
  const verified = fields.verified ?? true;
  await insertPasskey(server.database.db, {
    id,
    user_id: userId,
    name: fields.name,
    credential_id: verified ? `cred-${id}` : null,
    public_key: verified ? 'pQECAyYgASFYIA' : null,
    counter: 0,
    transports: '["internal"]',
    backed_up: 0,
    verification_status: verified ? 'verified' : 'unverified',
    last_used_at: fields.lastUsedAt ?? null,
    created_at: createdAt,
    updated_at: createdAt,
  });
  return id;
}

describe('Backend API: passkeys on the User object', () => {
  const server = useTestServer();

  it('shows verified passkeys oldest first, never unfinished registrations or credentials', async () => {
    const email = uniqueEmail('pk');
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const laptop = await seedPasskey(server, user.id, { name: 'Laptop', createdAt: 1_700_000_000_000, lastUsedAt: 1_700_000_500_000 });
    const phone = await seedPasskey(server, user.id, { name: 'Phone', createdAt: 1_700_000_100_000 });
    await seedPasskey(server, user.id, { name: 'Abandoned', verified: false, createdAt: 1_700_000_200_000 });

    const raw = await server.api('GET', `/v1/users/${user.id}`);
    expect(raw.status).toBe(200);
    expect(raw.body.passkeys).toEqual([
      {
        id: laptop,
        object: 'passkey',
        name: 'Laptop',
        last_used_at: 1_700_000_500_000,
        verification: { object: 'verification_passkey', status: 'verified', strategy: 'passkey', attempts: null, expire_at: null },
      },
      // Never used: the registration time stands in for the required integer.
      expect.objectContaining({ id: phone, name: 'Phone', last_used_at: 1_700_000_100_000 }),
    ]);
    expect(JSON.stringify(raw.body)).not.toContain('cred-');

    const parsed = await server.clerk.users.getUser(user.id);
    expect((parsed.raw as any).passkeys.map((passkey: any) => passkey.name)).toEqual(['Laptop', 'Phone']);

    // Lists read passkeys in the same batched statement.
    const other = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('pk-none')], skipPasswordRequirement: true });
    const list = await server.api('GET', `/v1/users?user_id=${user.id}&user_id=${other.id}`);
    const byId = new Map((list.body as any[]).map((item) => [item.id, item.passkeys.map((passkey: any) => passkey.name)]));
    expect(byId.get(user.id)).toEqual(['Laptop', 'Phone']);
    expect(byId.get(other.id)).toEqual([]);
  });

  it('shows them to the signed-in user through the Frontend API (Client.Passkey)', async () => {
    const email = uniqueEmail('pk-me');
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const id = await seedPasskey(server, user.id, { name: 'Security key', createdAt: 1_700_000_000_000 });
    await seedPasskey(server, user.id, { name: 'Abandoned', verified: false });
    const browser = fapiBrowser(() => server);
    const signedIn = await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
    expect(signedIn.status).toBe(200);
    const me = await browser.call('GET', `/v1/me?_clerk_session_id=${signedIn.body.response.created_session_id}`);
    expect(me.status).toBe(200);
    expect(me.body.response.passkeys).toEqual([
      {
        id,
        object: 'passkey',
        name: 'Security key',
        last_used_at: null,
        verification: { object: 'verification_passkey', status: 'verified', strategy: 'passkey', attempts: null, expire_at: 1_700_000_000_000 + 5 * 60 * 1000 },
        created_at: 1_700_000_000_000,
        updated_at: 1_700_000_000_000,
      },
    ]);
  });
});

describe('Backend API: DELETE /v1/users/{user_id}/passkeys/{passkey_identification_id}', () => {
  const inbox = useSmtpInbox();
  const server = useTestServer(() => ({ ROSTER_SMTP_URL: inbox.url, ROSTER_APP_NAME: 'Acme' }));

  it('deletes the passkey and emails the primary address that it was removed', async () => {
    const email = uniqueEmail('pk-del');
    const user = await server.clerk.users.createUser({ emailAddress: [email], skipPasswordRequirement: true });
    const kept = await seedPasskey(server, user.id, { name: 'Kept' });
    const removed = await seedPasskey(server, user.id, { name: 'Old <laptop>' });

    const deleted = await server.clerk.users.deleteUserPasskey({ userId: user.id, passkeyIdentificationId: removed });
    expect(deleted).toMatchObject({ object: 'passkey', id: removed, deleted: true });
    expect(await findPasskey(server.database.db, removed)).toBeUndefined();
    const after = await server.api('GET', `/v1/users/${user.id}`);
    expect(after.body.passkeys.map((passkey: any) => passkey.id)).toEqual([kept]);

    const message = await inbox.waitForMessage(email);
    expect(message.mime.headers.get('subject')).toBe('A passkey was removed from your account');
    expect(findPart(message.mime, 'text/plain')!.body).toContain('The passkey "Old <laptop>" can no longer be used to sign in to Acme.');
    expect(findPart(message.mime, 'text/html')!.body).toContain('Old &lt;laptop&gt;');

    const again = await server.api('DELETE', `/v1/users/${user.id}/passkeys/${removed}`);
    expect(again.status).toBe(404);
    expect(again.body.errors[0].code).toBe('resource_not_found');
  });

  it('answers 404 for another user’s passkey (left in place) and for an unknown user', async () => {
    const owner = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('pk-owner')], skipPasswordRequirement: true });
    const stranger = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('pk-stranger')], skipPasswordRequirement: true });
    const id = await seedPasskey(server, owner.id, { name: 'Owner key' });

    const foreign = await server.api('DELETE', `/v1/users/${stranger.id}/passkeys/${id}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.errors[0].code).toBe('resource_not_found');
    expect(await findPasskey(server.database.db, id)).toBeDefined();

    const unknownUser = await server.api('DELETE', `/v1/users/user_${uniqueTag()}/passkeys/${id}`);
    expect(unknownUser.status).toBe(404);
    expect(unknownUser.body.errors[0].code).toBe('resource_not_found');
    expect(await findPasskey(server.database.db, id)).toBeDefined();
    await expect(server.clerk.users.deleteUserPasskey({ userId: stranger.id, passkeyIdentificationId: id })).rejects.toMatchObject({ status: 404 });
  });
});

describe('Backend API: DeletePasskey when the email cannot be delivered', () => {
  // Nothing listens on this port: every send fails, and the deletion must stand anyway.
  const logLines: string[] = [];
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ROSTER_SMTP_URL: 'smtp://127.0.0.1:9', ROSTER_APP_NAME: 'Acme' }, { logLines });
  });
  afterAll(async () => server?.close());

  it('still deletes the passkey, and logs the failure by ids without the address', async () => {
    const email = uniqueEmail('pk-nomail');
    const user = await server.clerk.users.createUser({ emailAddress: [email], skipPasswordRequirement: true });
    const id = await seedPasskey(server, user.id, { name: 'Doomed' });
    const deleted = await server.api('DELETE', `/v1/users/${user.id}/passkeys/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ object: 'passkey', id, deleted: true });
    expect(await findPasskey(server.database.db, id)).toBeUndefined();
    const warning = logLines.find((line) => line.includes('the passkey removal email could not be sent'));
    expect(warning).toBeDefined();
    expect(JSON.parse(warning!)).toMatchObject({ level: 40, userId: user.id, passkeyId: id });
    expect(logLines.join('\n')).not.toContain(email);
  });
});
