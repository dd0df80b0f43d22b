// GET/POST /v1/me/phone_numbers, GET/PATCH/DELETE /v1/me/phone_numbers/{id},
// POST /v1/me/phone_numbers/{id}/prepare_verification and /attempt_verification: the signed-in user's phone
// numbers, verified by an SMS code, and reserved for second factor from the profile.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errors } from '../../../lib/error-catalog.js';
import { SELF_VERIFICATION_RESEND_AFTER_SECONDS } from '../../../verification/verification-codes.js';
import type { Identification } from '../../../users/user-record.js';
import type { PhoneVerification } from '../../../users/phone-verification-service.js';
import { assertVerified } from '../../../verification/outcome-errors.js';
import { toDeletedJSON, toPhoneNumberJSON } from '../../routes/users/serialize.js';
import { envelope, type FapiContext } from '../fapi-context.js';
import { formFields } from '../form-fields.js';
import { requireMeSession, type MeSession } from '../me-session.js';
import { FAPI_ROUTE } from '../route-options.js';

type Params = { phone_number_id: string };

/**
 * A phone number as the profile reads it: a pending code shows as an unverified `phone_code` verification (what
 * clerk-js's code form waits on), and `backup_codes` carries a set issued with the first second factor, once.
 */
function toMePhoneJSON(identification: Identification, pending: PhoneVerification | null, backupCodes: string[] | null = null) {
  const json = toPhoneNumberJSON(identification);
  const verification =
    identification.verified || !pending
      ? json.verification
      : { object: 'verification_otp' as const, status: pending.status, strategy: 'phone_code' as const, attempts: pending.attempts, expire_at: pending.expiresAtMs };
  return { ...json, verification, backup_codes: backupCodes };
}

export function registerMePhoneRoutes(app: FastifyInstance, ctx: FapiContext): void {
  /** The user's phone number named in the path; another user's is not found. */
  const ownPhone = (me: MeSession, id: string): Identification => {
    const phone = me.user.identifications.find((item) => item.id === id && item.type === 'phone_number');
    if (!phone) throw errors.resourceNotFound();
    return phone;
  };
  const answer = async (request: FastifyRequest, reply: FastifyReply, me: MeSession, phone: Identification, backupCodes: string[] | null = null) => {
    const pending = phone.verified ? null : await ctx.phoneVerification.verificationOf(phone.id, me.user.user.id);
    return envelope(ctx, request, reply, toMePhoneJSON(phone, pending, backupCodes));
  };

  app.get('/fapi/v1/me/phone_numbers', FAPI_ROUTE, async (request) => {
    const me = await requireMeSession(ctx, request);
    return me.user.identifications.filter((item) => item.type === 'phone_number').map((phone) => toMePhoneJSON(phone, null));
  });

  // A new number is unverified until its code comes back; only then can it be a second factor.
  app.post('/fapi/v1/me/phone_numbers', FAPI_ROUTE, async (request, reply) => {
    const me = await requireMeSession(ctx, request);
    const form = formFields(request.body);
    const phoneNumber = form.string('phone_number');
    if (!phoneNumber) throw errors.paramMissing('phone_number');
    const phone = await ctx.identifications.create('phone_number', {
      userId: me.user.user.id,
      value: phoneNumber,
      reservedForSecondFactor: form.boolean('reserved_for_second_factor'),
    }, { verifiedPrimaryOnly: true });
    return answer(request, reply, me, phone);
  });

  app.get<{ Params: Params }>('/fapi/v1/me/phone_numbers/:phone_number_id', FAPI_ROUTE, async (request, reply) => {
    const me = await requireMeSession(ctx, request);
    return answer(request, reply, me, ownPhone(me, request.params.phone_number_id));
  });

  // Reserving the first second factor issues backup codes (shown once), as Clerk does.
  app.patch<{ Params: Params }>('/fapi/v1/me/phone_numbers/:phone_number_id', FAPI_ROUTE, async (request, reply) => {
    const me = await requireMeSession(ctx, request);
    const phone = ownPhone(me, request.params.phone_number_id);
    const form = formFields(request.body);
    const reserved = form.boolean('reserved_for_second_factor');
    const updated = await ctx.identifications.update('phone_number', phone.id, {
      reservedForSecondFactor: reserved,
      defaultSecondFactor: form.boolean('default_second_factor'),
    });
    const backupCodes = reserved && !phone.reservedForSecondFactor ? await ctx.mfa.issueBackupCodesIfNone(me.user.user.id) : null;
    if (reserved === false) await ctx.mfa.dropOrphanBackupCodes(me.user.user.id);
    return answer(request, reply, me, updated, backupCodes);
  });

  app.delete<{ Params: Params }>('/fapi/v1/me/phone_numbers/:phone_number_id', FAPI_ROUTE, async (request, reply) => {
    const me = await requireMeSession(ctx, request);
    const { id } = await ctx.identifications.delete('phone_number', ownPhone(me, request.params.phone_number_id).id, {
      ownerId: me.user.user.id,
      verifiedPrimaryOnly: true,
    });
    await ctx.mfa.dropOrphanBackupCodes(me.user.user.id);
    return envelope(ctx, request, reply, toDeletedJSON('phone_number', id));
  });

  app.post<{ Params: Params }>('/fapi/v1/me/phone_numbers/:phone_number_id/prepare_verification', FAPI_ROUTE, async (request, reply) => {
    const me = await requireMeSession(ctx, request);
    const strategy = formFields(request.body).string('strategy');
    if (strategy !== 'phone_code') throw errors.paramValueNotAllowed('strategy', strategy ?? '', ['phone_code']);
    const { identification, verification } = await ctx.phoneVerification.prepare(ownPhone(me, request.params.phone_number_id).id, {
      ownerId: me.user.user.id,
      // One text per number per interval: a profile must not be a way to flood a phone (or an SMS bill).
      resendAfterSeconds: SELF_VERIFICATION_RESEND_AFTER_SECONDS,
    });
    return envelope(ctx, request, reply, toMePhoneJSON(identification, verification));
  });

  // Wrong codes are Clerk's errors here (and count toward the user's lockout); a right one verifies the number.
  app.post<{ Params: Params }>('/fapi/v1/me/phone_numbers/:phone_number_id/attempt_verification', FAPI_ROUTE, async (request, reply) => {
    const me = await requireMeSession(ctx, request);
    const code = formFields(request.body).string('code');
    if (!code) throw errors.paramMissing('code');
    const phone = ownPhone(me, request.params.phone_number_id);
    const { outcome, identification, verification } = await ctx.phoneVerification.attempt(phone.id, code, { ownerId: me.user.user.id });
    assertVerified(outcome);
    return envelope(ctx, request, reply, toMePhoneJSON(identification, verification));
  });
}
