// The allowlist and blocklist: the Backend API routes through @clerk/backend and raw HTTP, and their effect on
// Frontend API sign-up and sign-in, including other spellings of a listed address; invitations pass the allowlist.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueTag } from '../../helpers/fixtures.js';
import { useTestServer, type TestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';

const signUp = (server: TestServer, email: string) =>
  fapiBrowser(() => server).call('POST', '/v1/client/sign_ups', { email_address: email, password: PASSWORD });

const signIn = (server: TestServer, identifier: string) => fapiBrowser(() => server).call('POST', '/v1/client/sign_ins', { identifier });

describe('allowlist and blocklist routes', () => {
  const server = useTestServer();

  it('creates, lists and deletes allowlist identifiers through @clerk/backend', async () => {
    const tag = uniqueTag();
    const email = await server.clerk.allowlistIdentifiers.createAllowlistIdentifier({ identifier: `Ada-${tag}@Example.COM`, notify: false });
    expect(email).toMatchObject({ identifier: `ada-${tag}@example.com`, identifierType: 'email_address' });
    expect(email.id).toMatch(/^alid_/);
    server.clock.advanceMs(1000);
    const domain = await server.clerk.allowlistIdentifiers.createAllowlistIdentifier({ identifier: `*@${tag}.EXAMPLE.org`, notify: false });
    expect(domain.identifier).toBe(`*@${tag}.example.org`);
    server.clock.advanceMs(1000);
    const phone = await server.api('POST', '/v1/allowlist_identifiers', { identifier: '+1 (415) 555-0123' });
    expect(phone.body).toMatchObject({ object: 'allowlist_identifier', identifier: '+14155550123', identifier_type: 'phone_number' });
    server.clock.advanceMs(1000);
    const wallet = await server.api('POST', '/v1/allowlist_identifiers', { identifier: `0x${'AB'.repeat(20)}` });
    expect(wallet.body).toMatchObject({ identifier: `0x${'ab'.repeat(20)}`, identifier_type: 'web3_wallet' });

    const list = await server.clerk.allowlistIdentifiers.getAllowlistIdentifierList({ limit: 2 });
    expect(list.totalCount).toBe(4);
    expect(list.data.map((item) => item.id)).toEqual([wallet.body.id, phone.body.id]);
    const bare = await server.api('GET', '/v1/allowlist_identifiers');
    expect(bare.body).toHaveLength(4);

    const duplicate = await server.api('POST', '/v1/allowlist_identifiers', { identifier: `ADA-${tag}@example.com` });
    expect([duplicate.status, duplicate.body.errors[0].code]).toEqual([400, 'duplicate_record']);
    for (const identifier of ['nobody', '*@', '+1', 'a@b', '', 'x'.repeat(400)]) {
      const refused = await server.api('POST', '/v1/allowlist_identifiers', { identifier });
      expect([identifier, refused.status, refused.body.errors[0].code]).toEqual([identifier, 422, 'form_param_value_invalid']);
    }

    const deleted = await server.clerk.allowlistIdentifiers.deleteAllowlistIdentifier(email.id);
    expect(deleted).toMatchObject({ id: email.id, deleted: true });
    const again = await server.api('DELETE', `/v1/allowlist_identifiers/${email.id}`);
    expect([again.status, again.body.errors[0].code]).toEqual([404, 'resource_not_found']);
  });

  it('notify on an allowlisted email address sends an invitation', async () => {
    const email = `notified-${uniqueTag()}@example.com`;
    const entry = await server.api('POST', '/v1/allowlist_identifiers', { identifier: email, notify: true });
    expect(entry.body.invitation_id).toMatch(/^inv_/);
    const invitations = await server.clerk.invitations.getInvitationList({ query: email });
    expect(invitations.data.map((invitation) => invitation.id)).toEqual([entry.body.invitation_id]);
    // A second entry for the address is refused before anyone is invited again.
    const again = await server.api('POST', '/v1/allowlist_identifiers', { identifier: email.toUpperCase(), notify: true });
    expect(again.status).toBe(400);
    expect((await server.clerk.invitations.getInvitationList({ query: email })).totalCount).toBe(1);
  });

  it('creates, lists and deletes blocklist identifiers through @clerk/backend', async () => {
    const tag = uniqueTag();
    const created = await server.clerk.blocklistIdentifiers.createBlocklistIdentifier({ identifier: `*@${tag}.example` });
    expect(created).toMatchObject({ identifier: `*@${tag}.example`, identifierType: 'email_address' });
    expect(created.id).toMatch(/^blid_/);
    const list = await server.clerk.blocklistIdentifiers.getBlocklistIdentifierList();
    expect(list.data.map((item) => item.id)).toContain(created.id);
    expect(list.totalCount).toBeGreaterThanOrEqual(1);
    await server.clerk.blocklistIdentifiers.deleteBlocklistIdentifier(created.id);
    const missing = await server.api('DELETE', `/v1/blocklist_identifiers/${created.id}`);
    expect(missing.status).toBe(404);
  });

  it('needs the secret key', async () => {
    for (const path of ['/v1/allowlist_identifiers', '/v1/blocklist_identifiers']) {
      expect((await server.api('GET', path, undefined, { authorization: '' })).status).toBe(401);
      expect((await server.api('POST', path, { identifier: 'a@example.com' }, { authorization: 'Bearer sk_test_nope' })).status).toBe(401);
    }
  });
});

describe('the blocklist at sign-up and sign-in (allowlist off)', () => {
  const server = useTestServer({ ROSTER_SIGN_IN_IDENTIFIERS: 'email_address,username' });

  it('refuses a blocked address in any spelling, and a blocked domain, at sign-up', async () => {
    const tag = uniqueTag();
    await server.clerk.blocklistIdentifiers.createBlocklistIdentifier({ identifier: `mallory-${tag}@example.com` });
    await server.clerk.blocklistIdentifiers.createBlocklistIdentifier({ identifier: `*@spam-${tag}.example` });
    const spellings = [
      `mallory-${tag}@example.com`,
      `MALLORY-${tag}@EXAMPLE.COM`,
      ` mallory-${tag}@example.com `,
      // Full-width letters fold to the same address.
      `ｍallory-${tag}@example.com`,
      `anyone@spam-${tag}.example`,
      `anyone@SPAM-${tag}.EXAMPLE`,
    ];
    for (const email of spellings) {
      const answer = await signUp(server, email);
      expect([email, answer.status, answer.body.errors?.[0]?.code]).toEqual([email, 403, 'not_allowed_access']);
    }
    // A subdomain or a neighbour is not the blocked domain.
    expect((await signUp(server, `anyone@sub.spam-${tag}.example`)).status).toBe(200);
    expect((await signUp(server, `mallory-${tag}@example.org`)).status).toBe(200);
  });

  it('refuses changing a sign-up to a blocked address', async () => {
    const tag = uniqueTag();
    await server.clerk.blocklistIdentifiers.createBlocklistIdentifier({ identifier: `blocked-${tag}@example.com` });
    const browser = fapiBrowser(() => server);
    const created = await browser.call('POST', '/v1/client/sign_ups', { email_address: `fine-${tag}@example.com`, password: PASSWORD });
    const patched = await browser.call('PATCH', `/v1/client/sign_ups/${created.body.response.id}`, { email_address: `Blocked-${tag}@example.com` });
    expect([patched.status, patched.body.errors[0].code]).toEqual([403, 'not_allowed_access']);
  });

  it('refuses signing in as a user whose address is blocked, in any spelling, until it is unblocked', async () => {
    const email = `later-blocked-${uniqueTag()}@example.com`;
    await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    expect((await signIn(server, email)).status).toBe(200);
    const entry = await server.clerk.blocklistIdentifiers.createBlocklistIdentifier({ identifier: email });
    const refused = await signIn(server, email.toUpperCase());
    expect([refused.status, refused.body.errors[0].code]).toEqual([403, 'not_allowed_access']);
    await server.clerk.blocklistIdentifiers.deleteBlocklistIdentifier(entry.id);
    expect((await signIn(server, email)).status).toBe(200);
  });

  it('a username sign-in of a blocked user is refused without telling the address', async () => {
    const tag = uniqueTag();
    const email = `secret-${tag}@example.com`;
    await server.clerk.users.createUser({ emailAddress: [email], username: `user_${tag}`, password: PASSWORD });
    await server.clerk.blocklistIdentifiers.createBlocklistIdentifier({ identifier: `*@example.com` });
    try {
      const refused = await signIn(server, `user_${tag}`);
      expect([refused.status, refused.body.errors[0].code]).toEqual([403, 'not_allowed_access']);
      expect(JSON.stringify(refused.body)).not.toContain(email);
    } finally {
      const list = await server.clerk.blocklistIdentifiers.getBlocklistIdentifierList({ limit: 100 });
      for (const entry of list.data.filter((item) => item.identifier === '*@example.com')) await server.clerk.blocklistIdentifiers.deleteBlocklistIdentifier(entry.id);
    }
  });

  it('an invitation does not get past the blocklist', async () => {
    const email = `invited-blocked-${uniqueTag()}@example.com`;
    const invitation = await server.api('POST', '/v1/invitations', { email_address: email, notify: false });
    await server.clerk.blocklistIdentifiers.createBlocklistIdentifier({ identifier: email });
    const ticket = new URL(invitation.body.url, 'http://x').searchParams.get('__clerk_ticket')!;
    const answer = await fapiBrowser(() => server).call('POST', '/v1/client/sign_ups', { strategy: 'ticket', ticket });
    expect([answer.status, answer.body.errors[0].code]).toEqual([403, 'not_allowed_access']);
  });
});

describe('the allowlist at sign-up and sign-in (ROSTER_ALLOWLIST=on)', () => {
  const server = useTestServer({ ROSTER_ALLOWLIST: 'on' });

  it('the environment shows the allowlist on', async () => {
    const environment = await fapiBrowser(() => server).call('PATCH', '/v1/environment');
    expect(environment.body.user_settings.restrictions.allowlist.enabled).toBe(true);
  });

  it('admits only listed addresses and domains at sign-up, in any spelling', async () => {
    const tag = uniqueTag();
    await server.clerk.allowlistIdentifiers.createAllowlistIdentifier({ identifier: `ada-${tag}@example.com`, notify: false });
    await server.clerk.allowlistIdentifiers.createAllowlistIdentifier({ identifier: `*@corp-${tag}.example`, notify: false });
    expect((await signUp(server, `ADA-${tag}@Example.com`)).status).toBe(200);
    expect((await signUp(server, `bob@Corp-${tag}.example`)).status).toBe(200);
    for (const email of [`eve-${tag}@example.com`, `ada-${tag}@example.co`, `bob@evil-corp-${tag}.example`, `ada-${tag}+x@example.com`]) {
      const answer = await signUp(server, email);
      expect([email, answer.status, answer.body.errors?.[0]?.code]).toEqual([email, 403, 'not_allowed_access']);
    }
  });

  it('an invitation passes the allowlist, and its user can sign in afterwards', async () => {
    const email = `guest-${uniqueTag()}@example.com`;
    const invitation = await server.api('POST', '/v1/invitations', { email_address: email, notify: false });
    const ticket = new URL(invitation.body.url, 'http://x').searchParams.get('__clerk_ticket')!;
    const done = await fapiBrowser(() => server).call('POST', '/v1/client/sign_ups', { strategy: 'ticket', ticket, password: PASSWORD });
    expect(done.body.response.status).toBe('complete');
    expect((await signIn(server, email)).status).toBe(200);
  });

  it('refuses signing in as a user with no allowlisted address', async () => {
    const email = `outsider-${uniqueTag()}@example.com`;
    await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const refused = await signIn(server, email);
    expect([refused.status, refused.body.errors[0].code]).toEqual([403, 'not_allowed_access']);
    await server.clerk.allowlistIdentifiers.createAllowlistIdentifier({ identifier: email, notify: false });
    expect((await signIn(server, email)).status).toBe(200);
  });
});
