import { errors, type ClerkError } from '../lib/error-catalog.js';

/**
 * Query strings are parsed by their route's schema (a TypeBox object of scalar and array properties), with
 * Clerk's rules rather than JSON Schema coercion:
 * - a repeated scalar parameter counts once: its first non-empty value (`?limit=&limit=5` is 5);
 * - an empty value is an absent one;
 * - integers are digits only (`1e3`, ` 5`, `0x10` are refused), held to the schema's `minimum`/`maximum`;
 * - booleans are `true` or `false`;
 * - `enum` strings are checked against the list; arrays take every non-empty value, at most `maxItems`;
 * - with `additionalProperties: false`, an unknown parameter is refused (`__clerk_api_version` is always known).
 * The parsed object replaces `request.query`, so handlers receive what the schema's static type says.
 */

/** What Fastify's querystring parser hands over: repeated keys become arrays. */
type RawQuery = Record<string, string | string[] | undefined>;

interface PropertySchema {
  type?: string | string[];
  minimum?: number;
  maximum?: number;
  enum?: readonly string[];
  maxItems?: number;
  default?: unknown;
}

interface ObjectSchema {
  properties?: Record<string, PropertySchema>;
  additionalProperties?: boolean;
}

/** The API version parameter is read by the version hook, never by routes. */
const ALWAYS_KNOWN = '__clerk_api_version';

const nonEmptyValues = (value: string | string[] | undefined): string[] =>
  (value === undefined ? [] : [value].flat()).filter((item) => item !== '');

function parseIntegerValue(raw: string, name: string, schema: PropertySchema): number {
  const min = schema.minimum ?? -Number.MAX_SAFE_INTEGER;
  const max = schema.maximum ?? Number.MAX_SAFE_INTEGER;
  if (!/^-?\d+$/.test(raw)) throw errors.paramTypeInvalid(name, 'integer');
  const value = Number(raw);
  if (value < min || value > max) throw errors.paramValueInvalid(name, `${name} must be between ${min} and ${max}.`);
  return value;
}

function parseProperty(name: string, schema: PropertySchema, raw: string | string[] | undefined): unknown {
  const values = nonEmptyValues(raw);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'array') {
    if (schema.maxItems !== undefined && values.length > schema.maxItems) throw errors.paramArraySizeExceeded(name, schema.maxItems);
    return values.length ? values : undefined;
  }
  const value = values[0];
  if (value === undefined) return schema.default;
  switch (type) {
    case 'integer':
      return parseIntegerValue(value, name, schema);
    case 'boolean':
      if (value !== 'true' && value !== 'false') throw errors.paramTypeInvalid(name, 'boolean');
      return value === 'true';
    default:
      if (schema.enum && !schema.enum.includes(value)) throw errors.paramValueNotAllowed(name, value, schema.enum);
      return value;
  }
}

/** Compiles a querystring schema into a Fastify validator that answers `{ value }` or `{ error }`. */
export function compileQueryParser(schema: ObjectSchema): (data: unknown) => { value: Record<string, unknown> } | { error: ClerkError } {
  const properties = Object.entries(schema.properties ?? {});
  const known = new Set([ALWAYS_KNOWN, ...properties.map(([name]) => name)]);
  return (data) => {
    const query = (data ?? {}) as RawQuery;
    try {
      if (schema.additionalProperties === false) {
        for (const key of Object.keys(query)) if (!known.has(key)) throw errors.paramUnknown(key);
      }
      const value: Record<string, unknown> = {};
      for (const [name, property] of properties) {
        const parsed = parseProperty(name, property, query[name]);
        if (parsed !== undefined) value[name] = parsed;
      }
      return { value };
    } catch (error) {
      return { error: error as ClerkError };
    }
  };
}
