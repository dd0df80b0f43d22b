import { Type } from 'typebox';
import { Nullable } from '../schemas/common.js';
/**
 * Wire schemas of the email address and phone number routes (contacts.ts), as in Clerk's spec (bodies strict:
 * unknown fields are refused). `notify_primary_email_address_changed` is accepted and has no effect: Roster
 * sends no such notification.
 */
const flag = () => Type.Optional(Nullable(Type.Boolean()));
const identificationStatus = () => Type.Optional(Type.Enum(['verified', 'reserved', 'unverified'], { type: 'string' }));
export const CreateEmailAddressBody = Type.Object({
    user_id: Type.String(),
    email_address: Type.String(),
    verified: flag(),
    primary: flag(),
    notify_primary_email_address_changed: flag(),
}, { additionalProperties: false });
export const UpdateEmailAddressBody = Type.Object({ verified: flag(), primary: flag(), notify_primary_email_address_changed: flag() }, { additionalProperties: false });
export const ReplaceEmailAddressBody = Type.Object({ email_address: Type.String(), identification_status: identificationStatus(), notify_primary_email_address_changed: flag() }, { additionalProperties: false });
export const CreatePhoneNumberBody = Type.Object({
    user_id: Type.String(),
    phone_number: Type.String(),
    verified: flag(),
    primary: flag(),
    reserved_for_second_factor: flag(),
}, { additionalProperties: false });
export const UpdatePhoneNumberBody = Type.Object({ verified: flag(), primary: flag(), reserved_for_second_factor: flag() }, { additionalProperties: false });
export const ReplacePhoneNumberBody = Type.Object({ phone_number: Type.String(), identification_status: identificationStatus() }, { additionalProperties: false });
/** The answers are the users' own identification objects (one schema for both places they appear). */
export { EmailAddressJSON as EmailAddress, PhoneNumberJSON as PhoneNumber } from './users/schemas.js';
//# sourceMappingURL=contact-schemas.js.map