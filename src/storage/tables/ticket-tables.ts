import type { Insertable, Selectable } from 'kysely';

/** What a ticket signs in as: a sign-in token (the user), or an actor token (someone impersonating the user). */
export type SignInTicketKind = 'sign_in_token' | 'actor_token';

/** `pending` until redeemed at sign-in (`accepted`) or revoked through the Backend API. */
export type SignInTicketStatus = 'pending' | 'accepted' | 'revoked';

/** Sign-in tokens and actor tokens: single-use tickets the Backend API issues for one user. */
export interface SignInTicketsTable {
  /** `sit_…` for sign-in tokens, `act_…` for actor tokens. */
  id: string;
  kind: SignInTicketKind;
  user_id: string;
  /** Hex SHA-256 of the ticket (256 random bits); the ticket itself is returned once and never stored. */
  token_digest: string;
  status: SignInTicketStatus;
  /** Actor tokens: JSON of the actor (`{ sub, … }`), the impersonation session's `actor` and its tokens' `act`. */
  actor: string | null;
  /** Actor tokens: how long the impersonation session may last at most. */
  session_max_duration_in_seconds: number | null;
  /** Sign-in tokens: the organization the session activates (`org_id`), if the user is still a member then. */
  organization_id: string | null;
  expire_at: number;
  created_at: number;
  updated_at: number;
}

export interface TicketTables {
  sign_in_tickets: SignInTicketsTable;
}

export type SignInTicketRow = Selectable<SignInTicketsTable>;
export type NewSignInTicketRow = Insertable<SignInTicketsTable>;
