import type { ServiceDeps } from '../domain/service-deps.js';
import { ClerkError, errors } from '../lib/error-catalog.js';
import { newId } from '../lib/ids.js';
import { uniqueViolationTarget } from '../storage/constraint-violations.js';
import { listIdentificationsForUsers } from '../storage/repositories/identifications-repository.js';
import { hasAcceptedInvitation } from '../storage/repositories/invitations-repository.js';
import {
  anyListed,
  countListIdentifiers,
  deleteListIdentifier,
  insertListIdentifier,
  listListIdentifiers,
  setListIdentifierInvitation,
  type IdentifierList,
} from '../storage/repositories/identifier-lists-repository.js';
import type { IdentifierListRow, IdentifierListType } from '../storage/tables/invitation-tables.js';
import { normalizeEmailAddress, normalizePhoneNumber, normalizeWeb3Wallet } from '../users/identifiers.js';

export type ListName = 'allowlist' | 'blocklist';
const TABLES: Record<ListName, IdentifierList> = { allowlist: 'allowlist_identifiers', blocklist: 'blocklist_identifiers' };

/** Longer than any email address (320), phone number or wallet. */
const MAX_IDENTIFIER_LENGTH = 330;

/**
 * The stored form of a list entry: an email address as every address is stored (so `Alice@Example.COM` and
 * full-width spellings are the entry `alice@example.com`), `*@domain` with the domain normalised the same way,
 * an E.164 phone number, or a lower-cased wallet. Anything else is refused.
 */
export function parseListIdentifier(input: string): { identifier: string; type: IdentifierListType } {
  if (input.length > MAX_IDENTIFIER_LENGTH) throw errors.paramValueInvalid('identifier', 'identifier must be an email address, *@domain, a phone number or a web3 wallet.');
  const trimmed = input.trim();
  if (trimmed.startsWith('*@')) {
    // The domain is normalised through a placeholder mailbox, so it has the spelling stored addresses have.
    const normalized = normalizeEmailAddress(`x${trimmed.slice(1)}`);
    if (normalized) return { identifier: `*${normalized.slice(1)}`, type: 'email_address' };
  } else if (trimmed.includes('@')) {
    const email = normalizeEmailAddress(trimmed);
    if (email) return { identifier: email, type: 'email_address' };
  } else if (trimmed.startsWith('+')) {
    const phone = normalizePhoneNumber(trimmed);
    if (phone) return { identifier: phone, type: 'phone_number' };
  } else {
    const wallet = normalizeWeb3Wallet(trimmed);
    if (wallet) return { identifier: wallet, type: 'web3_wallet' };
  }
  throw errors.paramValueInvalid('identifier', 'identifier must be an email address, *@domain, a phone number or a web3 wallet.');
}

/** The list entries that would match a stored identifier: itself, and `*@domain` for an email address. */
function candidatesFor(type: IdentifierListType, identifier: string): string[] {
  if (type !== 'email_address') return [identifier];
  const at = identifier.lastIndexOf('@');
  return at > 0 ? [identifier, `*${identifier.slice(at)}`] : [identifier];
}

/**
 * The allowlist and blocklist (`/v1/allowlist_identifiers`, `/v1/blocklist_identifiers`) and the check the
 * Frontend API runs at sign-up and sign-in: one lookup on each list's unique index per identifier.
 */
export function createIdentifierLists(deps: ServiceDeps) {
  const { db } = deps.database;
  const { clock, config } = deps;

  /**
   * Refuses an identifier the blocklist holds, or (with ROSTER_ALLOWLIST=on) one the allowlist lacks, with
   * Clerk's `not_allowed_access`. `invited` skips the allowlist (an invitation lets its address in), never the
   * blocklist. `identifier` is in its stored (normalised) form.
   */
  async function assertAllowed(type: IdentifierListType, identifier: string, options: { invited?: boolean } = {}): Promise<void> {
    const candidates = candidatesFor(type, identifier);
    if (await anyListed(db, 'blocklist_identifiers', candidates)) throw errors.notAllowedAccess(identifier);
    if (config.frontend.allowlistEnabled && !options.invited && !(await anyListed(db, 'allowlist_identifiers', candidates))) {
      throw errors.notAllowedAccess(identifier);
    }
  }

  return {
    async create(list: ListName, input: string): Promise<IdentifierListRow> {
      const { identifier, type } = parseListIdentifier(input);
      const nowMs = clock.nowMs();
      const row: IdentifierListRow = {
        id: newId(list === 'allowlist' ? 'alid' : 'blid', nowMs),
        identifier,
        identifier_type: type,
        invitation_id: null,
        created_at: nowMs,
        updated_at: nowMs,
      };
      try {
        await insertListIdentifier(db, TABLES[list], row);
      } catch (error) {
        if (!(error instanceof ClerkError) && uniqueViolationTarget(error) === `${list}_identifier`) throw errors.duplicateListIdentifier(list, identifier);
        throw error;
      }
      return row;
    },

    /** Records the invitation an allowlisted address was sent (`notify`). */
    async linkInvitation(id: string, invitationId: string): Promise<IdentifierListRow> {
      const row = await setListIdentifierInvitation(db, 'allowlist_identifiers', id, invitationId, clock.nowMs());
      if (!row) throw errors.listIdentifierNotFound(id);
      return row;
    },

    async list(list: ListName, page: { limit?: number; offset?: number }): Promise<{ data: IdentifierListRow[]; totalCount: number }> {
      const table = TABLES[list];
      const data = await listListIdentifiers(db, table, { limit: page.limit ?? 10, offset: page.offset ?? 0 });
      return { data, totalCount: await countListIdentifiers(db, table) };
    },

    async delete(list: ListName, id: string): Promise<void> {
      if (!(await deleteListIdentifier(db, TABLES[list], id))) throw errors.listIdentifierNotFound(id);
    },

    assertAllowed,

    /** The blocklist alone: for an address a signed-in user adds to their account (the allowlist governs who gets in). */
    async assertNotBlocked(type: IdentifierListType, identifier: string): Promise<void> {
      if (await anyListed(db, 'blocklist_identifiers', candidatesFor(type, identifier))) throw errors.notAllowedAccess(identifier);
    },

    /**
     * Sign-in: refuses a user any of whose verified email addresses or phone numbers is blocklisted, and (allowlist
     * on) one with none allowlisted, unless they joined through an invitation (instance or organization: a ticket of
     * either kind lets its address sign up, so it lets the same person sign in again). The error names only
     * `typed` (what the person entered), never the user's other addresses.
     */
    async assertUserMaySignIn(userId: string, typed: string): Promise<void> {
      const identifications = (await listIdentificationsForUsers(db, [userId])).filter(
        (item) => item.verified === 1 && (item.type === 'email_address' || item.type === 'phone_number'),
      );
      for (const item of identifications) {
        if (await anyListed(db, 'blocklist_identifiers', candidatesFor(item.type as IdentifierListType, item.identifier))) throw errors.notAllowedAccess(typed);
      }
      if (!config.frontend.allowlistEnabled) return;
      for (const item of identifications) {
        if (await anyListed(db, 'allowlist_identifiers', candidatesFor(item.type as IdentifierListType, item.identifier))) return;
      }
      if (await hasAcceptedInvitation(db, userId)) return;
      throw errors.notAllowedAccess(typed);
    },
  };
}

export type IdentifierLists = ReturnType<typeof createIdentifierLists>;
