import { DeletedObject, IdParams } from '../schemas/common.js';
import { CreateEmailAddressBody, CreatePhoneNumberBody, EmailAddress, PhoneNumber, ReplaceEmailAddressBody, ReplacePhoneNumberBody, UpdateEmailAddressBody, UpdatePhoneNumberBody, } from './contact-schemas.js';
import { toDeletedJSON, toEmailAddressJSON, toPhoneNumberJSON } from './users/serialize.js';
export function registerContactRoutes(app, ctx, type) {
    if (type === 'email_address')
        registerEmailAddressRoutes(app, ctx);
    else
        registerPhoneNumberRoutes(app, ctx);
}
function registerEmailAddressRoutes(app, ctx) {
    const type = 'email_address';
    const Params = IdParams('email_address_id');
    const response = { 200: EmailAddress };
    app.post('/v1/email_addresses', { schema: { body: CreateEmailAddressBody, response } }, async ({ body }) => toEmailAddressJSON(await ctx.identifications.create(type, { userId: body.user_id, value: body.email_address, verified: body.verified, primary: body.primary })));
    app.patch('/v1/email_addresses/:email_address_id', { schema: { params: Params, body: UpdateEmailAddressBody, response } }, async ({ params, body }) => toEmailAddressJSON(await ctx.identifications.update(type, params.email_address_id, { verified: body.verified, primary: body.primary })));
    app.put('/v1/users/:user_id/email_address', { schema: { params: IdParams('user_id'), body: ReplaceEmailAddressBody, response } }, async ({ params, body }) => toEmailAddressJSON(await ctx.identifications.replaceForUser(type, params.user_id, body.email_address, body.identification_status ?? 'verified')));
    registerReadAndDelete(app, ctx, { type, itemPath: '/v1/email_addresses/:email_address_id', param: 'email_address_id', response, toJSON: toEmailAddressJSON });
}
function registerPhoneNumberRoutes(app, ctx) {
    const type = 'phone_number';
    const Params = IdParams('phone_number_id');
    const response = { 200: PhoneNumber };
    app.post('/v1/phone_numbers', { schema: { body: CreatePhoneNumberBody, response } }, async ({ body }) => toPhoneNumberJSON(await ctx.identifications.create(type, {
        userId: body.user_id,
        value: body.phone_number,
        verified: body.verified,
        primary: body.primary,
        reservedForSecondFactor: body.reserved_for_second_factor,
    })));
    app.patch('/v1/phone_numbers/:phone_number_id', { schema: { params: Params, body: UpdatePhoneNumberBody, response } }, async ({ params, body }) => toPhoneNumberJSON(await ctx.identifications.update(type, params.phone_number_id, {
        verified: body.verified,
        primary: body.primary,
        reservedForSecondFactor: body.reserved_for_second_factor,
    })));
    app.put('/v1/users/:user_id/phone_number', { schema: { params: IdParams('user_id'), body: ReplacePhoneNumberBody, response } }, async ({ params, body }) => toPhoneNumberJSON(await ctx.identifications.replaceForUser(type, params.user_id, body.phone_number, body.identification_status ?? 'verified')));
    registerReadAndDelete(app, ctx, { type, itemPath: '/v1/phone_numbers/:phone_number_id', param: 'phone_number_id', response, toJSON: toPhoneNumberJSON });
}
/** `GET` and `DELETE` of one email address or phone number: the same for both types. */
function registerReadAndDelete(app, ctx, contact) {
    const Params = IdParams(contact.param);
    app.get(contact.itemPath, { schema: { params: Params, response: contact.response } }, async ({ params }) => contact.toJSON(await ctx.identifications.get(contact.type, params[contact.param])));
    app.delete(contact.itemPath, { schema: { params: Params, response: { 200: DeletedObject } } }, async ({ params }) => {
        const { id } = await ctx.identifications.delete(contact.type, params[contact.param]);
        return toDeletedJSON(contact.type, id);
    });
}
//# sourceMappingURL=contacts.js.map