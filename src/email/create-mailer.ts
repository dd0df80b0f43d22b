import { ConfigError } from '../config/config-error.js';
import type { EmailConfig } from '../config/email-config.js';
import { createDevelopmentMailer } from './development-mailer.js';
import type { InstanceKind, Mailer, MailLogger } from './mailer.js';
import { createSmtpMailer } from './smtp-mailer.js';

export interface CreateMailerOptions {
  config: Readonly<EmailConfig>;
  instanceType: InstanceKind;
  logger: MailLogger;
}

/**
 * The instance's mailer: SMTP when `ROSTER_SMTP_URL` is set; otherwise, on a development instance, the
 * development mailer that logs each message; on a production instance without SMTP (allowed only when sign-up
 * needs no email, see assertEmailDeliveryConfigured), a mailer whose every send fails.
 */
export function createMailer({ config, instanceType, logger }: CreateMailerOptions): Mailer {
  if (config.smtp) {
    logger.info({ smtp: config.smtp.redactedUrl }, 'email is delivered over SMTP');
    return createSmtpMailer({ smtp: config.smtp, from: config.from });
  }
  if (instanceType === 'development') return createDevelopmentMailer(logger);
  return {
    async send() {
      throw new Error('email delivery is not configured: set ROSTER_SMTP_URL');
    },
    async close() {},
  };
}

export interface EmailDeliveryRequirement {
  config: Readonly<EmailConfig>;
  instanceType: InstanceKind;
  /** The instance's required identifiers (Config.requiredIdentifiers): sign-up verifies an email when it has one. */
  requiredIdentifiers: readonly string[];
}

/**
 * Fails start-up (ConfigError) when a production instance's sign-up needs an email code and there is no
 * SMTP server to send it: a development instance logs codes instead, a production one must never.
 */
export function assertEmailDeliveryConfigured({ config, instanceType, requiredIdentifiers }: EmailDeliveryRequirement): void {
  if (config.smtp || instanceType === 'development' || !requiredIdentifiers.includes('email_address')) return;
  throw new ConfigError(
    'ROSTER_SMTP_URL is required on a production instance (sk_live_ keys) whose sign-up needs an email address (ROSTER_REQUIRED_IDENTIFIERS has email_address): ' +
      'set it to smtp://user:password@host:587 or smtps://user:password@host:465, so verification codes can be delivered',
  );
}
