import { errors } from './error-catalog.js';

/** A query string as the HTTP layer hands it over: repeated keys become arrays. */
export type RawQuery = Record<string, string | string[] | undefined>;

/** Every value of a parameter, empty ones included (`?a=` is `['']`). */
export const asArray = (value: string | string[] | undefined): string[] => (value === undefined ? [] : [value].flat());

/** The first value of a parameter, even when it is empty. */
export const first = (value: string | string[] | undefined): string | undefined => asArray(value)[0];

/** Refuses query parameters the endpoint does not know (the API version parameter is always allowed). */
export function assertKnownParams(query: RawQuery, known: readonly string[]): void {
  for (const key of Object.keys(query)) {
    if (key !== '__clerk_api_version' && !known.includes(key)) throw errors.paramUnknown(key);
  }
}

/** An integer parameter within `min`–`max`; absent or empty is `undefined`. */
export function parseInteger(raw: string | undefined, paramName: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw)) throw errors.paramTypeInvalid(paramName, 'integer');
  const value = Number(raw);
  if (value < min || value > max) throw errors.paramValueInvalid(paramName, `${paramName} must be between ${min} and ${max}.`);
  return value;
}

/** Values prefixed with `-` are excluded, `+` (or nothing) included. */
export function includeExclude(values: readonly string[]): { include: string[]; exclude: string[] } {
  const include: string[] = [];
  const exclude: string[] = [];
  for (const value of values) {
    if (value.startsWith('-')) exclude.push(value.slice(1));
    else include.push(value.startsWith('+') ? value.slice(1) : value);
  }
  return { include, exclude };
}
