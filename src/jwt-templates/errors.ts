import { catalog, ClerkError, errors, type CatalogEntry } from '../lib/error-catalog.js';

/** The JWT templates module's errors: entries in the one catalogue, long messages and meta here. */
const make = (entry: CatalogEntry, longMessage: string, meta: Record<string, unknown> = {}) =>
  new ClerkError(entry.status, entry.code, entry.message, longMessage, meta);

export const jwtTemplateErrors = {
  notFoundById: (id: string) => make(catalog.jwtTemplateNotFound, `No JWT template exists with id: ${id}`),
  notFoundByName: (name: string) => make(catalog.jwtTemplateNotFound, `No JWT template exists with name: ${name}`),
  /** Clerk's 400 naming the claim; `param_name` is the claim itself. */
  reservedClaim: (claim: string) => make(catalog.jwtTemplateReservedClaim, `You can't use the reserved claim: '${claim}'`, { param_name: claim }),
  nameTaken: () => errors.identifierExists('name'),
  invalid: (paramName: string, longMessage: string) => errors.paramValueInvalid(paramName, longMessage),
  missing: (paramName: string) => errors.paramMissing(paramName),
  algorithmNotAllowed: (value: string, allowed: readonly string[]) => errors.paramValueNotAllowed('signing_algorithm', value, allowed),
};
