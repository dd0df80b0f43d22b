import nodemailer, { type Transporter } from 'nodemailer';
import type { EmailSender, SmtpConfig } from '../config/email-config.js';
import type { Mailer } from './mailer.js';

/** How long to wait for a connection, the server's greeting, and any reply, before a send fails. */
const TIMEOUT_MS = 15_000;
/** Connections the pool keeps open to the SMTP server. */
const MAX_CONNECTIONS = 3;

export interface SmtpMailerOptions {
  smtp: SmtpConfig;
  from: EmailSender;
}

/**
 * Delivers through one SMTP server. The pooled transport is created on the first send (starting Roster
 * opens no connection) and reuses connections across messages; `close()` ends them. nodemailer's own
 * logging stays off: it would print the AUTH exchange.
 */
export function createSmtpMailer({ smtp, from }: SmtpMailerOptions): Mailer {
  let transporter: Transporter | null = null;
  const transport = (): Transporter =>
    (transporter ??= nodemailer.createTransport({
      pool: true,
      maxConnections: MAX_CONNECTIONS,
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      ...(smtp.auth ? { auth: { user: smtp.auth.user, pass: smtp.auth.password } } : {}),
      connectionTimeout: TIMEOUT_MS,
      greetingTimeout: TIMEOUT_MS,
      socketTimeout: TIMEOUT_MS,
      logger: false,
      debug: false,
    }));
  return {
    async send(message) {
      try {
        await transport().sendMail({
          from: from.name ? { name: from.name, address: from.address } : from.address,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
        });
      } catch (error) {
        // nodemailer's message names the failing step and the server's reply, never the password; the
        // redacted URL says which server was tried.
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`email delivery through ${smtp.redactedUrl} failed: ${reason}`);
      }
    },
    async close() {
      const open = transporter;
      transporter = null;
      open?.close();
    },
  };
}
