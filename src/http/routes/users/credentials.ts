// POST /v1/users/{user_id}/verify_password — checks a password; failures count toward lockout.
// POST /v1/users/{user_id}/remove_password — removes the password.
// POST /v1/users/{user_id}/password/set_compromised, /unset_compromised — the compromised mark.
// POST /v1/users/{user_id}/totp — a new TOTP secret and URI (enabled by its first correct code).
// POST /v1/users/{user_id}/verify_totp — a TOTP code or a backup code.
// DELETE /v1/users/{user_id}/totp, /backup_code, /mfa — remove second factors.
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../../route-context.js';
import { codeBody, passwordBody, removePasswordBody, setCompromisedBody } from './schemas.js';
import { toUserJSON } from './serialize.js';

type Params = { user_id: string };

export function registerCredentialRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Params: Params; Body: { password: string } }>(
    '/v1/users/:user_id/verify_password',
    { schema: { body: passwordBody } },
    async (request) => {
      await ctx.passwords.verify(request.params.user_id, request.body.password);
      return { verified: true };
    },
  );

  app.post<{ Params: Params; Body: { sign_out_of_other_sessions?: boolean } }>(
    '/v1/users/:user_id/remove_password',
    { schema: { body: removePasswordBody } },
    async (request) => {
      const record = await ctx.passwords.remove(request.params.user_id, {
        signOutOfOtherSessions: request.body.sign_out_of_other_sessions,
      });
      return toUserJSON(record, ctx.serializeContext(request));
    },
  );

  app.post<{ Params: Params; Body: { revoke_all_sessions?: boolean | null } }>(
    '/v1/users/:user_id/password/set_compromised',
    { schema: { body: setCompromisedBody } },
    async (request) => {
      const record = await ctx.passwords.setCompromised(request.params.user_id, { revokeAllSessions: request.body.revoke_all_sessions });
      return toUserJSON(record, ctx.serializeContext(request));
    },
  );

  app.post<{ Params: Params }>('/v1/users/:user_id/password/unset_compromised', async (request) =>
    toUserJSON(await ctx.passwords.unsetCompromised(request.params.user_id), ctx.serializeContext(request)),
  );

  app.post<{ Params: Params }>('/v1/users/:user_id/totp', async (request) => {
    const totp = await ctx.mfa.create(request.params.user_id);
    return { object: 'totp', id: totp.id, secret: totp.secret, uri: totp.uri, verified: totp.verified, backup_codes: null };
  });

  app.post<{ Params: Params; Body: { code: string } }>('/v1/users/:user_id/verify_totp', { schema: { body: codeBody } }, async (request) => {
    const codeType = await ctx.mfa.verify(request.params.user_id, request.body.code);
    return { verified: true, code_type: codeType };
  });

  const removal = (path: string, action: (userId: string) => Promise<void>) =>
    app.delete<{ Params: Params }>(path, async (request) => {
      await action(request.params.user_id);
      return { user_id: request.params.user_id };
    });
  removal('/v1/users/:user_id/totp', ctx.mfa.deleteTOTP);
  removal('/v1/users/:user_id/backup_code', ctx.mfa.deleteBackupCodes);
  removal('/v1/users/:user_id/mfa', ctx.mfa.disableAll);
}
