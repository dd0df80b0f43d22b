/**
 * OpenAPI 3.0 schemas → JSON Schema (draft-07), for Ajv. Shared by the Backend API and Frontend API
 * spec validators (`openapi-spec.ts`):
 *  - `nullable: true` allows null (also when combined with `allOf`/`oneOf`/`$ref`/`enum`);
 *  - OpenAPI-only keywords (`discriminator`, `example`, `x-*`, `deprecated`, `xml`,
 *    `externalDocs`) are dropped;
 *  - boolean `exclusiveMinimum`/`exclusiveMaximum` become draft-07 numbers;
 *  - `#/components/schemas/X` refs point into one registered Ajv schema (`SCHEMAS_ID`), so recursive
 *    schemas are handled by Ajv refs rather than inlining.
 * `additionalProperties: false` is kept on purpose: strictness is the point.
 */

export type Json = Record<string, unknown>;

/** `$id` of the Ajv schema holding a spec's `components.schemas` (one per Ajv instance). */
export const SCHEMAS_ID = 'https://clerk-bapi.spec.local/components.json';
export const COMPONENT_SCHEMA_REF = '#/components/schemas/';

const DROPPED_KEYWORDS = new Set([
  'nullable',
  'discriminator',
  'example',
  'examples',
  'deprecated',
  'xml',
  'externalDocs',
]);
/** Keywords whose value is a single subschema. */
const SCHEMA_KEYWORDS = new Set(['items', 'additionalProperties', 'not', 'additionalItems', 'contains', 'propertyNames']);
/** Keywords whose value is an array of subschemas. */
const SCHEMA_ARRAY_KEYWORDS = new Set(['allOf', 'anyOf', 'oneOf']);
/** Keywords whose value is a map name -> subschema. */
const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties', 'definitions']);

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function rewriteRef(ref: string): string {
  if (ref.startsWith(COMPONENT_SCHEMA_REF)) {
    return `${SCHEMAS_ID}#/definitions/${ref.slice(COMPONENT_SCHEMA_REF.length)}`;
  }
  throw new Error(`openapi helper: unsupported $ref in schema: ${ref}`);
}

/** Converts one OpenAPI 3.0 Schema Object (recursively) into a draft-07 JSON Schema. */
export function toJsonSchema(schema: unknown): unknown {
  if (typeof schema === 'boolean') return schema;
  if (!isObject(schema)) return schema;

  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED_KEYWORDS.has(key) || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string') {
      out.$ref = rewriteRef(value);
    } else if (SCHEMA_KEYWORDS.has(key)) {
      out[key] = Array.isArray(value) ? value.map(toJsonSchema) : toJsonSchema(value);
    } else if (SCHEMA_ARRAY_KEYWORDS.has(key) && Array.isArray(value)) {
      out[key] = value.map(toJsonSchema);
    } else if (SCHEMA_MAP_KEYWORDS.has(key) && isObject(value)) {
      const map: Json = {};
      for (const [name, sub] of Object.entries(value)) map[name] = toJsonSchema(sub);
      out[key] = map;
    } else {
      out[key] = value; // enum, required, default, type, format, pattern, description...
    }
  }

  // OpenAPI 3.0 boolean exclusiveMinimum/exclusiveMaximum -> draft-07 numeric form.
  for (const [excl, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof out[excl] === 'boolean') {
      if (out[excl] === true && typeof out[bound] === 'number') {
        out[excl] = out[bound];
        delete out[bound];
      } else {
        delete out[excl];
      }
    }
  }

  // In OpenAPI 3.0 `$ref` siblings are ignored; only keep annotations next to it.
  if (typeof out.$ref === 'string') {
    const ref: Json = { $ref: out.$ref };
    if (typeof out.description === 'string') ref.description = out.description;
    return applyNullable(ref, schema.nullable === true);
  }
  return applyNullable(out, schema.nullable === true);
}

function applyNullable(schema: Json, nullable: boolean): Json {
  if (!nullable) return schema;
  const hasComposition =
    '$ref' in schema || 'allOf' in schema || 'oneOf' in schema || 'anyOf' in schema || 'not' in schema;
  if (!hasComposition && 'enum' in schema && Array.isArray(schema.enum)) {
    const enumValues = schema.enum.includes(null) ? schema.enum : [...schema.enum, null];
    const withEnum: Json = { ...schema, enum: enumValues };
    if (typeof schema.type === 'string') withEnum.type = [schema.type, 'null'];
    return withEnum;
  }
  if (!hasComposition && typeof schema.type === 'string') {
    return { ...schema, type: [schema.type, 'null'] };
  }
  if (!hasComposition && schema.type === undefined) {
    return schema; // `{nullable: true}` without a type: anything goes already
  }
  // Composition (allOf/oneOf/$ref...) possibly with a type: null must bypass all of it.
  const { description, ...rest } = schema;
  const wrapped: Json = { anyOf: [{ type: 'null' }, rest] };
  if (description !== undefined) wrapped.description = description;
  return wrapped;
}
