import type { SmsConfig } from '../config/sms-config.js';
import type { InstanceKind } from '../email/mailer.js';
import { createDevelopmentSmsSender } from './development-sms-sender.js';
import type { SmsLogger, SmsSender } from './sms-sender.js';
import { createWebhookSmsSender } from './webhook-sms-sender.js';

export interface CreateSmsSenderOptions {
  config: Readonly<SmsConfig>;
  instanceType: InstanceKind;
  logger: SmsLogger;
}

/**
 * The instance's SMS sender: the webhook when `ROSTER_SMS_WEBHOOK_URL` is set; otherwise, on a development
 * instance, the development sender that logs each message; on a production instance, a sender whose every send
 * fails (and logs nothing: a code in the log would be a credential in the log).
 */
export function createSmsSender({ config, instanceType, logger }: CreateSmsSenderOptions): SmsSender {
  if (config.webhook) {
    logger.info({ smsWebhook: config.webhook.redactedUrl }, 'text messages are delivered through the SMS webhook');
    return createWebhookSmsSender(config.webhook);
  }
  if (instanceType === 'development') return createDevelopmentSmsSender(logger);
  return {
    async send() {
      throw new Error('SMS delivery is not configured: set ROSTER_SMS_WEBHOOK_URL');
    },
  };
}
