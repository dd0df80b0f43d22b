/** Errors of users: identifiers, passwords, identifications, TOTP, lockout and bans. */
import { catalog, catalogError as make, param } from './catalog.js';
const IDENTIFIER_NOUN = {
    email_address: 'email address',
    phone_number: 'phone number',
    web3_wallet: 'web3 wallet',
    username: 'username',
    external_id: 'external ID',
};
export const userErrors = {
    identifierExists: (paramName) => {
        const noun = IDENTIFIER_NOUN[paramName] ?? paramName;
        const text = `That ${noun} is taken. Please try another.`;
        return make('identifierExists', text, param(paramName), text);
    },
    passwordPwned: (paramName = 'password') => make('passwordPwned', catalog.passwordPwned.message, param(paramName)),
    passwordTooShort: (minLength, paramName = 'password') => {
        const text = `Passwords must be ${minLength} characters or more.`;
        return make('passwordTooShort', text, param(paramName), text);
    },
    passwordTooLong: (maxBytes, paramName = 'password') => make('passwordTooLong', `Your password is too long. Please use a shorter one (at most ${maxBytes} bytes).`, param(paramName)),
    usernameInvalidLength: (min, max) => {
        const text = `Username must be between ${min} and ${max} characters long.`;
        return make('usernameInvalidLength', text, param('username'), text);
    },
    usernameInvalidCharacter: () => make('usernameInvalidCharacter', catalog.usernameInvalidCharacter.message, param('username')),
    usernameNeedsNonNumberChar: () => make('usernameNeedsNonNumberChar', catalog.usernameNeedsNonNumberChar.message, param('username')),
    userNotFound: (userId) => make('resourceNotFound', `No user was found with id ${userId}`),
    verificationNeeded: (paramName) => make('verificationNeeded', 'This identification needs to be verified before you can perform this action.', param(paramName)),
    lastIdentificationDeletionFailed: () => make('lastIdentificationDeletionFailed', 'You cannot delete your last identification.'),
    lastRequiredIdentificationDeletionFailed: (identType) => make('lastRequiredIdentificationDeletionFailed', `You are required to maintain at least one ${identType} in your account at all times`),
    createSecondFactorUnverified: () => make('createSecondFactorUnverified', 'Unverified identifications cannot be a second factor', param('reserved_for_second_factor')),
    updateSecondFactorUnverified: () => make('updateSecondFactorUnverified', 'Cannot update second factor attributes for unverified identification', param('reserved_for_second_factor')),
    userDataMissing: (missing) => make('userDataMissing', `"${missing}" data doesn't match user requirements set for this instance`, param(missing)),
    passwordDigestInvalid: (hasher) => make('passwordDigestInvalid', `password_digest is not a valid ${hasher} digest. Check the format Clerk documents for password_hasher ${hasher}.`, param('password_digest')),
    noPasswordSet: () => make('noPasswordSet', 'This user does not have a password set for their account'),
    incorrectPassword: () => make('incorrectPassword', 'The provided password is not the one the user has set', param('password')),
    passwordCompromised: () => make('passwordCompromised', 'This password has been marked as compromised. The user has to set a new password before it can be used again.', param('password')),
    userLocked: (secondsRemaining) => make('userLocked', secondsRemaining === null
        ? 'Your account is locked. For more information, please contact support.'
        : `Your account is locked. You will be able to try again in ${secondsRemaining} seconds. For more information, please contact support.`, secondsRemaining === null ? {} : { lockout_expires_in_seconds: secondsRemaining }),
    userBanned: () => make('userBanned', 'You have been banned. If you think this was by mistake, please contact support.'),
    totpDisabled: () => make('totpDisabled', 'This user does not have TOTP enabled in their account'),
    totpIncorrectCode: () => make('totpIncorrectCode', 'The provided TOTP code is incorrect', param('code')),
    totpInvalidLength: () => make('totpInvalidLength', 'The provided TOTP code must be 6 characters long.', param('code')),
    invalidTotpSecret: () => make('invalidTotpSecret', 'The TOTP secret is invalid, please provide a valid one base32 encoded', param('totp_secret')),
    totpAlreadyEnabled: () => make('totpAlreadyEnabled', 'TOTP is already enabled for this user. Delete it (DELETE /v1/users/{user_id}/totp) before creating a new one.'),
    userIdentifierMissing: () => make('userDataMissing', 'At least one identifier (email address, phone number, web3 wallet or username) must be provided.'),
};
//# sourceMappingURL=user-errors.js.map