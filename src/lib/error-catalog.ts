/**
 * The one error catalogue. Entries (status, code, short message) are data in `errors/catalog.ts`, after
 * Clerk's error index; the builders in `errors/` fill in long messages and meta, and `errors` joins them
 * into one object. Domain code throws `errors.x(...)`; only `http/errors.ts` turns a ClerkError into JSON.
 */
import { catalog } from './errors/catalog.js';
import { frontendErrors } from './errors/frontend-errors.js';
import { imageErrors } from './errors/image-errors.js';
import { invitationErrors } from './errors/invitation-errors.js';
import { webhookErrors } from './errors/webhook-errors.js';
import { oauthErrors } from './errors/oauth-errors.js';
import { passkeyErrors } from './errors/passkey-errors.js';
import { organizationErrors } from './errors/organization-errors.js';
import { requestErrors } from './errors/request-errors.js';
import { sessionErrors } from './errors/session-errors.js';
import { ticketErrors } from './errors/ticket-errors.js';
import { userErrors } from './errors/user-errors.js';
import { verificationErrors } from './errors/verification-errors.js';

export { ClerkError, type CatalogEntry } from './errors/clerk-error.js';
export { catalog };

/**
 * Every error Roster answers with, one function each, thrown by name: `throw errors.userNotFound(id)`.
 * The groups' names are disjoint (test/error-catalog.test.ts checks), so none hides another.
 */
export const errors = { ...requestErrors, ...userErrors, ...organizationErrors, ...sessionErrors, ...imageErrors, ...frontendErrors, ...verificationErrors, ...ticketErrors, ...invitationErrors, ...oauthErrors, ...passkeyErrors, ...webhookErrors };
