// POST/DELETE /v1/me/totp, POST /v1/me/totp/attempt_verification, POST /v1/me/backup_codes: an authenticator app
// and backup codes from the profile, sharing the Backend API's MFA state (users/mfa-service.ts).
import type { FastifyInstance } from 'fastify';
import { errors } from '../../../lib/error-catalog.js';
import { newId } from '../../../lib/ids.js';
import { envelope, type FapiContext } from '../fapi-context.js';
import { formFields } from '../form-fields.js';
import { requireMeSession } from '../me-session.js';
import { FAPI_ROUTE } from '../route-options.js';

/**
 * Clerk's `TOTP`. The secret and URI appear only in the answer that creates the TOTP (the user scans them then);
 * the verified one shows neither, and carries the backup codes issued with it, once.
 */
function toTOTPJSON(input: { id: string; secret: string | null; uri: string | null; verified: boolean; backupCodes: string[] | null; nowMs: number }) {
  return {
    object: 'totp' as const,
    id: input.id,
    secret: input.secret,
    uri: input.uri,
    verified: input.verified,
    backup_codes: input.backupCodes,
    created_at: input.nowMs,
    updated_at: input.nowMs,
  };
}

export function registerMeMFARoutes(app: FastifyInstance, ctx: FapiContext): void {
  // A fresh POST replaces a TOTP that was never verified; a verified one must be deleted first.
  app.post('/fapi/v1/me/totp', FAPI_ROUTE, async (request, reply) => {
    const me = await requireMeSession(ctx, request);
    const totp = await ctx.mfa.create(me.user.user.id);
    return envelope(ctx, request, reply, toTOTPJSON({ ...totp, backupCodes: null, nowMs: ctx.clock.nowMs() }));
  });

  app.post('/fapi/v1/me/totp/attempt_verification', FAPI_ROUTE, async (request, reply) => {
    const me = await requireMeSession(ctx, request);
    const code = formFields(request.body).string('code');
    if (!code) throw errors.paramMissing('code');
    const confirmed = await ctx.mfa.confirmTOTP(me.user.user.id, code);
    return envelope(ctx, request, reply, toTOTPJSON({ id: confirmed.id, secret: null, uri: null, verified: true, backupCodes: confirmed.backupCodes, nowMs: ctx.clock.nowMs() }));
  });

  app.delete('/fapi/v1/me/totp', FAPI_ROUTE, async (request, reply) => {
    const me = await requireMeSession(ctx, request);
    const { id } = await ctx.mfa.deleteTOTP(me.user.user.id);
    if (!id) throw errors.resourceNotFound();
    await ctx.mfa.dropOrphanBackupCodes(me.user.user.id);
    return envelope(ctx, request, reply, { object: 'totp', id, deleted: true });
  });

  // A new set replaces the old one and is shown once; only alongside another second factor.
  app.post('/fapi/v1/me/backup_codes', FAPI_ROUTE, async (request, reply) => {
    const me = await requireMeSession(ctx, request);
    const codes = await ctx.mfa.regenerateBackupCodes(me.user.user.id);
    const nowMs = ctx.clock.nowMs();
    return envelope(ctx, request, reply, { object: 'backup_code' as const, id: newId('bkc', nowMs), codes, created_at: nowMs, updated_at: nowMs });
  });
}
