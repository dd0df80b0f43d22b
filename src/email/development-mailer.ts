import type { Mailer, MailLogger } from './mailer.js';

/**
 * A development instance without SMTP: every message is written to the log at info level, code and all, so
 * a developer can sign up without a mail server. Never used in production (see createMailer), where a code in
 * the log would be a credential in the log.
 */
export function createDevelopmentMailer(logger: MailLogger): Mailer {
  return {
    async send(message) {
      logger.info(
        { email: { to: message.to, subject: message.subject, text: message.text } },
        'email not sent: no ROSTER_SMTP_URL on this development instance; its content is logged instead',
      );
    },
    async close() {},
  };
}
