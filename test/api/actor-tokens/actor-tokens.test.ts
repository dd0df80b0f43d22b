// POST /v1/actor_tokens and …/{id}/revoke through @clerk/backend and raw HTTP: the actor (with its `sub`) is kept
// as given, the ticket only as a digest; revocation works until the token is used.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

describe('actor tokens (Backend API)', () => {
  const server = useTestServer();
  const newUser = () => server.clerk.users.createUser({ emailAddress: [uniqueEmail('act')], password: 'correct horse battery 42' });

  it('creates a pending token for the user with the actor, a ticket and a url to the sign-in page', async () => {
    const user = await newUser();
    const token = await server.clerk.actorTokens.create({ userId: user.id, actor: { sub: 'user_admin', additionalProperties: { name: 'Support' } } });
    expect(token.id).toMatch(/^act_[0-9A-Za-z]{27}$/);
    expect(token).toMatchObject({ status: 'pending', userId: user.id, actor: { sub: 'user_admin' } });
    expect(token.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(token.url).toBe(`/sign-in?__clerk_ticket=${token.token}`);
    const row = await server.database.db.selectFrom('sign_in_tickets').selectAll().where('id', '=', token.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(token.token);
    // Clerk's defaults: the token lasts an hour, the session it starts at most 30 minutes.
    expect(row.expire_at - row.created_at).toBe(3600_000);
    expect(row.session_max_duration_in_seconds).toBe(1800);
  });

  it('keeps the whole actor object (it becomes the session\'s `act`)', async () => {
    const user = await newUser();
    const created = await server.api('POST', '/v1/actor_tokens', {
      user_id: user.id,
      actor: { sub: 'user_admin', iss: 'https://admin.example.com', roles: ['support'] },
      expires_in_seconds: 120,
      session_max_duration_in_seconds: 300,
    });
    expect(created.status).toBe(200);
    expect(created.body.actor).toEqual({ sub: 'user_admin', iss: 'https://admin.example.com', roles: ['support'] });
    const row = await server.database.db.selectFrom('sign_in_tickets').selectAll().where('id', '=', created.body.id).executeTakeFirstOrThrow();
    expect(row.expire_at - row.created_at).toBe(120_000);
    expect(row.session_max_duration_in_seconds).toBe(300);
  });

  it('refuses an actor without sub, an oversized actor, bad durations, an unknown user and wrong keys', async () => {
    const user = await newUser();
    const cases: [unknown, number, string][] = [
      [{ user_id: user.id, actor: {} }, 422, 'form_param_missing'],
      [{ user_id: user.id, actor: { sub: '' } }, 422, 'form_param_value_invalid'],
      [{ user_id: user.id, actor: { sub: 42 } }, 422, 'form_param_type_invalid'],
      [{ user_id: user.id, actor: 'user_admin' }, 422, 'form_param_type_invalid'],
      [{ user_id: user.id }, 422, 'form_param_missing'],
      [{ user_id: user.id, actor: { sub: 'user_admin', blob: 'x'.repeat(5000) } }, 422, 'form_param_exceeds_allowed_size'],
      [{ user_id: user.id, actor: { sub: 'user_admin' }, expires_in_seconds: 0 }, 422, 'form_param_value_invalid'],
      [{ user_id: user.id, actor: { sub: 'user_admin' }, session_max_duration_in_seconds: -5 }, 422, 'form_param_value_invalid'],
      [{ user_id: 'user_unknown', actor: { sub: 'user_admin' } }, 404, 'resource_not_found'],
    ];
    for (const [body, status, code] of cases) {
      const answer = await server.api('POST', '/v1/actor_tokens', body);
      expect([answer.status, answer.body.errors?.[0]?.code], JSON.stringify(body).slice(0, 80)).toEqual([status, code]);
    }
    expect((await server.api('POST', '/v1/actor_tokens', { user_id: user.id, actor: { sub: 'a' } }, { authorization: '' })).status).toBe(401);
  });

  it('revokes until used; unknown ids and sign-in token ids are 404', async () => {
    const user = await newUser();
    const pending = await server.clerk.actorTokens.create({ userId: user.id, actor: { sub: 'user_admin' } });
    const revoked = await server.clerk.actorTokens.revoke(pending.id);
    expect(revoked).toMatchObject({ status: 'revoked', actor: { sub: 'user_admin' } });
    expect(revoked.token).toBeUndefined();
    const again = await server.api('POST', `/v1/actor_tokens/${pending.id}/revoke`);
    expect([again.status, again.body.errors[0].code]).toEqual([400, 'actor_token_cannot_be_revoked_code']);

    const used = await server.clerk.actorTokens.create({ userId: user.id, actor: { sub: 'user_admin' } });
    expect((await fapiBrowser(() => server).call('POST', '/v1/client/sign_ins', { strategy: 'ticket', ticket: used.token! })).status).toBe(200);
    const late = await server.api('POST', `/v1/actor_tokens/${used.id}/revoke`);
    expect([late.status, late.body.errors[0].code]).toEqual([400, 'actor_token_cannot_be_revoked_code']);
    expect(late.body.errors[0].long_message).toContain('accepted');

    const signInToken = await server.clerk.signInTokens.createSignInToken({ userId: user.id, expiresInSeconds: 60 });
    expect((await server.api('POST', `/v1/actor_tokens/${signInToken.id}/revoke`)).status).toBe(404);
    expect((await server.api('POST', '/v1/actor_tokens/act_unknown/revoke')).status).toBe(404);
  });
});
