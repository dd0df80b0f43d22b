// POST /v1/users/{user_id}/verify_password — checks a password; failures count toward lockout.
// POST /v1/users/{user_id}/remove_password — removes the password.
// POST /v1/users/{user_id}/password/set_compromised, /unset_compromised — the compromised mark.
// POST /v1/users/{user_id}/totp — a new TOTP secret and URI (enabled by its first correct code).
// POST /v1/users/{user_id}/verify_totp — a TOTP code or a backup code.
// DELETE /v1/users/{user_id}/totp, /backup_code, /mfa — remove second factors.
import type { RosterApp } from '../../roster-app.js';
import type { RouteContext } from '../../route-context.js';
import {
  CodeBody,
  CodeVerified,
  PasswordBody,
  PasswordVerified,
  RemovePasswordBody,
  SecondFactorsRemoved,
  SetCompromisedBody,
  TOTPJSON,
  UserJSON,
  UserParams,
} from './schemas.js';
import { toUserJSON } from './serialize.js';

export function registerCredentialRoutes(app: RosterApp, ctx: RouteContext): void {
  app.post(
    '/v1/users/:user_id/verify_password',
    { schema: { params: UserParams, body: PasswordBody, response: { 200: PasswordVerified } } },
    async (request) => {
      await ctx.passwords.verify(request.params.user_id, request.body.password);
      return { verified: true as const };
    },
  );

  app.post(
    '/v1/users/:user_id/remove_password',
    { schema: { params: UserParams, body: RemovePasswordBody, response: { 200: UserJSON } } },
    async (request) => {
      const record = await ctx.passwords.remove(request.params.user_id, {
        signOutOfOtherSessions: request.body.sign_out_of_other_sessions,
      });
      return toUserJSON(record, ctx.serializeContext(request));
    },
  );

  app.post(
    '/v1/users/:user_id/password/set_compromised',
    { schema: { params: UserParams, body: SetCompromisedBody, response: { 200: UserJSON } } },
    async (request) => {
      const record = await ctx.passwords.setCompromised(request.params.user_id, { revokeAllSessions: request.body.revoke_all_sessions });
      return toUserJSON(record, ctx.serializeContext(request));
    },
  );

  app.post(
    '/v1/users/:user_id/password/unset_compromised',
    { schema: { params: UserParams, response: { 200: UserJSON } } },
    async (request) => toUserJSON(await ctx.passwords.unsetCompromised(request.params.user_id), ctx.serializeContext(request)),
  );

  app.post('/v1/users/:user_id/totp', { schema: { params: UserParams, response: { 200: TOTPJSON } } }, async (request) => {
    const totp = await ctx.mfa.create(request.params.user_id);
    return { object: 'totp' as const, id: totp.id, secret: totp.secret, uri: totp.uri, verified: totp.verified, backup_codes: null };
  });

  app.post(
    '/v1/users/:user_id/verify_totp',
    { schema: { params: UserParams, body: CodeBody, response: { 200: CodeVerified } } },
    async (request) => {
      // The Backend API's verify_totp also confirms a TOTP created by POST /v1/users/{id}/totp (its documented use).
      const codeType = await ctx.mfa.verify(request.params.user_id, request.body.code, { confirming: true });
      return { verified: true as const, code_type: codeType };
    },
  );

  const removal = (path: string, action: (userId: string) => Promise<unknown>) =>
    app.delete(path, { schema: { params: UserParams, response: { 200: SecondFactorsRemoved } } }, async (request) => {
      await action(request.params.user_id);
      return { user_id: request.params.user_id };
    });
  removal('/v1/users/:user_id/totp', ctx.mfa.deleteTOTP);
  removal('/v1/users/:user_id/backup_code', ctx.mfa.deleteBackupCodes);
  removal('/v1/users/:user_id/mfa', ctx.mfa.disableAll);
}
