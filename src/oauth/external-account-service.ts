import type { ServiceDeps } from '../domain/service-deps.js';
import type { OAuthProviders } from './provider-client.js';
import { errors } from '../lib/error-catalog.js';
import { deleteExternalAccount, findExternalAccount, listExternalAccountsOfUsers } from '../storage/repositories/external-accounts-repository.js';
import { listIdentificationsForUsers } from '../storage/repositories/identifications-repository.js';
import { findUserByIdForUpdate } from '../storage/repositories/users-repository.js';
import type { ExternalAccountRow } from '../storage/tables/oauth-tables.js';
import type { IdentificationRow, UserRow } from '../storage/tables/user-tables.js';

/** What the Backend API does to a user's external accounts. */
export interface ExternalAccountService {
  /**
   * Unlinks one of the user's external accounts. Another user's (or an unknown) account is not found. Refused
   * when it is the user's last way to sign in: see {@link hasAnotherWayIn}.
   */
  delete(userId: string, externalAccountId: string): Promise<{ id: string }>;
}

/**
 * Whether the user can still sign in without `account`: a password, a verified email address or phone number
 * (codes and links reach them), or another verified external account. Unverified contacts, usernames without a
 * password and web3 wallets (the Frontend API has no web3 sign-in) do not count. Without one, the deletion is
 * Clerk's `identification_deletion_failed` ("You cannot delete your last identification"): the account is an
 * identification (`identification_id`) and the last one that lets the person in, which is the case that code
 * names; `last_required_identification_deletion_failed` is about an identifier type the instance requires.
 */
export function hasAnotherWayIn(user: UserRow, identifications: readonly IdentificationRow[], otherAccounts: readonly ExternalAccountRow[]): boolean {
  if (user.password_digest !== null) return true;
  if (identifications.some((row) => row.verified === 1 && (row.type === 'email_address' || row.type === 'phone_number'))) return true;
  return otherAccounts.some((account) => account.verification_status === 'verified');
}

export function createExternalAccountService(deps: ServiceDeps, options: { providers: Pick<OAuthProviders, 'has'> }): ExternalAccountService {
  const { db } = deps.database;
  return {
    async delete(userId, externalAccountId) {
      return db.transaction().execute(async (trx) => {
        // The user's row is held until the end, as for identifications: two deletions cannot each leave the other last.
        const user = await findUserByIdForUpdate(trx, userId);
        if (!user) throw errors.userNotFound(userId);
        const account = await findExternalAccount(trx, externalAccountId);
        if (!account || account.user_id !== user.id) throw errors.resourceNotFound();
        // Only an account at a provider the instance still offers lets the person in.
        const others = (await listExternalAccountsOfUsers(trx, [user.id])).filter((other) => other.id !== account.id && options.providers.has(other.provider));
        if (!hasAnotherWayIn(user, await listIdentificationsForUsers(trx, [user.id]), others)) throw errors.lastIdentificationDeletionFailed();
        await deleteExternalAccount(trx, user.id, account.id);
        return { id: account.id };
      });
    },
  };
}
