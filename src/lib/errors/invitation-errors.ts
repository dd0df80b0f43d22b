/** Errors of instance invitations, invitation tickets, and the allowlist and blocklist. */
import { catalogError as make, param } from './catalog.js';

export const invitationErrors = {
  instanceInvitationNotFound: (id: string) => make('resourceNotFound', `No invitation was found with id ${id}.`),
  duplicateInvitations: (emails: string | readonly string[]) => {
    const list = typeof emails === 'string' ? [emails] : [...emails];
    return make('duplicateRecord', `There are already pending invitations for the following email addresses: ${list.join(', ')}`, {
      ...param('email_address'),
      email_addresses: list,
    });
  },
  invitationAlreadyRevoked: () => make('invitationAlreadyRevoked', 'Invitation is already revoked.'),
  invitationAlreadyAccepted: () => make('invitationAlreadyAccepted', 'Invitation is already accepted, try signing in instead.'),
  revokedInvitation: () => make('revokedInvitation', 'The invitation was revoked.'),
  invitationAccountExists: () => make('invitationAccountExists', 'An account already exists for this invitation. Sign in instead.'),
  organizationInvitationRevoked: () => make('organizationInvitationRevoked', 'This invitation has been revoked and cannot be used anymore.'),
  organizationInvitationAlreadyAccepted: () => make('organizationInvitationAlreadyAccepted', 'This invitation has already been accepted. Sign in instead.'),
  organizationInvitationIdentificationExists: () =>
    make(
      'organizationInvitationIdentificationExists',
      'The email address in this invitation already exists. If it belongs to you, try signing in instead.',
    ),
  organizationInvitationToDeletedOrganization: () =>
    make('organizationInvitationToDeletedOrganization', 'This invitation refers to an organization that has been deleted.'),
  redirectUrlInvalid: () => make('paramFormatInvalid', 'redirect_url must be an http(s) URL or a path starting with /.', param('redirect_url')),
  /** A sign-up's address differs from the one its ticket was issued for. */
  ticketAddressMismatch: () =>
    make('paramValueInvalid', 'A sign-up started from an invitation keeps the invited email address.', param('email_address'), 'is invalid'),
  /** The allowlist leaves the identifier out, or the blocklist holds it. */
  notAllowedAccess: (identifier: string) =>
    make('notAllowedAccess', `${identifier} is not allowed to access this application.`, { identifiers: [identifier] }),
  listIdentifierNotFound: (id: string) => make('resourceNotFound', `No identifier was found with id ${id}`, {}, 'Identifier not found'),
  duplicateListIdentifier: (list: 'allowlist' | 'blocklist', identifier: string) =>
    make('duplicateRecord', `the identifier ${identifier} already exists`, param('identifier'), `duplicate ${list} identifier`),
};
