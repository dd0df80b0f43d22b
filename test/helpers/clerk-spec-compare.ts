import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

/**
 * Compares an operation of Roster's own OpenAPI document with the same operation in Clerk's spec: Roster may
 * describe less than Clerk (fewer parameters, properties or statuses) but never something Clerk does not have,
 * nor a different type, unless the schema marks the difference as a Roster extension (`x-roster-extension`).
 */

type Json = Record<string, any>;

const REFERENCE_DIR = fileURLToPath(new URL('../../../shared/reference/', import.meta.url));
/** The current spec, the previous version (Roster serves both), and the brief's dropped TOTP operation. */
const SPEC_FILES = ['clerk-bapi-2026-05-12.yml', 'clerk-bapi-2025-11-10.yml', 'clerk-bapi-create-user-totp-2024-10-01.yml'];

let specs: Json[] | undefined;
function loadSpecs(): Json[] {
  specs ??= SPEC_FILES.map((file) => parseYaml(readFileSync(`${REFERENCE_DIR}/${file}`, 'utf8')) as Json);
  return specs;
}

export const clerkSpecAvailable = SPEC_FILES.every((file) => existsSync(`${REFERENCE_DIR}/${file}`));

/** Follows `$ref`s inside one spec document. */
function deref(spec: Json, value: any, depth = 0): any {
  if (depth > 20 || !value || typeof value !== 'object') return value;
  if (typeof value.$ref === 'string') {
    const target = (value.$ref as string).replace(/^#\//, '').split('/').reduce((node: any, key: string) => node?.[key], spec);
    return deref(spec, target, depth + 1);
  }
  return value;
}

export interface ClerkOperationView {
  spec: Json;
  operation: Json;
}

/** Clerk's operation at `path` (with the `/v1` prefix, `{param}` spelling) and method, in every spec version that has it, newest first. */
export function findClerkSpecOperations(method: string, path: string): ClerkOperationView[] {
  const found: ClerkOperationView[] = [];
  for (const spec of loadSpecs()) {
    // Clerk's paths are relative to the `/v1` server URL.
    const operation = spec.paths?.[path.replace(/^\/v1(?=\/)/, '')]?.[method.toLowerCase()];
    if (operation) found.push({ spec, operation });
  }
  return found;
}

/** The JSON types a schema allows, `null` aside (OpenAPI 3.0 `nullable` and JSON Schema type lists alike). */
function typesOf(spec: Json, schema: any): Set<string> {
  const resolved = deref(spec, schema) ?? {};
  const types = new Set<string>();
  for (const type of [resolved.type ?? []].flat()) if (type !== 'null') types.add(type);
  for (const keyword of ['anyOf', 'oneOf', 'allOf']) for (const part of resolved[keyword] ?? []) for (const type of typesOf(spec, part)) types.add(type);
  return types;
}

function compatible(roster: Set<string>, clerk: Set<string>): boolean {
  if (!roster.size || !clerk.size) return true;
  // JSON Schema's integer is one of OpenAPI's numbers.
  return [...roster].every((type) => clerk.has(type) || (type === 'integer' && clerk.has('number')));
}

/** Every property a (possibly composed) object schema names, with its schema. */
function propertiesOf(spec: Json, schema: any, depth = 0): Map<string, any> | undefined {
  const resolved = deref(spec, schema);
  if (!resolved || typeof resolved !== 'object' || depth > 10) return undefined;
  const found = new Map<string, any>();
  let any = false;
  if (resolved.properties) {
    any = true;
    for (const [name, value] of Object.entries(resolved.properties)) found.set(name, value);
  }
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    for (const part of resolved[keyword] ?? []) {
      const inner = propertiesOf(spec, part, depth + 1);
      if (inner) {
        any = true;
        for (const [name, value] of inner) found.set(name, value);
      }
    }
  }
  return any ? found : undefined;
}

const jsonSchemaOf = (spec: Json, holder: any): any => {
  const content = deref(spec, holder)?.content ?? {};
  const key = Object.keys(content).find((type) => /json/.test(type)) ?? Object.keys(content)[0];
  return key ? content[key]?.schema : undefined;
};

/** Compares two schemas: Roster's properties must exist in Clerk's with a compatible type, recursively. */
function compareSchemas(roster: Json, clerk: ClerkOperationView, rosterSchema: any, clerkSchema: any, where: string, problems: string[], depth = 0): void {
  if (!rosterSchema || !clerkSchema || depth > 6 || rosterSchema['x-roster-extension']) return;
  const rosterTypes = typesOf(roster, rosterSchema);
  const clerkTypes = typesOf(clerk.spec, clerkSchema);
  if (!compatible(rosterTypes, clerkTypes)) {
    problems.push(`${where}: Roster says ${[...rosterTypes].join('|')}, Clerk says ${[...clerkTypes].join('|')}`);
    return;
  }
  const rosterResolved = deref(roster, rosterSchema);
  const clerkResolved = deref(clerk.spec, clerkSchema);
  if (rosterResolved?.items && clerkResolved?.items) {
    compareSchemas(roster, clerk, rosterResolved.items, clerkResolved.items, `${where}[]`, problems, depth + 1);
  }
  const rosterProperties = propertiesOf(roster, rosterSchema);
  const clerkProperties = propertiesOf(clerk.spec, clerkSchema);
  if (!rosterProperties || !clerkProperties) return;
  for (const [name, schema] of rosterProperties) {
    if (schema?.['x-roster-extension']) continue;
    const theirs = clerkProperties.get(name);
    if (theirs === undefined) {
      if (clerkProperties.size && deref(clerk.spec, clerkSchema)?.additionalProperties !== true) problems.push(`${where}.${name}: not in Clerk's spec`);
      continue;
    }
    compareSchemas(roster, clerk, schema, theirs, `${where}.${name}`, problems, depth + 1);
  }
}

/**
 * Where Roster's operation says something no version of Clerk's operation says: one line per problem, empty when
 * they agree. Roster serves several API versions, so what the previous version had (metadata in `PATCH /v1/users`)
 * is no contradiction.
 */
export function contradictions(roster: Json, rosterOperation: Json, clerk: readonly ClerkOperationView[]): string[] {
  const perVersion = clerk.map((version) => contradictionsWith(roster, rosterOperation, version));
  return perVersion.reduce((common, problems) => common.filter((problem) => problems.includes(problem)));
}

function contradictionsWith(roster: Json, rosterOperation: Json, clerk: ClerkOperationView): string[] {
  const problems: string[] = [];
  const clerkParameters = ((clerk.operation.parameters ?? []) as any[]).map((parameter) => deref(clerk.spec, parameter));
  for (const parameter of (rosterOperation.parameters ?? []) as any[]) {
    if (parameter.schema?.['x-roster-extension']) continue;
    const theirs = clerkParameters.find((candidate) => candidate.name === parameter.name && candidate.in === parameter.in);
    if (!theirs) {
      problems.push(`${parameter.in} parameter ${parameter.name}: not in Clerk's spec`);
      continue;
    }
    compareSchemas(roster, clerk, parameter.schema, theirs.schema, `${parameter.in} ${parameter.name}`, problems);
  }
  if (rosterOperation.requestBody) {
    const clerkBody = jsonSchemaOf(clerk.spec, clerk.operation.requestBody);
    if (!clerk.operation.requestBody) problems.push("request body: Clerk's operation takes none");
    else compareSchemas(roster, clerk, jsonSchemaOf(roster, rosterOperation.requestBody), clerkBody, 'body', problems);
  }
  const clerkResponses = (clerk.operation.responses ?? {}) as Json;
  for (const [status, response] of Object.entries((rosterOperation.responses ?? {}) as Json)) {
    if (status === 'default') continue;
    const theirs = clerkResponses[status];
    if (!theirs) {
      problems.push(`response ${status}: not in Clerk's spec`);
      continue;
    }
    compareSchemas(roster, clerk, jsonSchemaOf(roster, response), jsonSchemaOf(clerk.spec, theirs), `response ${status}`, problems);
  }
  return problems;
}
