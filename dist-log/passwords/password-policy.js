import { dictionary } from '@zxcvbn-ts/language-common';
import { errors } from '../lib/error-catalog.js';
/** bcrypt and most of Clerk's hashers ignore bytes past 72, so longer passwords are refused. */
export const MAX_PASSWORD_BYTES = 72;
/**
 * ~49,000 passwords from public breach compilations (zxcvbn-ts's common list). Roster ships it so the
 * check works offline; it is a floor, not a substitute for an online breach check.
 */
const breachedPasswords = new Set(dictionary['passwords-common']);
export function isBreachedPassword(password) {
    return breachedPasswords.has(password) || breachedPasswords.has(password.toLowerCase());
}
/** Throws the catalogue error for the first rule the password breaks; `skipChecks` keeps only the byte cap. */
export function assertPasswordAllowed(password, policy, options) {
    if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES)
        throw errors.passwordTooLong(MAX_PASSWORD_BYTES);
    // An empty password is never a password, checks skipped or not.
    if (password.length === 0)
        throw errors.passwordTooShort(policy.minLength);
    if (options.skipChecks)
        return;
    if ([...password].length < policy.minLength)
        throw errors.passwordTooShort(policy.minLength);
    if (isBreachedPassword(password))
        throw errors.passwordPwned();
}
//# sourceMappingURL=password-policy.js.map