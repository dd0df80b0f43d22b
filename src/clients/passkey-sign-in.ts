import type { ServiceDeps } from '../domain/service-deps.js';
import type { IdentifierLists } from '../invitations/identifier-lists.js';
import { errors } from '../lib/error-catalog.js';
import { CHALLENGE_LIFETIME_MS, type PasskeyService, type RelyingParty } from '../passkeys/passkey-service.js';
import { updateSignInIn } from '../storage/repositories/clients-repository.js';
import type { ClientRow, SignInRow } from '../storage/tables/client-tables.js';
import type { UserRow } from '../storage/database.js';
import type { UserService } from '../users/user-service.js';
import type { SignInStep } from './sign-in-step.js';

/** What a passkey step of a sign-in needs: the relying party, and (to attempt) the authenticator's answer. */
export interface PasskeyStepInput {
  relyingParty: RelyingParty;
  /** clerk-js's `public_key_credential`: the JSON text of the assertion. */
  publicKeyCredential?: string | undefined;
}

/** The steps of the sign-in service a passkey sign-in shares with the others. */
export interface PasskeySignInSteps {
  passkeys: PasskeyService;
  users: UserService;
  lists: IdentifierLists;
  /** Refuses a banned or locked user. */
  refuseEarly(userId: string): Promise<UserRow>;
  /** Starts the session: the sign-in complete. */
  complete(client: ClientRow, signIn: SignInRow, fromStatus: SignInRow['status'], strategy: string): Promise<SignInStep>;
  /** On to the second factor when the user has one, else complete. */
  afterFirstFactor(client: ClientRow, signIn: SignInRow, fromStatus: SignInRow['status'], strategy: string): Promise<SignInStep>;
}

/** A sign-in's passkey first factor: request options (kept as the verification's nonce), then the assertion. */
export function createPasskeySignIn(deps: ServiceDeps, { passkeys, users, lists, refuseEarly, complete, afterFirstFactor }: PasskeySignInSteps) {
  const { clock } = deps;
  const { db } = deps.database;

  /**
   * Whether a passkey may be tried on the sign-in: an identified one waiting for its first factor, or a discoverable
   * one (no identifier yet).
   */
  const awaitsPasskey = (signIn: SignInRow) =>
    signIn.status === 'needs_first_factor' || (signIn.status === 'needs_identifier' && signIn.user_id === null);

  /** Request options for the sign-in's passkey (its user's credentials, or any discoverable one): kept as its nonce. */
  async function preparePasskey(signIn: SignInRow, relyingParty: RelyingParty): Promise<SignInRow> {
    if (signIn.user_id) await refuseEarly(signIn.user_id);
    const options = await passkeys.startAuthentication(signIn.id, signIn.user_id, relyingParty);
    const nowMs = clock.nowMs();
    const prepared = await updateSignInIn(db, signIn.id, signIn.status, {
      first_factor_strategy: 'passkey',
      first_factor_status: 'unverified',
      first_factor_expire_at: nowMs + CHALLENGE_LIFETIME_MS,
      // The verification's nonce: the request options as JSON text, which clerk-js gives `navigator.credentials.get`.
      first_factor_external_url: JSON.stringify(options),
      updated_at: nowMs,
    });
    if (!prepared) throw errors.conflict('The sign-in changed while the passkey was being prepared; prepare it again.');
    return prepared;
  }

  /**
   * The assertion of a passkey sign-in. An identified sign-in takes only its user's passkey; a discoverable one
   * (no identifier) learns its user from the passkey, who then passes the same checks as one who typed an
   * identifier (banned or locked, the lists). A passkey is both factors when the authenticator verified the person
   * (PIN, biometrics: something held and something known or been), as in Clerk; without user verification it is
   * only something held, so a user with a second factor is asked for it.
   */
  async function attemptPasskey(client: ClientRow, signIn: SignInRow, input: PasskeyStepInput): Promise<SignInStep> {
    if (signIn.first_factor_strategy !== 'passkey' || signIn.first_factor_status !== 'unverified') throw errors.verificationMissing();
    const assertion = await passkeys.verifyAuthentication(signIn.id, input.publicKeyCredential, input.relyingParty);
    if (signIn.user_id && assertion.userId !== signIn.user_id) throw errors.passkeyNotRegistered();
    const user = await refuseEarly(assertion.userId);
    let current = signIn;
    if (!signIn.user_id) {
      const record = await users.get(user.id);
      const identifier = record.identifications.find((item) => item.id === record.user.primaryEmailAddressId)?.value ?? record.user.username ?? '';
      await lists.assertUserMaySignIn(user.id, identifier);
      const identified = await updateSignInIn(db, signIn.id, signIn.status, {
        status: 'needs_first_factor',
        user_id: user.id,
        identifier: identifier || null,
        identification_id: record.user.primaryEmailAddressId,
        updated_at: clock.nowMs(),
      });
      if (!identified) throw errors.attemptNotInProgress('sign in', signIn.id, 'complete');
      current = identified;
    }
    if (assertion.userVerified) return complete(client, current, current.status, 'passkey');
    return afterFirstFactor(client, current, current.status, 'passkey');
  }

  return { awaitsPasskey, prepare: preparePasskey, attempt: attemptPasskey };
}
