// Clerk's webhook reference (`../shared/reference/clerk-webhooks-2025-04-15.yml`) as a validator: every payload a
// test receives is checked against the envelope (`WebhookEventPayload`) and the `data` schema its type names.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { createSpecValidator } from './openapi-spec.js';

const FILE = 'clerk-webhooks-2025-04-15.yml';
const path = fileURLToPath(new URL(`../../../shared/reference/${FILE}`, import.meta.url));
const validator = createSpecValidator({ mainFile: FILE, toSpecRequest: (method, url) => ({ method, path: url }) });

export const webhookSpecAvailable = validator.available && existsSync(path);
export const webhookSpecSkipReason = validator.skipReason;

let dataSchemas: Map<string, string> | undefined;

/** The component schema of `data` for each event type, from the reference's `x-webhooks`. */
function dataSchemaOf(type: string): string {
  if (!dataSchemas) {
    const spec = parseYaml(readFileSync(path, 'utf8')) as { 'x-webhooks': Record<string, any> };
    dataSchemas = new Map();
    for (const [name, item] of Object.entries(spec['x-webhooks'])) {
      const parts = item.post?.requestBody?.content?.['application/json']?.schema?.allOf ?? [];
      const ref = parts.map((part: any) => part?.properties?.data?.$ref).find(Boolean) as string | undefined;
      if (ref) dataSchemas.set(name, ref.split('/').pop()!);
    }
  }
  // The invitation events nest their schema one allOf deeper.
  if (type === 'organizationInvitation.created' || type === 'organizationInvitation.revoked') return 'OrganizationInvitation';
  const schema = dataSchemas.get(type);
  if (!schema) throw new Error(`the webhook reference has no event type ${type}`);
  return schema;
}

/** Throws a readable error when `payload` is not what Clerk's reference describes for its type. */
export function expectWebhookPayload(payload: { type: string; data: unknown }): void {
  if (!webhookSpecAvailable) return;
  const dataSchema = dataSchemaOf(payload.type);
  const checks: [string, unknown][] = [['WebhookEventPayload', payload]];
  if (dataSchema === 'SessionEventPayload') {
    // The reference writes it as allOf [Session, {user}], but Session forbids other properties, so no payload with
    // the required `user` could pass as written: the session and its user are checked each against their own schema.
    const { user, ...session } = payload.data as { user: unknown };
    checks.push(['Session', session], ['User', user]);
  } else if (dataSchema === 'OrganizationInvitationAcceptedPayload') {
    // The same allOf over a closed schema: the invitation is checked as one, its `user_id` (optional) apart.
    const { user_id: _user, ...invitation } = payload.data as { user_id?: string };
    checks.push(['OrganizationInvitation', invitation]);
  } else {
    checks.push([dataSchema, payload.data]);
  }
  for (const [name, value] of checks) {
    const result = validator.validateSchema(name, value);
    if (!result.ok) throw new Error(`${payload.type} payload does not match the webhook reference:\n${result.errors}\n${JSON.stringify(payload).slice(0, 2000)}`);
  }
}
