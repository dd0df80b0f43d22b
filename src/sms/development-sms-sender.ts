import type { SmsLogger, SmsSender } from './sms-sender.js';

/**
 * A development instance without an SMS webhook: every message is written to the log, code and all, so a
 * developer can verify a phone without an SMS provider. Never used in production (see createSmsSender), where a
 * code in the log would be a credential in the log.
 */
export function createDevelopmentSmsSender(logger: SmsLogger): SmsSender {
  return {
    async send(message) {
      logger.info({ sms: { to: message.to, message: message.message } }, 'SMS not sent: no ROSTER_SMS_WEBHOOK_URL on this development instance; its content is logged instead');
    },
  };
}
