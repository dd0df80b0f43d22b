/**
 * The organization module's errors. Their entries (codes, statuses, short messages) live in the one
 * catalogue, `lib/error-catalog.ts`; this file fills in the long messages and meta.
 */
import { catalog, ClerkError, errors as catalogErrors, type CatalogEntry } from '../lib/error-catalog.js';




type EntryName = keyof typeof catalog;

function make(name: EntryName, longMessage: string, meta: Record<string, unknown> = {}): ClerkError {
  const entry: CatalogEntry = catalog[name];
  return new ClerkError(entry.status, entry.code, entry.message, longMessage, meta);
}

const param = (paramName: string) => ({ param_name: paramName });

export const orgErrors = {
  organizationNotFound: () => new ClerkError(404, 'resource_not_found', 'not found', 'Given organization not found.'),
  membershipNotFound: () => new ClerkError(404, 'resource_not_found', 'not found', 'Resource not found'),
  invitationNotFound: (invitationId: string) =>
    new ClerkError(404, 'resource_not_found', 'not found', `No invitation was found with id ${invitationId}.`),
  userNotFound: catalogErrors.userNotFound,
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
  invitationNotPending: () => make('invitationNotPending', "The organization invitation is not in the 'pending' status."),
  imageTooLarge: () => make('imageTooLarge', 'The image being uploaded is more than 10MB. Please choose a smaller one.', param('file')),
  imageNotFound: () => make('imageNotFound', 'Image not found'),
  imageMissing: () => make('imageMissing', 'There was no image file present in the request', param('file')),
  unsupportedImageType: (actual: string) =>
    make('unsupportedContentType', `Content-Type ${actual} is unsupported. You should use image/jpeg, image/png, image/gif or image/webp instead.`, param('file')),
  unsupportedContentType: (actual: string) =>
    make('unsupportedContentType', `Content-Type ${actual} is unsupported. You should use multipart/form-data instead.`),
  roleInvalid: (paramName: string, value: string, allowed: readonly string[]) => catalogErrors.paramValueNotAllowed(paramName, value, allowed),
  nameInvalid: (name: string, reason: string) =>
    new ClerkError(422, 'form_param_value_invalid', 'invalid organization name', `The organization name "${name}" is invalid: ${reason}`, param('name')),
  slugInvalid: () =>
    new ClerkError(
      422,
      'form_param_format_invalid',
      'is invalid',
      'slug must contain only lowercase alphanumeric characters and the dash "-", and be at most 256 characters long.',
      param('slug'),
    ),
  slugTaken: () => catalogErrors.identifierExists('slug'),
};
