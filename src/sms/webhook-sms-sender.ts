import { createHmac, randomUUID } from 'node:crypto';
import type { SmsWebhookConfig } from '../config/sms-config.js';
import type { SmsSender } from './sms-sender.js';

/** The header carrying `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">` under the webhook secret. */
export const SMS_SIGNATURE_HEADER = 'roster-signature';
export const SMS_ID_HEADER = 'roster-id';
/** Unix seconds when the request was signed: receivers refuse old ones (replays). */
export const SMS_TIMESTAMP_HEADER = 'roster-timestamp';

/** The signature of one webhook request, as the receiver recomputes it. */
export function signSmsWebhook(secret: string, id: string, timestampInSeconds: number, body: string): string {
  return `v1,${createHmac('sha256', secret).update(`${id}.${timestampInSeconds}.${body}`).digest('base64')}`;
}

/**
 * Sends each message as a signed JSON POST `{ id, to, message, created_at }` to `ROSTER_SMS_WEBHOOK_URL`; the
 * receiver (the operator's code, in front of any SMS provider) delivers it. Any answer but 2xx, a network error
 * or the timeout rejects with an error naming only the redacted URL and the status.
 */
export function createWebhookSmsSender(config: Readonly<SmsWebhookConfig>, fetchImpl: typeof fetch = fetch): SmsSender {
  // fetch refuses URLs with credentials: `https://user:pass@host/…` becomes HTTP Basic authentication.
  const target = new URL(config.url);
  const authorization =
    target.username || target.password
      ? `Basic ${Buffer.from(`${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`).toString('base64')}`
      : null;
  target.username = '';
  target.password = '';
  return {
    async send(message) {
      const id = `sms_${randomUUID().replaceAll('-', '')}`;
      const timestampInSeconds = Math.floor(Date.now() / 1000);
      const body = JSON.stringify({ id, to: message.to, message: message.message, created_at: timestampInSeconds * 1000 });
      let status: number;
      try {
        const response = await fetchImpl(target.href, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(authorization ? { authorization } : {}),
            [SMS_ID_HEADER]: id,
            [SMS_TIMESTAMP_HEADER]: String(timestampInSeconds),
            [SMS_SIGNATURE_HEADER]: signSmsWebhook(config.secret, id, timestampInSeconds, body),
          },
          body,
          redirect: 'error',
          signal: AbortSignal.timeout(config.timeoutInMs),
        });
        status = response.status;
        await response.body?.cancel().catch(() => undefined);
      } catch (error) {
        const why = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${config.timeoutInMs} ms` : 'the request failed';
        throw new Error(`SMS webhook ${config.redactedUrl}: ${why}`);
      }
      if (status < 200 || status > 299) throw new Error(`SMS webhook ${config.redactedUrl} answered ${status}`);
    },
  };
}
