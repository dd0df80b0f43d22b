// POST/DELETE /v1/users/{user_id}/profile_image through @clerk/backend and raw HTTP, and the public
// GET /roster/images/{image_id} behind image_url: real images made with sharp, hostile ones refused.
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/app.js';
import { createManualClock } from '../../../src/lib/clock.js';
import { createHasherRegistry } from '../../../src/passwords/registry.js';
import { createDatabase } from '../../../src/storage/database.js';
import { expectClerkError, expectSdkError } from '../../helpers/assertions.js';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { makeGIF, makeJPEGWithGPS, makePNG, makePNGBomb, makeTruncatedPNG, makeWebP } from '../../helpers/images.js';
import { startTestServer, testDatabaseUrl, type ApiResponse, type TestServer } from '../../helpers/test-server.js';

describe('profile images', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  const createUser = () => server.clerk.users.createUser({ emailAddress: [uniqueEmail('avatar')], firstName: 'Ada', lastName: 'Lovelace' });
  const getUser = async (id: string) => (await server.api('GET', `/v1/users/${id}`)).body;

  /** Raw multipart upload; `authorization: null` sends none. */
  async function upload(userId: string, file: Buffer | string | null, options: { name?: string; authorization?: string | null } = {}): Promise<ApiResponse> {
    const form = new FormData();
    if (file !== null) form.append('file', new Blob([typeof file === 'string' ? file : new Uint8Array(file)], { type: 'image/png' }), options.name ?? 'avatar.png');
    const authorization = options.authorization === undefined ? `Bearer ${server.secretKey}` : options.authorization;
    const response = await fetch(`${server.baseUrl}/v1/users/${userId}/profile_image`, {
      method: 'POST',
      headers: authorization ? { authorization } : {},
      body: form,
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : text };
  }

  it('sets the image through the SDK and serves it publicly with its type, an ETag, a day of caching and 304', async () => {
    const user = await createUser();
    expect(user.hasImage).toBe(false);
    const updated = await server.clerk.users.updateUserProfileImage(user.id, { file: new Blob([await makePNG(40, 30)], { type: 'image/png' }) });
    expect(updated.hasImage).toBe(true);
    expect(updated.imageUrl).toMatch(new RegExp(`^${server.baseUrl}/roster/images/img_[0-9A-Za-z]{27}$`));
    const json = await getUser(user.id);
    expect(json).toMatchObject({ has_image: true, image_url: updated.imageUrl, profile_image_url: updated.imageUrl });

    // No key: browsers load image_url directly.
    const served = await fetch(updated.imageUrl);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    const etag = served.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const bytes = Buffer.from(await served.arrayBuffer());
    expect(await sharp(bytes).metadata()).toMatchObject({ format: 'png', width: 40, height: 30 });

    const again = await fetch(updated.imageUrl, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect((await again.arrayBuffer()).byteLength).toBe(0);
    const other = await fetch(updated.imageUrl, { headers: { 'if-none-match': '"0000"' } });
    expect(other.status).toBe(200);
  });

  it('strips EXIF and GPS from a JPEG, and keeps GIF and WebP in their formats', async () => {
    const user = await createUser();
    const photo = await makeJPEGWithGPS();
    expect(photo.includes(Buffer.from('RosterCam'))).toBe(true);
    const withPhoto = await server.clerk.users.updateUserProfileImage(user.id, { file: new Blob([photo], { type: 'image/jpeg' }) });
    const served = await fetch(withPhoto.imageUrl);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    const bytes = Buffer.from(await served.arrayBuffer());
    const metadata = await sharp(bytes).metadata();
    expect(metadata.format).toBe('jpeg');
    expect(metadata.exif).toBeUndefined();
    expect(bytes.includes(Buffer.from('RosterCam'))).toBe(false);
    expect(bytes.includes(Buffer.from('secret-owner'))).toBe(false);

    for (const [image, type] of [
      [await makeGIF(), 'image/gif'],
      [await makeWebP(), 'image/webp'],
    ] as const) {
      // The declared type and name are ignored: the bytes decide.
      const response = await upload(user.id, image, { name: 'whatever.png' });
      expect(response.status).toBe(200);
      const servedImage = await fetch(response.body.image_url);
      expect(servedImage.headers.get('content-type')).toBe(type);
    }
  });

  it('gives every upload a new URL and stops serving the old one', async () => {
    const user = await createUser();
    const first = await upload(user.id, await makePNG());
    const second = await upload(user.id, await makePNG(10, 10));
    expect(second.body.image_url).not.toBe(first.body.image_url);
    expect((await fetch(first.body.image_url)).status).toBe(404);
    expect((await fetch(second.body.image_url)).status).toBe(200);
  });

  it('deletes back to the default avatar through the SDK; a second delete is image_not_found', async () => {
    const user = await createUser();
    const { imageUrl } = await server.clerk.users.updateUserProfileImage(user.id, { file: new Blob([await makePNG()]) });
    const removed = await server.clerk.users.deleteUserProfileImage(user.id);
    expect(removed.hasImage).toBe(false);
    expect(removed.imageUrl).toBe(user.imageUrl);
    expect(removed.imageUrl).toContain('/roster/avatars/');
    expect(await getUser(user.id)).toMatchObject({ has_image: false, image_url: user.imageUrl, profile_image_url: user.imageUrl });
    expect((await fetch(imageUrl)).status).toBe(404);
    await expectSdkError(server.clerk.users.deleteUserProfileImage(user.id), 404, 'image_not_found');
    await expectSdkError(server.clerk.users.deleteUserProfileImage('user_missing'), 404, 'resource_not_found');
  });

  it('refuses what is not an image, an 11 MB file, a truncated PNG and a decompression bomb with 4xx, and stays up', async () => {
    const user = await createUser();
    expectClerkError(await upload(user.id, 'just text, named like a picture', { name: 'photo.png' }), 400, 'request_body_invalid', 'file');
    expectClerkError(await upload(user.id, '<svg xmlns="http://www.w3.org/2000/svg"/>', { name: 'a.png' }), 400, 'request_body_invalid', 'file');
    const large = Buffer.concat([await makePNG(), Buffer.alloc(11 * 1024 * 1024)]);
    expectClerkError(await upload(user.id, large), 413, 'image_too_large', 'file');
    await expectSdkError(server.clerk.users.updateUserProfileImage(user.id, { file: new Blob([large]) }), 413, 'image_too_large');
    expectClerkError(await upload(user.id, await makeTruncatedPNG()), 400, 'request_body_invalid', 'file');
    expectClerkError(await upload(user.id, makePNGBomb(50_000)), 400, 'request_body_invalid', 'file');
    expectClerkError(await upload(user.id, null), 400, 'form_param_missing', 'file');
    expectClerkError(await server.api('POST', `/v1/users/${user.id}/profile_image`, {}), 400, 'form_param_missing', 'file');
    expectClerkError(await upload('user_missing', await makePNG()), 404, 'resource_not_found');
    expect(await getUser(user.id)).toMatchObject({ has_image: false });
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
  });

  it('takes exactly one file part: a second one is refused, whatever it holds', async () => {
    const user = await createUser();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await makePNG())], { type: 'image/png' }), 'a.png');
    form.append('file', new Blob([new Uint8Array(await makeGIF())], { type: 'image/gif' }), 'b.gif');
    const response = await fetch(`${server.baseUrl}/v1/users/${user.id}/profile_image`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.secretKey}` },
      body: form,
    });
    expectClerkError({ status: response.status, headers: response.headers, body: await response.json() }, 400, 'request_body_invalid');
    expect(await getUser(user.id)).toMatchObject({ has_image: false });
  });

  it('needs the secret key to upload or delete, and answers an unknown image with 404', async () => {
    const user = await createUser();
    expectClerkError(await upload(user.id, await makePNG(), { authorization: null }), 401, 'authentication_invalid');
    expectClerkError(await upload(user.id, await makePNG(), { authorization: 'Bearer sk_test_wrong' }), 401, 'clerk_key_invalid');
    const deleted = await fetch(`${server.baseUrl}/v1/users/${user.id}/profile_image`, { method: 'DELETE' });
    expect(deleted.status).toBe(401);
    expect(await getUser(user.id)).toMatchObject({ has_image: false });
    expect((await fetch(`${server.baseUrl}/roster/images/img_doesnotexist`)).status).toBe(404);
  });

  it('goes with the user, and shows in organization memberships', async () => {
    const user = await createUser();
    const { imageUrl } = await server.clerk.users.updateUserProfileImage(user.id, { file: new Blob([await makePNG()]) });
    const org = await server.clerk.organizations.createOrganization({ name: `Avatars ${user.id.slice(-6)}`, createdBy: user.id });
    const memberships = await server.clerk.organizations.getOrganizationMembershipList({ organizationId: org.id });
    expect(memberships.data[0]?.publicUserData).toMatchObject({ hasImage: true, imageUrl });
    await server.clerk.users.deleteUser(user.id);
    expect((await fetch(imageUrl)).status).toBe(404);
  });

  it('is served by a second node on the same database', async () => {
    const user = await createUser();
    const { imageUrl } = await server.clerk.users.updateUserProfileImage(user.id, { file: new Blob([await makeWebP()]) });
    const database = await createDatabase({
      databaseUrl: testDatabaseUrl,
      sqliteFile: server.config.sqliteFile,
      pgSchema: server.database.schema ?? undefined,
    });
    let other: FastifyInstance | undefined;
    try {
      other = await buildApp({ config: server.config, database, clock: createManualClock(Date.now()), hashers: createHasherRegistry(), logger: false });
      const otherUrl = await other.listen({ port: 0, host: '127.0.0.1' });
      const path = new URL(imageUrl).pathname;
      const [fromFirst, fromSecond] = await Promise.all([fetch(imageUrl), fetch(`${otherUrl}${path}`)]);
      expect(fromSecond.status).toBe(200);
      expect(fromSecond.headers.get('content-type')).toBe('image/webp');
      expect(fromSecond.headers.get('etag')).toBe(fromFirst.headers.get('etag'));
      expect(Buffer.from(await fromSecond.arrayBuffer()).equals(Buffer.from(await fromFirst.arrayBuffer()))).toBe(true);
    } finally {
      await other?.close();
      await database.close();
    }
  });
});
