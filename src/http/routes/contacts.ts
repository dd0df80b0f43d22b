// POST /v1/email_addresses, GET/PATCH/DELETE /v1/email_addresses/{id}, PUT /v1/users/{user_id}/email_address
// POST /v1/email_addresses/{id}/prepare_verification, …/attempt_verification — a code sent to the address, checked by the backend
// POST /v1/phone_numbers, GET/PATCH/DELETE /v1/phone_numbers/{id}, PUT /v1/users/{user_id}/phone_number
// POST /v1/phone_numbers/{id}/prepare_verification, /attempt_verification: a code sent by SMS, then checked
// Email addresses and phone numbers as resources: same rules, one registration per type.
import type { TSchema } from 'typebox';
import type { BackendVerification } from '../../users/email-verification-service.js';
import type { ContactType, IdentificationService } from '../../users/identification-service.js';
import { errors } from '../../lib/error-catalog.js';
import type { RosterApp } from '../roster-app.js';
import type { RouteContext } from '../route-context.js';
import { DeletedObject, IdParams } from '../schemas/common.js';
import type { PhoneVerification } from '../../users/phone-verification-service.js';
import {
  AttemptVerificationBody,
  CodeVerification,
  CreateEmailAddressBody,
  CreatePhoneNumberBody,
  EmailAddress,
  PhoneNumber,
  ReplaceEmailAddressBody,
  ReplacePhoneNumberBody,
  UpdateEmailAddressBody,
  UpdatePhoneNumberBody,
} from './contact-schemas.js';
import { toDeletedJSON, toEmailAddressJSON, toPhoneNumberJSON } from './users/serialize.js';

/** What the identification service answers for one email address or phone number. */
type ContactRecord = Awaited<ReturnType<IdentificationService['get']>>;

export function registerContactRoutes(app: RosterApp, ctx: RouteContext, type: ContactType): void {
  if (type === 'email_address') registerEmailAddressRoutes(app, ctx);
  else registerPhoneNumberRoutes(app, ctx);
}

function registerEmailAddressRoutes(app: RosterApp, ctx: RouteContext): void {
  const type = 'email_address';
  const Params = IdParams('email_address_id');
  const response = { 200: EmailAddress };

  app.post('/v1/email_addresses', { schema: { body: CreateEmailAddressBody, response } }, async ({ body }) =>
    toEmailAddressJSON(
      await ctx.identifications.create(type, { userId: body.user_id, value: body.email_address, verified: body.verified, primary: body.primary }),
    ),
  );

  app.patch('/v1/email_addresses/:email_address_id', { schema: { params: Params, body: UpdateEmailAddressBody, response } }, async ({ params, body }) =>
    toEmailAddressJSON(await ctx.identifications.update(type, params.email_address_id, { verified: body.verified, primary: body.primary })),
  );

  app.put('/v1/users/:user_id/email_address', { schema: { params: IdParams('user_id'), body: ReplaceEmailAddressBody, response } }, async ({ params, body }) =>
    toEmailAddressJSON(await ctx.identifications.replaceForUser(type, params.user_id, body.email_address, body.identification_status ?? 'verified')),
  );

  registerReadAndDelete(app, ctx, { type, itemPath: '/v1/email_addresses/:email_address_id', param: 'email_address_id', response, toJSON: toEmailAddressJSON });

  // A code for the backend's own flow: every prepare is a verification of its own; an attempt reports its outcome.
  const toVerificationJSON = (verification: BackendVerification) => ({
    object: 'verification' as const,
    id: verification.id,
    status: verification.status,
    strategy: 'email_code' as const,
    attempts: verification.attempts,
    expire_at: verification.expiresAtMs,
    channel: null,
  });
  const verificationResponse = { 200: CodeVerification };
  app.post('/v1/email_addresses/:email_address_id/prepare_verification', { schema: { params: Params, response: verificationResponse } }, async ({ params }) =>
    toVerificationJSON(await ctx.emailVerifications.prepareForBackend(params.email_address_id)),
  );
  app.post(
    '/v1/email_addresses/:email_address_id/attempt_verification',
    { schema: { params: Params, body: AttemptVerificationBody, response: verificationResponse } },
    async ({ params, body }) => toVerificationJSON(await ctx.emailVerifications.attemptForBackend(params.email_address_id, body.verification_id, body.code)),
  );
}

function registerPhoneNumberRoutes(app: RosterApp, ctx: RouteContext): void {
  const type = 'phone_number';
  const Params = IdParams('phone_number_id');
  const response = { 200: PhoneNumber };

  app.post('/v1/phone_numbers', { schema: { body: CreatePhoneNumberBody, response } }, async ({ body }) =>
    toPhoneNumberJSON(
      await ctx.identifications.create(type, {
        userId: body.user_id,
        value: body.phone_number,
        verified: body.verified,
        primary: body.primary,
        reservedForSecondFactor: body.reserved_for_second_factor,
      }),
    ),
  );

  app.patch('/v1/phone_numbers/:phone_number_id', { schema: { params: Params, body: UpdatePhoneNumberBody, response } }, async ({ params, body }) =>
    toPhoneNumberJSON(
      await ctx.identifications.update(type, params.phone_number_id, {
        verified: body.verified,
        primary: body.primary,
        reservedForSecondFactor: body.reserved_for_second_factor,
      }),
    ),
  );

  app.put('/v1/users/:user_id/phone_number', { schema: { params: IdParams('user_id'), body: ReplacePhoneNumberBody, response } }, async ({ params, body }) =>
    toPhoneNumberJSON(await ctx.identifications.replaceForUser(type, params.user_id, body.phone_number, body.identification_status ?? 'verified')),
  );

  registerReadAndDelete(app, ctx, { type, itemPath: '/v1/phone_numbers/:phone_number_id', param: 'phone_number_id', response, toJSON: toPhoneNumberJSON });

  const verificationResponse = { 200: CodeVerification };
  app.post('/v1/phone_numbers/:phone_number_id/prepare_verification', { schema: { params: Params, response: verificationResponse } }, async ({ params }) =>
    toPhoneCodeVerificationJSON((await ctx.phoneVerification.prepare(params.phone_number_id)).verification),
  );

  // A wrong or expired code is reported through the status (Clerk's contract here), and still counts toward lockout.
  app.post(
    '/v1/phone_numbers/:phone_number_id/attempt_verification',
    { schema: { params: Params, body: AttemptVerificationBody, response: verificationResponse } },
    async ({ params, body }) => {
      const { outcome, verification } = await ctx.phoneVerification.attempt(params.phone_number_id, body.code, { verificationId: body.verification_id });
      if (outcome === 'missing' || !verification) throw errors.resourceNotFound();
      if (outcome === 'already_verified') throw errors.verificationAlreadyVerified();
      return toPhoneCodeVerificationJSON(verification);
    },
  );
}

function toPhoneCodeVerificationJSON(verification: PhoneVerification) {
  return {
    object: 'verification' as const,
    id: verification.id,
    status: verification.status,
    strategy: 'phone_code' as const,
    attempts: verification.attempts,
    expire_at: verification.expiresAtMs,
    channel: 'sms',
  };
}

/** `GET` and `DELETE` of one email address or phone number: the same for both types. */
function registerReadAndDelete(
  app: RosterApp,
  ctx: RouteContext,
  contact: { type: ContactType; itemPath: string; param: string; response: { 200: TSchema }; toJSON(record: ContactRecord): unknown },
): void {
  const Params = IdParams(contact.param);

  app.get(contact.itemPath, { schema: { params: Params, response: contact.response } }, async ({ params }) =>
    contact.toJSON(await ctx.identifications.get(contact.type, params[contact.param]!)),
  );

  app.delete(contact.itemPath, { schema: { params: Params, response: { 200: DeletedObject } } }, async ({ params }) => {
    const { id } = await ctx.identifications.delete(contact.type, params[contact.param]!);
    return toDeletedJSON(contact.type, id);
  });
}
