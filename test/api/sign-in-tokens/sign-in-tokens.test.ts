// POST /v1/sign_in_tokens and …/{id}/revoke, through @clerk/backend and raw HTTP: the ticket is returned once and
// stored only as a digest; revocation works while the token is pending and is refused with its status after.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

describe('sign-in tokens (Backend API)', () => {
  const server = useTestServer();
  const newUser = () => server.clerk.users.createUser({ emailAddress: [uniqueEmail('sit')], password: 'correct horse battery 42' });

  it('creates a pending token whose url carries the ticket to the sign-in page, and keeps only its digest', async () => {
    const user = await newUser();
    const token = await server.clerk.signInTokens.createSignInToken({ userId: user.id, expiresInSeconds: 600 });
    expect(token.id).toMatch(/^sit_[0-9A-Za-z]{27}$/);
    expect(token.userId).toBe(user.id);
    expect(token.status).toBe('pending');
    expect(token.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(token.url).toBe(`/sign-in?__clerk_ticket=${token.token}`);

    const rows = await server.database.db.selectFrom('sign_in_tickets').selectAll().where('id', '=', token.id).execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).not.toContain(token.token);
    expect(rows[0]!.token_digest).toBe(createHash('sha256').update(token.token).digest('hex'));
    // 600 s after creation, by the server's clock.
    expect(rows[0]!.expire_at - rows[0]!.created_at).toBe(600_000);
  });

  it('lasts 30 days by default', async () => {
    const user = await newUser();
    const created = await server.api('POST', '/v1/sign_in_tokens', { user_id: user.id });
    expect(created.status).toBe(200);
    const row = await server.database.db.selectFrom('sign_in_tickets').selectAll().where('id', '=', created.body.id).executeTakeFirstOrThrow();
    expect(row.expire_at - row.created_at).toBe(30 * 86_400_000);
  });

  it('refuses an unknown user, a bad lifetime and unknown fields', async () => {
    const unknown = await server.api('POST', '/v1/sign_in_tokens', { user_id: 'user_doesnotexist' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors[0].code).toBe('resource_not_found');
    for (const body of [{ user_id: 'user_x', expires_in_seconds: 0 }, { user_id: 'user_x', expires_in_seconds: 'soon' }, { user_id: 'user_x', extra: 1 }, {}]) {
      const refused = await server.api('POST', '/v1/sign_in_tokens', body);
      expect(refused.status, JSON.stringify(body)).toBe(422);
    }
    const wrongKey = await server.api('POST', '/v1/sign_in_tokens', { user_id: 'user_x' }, { authorization: 'Bearer sk_test_wrong' });
    expect(wrongKey.status).toBe(401);
  });

  it('revokes a pending token once; a revoked or used token cannot be revoked; unknown ids are 404', async () => {
    const user = await newUser();
    const token = await server.clerk.signInTokens.createSignInToken({ userId: user.id, expiresInSeconds: 600 });
    const revoked = await server.clerk.signInTokens.revokeSignInToken(token.id);
    expect(revoked.status).toBe('revoked');
    expect(revoked.token).toBeUndefined();
    const again = await server.api('POST', `/v1/sign_in_tokens/${token.id}/revoke`);
    expect(again.status).toBe(400);
    expect(again.body.errors[0]).toMatchObject({ code: 'sign_in_token_cannot_be_revoked_code' });
    expect(again.body.errors[0].long_message).toContain('revoked');

    const used = await server.clerk.signInTokens.createSignInToken({ userId: user.id, expiresInSeconds: 600 });
    const signedIn = await fapiBrowser(() => server).call('POST', '/v1/client/sign_ins', { strategy: 'ticket', ticket: used.token });
    expect(signedIn.status).toBe(200);
    const late = await server.api('POST', `/v1/sign_in_tokens/${used.id}/revoke`);
    expect(late.status).toBe(400);
    expect(late.body.errors[0].long_message).toContain('accepted');

    expect((await server.api('POST', '/v1/sign_in_tokens/sit_unknown/revoke')).status).toBe(404);
    // An actor token is not a sign-in token.
    const actor = await server.clerk.actorTokens.create({ userId: user.id, actor: { sub: 'user_admin' } });
    expect((await server.api('POST', `/v1/sign_in_tokens/${actor.id}/revoke`)).status).toBe(404);
  });

  it('ten concurrent revocations: one revokes, the others are told it is revoked', async () => {
    const user = await newUser();
    const token = await server.clerk.signInTokens.createSignInToken({ userId: user.id, expiresInSeconds: 600 });
    const answers = await Promise.all(Array.from({ length: 10 }, () => server.api('POST', `/v1/sign_in_tokens/${token.id}/revoke`)));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 400)).toHaveLength(9);
  });
});
