import { Ajv, type ValidateFunction } from 'ajv';

/**
 * Checks answers against Roster's own OpenAPI document (`GET /v1/openapi.json`, generated from the route
 * schemas): what the document promises for an operation and status is what the server sends.
 */

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });

interface DocumentOperation {
  segments: (string | null)[];
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
}

type Json = Record<string, any>;

const documents = new Map<string, Promise<Map<string, DocumentOperation[]>>>();
const validators = new WeakMap<object, ValidateFunction>();

async function loadDocument(origin: string, fetchDocument: typeof fetch): Promise<Map<string, DocumentOperation[]>> {
  const response = await fetchDocument(`${origin}/v1/openapi.json`);
  const document = (await response.json()) as Json;
  const byMethod = new Map<string, DocumentOperation[]>();
  for (const [path, item] of Object.entries(document.paths as Record<string, Json>)) {
    for (const [method, operation] of Object.entries(item)) {
      const segments = path.split('/').slice(1).map((segment) => (segment.startsWith('{') ? null : segment));
      const list = byMethod.get(method.toUpperCase()) ?? [];
      list.push({ segments, responses: operation.responses ?? {} });
      byMethod.set(method.toUpperCase(), list);
    }
  }
  return byMethod;
}

/** The most specific documented operation for a path: literal segments beat parameters, left-most first. */
function findOperation(operations: DocumentOperation[], pathname: string): DocumentOperation | undefined {
  const actual = pathname.split('/').slice(1);
  const matching = operations.filter(
    ({ segments }) => segments.length === actual.length && segments.every((segment, i) => (segment === null ? actual[i] !== '' : segment === actual[i])),
  );
  const specificity = (operation: DocumentOperation) => operation.segments.map((segment) => (segment === null ? '0' : '1')).join('');
  return matching.sort((a, b) => specificity(b).localeCompare(specificity(a)))[0];
}

/**
 * Validates a JSON answer against the response schema Roster's document gives for its operation and status.
 * Returns a description of the mismatch, or null when it matches (or the document declares no schema there).
 */
export async function checkAgainstRosterDocument(
  origin: string,
  method: string,
  pathname: string,
  status: number,
  body: unknown,
  fetchDocument: typeof fetch,
): Promise<string | null> {
  let document = documents.get(origin);
  if (!document) {
    document = loadDocument(origin, fetchDocument);
    documents.set(origin, document);
  }
  const operation = findOperation((await document).get(method.toUpperCase()) ?? [], pathname);
  const schema = operation?.responses[String(status)]?.content?.['application/json']?.schema;
  if (!schema) return null;
  const validate = validators.get(schema) ?? ajv.compile(schema);
  validators.set(schema, validate);
  if (validate(body)) return null;
  return ajv.errorsText(validate.errors, { separator: '\n' });
}
