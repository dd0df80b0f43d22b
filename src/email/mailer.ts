/** One email, ready to send: both bodies say the same thing. */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Sends email. Delivery failures reject; the rejection never holds the message's content or credentials. */
export interface Mailer {
  send(message: EmailMessage): Promise<void>;
  /** Lets go of pooled connections (on shutdown); sending afterwards opens new ones. */
  close(): Promise<void>;
}

/** What a mailer may log to: pino's (and Fastify's) `logger.info(object, message)`. */
export interface MailLogger {
  info(object: Record<string, unknown>, message: string): void;
  warn(object: Record<string, unknown>, message: string): void;
}

/** A development instance (`sk_test_` keys) or a production one, as Clerk tells them apart. */
export type InstanceKind = 'development' | 'production';
