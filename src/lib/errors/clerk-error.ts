/** One Clerk error as Roster answers it; `http/errors.ts` turns it into Clerk's JSON body. */
export class ClerkError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly longMessage: string,
    readonly meta: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ClerkError';
  }
}

/** One catalogue entry: status and code as in Clerk's index, with its short message. */
export interface CatalogEntry {
  status: number;
  code: string;
  message: string;
  /** Set for codes Clerk's index does not list; a test checks the rest against the index. */
  rosterExtension?: boolean;
  /**
   * Set where Roster answers a Backend API route with a code Clerk's index lists for its Frontend API
   * only, for the same situation (a locked user verifying a password, say), where Clerk's BAPI is silent.
   */
  frontendApiCode?: boolean;
  /**
   * Set for a generic code from Clerk's index that it marks for neither API although Clerk's APIs answer it
   * (`too_many_requests`, the answer of its rate limits).
   */
  genericCode?: boolean;
}

