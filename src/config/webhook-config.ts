import { ConfigError } from './config-error.js';

/** How this node delivers webhook events. */
export interface WebhookConfig {
  /** `ROSTER_WEBHOOK_DELIVERY`: `on` (this node delivers) or `off` (it only records events; another node delivers). @default on */
  deliver: boolean;
  /** `ROSTER_WEBHOOK_POLL_MS`: how often the dispatcher looks for new changes and due retries. @default 500 */
  pollIntervalMs: number;
  /** `ROSTER_WEBHOOK_TIMEOUT_SECONDS`: one attempt's limit, from connecting to the end of the answer. @default 15 */
  attemptTimeoutSeconds: number;
  /**
   * `ROSTER_WEBHOOK_RETRY_SCHEDULE`: seconds to wait before each attempt after the first, comma-separated. The last
   * entry is the final attempt. @default Svix's: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h
   */
  retryScheduleSeconds: readonly number[];
  /**
   * `ROSTER_WEBHOOK_DISABLE_AFTER_HOURS`: an endpoint whose attempts have all failed for this long is disabled (as
   * Svix does after five days). @default 120
   */
  disableAfterHours: number;
}

const SVIX_SCHEDULE = [5, 300, 1800, 7200, 18000, 36000, 36000];

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > max) throw new ConfigError(`${name} must be a number above 0 and at most ${max}, got "${raw}"`);
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['on', 'true', '1', 'yes'].includes(raw)) return true;
  if (['off', 'false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be on or off, got "${raw}"`);
}

export function loadWebhookConfig(env: NodeJS.ProcessEnv): Readonly<WebhookConfig> {
  const scheduleText = env.ROSTER_WEBHOOK_RETRY_SCHEDULE?.trim();
  const retryScheduleSeconds = scheduleText ? scheduleText.split(',').map((part) => Number(part.trim())) : SVIX_SCHEDULE;
  if (retryScheduleSeconds.length > 20 || retryScheduleSeconds.some((seconds) => !Number.isFinite(seconds) || seconds < 0 || seconds > 7 * 86400)) {
    throw new ConfigError('ROSTER_WEBHOOK_RETRY_SCHEDULE must be up to 20 comma-separated numbers of seconds (0 to 604800 each)');
  }
  return Object.freeze({
    deliver: flag(env, 'ROSTER_WEBHOOK_DELIVERY', true),
    pollIntervalMs: positiveNumber(env, 'ROSTER_WEBHOOK_POLL_MS', 500, 60_000),
    attemptTimeoutSeconds: positiveNumber(env, 'ROSTER_WEBHOOK_TIMEOUT_SECONDS', 15, 300),
    retryScheduleSeconds: Object.freeze(retryScheduleSeconds),
    disableAfterHours: positiveNumber(env, 'ROSTER_WEBHOOK_DISABLE_AFTER_HOURS', 120, 24 * 365),
  });
}
