// `npx roster webhooks …` against a running Roster: add (secret printed once), list, rotate, deliveries, remove.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../helpers/test-server.js';

const run = promisify(execFile);
const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/roster.mjs');

describe('roster webhooks (CLI)', () => {
  const server = useTestServer();
  const roster = async (...args: string[]) => {
    const { stdout } = await run(process.execPath, [cli, 'webhooks', ...args, '--api-url', server.baseUrl], {
      env: { PATH: process.env.PATH, ROSTER_SECRET_KEY: server.secretKey },
    });
    return JSON.parse(stdout);
  };

  it('adds, lists, rotates, reads the log of and removes an endpoint', async () => {
    const added = await roster('add', 'https://app.example/webhooks', '--events', 'user.created,user.deleted', '--description', 'sync users');
    expect(added).toMatchObject({ object: 'webhook_endpoint', url: 'https://app.example/webhooks', events: ['user.created', 'user.deleted'], description: 'sync users' });
    expect(added.secret).toMatch(/^whsec_/);
    expect((await roster('list')).map((endpoint: { id: string }) => endpoint.id)).toContain(added.id);
    const rotated = await roster('rotate', added.id);
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(added.secret);
    expect(await roster('deliveries', added.id)).toEqual([]);
    expect(await roster('remove', added.id)).toEqual({ object: 'webhook_endpoint', id: added.id, deleted: true });
  });

  it('says what went wrong, with a non-zero exit, for a bad URL or a wrong key', async () => {
    await expect(roster('add', 'ftp://nope')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('url must be an absolute http(s) URL') });
    await expect(
      run(process.execPath, [cli, 'webhooks', 'list', '--api-url', server.baseUrl], { env: { PATH: process.env.PATH, ROSTER_SECRET_KEY: 'sk_test_wrong' } }),
    ).rejects.toMatchObject({ code: 1 });
  });
});
