// Adversarial review, guard (passes today): no token or client secret reaches the request log or an answer when a
// refresh fails, even when the provider echoes the refresh token in its error_description (some do: "refresh
// token <x> is revoked"). Subtle because the obvious improvement — logging why a refresh failed (today
// ProviderError's message is dropped) — would copy the provider's description, and with it the token, into the log.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { uniqueTag } from '../../helpers/fixtures.js';
import { startTestServer } from '../../helpers/test-server.js';
import { seedExternalAccount } from './seed.js';

it('a refused or malformed refresh leaves no token or client secret in the log or the answer', async () => {
  let mode: 'refuse' | 'malformed' = 'refuse';
  const provider = http.createServer((req, res) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => {
      const refreshToken = new URLSearchParams(data).get('refresh_token');
      res.writeHead(mode === 'refuse' ? 400 : 200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          mode === 'refuse'
            ? { error: 'invalid_grant', error_description: `refresh token ${refreshToken} is revoked` }
            : { access_token: 'malformed-answer-access-token', token_type: 'not-bearer', refresh_token: `${refreshToken}-rotated` },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
  const logLines: string[] = [];
  const clientSecret = `acme-client-secret-${uniqueTag()}`;
  const server = await startTestServer(
    {
      ROSTER_OAUTH_PROVIDERS: JSON.stringify([
        { provider: 'custom_acme', client_id: 'acme', client_secret: clientSecret, authorization_endpoint: `${url}/a`, token_endpoint: `${url}/t`, userinfo_endpoint: `${url}/u` },
      ]),
    },
    { logLines },
  );
  try {
    const secrets = [clientSecret, 'malformed-answer-access-token'];
    const answers: string[] = [];
    for (const current of ['refuse', 'malformed'] as const) {
      mode = current;
      const user = await server.clerk.users.createUser({ emailAddress: [`logs-${uniqueTag()}@example.com`], password: 'correct horse battery 42' });
      const refreshToken = `refresh-secret-${uniqueTag()}`;
      const accessToken = `access-secret-${uniqueTag()}`;
      secrets.push(refreshToken, accessToken);
      await seedExternalAccount(server, user.id, { provider: 'oauth_custom_acme', refreshToken, accessToken, expiresAtMs: server.clock.nowMs() - 1000 });
      const response = await server.api('GET', `/v1/users/${user.id}/oauth_access_tokens/oauth_custom_acme`);
      expect(response.status).toBe(400);
      expect(response.body.errors[0].code).toBe('oauth_token_retrieval_error');
      answers.push(JSON.stringify(response.body), JSON.stringify((await server.api('GET', `/v1/users/${user.id}`)).body));
    }
    expect(logLines.length).toBeGreaterThan(0);
    const everything = [...logLines, ...answers].join('\n');
    for (const secret of secrets) expect(everything, 'a secret in the log or an answer').not.toContain(secret);
  } finally {
    await server.close();
    provider.closeAllConnections();
    await new Promise((resolve) => provider.close(resolve));
  }
});
