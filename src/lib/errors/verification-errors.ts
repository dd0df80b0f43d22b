/** Errors of one-time codes (email and phone codes), as Clerk answers an attempt_verification or attempt_first_factor. */
import { catalogError as make, param } from './catalog.js';

export const verificationErrors = {
  /** A wrong code; the code keeps its remaining attempts. `paramName` is the request parameter that held it. */
  codeIncorrect: (paramName = 'code') => make('formCodeIncorrect', 'Incorrect code', param(paramName)),
  verificationExpired: () => make('verificationExpired', 'This verification has expired. You must create a new one.'),
  /** The code's attempts are used up: it is dead, and a new one must be prepared. */
  verificationFailed: () => make('verificationFailed', 'Too many failed attempts. You have to try again with the same or another method.'),
  verificationAlreadyVerified: () => make('verificationAlreadyVerified', 'This verification has already been verified.'),
  /** An attempt with nothing prepared (no code was ever issued for the subject). */
  verificationMissing: () => make('verificationMissing', 'This strategy requires verification preparation before attempting to validate it.'),
  verificationNotSent: () => make('verificationNotSent', 'You need to send a verification code before attempting to verify.'),
};
