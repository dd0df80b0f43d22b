// Issue 12: `<UserProfile/>`'s security and profile sections through the Frontend API — the user's active sessions
// (`/v1/me/sessions`, `/active`, revoke) and the profile image (`POST/DELETE /v1/me/profile_image`).
import { describe, expect, it } from 'vitest';
import { fapiBrowser, PAGE_ORIGIN } from '../../helpers/fapi-client.js';
import { uniqueTag } from '../../helpers/fixtures.js';
import { makePNG } from '../../helpers/images.js';
import { useTestServer } from '../../helpers/test-server.js';
import { createServices } from '../../../src/services/services.js';
import { createHasherRegistry } from '../../../src/passwords/registry.js';
import { createSecretBox } from '../../../src/lib/secret-box.js';

const PASSWORD = 'correct horse battery 42';
const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

describe('Frontend API: /v1/me sessions and profile image', () => {
  const server = useTestServer();
  const newUser = async () => {
    const email = `sess-${uniqueTag()}+clerk_test@example.com`;
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    return { email, user };
  };
  const signIn = async (email: string) => {
    const browser = fapiBrowser(() => server);
    const signedIn = await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
    const sessionId = signedIn.body.response.created_session_id as string;
    return { browser, sessionId, me: (path = '') => `/v1/me${path}?_clerk_session_id=${sessionId}` };
  };

  it("lists the user's active sessions on every browser, with their latest activity", async () => {
    const { email, user } = await newUser();
    const laptop = await signIn(email);
    const phone = await signIn(email);
    const stranger = await signIn((await newUser()).email);

    const listed = await laptop.browser.call('GET', laptop.me('/sessions'));
    expect(listed.status).toBe(200);
    expect(listed.body.map((session: any) => session.id).sort()).toEqual([laptop.sessionId, phone.sessionId].sort());
    expect(listed.body[0]).toMatchObject({ object: 'session', status: 'active', user: { id: user.id } });

    // clerk-js touches a session when a page loads: the browser it came from is the session's latest activity.
    const touched = await phone.browser.call('POST', `/v1/client/sessions/${phone.sessionId}/touch`, undefined, { 'user-agent': IPHONE_SAFARI });
    expect(touched.status).toBe(200);
    const active = await laptop.browser.call('GET', laptop.me('/sessions/active'));
    expect(active.status).toBe(200);
    expect(active.body.map((session: any) => session.id).sort()).toEqual([laptop.sessionId, phone.sessionId].sort());
    const byId = new Map(active.body.map((session: any) => [session.id, session]));
    expect((byId.get(phone.sessionId) as any).latest_activity).toMatchObject({
      object: 'session_activity',
      browser_name: 'Safari',
      browser_version: '18',
      device_type: 'iPhone',
      is_mobile: true,
      ip_address: expect.stringMatching(/127\.0\.0\.1/),
    });
    // Never touched: only what the spec requires.
    expect((byId.get(laptop.sessionId) as any).latest_activity).toEqual({ object: 'session_activity', id: expect.any(String), is_mobile: false });
    expect(active.body.some((session: any) => session.id === stranger.sessionId)).toBe(false);
  });

  it('forgets where a session was used once it is over', async () => {
    const { email } = await newUser();
    const phone = await signIn(email);
    await phone.browser.call('POST', `/v1/client/sessions/${phone.sessionId}/touch`, undefined, { 'user-agent': IPHONE_SAFARI });
    const laptop = await signIn(email);
    await laptop.browser.call('POST', `/v1/client/sessions/${laptop.sessionId}/touch`, undefined, { 'user-agent': IPHONE_SAFARI });
    const stored = () => server.database.db.selectFrom('session_activities').select('session_id').where('session_id', 'in', [phone.sessionId, laptop.sessionId]).execute();
    expect(await stored()).toHaveLength(2);
    await phone.browser.call('POST', `/v1/client/sessions/${phone.sessionId}/end`);
    const services = await createServices({
      database: server.database,
      clock: server.clock,
      hashers: createHasherRegistry(),
      config: server.config,
      secretBox: createSecretBox(server.config.instanceKey!),
    });
    await services.purgeStaleFrontendRows();
    expect((await stored()).map((row) => row.session_id)).toEqual([laptop.sessionId]);
  });

  it('revokes one of the own sessions, and not another user’s', async () => {
    const { email } = await newUser();
    const laptop = await signIn(email);
    const phone = await signIn(email);
    const stranger = await signIn((await newUser()).email);

    const foreign = await laptop.browser.call('POST', laptop.me(`/sessions/${stranger.sessionId}/revoke`));
    expect(foreign.status).toBe(404);
    expect((await server.clerk.sessions.getSession(stranger.sessionId)).status).toBe('active');
    const unknown = await laptop.browser.call('POST', laptop.me('/sessions/sess_2zzzzzzzzzzzzzzzzzzzzzzzzzz/revoke'));
    expect(unknown.status).toBe(404);

    const revoked = await laptop.browser.call('POST', laptop.me(`/sessions/${phone.sessionId}/revoke`));
    expect(revoked.status).toBe(200);
    expect(revoked.body.response).toMatchObject({ id: phone.sessionId, status: 'revoked' });
    expect((await server.clerk.sessions.getSession(phone.sessionId)).status).toBe('revoked');
    const again = await laptop.browser.call('POST', laptop.me(`/sessions/${phone.sessionId}/revoke`));
    expect(again.status).toBe(400);
    expect(again.body.errors[0].code).toBe('invalid_action_for_session');
    // The revoked browser is signed out.
    expect((await phone.browser.call('GET', phone.me())).status).toBe(401);
    expect((await laptop.browser.call('GET', laptop.me())).status).toBe(200);
  });

  const upload = async (browser: ReturnType<typeof fapiBrowser>, path: string, bytes: Buffer) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'me.png');
    const cookie = [...browser.jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(`${server.baseUrl}/fapi${path}&__clerk_api_version=2025-11-10&_clerk_js_version=6.40.0`, {
      method: 'POST',
      headers: { origin: PAGE_ORIGIN, cookie },
      body: form,
    });
    return { status: response.status, body: await response.json() };
  };

  it('sets and removes the profile image through the image pipeline', async () => {
    const { email, user } = await newUser();
    const { browser, me } = await signIn(email);
    const uploaded = await upload(browser, me('/profile_image'), await makePNG());
    expect(uploaded.status).toBe(200);
    expect(uploaded.body.response).toMatchObject({ object: 'image', id: expect.any(String), public_url: expect.stringContaining('/roster/images/') });
    const stored = await server.clerk.users.getUser(user.id);
    expect(stored.hasImage).toBe(true);
    expect(stored.imageUrl).toBe(uploaded.body.response.public_url);
    const served = await fetch(uploaded.body.response.public_url);
    expect(served.status).toBe(200);

    const removed = await browser.call('DELETE', me('/profile_image'));
    expect(removed.status).toBe(200);
    expect(removed.body.response).toMatchObject({ id: uploaded.body.response.id, deleted: true });
    expect((await server.clerk.users.getUser(user.id)).hasImage).toBe(false);
    const none = await browser.call('DELETE', me('/profile_image'));
    expect(none.status).toBe(404);
    expect(none.body.errors[0].code).toBe('image_not_found');
  });

  it('takes the image as a base64 body too (clerk-js sends a string file that way)', async () => {
    const { email, user } = await newUser();
    const { browser, me } = await signIn(email);
    const send = async (body: string) => {
      const cookie = [...browser.jar].map(([name, value]) => `${name}=${value}`).join('; ');
      const response = await fetch(`${server.baseUrl}/fapi${me('/profile_image')}&__clerk_api_version=2025-11-10&_clerk_js_version=6.40.0`, {
        method: 'POST',
        headers: { origin: PAGE_ORIGIN, cookie, 'content-type': 'application/octet-stream' },
        body,
      });
      return { status: response.status, body: await response.json() };
    };
    const png = (await makePNG()).toString('base64');
    const plain = await send(png);
    expect(plain.status).toBe(200);
    const dataUrl = await send(`data:image/png;base64,${png}`);
    expect(dataUrl.status).toBe(200);
    expect(dataUrl.body.response.id).not.toBe(plain.body.response.id);
    expect((await server.clerk.users.getUser(user.id)).imageUrl).toBe(dataUrl.body.response.public_url);
    expect((await send('not base64 at all!')).status).toBe(400);
    expect((await send('')).status).toBe(400);
  });

  it('refuses an oversized image, a non-image, and an upload for a foreign session', async () => {
    const { email, user } = await newUser();
    const { browser, me } = await signIn(email);
    const large = Buffer.concat([await makePNG(), Buffer.alloc(11 * 1024 * 1024)]);
    const tooLarge = await upload(browser, me('/profile_image'), large);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.errors[0].code).toBe('image_too_large');
    const text = await upload(browser, me('/profile_image'), Buffer.from('not an image at all'));
    expect(text.status).toBe(400);

    const other = await signIn((await newUser()).email);
    const foreign = await upload(other.browser, me('/profile_image'), await makePNG());
    expect(foreign.status).toBe(404);
    expect((await server.clerk.users.getUser(user.id)).hasImage).toBe(false);
  });
});
