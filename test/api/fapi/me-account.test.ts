// Issue 12: `<UserProfile/>`'s account section through the Frontend API — PATCH/DELETE /v1/me, metadata,
// change_password and remove_password — with the Backend API's rules, checked through @clerk/backend.
import { describe, expect, it } from 'vitest';
import { fapiBrowser, PAGE_ORIGIN } from '../../helpers/fapi-client.js';
import { uniqueTag } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';
const NEW_PASSWORD = 'a brand new horse 43';

describe('Frontend API: /v1/me account', () => {
  const server = useTestServer();
  const signedIn = async (options: { deleteSelfEnabled?: boolean } = {}) => {
    const email = `acct-${uniqueTag()}+clerk_test@example.com`;
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD, ...options });
    const browser = fapiBrowser(() => server);
    const signIn = await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
    expect(signIn.status).toBe(200);
    const sessionId = signIn.body.response.created_session_id as string;
    return { email, user, browser, sessionId, me: (path = '') => `/v1/me${path}?_clerk_session_id=${sessionId}` };
  };

  it('PATCH /v1/me changes names and username; an emptied name is cleared', async () => {
    const { user, browser, me } = await signedIn();
    const username = `jane_${uniqueTag()}`;
    const patched = await browser.call('PATCH', me(), { first_name: 'Jane', last_name: 'Doe', username });
    expect(patched.status).toBe(200);
    expect(patched.body.response).toMatchObject({ id: user.id, first_name: 'Jane', last_name: 'Doe', username });
    expect(await server.clerk.users.getUser(user.id)).toMatchObject({ firstName: 'Jane', lastName: 'Doe', username });

    const cleared = await browser.call('PATCH', me(), { last_name: '' });
    expect(cleared.body.response.last_name).toBeNull();
    expect((await server.clerk.users.getUser(user.id)).lastName).toBeNull();
  });

  it('PATCH /v1/me refuses a taken username, unknown fields, public metadata and over-long names', async () => {
    const alice = await signedIn();
    const bob = await signedIn();
    const username = `taken_${uniqueTag()}`;
    expect((await alice.browser.call('PATCH', alice.me(), { username })).status).toBe(200);
    const taken = await bob.browser.call('PATCH', bob.me(), { username: username.toUpperCase() });
    expect(taken.status).toBe(422);
    expect(taken.body.errors[0]).toMatchObject({ code: 'form_identifier_exists', meta: { param_name: 'username' } });

    const publicMetadata = await bob.browser.call('PATCH', bob.me(), { public_metadata: '{"role":"admin"}' });
    expect(publicMetadata.body.errors[0].code).toBe('form_param_unknown');
    const long = await bob.browser.call('PATCH', bob.me(), { first_name: 'x'.repeat(257) });
    expect(long.status).toBe(422);
    expect(long.body.errors[0].code).toBe('form_param_max_length_exceeded');
    expect((await server.clerk.users.getUser(bob.user.id)).publicMetadata).toEqual({});
  });

  it('PATCH /v1/me moves the primary email only to a verified address of the same user', async () => {
    const alice = await signedIn();
    const bob = await signedIn();
    const unverified = await server.clerk.emailAddresses.createEmailAddress({ userId: alice.user.id, emailAddress: `u-${uniqueTag()}@example.com`, verified: false });
    const refused = await alice.browser.call('PATCH', alice.me(), { primary_email_address_id: unverified.id });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ code: 'form_verification_needed', meta: { param_name: 'primary_email_address_id' } });

    const foreign = await alice.browser.call('PATCH', alice.me(), { primary_email_address_id: bob.user.emailAddresses[0]!.id });
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors[0].code).toBe('form_resource_not_found');

    const verified = await server.clerk.emailAddresses.createEmailAddress({ userId: alice.user.id, emailAddress: `v-${uniqueTag()}@example.com`, verified: true });
    const moved = await alice.browser.call('PATCH', alice.me(), { primary_email_address_id: verified.id });
    expect(moved.status).toBe(200);
    expect((await server.clerk.users.getUser(alice.user.id)).primaryEmailAddressId).toBe(verified.id);
    expect((await server.clerk.users.getUser(bob.user.id)).primaryEmailAddressId).toBe(bob.user.emailAddresses[0]!.id);
  });

  it('PATCH /v1/me takes unsafe_metadata (replacing it) before API version 2026-05-12 only, as clerk-js 5 sends it', async () => {
    const { user, browser, sessionId, me } = await signedIn();
    const replaced = await browser.call('PATCH', me(), { unsafe_metadata: JSON.stringify({ a: 1 }) });
    expect(replaced.status).toBe(200);
    expect((await server.clerk.users.getUser(user.id)).unsafeMetadata).toEqual({ a: 1 });

    // clerk-js 6.40 speaks 2026-08-20: metadata goes through PATCH /v1/me/metadata.
    const cookie = [...browser.jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(`${server.baseUrl}/fapi/v1/me?_clerk_session_id=${sessionId}&__clerk_api_version=2026-08-20&_method=PATCH`, {
      method: 'POST',
      headers: { origin: PAGE_ORIGIN, cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ unsafe_metadata: JSON.stringify({ b: 2 }) }).toString(),
    });
    expect(response.status).toBe(422);
    expect((await response.json()).errors[0]).toMatchObject({ code: 'form_param_unknown', meta: { param_name: 'unsafe_metadata' } });
    expect((await server.clerk.users.getUser(user.id)).unsafeMetadata).toEqual({ a: 1 });
  });

  it("refuses another browser's session and a browser without a client", async () => {
    const alice = await signedIn();
    const bob = await signedIn();
    const foreign = await bob.browser.call('PATCH', `/v1/me?_clerk_session_id=${alice.sessionId}`, { first_name: 'Mallory' });
    expect(foreign.status).toBe(404);
    const stranger = await fapiBrowser(() => server).call('POST', '/v1/me/change_password', { new_password: NEW_PASSWORD });
    expect(stranger.body.errors[0].code).toBe('client_not_found');
    const deleted = await fapiBrowser(() => server).call('DELETE', `/v1/me?_clerk_session_id=${alice.sessionId}`);
    expect(deleted.status).toBe(400);
    expect((await server.clerk.users.getUser(alice.user.id)).firstName).toBeNull();
  });

  it('PATCH /v1/me/metadata deep-merges unsafe metadata, null removes a key', async () => {
    const { user, browser, me } = await signedIn();
    await browser.call('PATCH', me('/metadata'), { unsafe_metadata: JSON.stringify({ theme: { color: 'red', size: 2 }, keep: true }) });
    const merged = await browser.call('PATCH', me('/metadata'), { unsafe_metadata: JSON.stringify({ theme: { color: null, font: 'serif' } }) });
    expect(merged.status).toBe(200);
    const expected = { theme: { size: 2, font: 'serif' }, keep: true };
    expect(merged.body.response.unsafe_metadata).toEqual(expected);
    expect((await server.clerk.users.getUser(user.id)).unsafeMetadata).toEqual(expected);

    const privateMetadata = await browser.call('PATCH', me('/metadata'), { private_metadata: '{"x":1}' });
    expect(privateMetadata.body.errors[0].code).toBe('form_param_unknown');
    const notJson = await browser.call('PATCH', me('/metadata'), { unsafe_metadata: '{' });
    expect(notJson.status).toBe(422);
    const huge = await browser.call('PATCH', me('/metadata'), { unsafe_metadata: JSON.stringify({ big: 'x'.repeat(9000) }) });
    expect(huge.status).toBe(422);
  });

  it('change_password needs the current password, applies the policy, and can sign out the other sessions only', async () => {
    const { user, email, browser, sessionId, me } = await signedIn();
    const other = fapiBrowser(() => server);
    const otherSignIn = await other.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
    const otherSessionId = otherSignIn.body.response.created_session_id;

    const missing = await browser.call('POST', me('/change_password'), { new_password: NEW_PASSWORD });
    expect(missing.body.errors[0]).toMatchObject({ code: 'form_param_missing', meta: { param_name: 'current_password' } });
    const wrong = await browser.call('POST', me('/change_password'), { current_password: 'not it at all', new_password: NEW_PASSWORD });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0]).toMatchObject({ code: 'form_password_validation_failed', meta: { param_name: 'current_password' } });
    // A wrong current password is a failed verification attempt, as at sign-in.
    expect((await server.api('GET', `/v1/users/${user.id}`)).body.verification_attempts_remaining).toBe(9);
    const pwned = await browser.call('POST', me('/change_password'), { current_password: PASSWORD, new_password: 'password' });
    expect(pwned.body.errors[0].meta.param_name).toBe('new_password');
    const same = await browser.call('POST', me('/change_password'), { current_password: PASSWORD, new_password: PASSWORD });
    expect(same.body.errors[0].code).toBe('form_new_password_matches_current');

    const changed = await browser.call('POST', me('/change_password'), { current_password: PASSWORD, new_password: NEW_PASSWORD, sign_out_of_other_sessions: 'true' });
    expect(changed.status).toBe(200);
    expect(changed.body.response.password_enabled).toBe(true);
    expect(changed.body.client.sessions.map((session: any) => session.id)).toEqual([sessionId]);
    expect((await server.clerk.sessions.getSession(otherSessionId)).status).toBe('revoked');
    expect((await server.clerk.sessions.getSession(sessionId)).status).toBe('active');
    await expect(server.clerk.users.verifyPassword({ userId: user.id, password: NEW_PASSWORD })).resolves.toMatchObject({ verified: true });
    await expect(server.clerk.users.verifyPassword({ userId: user.id, password: PASSWORD })).rejects.toMatchObject({ status: 422 });
  });

  it('remove_password is refused while the instance requires a password', async () => {
    const { user, browser, me } = await signedIn();
    const refused = await browser.call('POST', me('/remove_password'), { current_password: PASSWORD });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].code).toBe('password_required');
    expect((await server.clerk.users.getUser(user.id)).passwordEnabled).toBe(true);
  });

  it('DELETE /v1/me deletes the user and ends the session, only when delete_self_enabled', async () => {
    const locked = await signedIn({ deleteSelfEnabled: false });
    const refused = await locked.browser.call('DELETE', locked.me());
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0].code).toBe('user_delete_self_not_enabled');
    expect((await server.clerk.users.getUser(locked.user.id)).id).toBe(locked.user.id);

    const { user, browser, sessionId, me } = await signedIn();
    const deleted = await browser.call('DELETE', me());
    expect(deleted.status).toBe(200);
    expect(deleted.body.response).toEqual({ object: 'user', id: user.id, deleted: true });
    expect(deleted.body.client.sessions).toEqual([]);
    await expect(server.clerk.users.getUser(user.id)).rejects.toMatchObject({ status: 404 });
    expect((await server.clerk.sessions.getSession(sessionId)).status).toBe('ended');
    const after = await browser.call('GET', me());
    expect(after.status).toBe(401);
  });

  it('the environment offers self-deletion', async () => {
    const environment = await fapiBrowser(() => server).call('GET', '/v1/environment');
    expect(environment.body.user_settings.actions.delete_self).toBe(true);
  });
});
