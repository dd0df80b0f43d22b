// An HTTP receiver on 127.0.0.1 (port 0) standing in for an operator's SMS webhook: it checks each request's
// signature the way a receiver would, keeps the messages, and can be told to fail or to hang.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { signSmsWebhook, SMS_ID_HEADER, SMS_SIGNATURE_HEADER, SMS_TIMESTAMP_HEADER } from '../../src/sms/webhook-sms-sender.js';

export const SMS_WEBHOOK_SECRET = 'test-sms-webhook-secret-0123456789';

export interface ReceivedSms {
  id: string;
  to: string;
  message: string;
  /** Whether the signature header matched the body under SMS_WEBHOOK_SECRET. */
  signed: boolean;
}

export interface SmsInbox {
  /** `http://127.0.0.1:<port>/sms`, for ROSTER_SMS_WEBHOOK_URL. */
  readonly url: string;
  readonly messages: readonly ReceivedSms[];
  /** What the receiver does with the next requests: accept (204), fail with a status, or never answer. */
  mode: { kind: 'accept' } | { kind: 'fail'; status: number } | { kind: 'hang' };
  /** The six-digit code of the last message to `to`. */
  lastCodeTo(to: string): string;
  close(): Promise<void>;
}

/** The env that points Roster at the inbox. */
export const smsEnv = (inbox: SmsInbox): Record<string, string> => ({
  ROSTER_SMS_WEBHOOK_URL: inbox.url,
  ROSTER_SMS_WEBHOOK_SECRET: SMS_WEBHOOK_SECRET,
  ROSTER_SMS_WEBHOOK_TIMEOUT_MS: '500',
});

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startSmsInbox(): Promise<SmsInbox> {
  const messages: ReceivedSms[] = [];
  const hanging = new Set<() => void>();
  const inbox: SmsInbox = {
    url: '',
    messages,
    mode: { kind: 'accept' },
    lastCodeTo(to) {
      const last = messages.filter((item) => item.to === to).at(-1);
      const code = last && /^(\d{6}) is your /.exec(last.message)?.[1];
      if (!code) throw new Error(`no code was texted to ${to}`);
      return code;
    },
    async close() {
      for (const release of hanging) release();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server: Server = createServer(async (request, response) => {
    const body = await readBody(request);
    const mode = inbox.mode;
    if (mode.kind === 'hang') {
      await new Promise<void>((resolve) => hanging.add(resolve));
      response.destroy();
      return;
    }
    if (mode.kind === 'fail') {
      response.writeHead(mode.status).end();
      return;
    }
    const id = String(request.headers[SMS_ID_HEADER]);
    const timestamp = Number(request.headers[SMS_TIMESTAMP_HEADER]);
    const expected = Buffer.from(signSmsWebhook(SMS_WEBHOOK_SECRET, id, timestamp, body));
    const given = Buffer.from(String(request.headers[SMS_SIGNATURE_HEADER] ?? ''));
    const parsed = JSON.parse(body) as { id: string; to: string; message: string };
    messages.push({ id: parsed.id, to: parsed.to, message: parsed.message, signed: parsed.id === id && expected.length === given.length && timingSafeEqual(expected, given) });
    response.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  (inbox as { url: string }).url = `http://127.0.0.1:${port}/sms`;
  return inbox;
}

/**
 * An inbox for the file's tests: started in `beforeAll` (call it before `useTestServer(() => smsEnv(inbox))`, so
 * its URL is known when the server starts) and closed in `afterAll`.
 */
export function useSmsInbox(): SmsInbox {
  let started: SmsInbox | undefined;
  beforeAll(async () => {
    started = await startSmsInbox();
  });
  afterAll(async () => started?.close());
  const current = (): SmsInbox => {
    if (!started) throw new Error('useSmsInbox: the inbox starts in beforeAll; use it inside tests and hooks');
    return started;
  };
  return {
    get url() {
      return current().url;
    },
    get messages() {
      return current().messages;
    },
    get mode() {
      return current().mode;
    },
    set mode(value) {
      current().mode = value;
    },
    lastCodeTo: (to) => current().lastCodeTo(to),
    // Closed by the afterAll hook.
    close: async () => undefined,
  };
}
