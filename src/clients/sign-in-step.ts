import type { SignInRow } from '../storage/tables/client-tables.js';

/**
 * What a step of a sign-in gives: the sign-in, and the client's new cookie secret when the step signed the browser
 * in (the secret is replaced then, so one planted in the browser beforehand holds no session).
 */
export interface SignInStep {
  signIn: SignInRow;
  clientToken: string | null;
}
