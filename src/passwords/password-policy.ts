import { dictionary } from '@zxcvbn-ts/language-common';
import { errors } from '../lib/error-catalog.js';

/** bcrypt and most of Clerk's hashers ignore bytes past 72, so longer passwords are refused. */
export const MAX_PASSWORD_BYTES = 72;

/**
 * ~49,000 passwords from public breach compilations (zxcvbn-ts's common list). Roster ships it so the
 * check works offline; it is a floor, not a substitute for an online breach check.
 */
const breachedPasswords: ReadonlySet<string> = new Set(dictionary['passwords-common'] as string[]);

export function isBreachedPassword(password: string): boolean {
  return breachedPasswords.has(password) || breachedPasswords.has(password.toLowerCase());
}

export interface PasswordPolicy {
  minLength: number;
}

/** Throws the catalogue error for the first rule the password breaks; `skipChecks` keeps only the byte cap. */
export function assertPasswordAllowed(password: string, policy: PasswordPolicy, options: { skipChecks: boolean; paramName?: string }): void {
  // The field the errors name: `password`, or `new_password` for the Frontend API's change_password.
  const paramName = options.paramName ?? 'password';
  if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) throw errors.passwordTooLong(MAX_PASSWORD_BYTES, paramName);
  // An empty password is never a password, checks skipped or not.
  if (password.length === 0) throw errors.passwordTooShort(policy.minLength, paramName);
  if (options.skipChecks) return;
  if ([...password].length < policy.minLength) throw errors.passwordTooShort(policy.minLength, paramName);
  if (isBreachedPassword(password)) throw errors.passwordPwned(paramName);
}
