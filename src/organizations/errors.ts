/**
 * The organization module's errors, written as data like `lib/error-catalog.ts` (to be merged into it).
 * Codes, statuses and wording come from Clerk's error index (`reference/clerk-api-errors.json`).
 */
import { ClerkError, errors as catalogErrors } from '../lib/error-catalog.js';

export interface OrganizationCatalogEntry {
  status: number;
  code: string;
  message: string;
  /** Clerk's index lists the code for its Frontend API only; Roster's BAPI answers the same situation with it. */
  frontendApiCode?: boolean;
}

export const organizationCatalog = {
  organizationCreatorNotFound: { status: 400, code: 'organization_creator_not_found', message: 'creator not found' },
  userCreateOrganizationNotEnabled: { status: 403, code: 'user_create_organization_not_enabled', message: 'create organization not enabled', frontendApiCode: true },
  orgCreationLimitExceeded: { status: 403, code: 'org_creation_limit_exceeded', message: 'Organization Creation Limit Exceeded' },
  alreadyAMember: { status: 400, code: 'already_a_member_in_organization', message: 'already a member' },
  notAMember: { status: 403, code: 'not_a_member_in_organization', message: 'not a member' },
  notAnAdmin: { status: 403, code: 'not_an_admin_in_organization', message: 'not an administrator', frontendApiCode: true },
  minimumPermissionsNeeded: { status: 400, code: 'organization_minimum_permissions_needed', message: 'minimum organization permissions needed' },
  membershipQuotaExceeded: { status: 403, code: 'organization_membership_quota_exceeded', message: 'organization membership quota exceeded' },
  invitationNotUnique: { status: 400, code: 'organization_invitation_not_unique', message: 'organization invitation not unique' },
  invitationNotPending: { status: 404, code: 'organization_invitation_not_pending', message: 'not pending' },
  imageTooLarge: { status: 413, code: 'image_too_large', message: 'Image too large' },
  imageNotFound: { status: 404, code: 'image_not_found', message: 'Image not found' },
  imageMissing: { status: 400, code: 'form_param_missing', message: 'Image file missing' },
  unsupportedContentType: { status: 415, code: 'unsupported_content_type', message: 'Content-Type is unsupported' },
} as const satisfies Record<string, OrganizationCatalogEntry>;

type EntryName = keyof typeof organizationCatalog;

function make(name: EntryName, longMessage: string, meta: Record<string, unknown> = {}): ClerkError {
  const entry: OrganizationCatalogEntry = organizationCatalog[name];
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
