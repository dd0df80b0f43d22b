// A sign-in token or actor token offered to a sign-up (`sign_ups {strategy: ticket}`) is refused with Clerk's
// "can only be used during sign in" codes, and is not spent: it still signs the user in afterwards.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

describe('sign-in tickets offered to a sign-up', () => {
  const server = useTestServer();
  const newUser = async () => (await server.api('POST', '/v1/users', { email_address: [uniqueEmail('tksu')], password: 'correct horse battery 42' })).body;

  for (const [kind, code] of [
    ['actor_tokens', 'actor_token_not_in_sign_in_code'],
    ['sign_in_tokens', 'sign_in_token_not_in_sign_in_code'],
  ] as const) {
    it(`refuses a ${kind} token with ${code}, and the token still signs in`, async () => {
      const user = await newUser();
      const body = kind === 'actor_tokens' ? { user_id: user.id, actor: { sub: 'agent' } } : { user_id: user.id };
      const token = (await server.api('POST', `/v1/${kind}`, body)).body;
      const browser = fapiBrowser(() => server);
      const answer = await browser.call('POST', '/v1/client/sign_ups', { strategy: 'ticket', ticket: token.token });
      expect([answer.status, answer.body.errors?.[0]?.code]).toEqual([400, code]);
      const signIn = await browser.call('POST', '/v1/client/sign_ins', { strategy: 'ticket', ticket: token.token });
      expect(signIn.status).toBe(200);
      expect(signIn.body.response.status).toBe('complete');
    });
  }
});
