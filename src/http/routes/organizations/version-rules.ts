import type { ApiVersion } from '../../../config.js';

/**
 * Organization differences between API versions, named after the version that introduced them.
 * To be moved into `versionRules` (http/api-version.ts).
 */
export const organizationVersionRules = {
  /** 2026-05-12: `PATCH /v1/organizations/{id}` no longer takes metadata (use the metadata endpoints). */
  rejectsMetadataInOrganizationUpdate: (version: ApiVersion) => version >= '2026-05-12',
};
