import { timingSafeEqual } from 'node:crypto';
import type { Clock } from '../lib/clock.js';
import { createKeyedHash } from '../lib/keyed-hash.js';

/** Longer than any ticket Roster issues (ids are ~30 characters): anything longer is refused unread. */
const MAX_TICKET_LENGTH = 200;
const TICKET_PATTERN = /^((?:inv|orginv)_[A-Za-z0-9]{1,64})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

/** What a well-signed ticket names. */
export interface TicketClaims {
  /** `inv_…` (an instance invitation) or `orginv_…` (an organization invitation). */
  invitationId: string;
  /** Unix seconds. */
  expiresAt: number;
}

export type TicketCheck = { ok: true; claims: TicketClaims } | { ok: false; reason: 'invalid' | 'expired' };

/**
 * Invitation tickets (`__clerk_ticket`): `<invitation id>.<expiry seconds>.<HMAC-SHA256>` under a key derived from
 * the instance key for this purpose only. The ticket proves Roster issued it for that invitation and until when;
 * what makes it single-use is the invitation itself, whose status moves from `pending` to `accepted` exactly once,
 * so nothing about the ticket is stored. Revoking the invitation kills its ticket the same way.
 */
export function createTickets(deps: { instanceKey: Uint8Array; clock: Clock }) {
  const mac = createKeyedHash(deps.instanceKey, 'invitation-tickets');
  const sign = (invitationId: string, expiresAt: number) => mac.digest(`${invitationId}.${expiresAt}`).toString('base64url');
  return {
    /** The ticket of an invitation expiring at `expiresAtMs`: the same invitation always gets the same ticket. */
    issue(invitationId: string, expiresAtMs: number): string {
      const expiresAt = Math.floor(expiresAtMs / 1000);
      return `${invitationId}.${expiresAt}.${sign(invitationId, expiresAt)}`;
    },

    /** Checks the signature first (a tampered ticket is invalid, whatever its expiry says), then the expiry. */
    check(ticket: string): TicketCheck {
      const match = ticket.length <= MAX_TICKET_LENGTH ? TICKET_PATTERN.exec(ticket) : null;
      if (!match) return { ok: false, reason: 'invalid' };
      const invitationId = match[1]!;
      const expiresAt = Number(match[2]);
      const expected = Buffer.from(sign(invitationId, expiresAt));
      const given = Buffer.from(match[3]!);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
      if (expiresAt * 1000 <= deps.clock.nowMs()) return { ok: false, reason: 'expired' };
      return { ok: true, claims: { invitationId, expiresAt } };
    },
  };
}

export type Tickets = ReturnType<typeof createTickets>;

/** Stands in for the app's origin when a path is resolved the way a browser (and `ticketUrl`) would. */
const PLACEHOLDER_ORIGIN = 'http://roster.invalid';

/**
 * The link an invitation email carries: `base` (the invitation's redirect URL, or the sign-up URL) with
 * `__clerk_ticket` added, which Clerk's `<SignUp/>` reads from the page URL. A path is made absolute against
 * `origin` when one is known (the first allowed origin), and left a path otherwise.
 */
export function ticketUrl(base: string, ticket: string, origin: string | null): string {
  // Only web links: a stored `javascript:` (or other scheme) redirect URL never reaches an email.
  const safeBase = isInvitationRedirectUrl(base) ? base : '/sign-up';
  const url = new URL(safeBase, origin ?? PLACEHOLDER_ORIGIN);
  url.searchParams.set('__clerk_ticket', ticket);
  if (!origin && !/^https?:\/\//i.test(safeBase)) return `${url.pathname}${url.search}${url.hash}`;
  return url.toString();
}

/**
 * A path on the app (`/join`, not `//host`) or an absolute http(s) URL: what an invitation may link to. A path is
 * also judged after the URL parser has removed its dot segments (`/..//evil.example`, `/%2e%2e//evil.example`),
 * since that is the path the link ends up with: one that resolves to `//host` would leave the app.
 */
export function isInvitationRedirectUrl(value: string): boolean {
  if (value.startsWith('/')) {
    if (value.startsWith('//') || value.startsWith('/\\') || /[\s\\]/.test(value)) return false;
    try {
      const resolved = new URL(value, PLACEHOLDER_ORIGIN);
      return resolved.origin === PLACEHOLDER_ORIGIN && !resolved.pathname.startsWith('//');
    } catch {
      return false;
    }
  }
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    return new URL(value).host !== '';
  } catch {
    return false;
  }
}
