/**
 * Validates HTTP response bodies against one of Clerk's OpenAPI specs (the Backend API's or the Frontend
 * API's), loaded from `../shared/reference/` relative to the project root. `createSpecValidator` builds one
 * validator per spec; `openapi.ts` binds the two Roster speaks. When the spec file is absent, `available` is
 * false, `expect` is a no-op and spec tests should be skipped with `describe.skipIf(!available)`.
 * Schemas are converted by `openapi-schema.ts`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import AjvImport from 'ajv';
import addFormatsImport from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { COMPONENT_SCHEMA_REF, isObject, type Json, SCHEMAS_ID, toJsonSchema } from './openapi-schema.js';


// ajv / ajv-formats are CommonJS modules with `module.exports = X; exports.default = X`.
// Depending on TS module resolution the default import is either X or the module object:
// normalise both at the type level and at runtime.
type Unwrap<T> = T extends { default: infer D } ? D : T;
const Ajv = ((AjvImport as unknown as { default?: unknown }).default ?? AjvImport) as Unwrap<
  typeof AjvImport
>;
const addFormats = ((addFormatsImport as unknown as { default?: unknown }).default ??
  addFormatsImport) as Unwrap<typeof addFormatsImport>;
type AjvInstance = InstanceType<typeof Ajv>;

const REFERENCE_DIR_URL = new URL('../../../shared/reference/', import.meta.url);
const referenceDir = fileURLToPath(REFERENCE_DIR_URL);

export type ValidationResult = { ok: true } | { ok: false; errors: string };

export interface ResolvedOperation {
  /** Path template as written in the spec, e.g. `/users/{user_id}`. */
  template: string;
  /** Lower-case HTTP method. */
  method: string;
  operationId: string | undefined;
  /** Path parameters extracted from the URL. */
  params: Record<string, string>;
}

/** A request as the spec names it: the operation's method and its path (e.g. `get`, `/users/user_1`). */
export interface SpecRequest {
  method: string;
  path: string;
}

export interface SpecValidatorOptions {
  /** The spec's file in `../shared/reference/`. */
  mainFile: string;
  /** Supplementary specs merged in without overriding anything (e.g. a path a newer spec dropped). */
  extraFiles?: readonly string[];
  /** Turns an actual request (method and URL, optionally with origin and query) into the spec's terms. */
  toSpecRequest(method: string, url: string): SpecRequest;
  /**
   * Whether `paginated=true` in the query turns a documented bare array into `{ data, total_count }`.
   * @default false
   */
  paginatedWrapsArrays?: boolean;
}

export interface SpecValidator {
  /** True when the spec file exists. */
  available: boolean;
  /** Human readable reason to use when skipping spec-validation tests. */
  skipReason: string;
  /** The documented operation for an actual request, or undefined when none is documented. */
  resolveOperation(method: string, url: string): ResolvedOperation | undefined;
  /**
   * Validates a response body against the documented response for (method, url, status). Undocumented
   * operations/statuses are mismatches; a documented response without a JSON schema accepts any body.
   * Throws when the spec is not available.
   */
  validateResponse(method: string, url: string, status: number, body: unknown): ValidationResult;
  /** Vitest convenience: throws a readable Error on a mismatch; no-op when the spec is absent. */
  expectSpec(method: string, url: string, status: number, body: unknown): void;
  /** Validates a value against one of the spec's component schemas, by name (`Client.User`). */
  validateSchema(name: string, value: unknown): ValidationResult;
}

interface LoadedSpec {
  paths: Record<string, Json>;
  responses: Record<string, Json>;
  /** Component schemas, to see through a response's `$ref` (a documented array behind a name). */
  schemas: Record<string, Json>;
  templates: CompiledTemplate[];
  ajv: AjvInstance;
  /** null = no JSON schema documented (any body accepted). */
  validators: Map<string, ValidateFunction | null>;
}

interface CompiledTemplate {
  template: string;
  segments: Array<{ literal: string } | { regex: RegExp; names: string[] }>;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

function readYaml(path: string): Json {
  const doc: unknown = parseYaml(readFileSync(path, 'utf8'), { maxAliasCount: -1 });
  if (!isObject(doc)) throw new Error(`openapi helper: ${path} is not a YAML mapping`);
  return doc;
}

function compileTemplate(template: string): CompiledTemplate {
  const segments = template
    .split('/')
    .filter((s) => s !== '')
    .map((seg): CompiledTemplate['segments'][number] => {
      if (!seg.includes('{')) return { literal: seg };
      const names: string[] = [];
      const source = seg
        .split(/(\{[^}]+\})/)
        .map((part) => {
          const m = /^\{([^}]+)\}$/.exec(part);
          if (m) {
            names.push(m[1]!);
            return '([^/]+)';
          }
          return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        })
        .join('');
      return { regex: new RegExp(`^${source}$`), names };
    });
  return { template, segments };
}

function readSpec(mainSpecPath: string, extraSpecFiles: readonly string[]): LoadedSpec {
  const main = readYaml(mainSpecPath);
  const paths = { ...((main.paths as Record<string, Json> | undefined) ?? {}) };
  const components = (main.components as Json | undefined) ?? {};
  const schemas = { ...((components.schemas as Record<string, Json> | undefined) ?? {}) };
  const responses = { ...((components.responses as Record<string, Json> | undefined) ?? {}) };

  // Merge the supplementary specs (e.g. POST /users/{user_id}/totp) without overriding anything.
  for (const file of extraSpecFiles) {
    const path = fileURLToPath(new URL(file, REFERENCE_DIR_URL));
    if (!existsSync(path)) continue;
    const extra = readYaml(path);
    for (const [template, item] of Object.entries((extra.paths as Record<string, Json> | undefined) ?? {})) {
      const existing = paths[template];
      if (!existing) {
        paths[template] = item;
        continue;
      }
      const mergedItem: Json = { ...existing };
      for (const [method, op] of Object.entries(item)) {
        if (!(method in mergedItem)) mergedItem[method] = op;
      }
      paths[template] = mergedItem;
    }
    const extraComponents = (extra.components as Json | undefined) ?? {};
    for (const [name, s] of Object.entries((extraComponents.schemas as Record<string, Json> | undefined) ?? {})) {
      if (!(name in schemas)) schemas[name] = s;
    }
    for (const [name, r] of Object.entries((extraComponents.responses as Record<string, Json> | undefined) ?? {})) {
      if (!(name in responses)) responses[name] = r;
    }
  }

  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  // OpenAPI 3.0 formats that ajv-formats does not know.
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647,
  });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('float', { type: 'number', validate: () => true });
  ajv.addFormat('double', { type: 'number', validate: () => true });
  ajv.addFormat('binary', { type: 'string', validate: () => true });
  ajv.addFormat('byte', { type: 'string', validate: () => true });
  ajv.addFormat('password', { type: 'string', validate: () => true });

  const definitions: Json = {};
  for (const [name, s] of Object.entries(schemas)) definitions[name] = toJsonSchema(s);
  ajv.addSchema({ $id: SCHEMAS_ID, definitions });

  const templates = Object.keys(paths).map(compileTemplate);
  return { paths, responses, schemas, templates, ajv, validators: new Map() };
}

// ---------------------------------------------------------------------------------------------
// Path matching
// ---------------------------------------------------------------------------------------------

/**
 * The path of a request URL (origin, query and fragment dropped, one leading slash, no trailing slash),
 * with `prefix` removed when the path starts with it (`/v1` for the Backend API, whose spec paths do not
 * carry it).
 */
export function pathOf(url: string, prefix = ''): string {
  let path = url;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) path = new URL(path).pathname;
  path = path.split(/[?#]/, 1)[0] ?? '';
  if (!path.startsWith('/')) path = `/${path}`;
  if (prefix && (path === prefix || path.startsWith(`${prefix}/`))) path = path.slice(prefix.length) || '/';
  if (path.length > 1) path = path.replace(/\/+$/, '');
  return path;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function matchTemplate(
  t: CompiledTemplate,
  segments: string[],
): { params: Record<string, string>; rank: number[] } | undefined {
  if (t.segments.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  const rank: number[] = [];
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const ts = t.segments[i]!;
    if ('literal' in ts) {
      if (ts.literal !== seg && ts.literal !== safeDecode(seg)) return undefined;
      rank.push(1);
    } else {
      const m = ts.regex.exec(seg);
      if (!m) return undefined;
      ts.names.forEach((name, j) => {
        params[name] = safeDecode(m[j + 1]!);
      });
      rank.push(0);
    }
  }
  return { params, rank };
}

/** Literal segments win over `{param}` segments, left-most difference first. */
function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return (b[i] ?? 0) - (a[i] ?? 0);
  }
  return 0;
}

type Resolution =
  | { ok: true; op: ResolvedOperation; operation: Json }
  | { ok: false; errors: string };

function resolve(spec: LoadedSpec, request: SpecRequest, url: string): Resolution {
  const m = request.method.toLowerCase();
  const path = request.path;
  const segments = path.split('/').filter((s) => s !== '');

  const candidates = spec.templates
    .map((t) => ({ t, match: matchTemplate(t, segments) }))
    .filter((c): c is { t: CompiledTemplate; match: NonNullable<typeof c.match> } => c.match !== undefined)
    .sort((a, b) => compareRank(a.match.rank, b.match.rank));

  if (candidates.length === 0) {
    return { ok: false, errors: `no path template in the spec matches ${path} (from ${url})` };
  }
  const withMethod = candidates.filter((c) => HTTP_METHODS.has(m) && isObject(spec.paths[c.t.template]?.[m]));
  const chosen = withMethod[0];
  if (!chosen) {
    return {
      ok: false,
      errors:
        `operation ${request.method.toUpperCase()} ${path} is not documented ` +
        `(matching templates: ${candidates.map((c) => c.t.template).join(', ')})`,
    };
  }
  const operation = spec.paths[chosen.t.template]![m] as Json;
  return {
    ok: true,
    operation,
    op: {
      template: chosen.t.template,
      method: m,
      operationId: typeof operation.operationId === 'string' ? operation.operationId : undefined,
      params: chosen.match.params,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

function resolveResponse(spec: LoadedSpec, response: unknown): Json | undefined {
  let r = response;
  for (let depth = 0; depth < 10 && isObject(r) && typeof r.$ref === 'string'; depth++) {
    const ref = r.$ref as string;
    const prefix = '#/components/responses/';
    if (!ref.startsWith(prefix)) throw new Error(`openapi helper: unsupported response $ref ${ref}`);
    r = spec.responses[ref.slice(prefix.length)];
  }
  return isObject(r) ? r : undefined;
}

function jsonSchemaOf(response: Json): unknown {
  const content = response.content;
  if (!isObject(content)) return undefined;
  const key =
    'application/json' in content
      ? 'application/json'
      : Object.keys(content).find((k) => /^application\/([\w.+-]+\+)?json\b/i.test(k));
  if (!key) return undefined;
  const media = content[key];
  return isObject(media) ? media.schema : undefined;
}

function formatAjvErrors(errors: ErrorObject[] | null | undefined, limit = 30): string {
  if (!errors || errors.length === 0) return '(no details)';
  // Group `required` / `additionalProperties` errors of the same object into one line each.
  const grouped = new Map<string, { where: string; text: string; names: string[]; schemaPath: string }>();
  const lines: string[] = [];
  for (const e of errors) {
    const where = e.instancePath || '(root)';
    const params = e.params as { missingProperty?: unknown; additionalProperty?: unknown; allowedValues?: unknown };
    if (e.keyword === 'required' || e.keyword === 'additionalProperties') {
      const key = `${where} ${e.keyword} ${e.schemaPath}`;
      const name = String(e.keyword === 'required' ? params.missingProperty : params.additionalProperty);
      const text = e.keyword === 'required' ? 'is missing required properties' : 'has additional properties (not allowed)';
      const g = grouped.get(key);
      if (g) {
        if (!g.names.includes(name)) g.names.push(name);
      } else {
        grouped.set(key, { where, text, names: [name], schemaPath: e.schemaPath });
        lines.push(key);
      }
      continue;
    }
    const detail = e.keyword === 'enum' ? `: ${JSON.stringify(params.allowedValues)}` : '';
    lines.push(`${where} ${e.message ?? e.keyword}${detail} [${e.schemaPath}]`);
  }
  const rendered = [
    ...new Set(
      lines.map((line) => {
        const g = grouped.get(line);
        return g ? `${g.where} ${g.text}: ${g.names.map((n) => `'${n}'`).join(', ')} [${g.schemaPath}]` : line;
      }),
    ),
  ];
  const shown = rendered.slice(0, limit);
  if (rendered.length > limit) shown.push(`... and ${rendered.length - limit} more`);
  return shown.join('\n').split(`${SCHEMAS_ID}#/definitions/`).join(COMPONENT_SCHEMA_REF);
}

function validateAgainst(
  spec: LoadedSpec,
  request: SpecRequest,
  url: string,
  status: number,
  body: unknown,
  paginatedWrapsArrays: boolean,
): ValidationResult {
  const resolution = resolve(spec, request, url);
  if (!resolution.ok) return resolution;
  const { op, operation } = resolution;
  const label = `${op.method.toUpperCase()} ${op.template}${op.operationId ? ` (${op.operationId})` : ''}`;

  const responses = isObject(operation.responses) ? operation.responses : {};
  const statusKey = String(status);
  const rangeKey = `${statusKey[0] ?? ''}XX`;
  const key = [statusKey, rangeKey, rangeKey.toLowerCase(), 'default'].find((k) => k in responses);
  if (key === undefined && status >= 400) {
    // Clerk's spec lists only some error statuses per operation (no 422 on GET /users/{id}, for
    // instance) while its API answers every error with the same ClerkErrors body: hold an
    // undocumented error status to that shape instead of calling it a mismatch.
    return validateClerkErrors(spec, body, `${status} of ${label} (undocumented error status)`);
  }
  if (key === undefined) {
    return {
      ok: false,
      errors:
        `status ${status} is not documented for ${label}; ` +
        `documented: ${Object.keys(responses).join(', ') || '(none)'}`,
    };
  }

  // `paginated=true` (which @clerk/backend sends to list endpoints) turns a documented bare array into
  // `{ data, total_count }`, as Clerk's Backend API answers; its spec shows only the array.
  const paginated = paginatedWrapsArrays && status < 300 && /[?&]paginated=true(?:&|#|$)/.test(url);
  const cacheKey = `${op.method} ${op.template} ${key}${paginated ? ' paginated' : ''}`;
  let validate = spec.validators.get(cacheKey);
  if (validate === undefined) {
    const response = resolveResponse(spec, responses[key]);
    let schema = response ? jsonSchemaOf(response) : undefined;
    // A named array (`$ref: …/schemas/OAuthAccessToken`) is an array too.
    if (paginated && isObject(schema) && typeof schema.$ref === 'string' && schema.$ref.startsWith(COMPONENT_SCHEMA_REF)) {
      const named = spec.schemas[schema.$ref.slice(COMPONENT_SCHEMA_REF.length)];
      if (isObject(named) && named.type === 'array') schema = named;
    }
    if (paginated && isObject(schema) && schema.type === 'array') {
      schema = {
        type: 'object',
        additionalProperties: false,
        required: ['data', 'total_count'],
        properties: { data: schema, total_count: { type: 'integer', format: 'int64' } },
      };
    }
    validate = schema === undefined ? null : spec.ajv.compile(toJsonSchema(schema) as Json);
    spec.validators.set(cacheKey, validate);
  }
  if (validate === null) return { ok: true };
  if (validate(body)) return { ok: true };
  return {
    ok: false,
    errors: `response ${status} of ${label} does not match the spec:\n${formatAjvErrors(validate.errors)}`,
  };
}

function validateClerkErrors(spec: LoadedSpec, body: unknown, label: string): ValidationResult {
  const cacheKey = '#ClerkErrors';
  let validate = spec.validators.get(cacheKey);
  if (validate === undefined) {
    validate = spec.ajv.compile(toJsonSchema({ $ref: '#/components/schemas/ClerkErrors' }) as Json);
    spec.validators.set(cacheKey, validate);
  }
  if (validate!(body)) return { ok: true };
  return { ok: false, errors: `response ${label} is not a ClerkErrors body:\n${formatAjvErrors(validate!.errors)}` };
}

function truncatedJson(body: unknown, max = 2000): string {
  let text: string;
  try {
    text = JSON.stringify(body, null, 2) ?? String(body);
  } catch {
    text = String(body);
  }
  return text.length > max ? `${text.slice(0, max)}\n... (${text.length - max} more chars)` : text;
}

/** Builds the validator of one spec; the spec is read and compiled on first use. */
export function createSpecValidator(options: SpecValidatorOptions): SpecValidator {
  const mainSpecPath = fileURLToPath(new URL(options.mainFile, REFERENCE_DIR_URL));
  const available = existsSync(referenceDir) && existsSync(mainSpecPath);
  const skipReason = existsSync(referenceDir)
    ? `../shared/reference/${options.mainFile} is absent: spec validation tests skipped`
    : '../shared/reference is absent: spec validation tests skipped';
  let loaded: LoadedSpec | undefined;
  const load = (): LoadedSpec => {
    if (!available) throw new Error(skipReason);
    loaded ??= readSpec(mainSpecPath, options.extraFiles ?? []);
    return loaded;
  };

  const validateResponse = (method: string, url: string, status: number, body: unknown): ValidationResult =>
    validateAgainst(load(), options.toSpecRequest(method, url), url, status, body, options.paginatedWrapsArrays ?? false);

  return {
    available,
    skipReason,
    resolveOperation(method, url) {
      const r = resolve(load(), options.toSpecRequest(method, url), url);
      return r.ok ? r.op : undefined;
    },
    validateResponse,
    validateSchema(name, value) {
      const spec = load();
      const cacheKey = `#schema ${name}`;
      let validate = spec.validators.get(cacheKey);
      if (validate === undefined) {
        validate = spec.ajv.compile(toJsonSchema({ $ref: `${COMPONENT_SCHEMA_REF}${name}` }) as Json);
        spec.validators.set(cacheKey, validate);
      }
      if (validate!(value)) return { ok: true };
      return { ok: false, errors: `value is not a ${name}:\n${formatAjvErrors(validate!.errors)}` };
    },
    expectSpec(method, url, status, body) {
      if (!available) return;
      const result = validateResponse(method, url, status, body);
      if (result.ok) return;
      throw new Error(
        `OpenAPI mismatch for ${method.toUpperCase()} ${url} -> ${status}\n` +
          `${result.errors}\n` +
          `body: ${truncatedJson(body)}`,
      );
    },
  };
}
