// Standard Webhooks (Svix) signatures, as Clerk's webhooks carry them: `svix-id`, `svix-timestamp` (Unix seconds)
// and `svix-signature` (`v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, several separated by spaces while a
// rotated secret still signs). The secret is `whsec_` + base64 of 24 random bytes, as Svix makes them.
import { createHmac, randomBytes } from 'node:crypto';

const SECRET_PREFIX = 'whsec_';

/** A new signing secret. */
export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(24).toString('base64')}`;
}

/** The HMAC key a `whsec_…` secret stands for. */
function secretKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');
}

/** The `svix-signature` header of `body` sent as message `id` at `timestampSeconds`, one signature per secret. */
export function signWebhook(secrets: readonly string[], id: string, timestampSeconds: number, body: string): string {
  return secrets
    .map((secret) => `v1,${createHmac('sha256', secretKey(secret)).update(`${id}.${timestampSeconds}.${body}`).digest('base64')}`)
    .join(' ');
}

/** The three headers of a delivery. */
export function webhookHeaders(secrets: readonly string[], id: string, timestampSeconds: number, body: string): Record<string, string> {
  return {
    'svix-id': id,
    'svix-timestamp': String(timestampSeconds),
    'svix-signature': signWebhook(secrets, id, timestampSeconds, body),
  };
}
