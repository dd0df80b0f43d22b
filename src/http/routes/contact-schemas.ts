import { Type, type Static } from 'typebox';
import { Nullable } from '../schemas/common.js';

/**
 * Wire schemas of the email address and phone number routes (contacts.ts), as in Clerk's spec (bodies strict:
 * unknown fields are refused). `notify_primary_email_address_changed` is accepted and has no effect: Roster
 * sends no such notification.
 */

const flag = () => Type.Optional(Nullable(Type.Boolean()));
const identificationStatus = () => Type.Optional(Type.Enum(['verified', 'reserved', 'unverified'], { type: 'string' }));

export const CreateEmailAddressBody = Type.Object(
  {
    user_id: Type.String(),
    email_address: Type.String(),
    verified: flag(),
    primary: flag(),
    notify_primary_email_address_changed: flag(),
  },
  { additionalProperties: false },
);
export type CreateEmailAddressBody = Static<typeof CreateEmailAddressBody>;

export const UpdateEmailAddressBody = Type.Object(
  { verified: flag(), primary: flag(), notify_primary_email_address_changed: flag() },
  { additionalProperties: false },
);
export type UpdateEmailAddressBody = Static<typeof UpdateEmailAddressBody>;

export const ReplaceEmailAddressBody = Type.Object(
  { email_address: Type.String(), identification_status: identificationStatus(), notify_primary_email_address_changed: flag() },
  { additionalProperties: false },
);
export type ReplaceEmailAddressBody = Static<typeof ReplaceEmailAddressBody>;

export const CreatePhoneNumberBody = Type.Object(
  {
    user_id: Type.String(),
    phone_number: Type.String(),
    verified: flag(),
    primary: flag(),
    reserved_for_second_factor: flag(),
  },
  { additionalProperties: false },
);
export type CreatePhoneNumberBody = Static<typeof CreatePhoneNumberBody>;

export const UpdatePhoneNumberBody = Type.Object(
  { verified: flag(), primary: flag(), reserved_for_second_factor: flag() },
  { additionalProperties: false },
);
export type UpdatePhoneNumberBody = Static<typeof UpdatePhoneNumberBody>;

export const ReplacePhoneNumberBody = Type.Object(
  { phone_number: Type.String(), identification_status: identificationStatus() },
  { additionalProperties: false },
);
export type ReplacePhoneNumberBody = Static<typeof ReplacePhoneNumberBody>;

/** The answers are the users' own identification objects (one schema for both places they appear). */
export { EmailAddressJSON as EmailAddress, PhoneNumberJSON as PhoneNumber } from './users/schemas.js';

/** `POST /v1/{email_addresses,phone_numbers}/{id}/attempt_verification`: the verification prepare_verification answered, and its code. */
export const AttemptVerificationBody = Type.Object(
  { verification_id: Type.String({ maxLength: 64 }), code: Type.String({ maxLength: 64 }) },
  { additionalProperties: false },
);
export type AttemptVerificationBody = Static<typeof AttemptVerificationBody>;

/** Clerk's `_VerificationResponse`: a Backend API verification by code (email or SMS), without the code. */
export const CodeVerification = Type.Object(
  {
    object: Type.Literal('verification'),
    id: Type.String(),
    status: Type.Enum(['unverified', 'verified', 'expired', 'failed'], { type: 'string' }),
    strategy: Type.Enum(['email_code', 'phone_code'], { type: 'string' }),
    attempts: Nullable(Type.Integer()),
    expire_at: Nullable(Type.Integer()),
    channel: Nullable(Type.String()),
  },
  { additionalProperties: false },
);
