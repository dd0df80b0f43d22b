import { KNOWN_API_VERSIONS } from '../config/config.js';
import { errors } from '../lib/error-catalog.js';
export const VERSION_HEADER = 'clerk-api-version';
export const VERSION_QUERY_PARAM = '__clerk_api_version';
/** Picks the request's API version: header or query parameter (not both), else the instance default. */
export function resolveApiVersion(request, defaultVersion) {
    const header = request.headers[VERSION_HEADER];
    const query = request.query?.[VERSION_QUERY_PARAM];
    if (header !== undefined && query !== undefined) {
        throw errors.apiVersionInvalid(`set either the ${VERSION_HEADER} header or the ${VERSION_QUERY_PARAM} query parameter, not both`);
    }
    const requested = header ?? query;
    if (requested === undefined)
        return defaultVersion;
    if (typeof requested !== 'string' || !KNOWN_API_VERSIONS.includes(requested)) {
        throw errors.apiVersionInvalid(`${String(requested)} is not a known version (${KNOWN_API_VERSIONS.join(', ')})`);
    }
    return requested;
}
const atLeast = (version, since) => version >= since;
/**
 * Version-dependent behaviour, one entry per difference, named after the version that introduced it.
 * ISO dates compare correctly as strings.
 */
export const versionRules = {
    /** 2026-05-12: `PATCH /v1/users/{id}` no longer takes metadata (use the metadata endpoints). */
    rejectsMetadataInUserUpdate: (version) => atLeast(version, '2026-05-12'),
    /** 2026-05-12: `PATCH /v1/organizations/{id}` no longer takes metadata (use the metadata endpoints). */
    rejectsMetadataInOrganizationUpdate: (version) => atLeast(version, '2026-05-12'),
};
//# sourceMappingURL=api-version.js.map