import { CreateUserBody, UserJSON } from './schemas.js';
import { toUserJSON } from './serialize.js';
import { toSharedUserInput } from './user-fields.js';
/** The wire's field names → the user service's input. */
function toCreateUserInput(body) {
    return {
        ...toSharedUserInput(body),
        passwordDigest: body.password_digest,
        emailAddresses: body.email_address,
        emailAddressStatuses: body.email_address_identification_status,
        phoneNumbers: body.phone_number,
        phoneNumberStatuses: body.phone_number_identification_status,
        web3Wallets: body.web3_wallet,
        skipPasswordRequirement: body.skip_password_requirement,
        skipLegalChecks: body.skip_legal_checks,
        skipUserRequirement: body.skip_user_requirement,
        banned: body.banned,
        locked: body.locked,
    };
}
export function registerCreateUser(app, ctx) {
    app.post('/v1/users', { schema: { body: CreateUserBody, response: { 200: UserJSON } } }, async (request) => {
        const record = await ctx.users.create(toCreateUserInput(request.body));
        return toUserJSON(record, ctx.serializeContext(request));
    });
}
//# sourceMappingURL=create-user.js.map