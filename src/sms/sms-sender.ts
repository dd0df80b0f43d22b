/** One text message, ready to send. */
export interface SmsMessage {
  /** E.164. */
  to: string;
  message: string;
}

/** Sends text messages. Delivery failures reject; the rejection never holds the message's content or credentials. */
export interface SmsSender {
  send(message: SmsMessage): Promise<void>;
}

/** What a sender may log to: pino's (and Fastify's) `logger.info(object, message)`. */
export interface SmsLogger {
  info(object: Record<string, unknown>, message: string): void;
  warn(object: Record<string, unknown>, message: string): void;
}
