// Regression (issue 12 review): a user's primary email address must be a verified one. PATCH /v1/me enforces it
// (form_verification_needed), but two other /v1/me paths hand the primary to an address nobody verified — one the
// user does not own (a victim's, a CEO's) — which then shows as the user's primary_email_address to the app, to
// organization members (public_user_data.identifier) and in session token templates ({{user.primary_email_address}}).
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueTag } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';

async function primaryIsVerified(server: ReturnType<typeof useTestServer>, userId: string): Promise<{ primary: string | null; verified: boolean }> {
  const user = await server.clerk.users.getUser(userId);
  const primary = user.emailAddresses.find((item) => item.id === user.primaryEmailAddressId);
  return { primary: primary?.emailAddress ?? null, verified: primary === undefined || primary.verification?.status === 'verified' };
}

describe('/v1/me never makes an unverified address primary (email required, the default)', () => {
  const server = useTestServer();

  it('deleting the verified primary does not promote an unverified address the user never proved', async () => {
    const email = `owner-${uniqueTag()}+clerk_test@example.com`;
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const browser = fapiBrowser(() => server);
    const signIn = await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
    const me = (path = '') => `/v1/me${path}?_clerk_session_id=${signIn.body.response.created_session_id}`;

    const victim = `ceo-${uniqueTag()}@victim.example`;
    const added = await browser.call('POST', me('/email_addresses'), { email_address: victim });
    expect(added.status).toBe(200);
    // The direct way is refused…
    expect((await browser.call('PATCH', me(), { primary_email_address_id: added.body.response.id })).body.errors[0].code).toBe('form_verification_needed');
    // …but removing the verified primary hands the primary to the unverified address (identification-service.ts delete:
    // `sameType.find(verified) ?? sameType[0]`), and the unverified address also satisfies "email is required".
    // Roster's decision: the address is required and no verified one would be left, so the deletion is refused.
    const removed = await browser.call('DELETE', me(`/email_addresses/${user.emailAddresses[0]!.id}`));
    expect(removed.status).toBe(400);
    expect(removed.body.errors[0].code).toBe('last_required_identification_deletion_failed');
    expect(await primaryIsVerified(server, user.id)).toEqual({ primary: email, verified: true });

    // With a verified address besides, that one takes over, never the unverified one.
    const second = `second-${uniqueTag()}+clerk_test@example.com`;
    const secondId = (await browser.call('POST', me('/email_addresses'), { email_address: second })).body.response.id;
    await browser.call('POST', me(`/email_addresses/${secondId}/prepare_verification`), { strategy: 'email_code' });
    expect((await browser.call('POST', me(`/email_addresses/${secondId}/attempt_verification`), { code: '424242' })).status).toBe(200);
    expect((await browser.call('DELETE', me(`/email_addresses/${user.emailAddresses[0]!.id}`))).status).toBe(200);
    expect(await primaryIsVerified(server, user.id)).toEqual({ primary: second, verified: true });
  });
});

describe('/v1/me never makes an unverified address primary (username instance, no email yet)', () => {
  const server = useTestServer({
    ROSTER_REQUIRED_IDENTIFIERS: 'username',
    ROSTER_SIGN_UP_ATTRIBUTES: 'username:required',
    ROSTER_SIGN_IN_IDENTIFIERS: 'email_address,username',
  });

  it("a user's first email address stays non-primary until its code comes back", async () => {
    const username = `u_${uniqueTag()}`;
    const user = await server.clerk.users.createUser({ username, password: PASSWORD });
    const browser = fapiBrowser(() => server);
    const signIn = await browser.call('POST', '/v1/client/sign_ins', { identifier: username, strategy: 'password', password: PASSWORD });
    expect(signIn.status).toBe(200);
    const me = (path = '') => `/v1/me${path}?_clerk_session_id=${signIn.body.response.created_session_id}`;

    // identification-service.ts create: `if (input.primary || isFirst) setPrimary(...)` for an unverified row.
    const added = await browser.call('POST', me('/email_addresses'), { email_address: `ceo-${uniqueTag()}@victim.example` });
    expect(added.status).toBe(200);
    const read = await browser.call('GET', me());
    expect(read.body.response.primary_email_address_id).toBeNull();
    expect((await server.clerk.users.getUser(user.id)).primaryEmailAddressId).toBeNull();

    // An address whose code comes back fills the empty primary.
    const own = `own-${uniqueTag()}+clerk_test@example.com`;
    const ownId = (await browser.call('POST', me('/email_addresses'), { email_address: own })).body.response.id;
    expect((await browser.call('GET', me())).body.response.primary_email_address_id).toBeNull();
    await browser.call('POST', me(`/email_addresses/${ownId}/prepare_verification`), { strategy: 'email_code' });
    expect((await browser.call('POST', me(`/email_addresses/${ownId}/attempt_verification`), { code: '424242' })).status).toBe(200);
    expect((await server.clerk.users.getUser(user.id)).primaryEmailAddressId).toBe(ownId);
  });
});
