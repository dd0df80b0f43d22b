// An SMTP server on 127.0.0.1 (port 0) that keeps every message it receives, for tests that start Roster with
// ROSTER_SMTP_URL pointing at it and read what Roster sent: a code a person would type from their inbox.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { findPart, parseMime, type MimePart } from './mime.js';
import { afterAll, beforeAll } from 'vitest';
import { createWaiters } from './waiters.js';

export interface ReceivedMessage {
  /** The envelope's recipients. */
  to: string[];
  mime: MimePart;
}

export interface SmtpInbox {
  /** `smtp://127.0.0.1:<port>`: plain SMTP without login, for ROSTER_SMTP_URL. */
  readonly url: string;
  readonly messages: readonly ReceivedMessage[];
  /** Resolves with the first message (received so far or later) to `address`; rejects after `timeoutMs`. */
  waitForMessage(address: string, timeoutMs?: number): Promise<ReceivedMessage>;
  close(): Promise<void>;
}

/** The six-digit code of a verification email: in its subject, and in its text and HTML bodies. */
export function codeOf(message: ReceivedMessage): string {
  const code = /^(\d{6}) is your verification code$/.exec(message.mime.headers.get('subject') ?? '')?.[1];
  if (!code) throw new Error(`not a verification code email: subject ${JSON.stringify(message.mime.headers.get('subject'))}`);
  if (!findPart(message.mime, 'text/plain')?.body.includes(`\n${code}\n`)) throw new Error('the text body does not hold the code of the subject');
  return code;
}

export async function startSmtpInbox(): Promise<SmtpInbox> {
  const messages: ReceivedMessage[] = [];
  const waiters = createWaiters();
  const server = new SMTPServer({
    // Loopback without a certificate: no STARTTLS, and no login.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        messages.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), mime: parseMime(Buffer.concat(chunks).toString('utf8')) });
        waiters.wake();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitForMessage(address, timeoutMs = 15_000) {
      const wanted = address.toLowerCase();
      return waiters.waitFor(
        () => messages.find((message) => message.to.some((to) => to.toLowerCase() === wanted)),
        timeoutMs,
        () => `no message to ${address} within ${timeoutMs} ms (${messages.length} received)`,
      );
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * An inbox for the file's tests: started in `beforeAll` (call it before `useTestServer(() => ({ ROSTER_SMTP_URL:
 * inbox.url }))`, so its URL is known when the server starts) and closed in `afterAll`.
 */
export function useSmtpInbox(): SmtpInbox {
  let started: SmtpInbox | undefined;
  beforeAll(async () => {
    started = await startSmtpInbox();
  });
  afterAll(async () => started?.close());
  const current = (): SmtpInbox => {
    if (!started) throw new Error('useSmtpInbox: the inbox starts in beforeAll; use it inside tests and hooks');
    return started;
  };
  return {
    get url() {
      return current().url;
    },
    get messages() {
      return current().messages;
    },
    waitForMessage: (address, timeoutMs) => current().waitForMessage(address, timeoutMs),
    // Closed by the afterAll hook.
    close: async () => undefined,
  };
}
