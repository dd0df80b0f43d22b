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

/** Identifications Roster's Backend API verifies carry an admin verification; reserved or unverified ones none. */
const AdminVerification = Nullable(
  Type.Object(
    {
      object: Type.Literal('verification_admin'),
      status: Type.Literal('verified'),
      strategy: Type.Literal('admin'),
      attempts: Type.Null(),
      expire_at: Type.Null(),
    },
    { additionalProperties: false },
  ),
);

/**
 * `object`'s one value; its static type is `string` because that is how the users serializers (users/serialize.ts)
 * type the property they write.
 */
const objectNamed = (name: string) => Type.Unsafe<string>(Type.Literal(name));

/** Roster links no identification to an external account yet: always empty. */
const LinkedTo = Type.Array(Type.Object({ type: Type.String(), id: Type.String() }, { additionalProperties: false }), { maxItems: 0 });

/** Clerk's `EmailAddress` object, as toEmailAddressJSON writes it. */
export const EmailAddress = Type.Object(
  {
    id: Type.String(),
    object: objectNamed('email_address'),
    email_address: Type.String(),
    reserved: Type.Boolean(),
    verification: AdminVerification,
    linked_to: LinkedTo,
    matches_sso_connection: Type.Boolean(),
    created_at: Type.Integer(),
    updated_at: Type.Integer(),
  },
  { additionalProperties: false },
);

/** Clerk's `PhoneNumber` object, as toPhoneNumberJSON writes it. */
export const PhoneNumber = Type.Object(
  {
    id: Type.String(),
    object: objectNamed('phone_number'),
    phone_number: Type.String(),
    reserved_for_second_factor: Type.Boolean(),
    default_second_factor: Type.Boolean(),
    reserved: Type.Boolean(),
    verification: AdminVerification,
    linked_to: LinkedTo,
    backup_codes: Type.Null(),
    created_at: Type.Integer(),
    updated_at: Type.Integer(),
  },
  { additionalProperties: false },
);
