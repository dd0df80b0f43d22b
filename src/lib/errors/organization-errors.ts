/** Errors of organizations, their memberships and invitations. */
import { catalogError as make, param } from './catalog.js';

export const organizationErrors = {
  organizationNotFound: () => make('resourceNotFound', 'Given organization not found.'),
  membershipNotFound: () => make('resourceNotFound', 'Resource not found'),
  invitationNotFound: (invitationId: string) => make('resourceNotFound', `No invitation was found with id ${invitationId}.`),
  organizationCreatorNotFound: (userId: string) => make('organizationCreatorNotFound', `No users found with id ${userId}.`, param('created_by')),
  userCreateOrganizationNotEnabled: () => make('userCreateOrganizationNotEnabled', 'Organization creation is not enabled for this user', param('created_by')),
  orgCreationLimitExceeded: () =>
    make('orgCreationLimitExceeded', 'You have exceeded the maximum number of organizations you can create.', param('created_by')),
  alreadyAMember: (who: string) => make('alreadyAMember', `${who} is already a member of the organization.`),
  notAMember: (paramName: string) =>
    make('notAMember', 'Current user is not a member of the organization. Only organization members can perform this action.', param(paramName)),
  notAnAdmin: (paramName: string) =>
    make('notAnAdmin', 'The user is not an administrator in the organization. Only administrators can perform this action.', param(paramName)),
  minimumPermissionsNeeded: () =>
    make('minimumPermissionsNeeded', 'There has to be at least one organization member with the minimum required permissions'),
  membershipQuotaExceeded: (limit: number) =>
    make('membershipQuotaExceeded', `You have reached your limit of ${limit} organization memberships, including outstanding invitations.`),
  invitationNotUnique: () =>
    make('invitationNotUnique', 'Organizations cannot have duplicate pending invitations for an email address.', param('email_address')),
  /** Clerk's OrganizationRoleNotFound: a role key no longer configured (an invitation's, say). */
  organizationRoleNotFound: (paramName: string) => make('resourceNotFound', 'Organization role not found', param(paramName)),
  invitationNotPending: () => make('invitationNotPending', "The organization invitation is not in the 'pending' status."),
  organizationNameInvalid: (name: string, reason: string) =>
    make('organizationNameInvalid', `The organization name "${name}" is invalid: ${reason}`, param('name')),
  organizationSlugInvalid: () =>
    make(
      'paramFormatInvalid',
      'slug must contain only lowercase alphanumeric characters and the dash "-", and be at most 256 characters long.',
      param('slug'),
    ),
};
