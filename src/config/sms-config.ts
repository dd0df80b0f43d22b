import { ConfigError } from './config-error.js';

/** Where text messages go: one HTTPS (or HTTP) endpoint that receives signed JSON and sends the SMS itself. */
export interface SmsWebhookConfig {
  url: string;
  /** The URL's origin only (its path may hold a token, as many webhook URLs do): the only form of it that may be logged. */
  redactedUrl: string;
  /** `ROSTER_SMS_WEBHOOK_SECRET`: the HMAC-SHA256 key of the `roster-signature` header. */
  secret: string;
  /** `ROSTER_SMS_WEBHOOK_TIMEOUT_MS`. @default 5000 */
  timeoutInMs: number;
}

/** SMS delivery settings from the environment. */
export interface SmsConfig {
  /** `ROSTER_SMS_WEBHOOK_URL`; null when unset: a development instance logs messages, a production one sends none. */
  webhook: SmsWebhookConfig | null;
}

const DEFAULT_TIMEOUT_MS = 5000;
const MIN_SECRET_LENGTH = 16;

/** Reads the SMS settings; validated and frozen. Errors never repeat the URL or the secret. */
export function loadSmsConfig(env: NodeJS.ProcessEnv): Readonly<SmsConfig> {
  const raw = env.ROSTER_SMS_WEBHOOK_URL?.trim();
  const secret = env.ROSTER_SMS_WEBHOOK_SECRET ?? '';
  if (!raw) {
    if (secret) throw new ConfigError('ROSTER_SMS_WEBHOOK_SECRET is set but ROSTER_SMS_WEBHOOK_URL is not');
    return Object.freeze({ webhook: null });
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('ROSTER_SMS_WEBHOOK_URL is not a URL (expected https://host/path)');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(`ROSTER_SMS_WEBHOOK_URL must start with https:// or http://, not ${url.protocol}//`);
  if (url.hash !== '') throw new ConfigError('ROSTER_SMS_WEBHOOK_URL must not have a fragment');
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`ROSTER_SMS_WEBHOOK_SECRET must be set to at least ${MIN_SECRET_LENGTH} characters with ROSTER_SMS_WEBHOOK_URL: it signs every message`);
  }
  const timeoutText = env.ROSTER_SMS_WEBHOOK_TIMEOUT_MS?.trim();
  const timeoutInMs = timeoutText ? Number(timeoutText) : DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeoutInMs) || timeoutInMs < 100 || timeoutInMs > 60_000) {
    throw new ConfigError('ROSTER_SMS_WEBHOOK_TIMEOUT_MS must be an integer between 100 and 60000');
  }
  return Object.freeze({
    webhook: Object.freeze({ url: url.href, redactedUrl: url.origin, secret, timeoutInMs }),
  });
}
