// Email codes end to end against a real SMTP server (smtp-server on 127.0.0.1, port 0): the message arrives
// from the configured sender with the code in its text and HTML. Without SMTP, a development instance logs
// the message and a production instance whose sign-up needs email refuses to start.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { loadEmailConfig, type EmailConfig } from '../../src/config/email-config.js';
import { assertEmailDeliveryConfigured, createMailer } from '../../src/email/create-mailer.js';
import type { Mailer, MailLogger } from '../../src/email/mailer.js';
import { createManualClock } from '../../src/lib/clock.js';
import { createDatabase, type RosterDatabase } from '../../src/storage/database.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { CLERK_TEST_CODE, isClerkTestEmail } from '../../src/verification/clerk-test-email.js';
import { sendEmailCode } from '../../src/verification/send-email-code.js';
import { createVerificationCodes, type VerificationCodes } from '../../src/verification/verification-codes.js';
import { findPart, parseMime } from '../helpers/mime.js';

interface Received {
  from: string | false;
  to: string[];
  raw: string;
}

const SMTP_USER = 'roster-mailer';
const SMTP_PASSWORD = 'sm7p-s3cret/pw';

/** A logger that keeps every entry, to check what was (and was not) logged. */
function memoryLogger(): MailLogger & { entries: string[] } {
  const entries: string[] = [];
  const write = (object: Record<string, unknown>, message: string) => void entries.push(JSON.stringify({ ...object, msg: message }));
  return { entries, info: write, warn: write };
}

describe('email delivery', () => {
  let server: SMTPServer;
  let port: number;
  const received: Received[] = [];
  let connections = 0;
  let database: RosterDatabase;
  let codes: VerificationCodes;
  const mailers: Mailer[] = [];

  beforeAll(async () => {
    server = new SMTPServer({
      // Plain SMTP on loopback: no certificate to trust, so STARTTLS is not offered and AUTH is allowed without it.
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      onConnect(_session, callback) {
        connections += 1;
        callback();
      },
      onAuth(auth, _session, callback) {
        if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) return callback(null, { user: auth.username });
        return callback(new Error('Invalid username or password'));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom && session.envelope.mailFrom.address,
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
    database = await createDatabase({ databaseUrl: null, sqliteFile: ':memory:' });
    await migrateToLatest(database);
    codes = createVerificationCodes({ database, clock: createManualClock(Date.now()), instanceKey: randomBytes(32) });
  });

  afterAll(async () => {
    await Promise.all(mailers.map((mailer) => mailer.close()));
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database?.close();
  });

  beforeEach(() => {
    received.length = 0;
  });

  const smtpConfig = (password = SMTP_PASSWORD): Readonly<EmailConfig> =>
    loadEmailConfig({
      ROSTER_SMTP_URL: `smtp://${SMTP_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`,
      ROSTER_EMAIL_FROM: 'Acme Accounts <accounts@acme.test>',
      ROSTER_APP_NAME: 'Acme',
    });

  const track = (mailer: Mailer) => {
    mailers.push(mailer);
    return mailer;
  };

  it('delivers a code over SMTP: from the configured sender, the code in the subject, text and HTML; it verifies', async () => {
    const logger = memoryLogger();
    const config = smtpConfig();
    const mailer = track(createMailer({ config, instanceType: 'production', logger }));
    const subject = 'sign_up:sua_smtp:email_address';
    const sent = await sendEmailCode({ codes, mailer, instanceType: 'production', appName: config.appName }, { subject, emailAddress: 'jane@example.com' });
    expect(sent.delivered).toBe(true);

    expect(received).toHaveLength(1);
    const [message] = received;
    expect(message!.from).toBe('accounts@acme.test');
    expect(message!.to).toEqual(['jane@example.com']);
    const mime = parseMime(message!.raw);
    expect(mime.headers.get('from')).toBe('Acme Accounts <accounts@acme.test>');
    const code = /^(\d{6}) is your verification code$/.exec(mime.headers.get('subject') ?? '')?.[1];
    expect(code).toBeDefined();
    expect(findPart(mime, 'text/plain')!.body).toContain(`\n${code}\n`);
    expect(findPart(mime, 'text/html')!.body).toContain(`>${code}</p>`);
    expect(findPart(mime, 'text/html')!.body).toContain('<h1 style="margin:0 0 16px;font-size:20px">Acme</h1>');

    expect(await codes.attempt(subject, code!)).toBe('verified');
    // The log names the server without its password, and never holds the code.
    expect(logger.entries.join('\n')).toContain(`smtp://${SMTP_USER}:***@127.0.0.1:${port}`);
    expect(logger.entries.join('\n')).not.toContain(SMTP_PASSWORD);
    expect(logger.entries.join('\n')).not.toContain(code);
  });

  it('opens no connection until the first send, reuses its pooled connection, and opens a new one after close()', async () => {
    const config = smtpConfig();
    const before = connections;
    const mailer = track(createMailer({ config, instanceType: 'production', logger: memoryLogger() }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(connections).toBe(before);
    const message = { to: 'a@example.com', subject: 's', text: 't', html: '<p>h</p>' };
    await mailer.send(message);
    await mailer.send({ ...message, to: 'b@example.com' });
    expect(connections - before).toBe(1);
    await mailer.close();
    await mailer.send({ ...message, to: 'c@example.com' });
    expect(connections - before).toBe(2);
    expect(received.map((entry) => entry.to[0])).toEqual(['a@example.com', 'b@example.com', 'c@example.com']);
  });

  it('fails a send with a message that names the server but not the password', async () => {
    const config = smtpConfig('wrong-password');
    const mailer = track(createMailer({ config, instanceType: 'production', logger: memoryLogger() }));
    const failure = await mailer.send({ to: 'a@example.com', subject: 's', text: 't', html: 'h' }).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toContain(`email delivery through smtp://${SMTP_USER}:***@127.0.0.1:${port} failed`);
    expect((failure as Error).message).not.toContain('wrong-password');
    expect(received).toHaveLength(0);
  });

  it('development without SMTP: the message, code included, goes to the log at info level', async () => {
    const logger = memoryLogger();
    const config = loadEmailConfig({});
    const mailer = createMailer({ config, instanceType: 'development', logger });
    const subject = 'sign_up:sua_dev:email_address';
    const sent = await sendEmailCode({ codes, mailer, instanceType: 'development', appName: config.appName }, { subject, emailAddress: 'dev@example.com' });
    expect(sent.delivered).toBe(true);
    expect(logger.entries).toHaveLength(1);
    const entry = JSON.parse(logger.entries[0]!);
    expect(entry.email.to).toBe('dev@example.com');
    const code = /^(\d{6}) is your verification code$/.exec(entry.email.subject)?.[1];
    expect(entry.email.text).toContain(`\n${code}\n`);
    expect(await codes.attempt(subject, code!)).toBe('verified');
  });

  it('development: a +clerk_test address gets the code 424242 and no email', async () => {
    const logger = memoryLogger();
    const mailer = track(createMailer({ config: smtpConfig(), instanceType: 'development', logger }));
    const subject = 'sign_up:sua_test:email_address';
    const sent = await sendEmailCode({ codes, mailer, instanceType: 'development', appName: 'Acme' }, { subject, emailAddress: 'jane+clerk_test@example.com' });
    expect(sent.delivered).toBe(false);
    expect(received).toHaveLength(0);
    expect(await codes.attempt(subject, CLERK_TEST_CODE)).toBe('verified');
  });

  it('production: a +clerk_test address is an ordinary address (a random code, sent)', async () => {
    const mailer = track(createMailer({ config: smtpConfig(), instanceType: 'production', logger: memoryLogger() }));
    const subject = 'sign_up:sua_live:email_address';
    await sendEmailCode({ codes, mailer, instanceType: 'production', appName: 'Acme' }, { subject, emailAddress: 'jane+clerk_test@example.com' });
    expect(received).toHaveLength(1);
    const code = /^(\d{6}) is/.exec(parseMime(received[0]!.raw).headers.get('subject') ?? '')![1]!;
    if (code !== CLERK_TEST_CODE) expect(await codes.attempt(subject, CLERK_TEST_CODE)).toBe('incorrect');
    expect(await codes.attempt(subject, code)).toBe('verified');
  });

  it('production without SMTP: a start-up error naming ROSTER_SMTP_URL when sign-up needs an email address', () => {
    const config = loadEmailConfig({});
    const check = (instanceType: 'development' | 'production', requiredIdentifiers: string[]) => () =>
      assertEmailDeliveryConfigured({ config, instanceType, requiredIdentifiers });
    expect(check('production', ['email_address'])).toThrow(ConfigError);
    expect(check('production', ['email_address', 'phone_number'])).toThrow(/ROSTER_SMTP_URL is required on a production instance/);
    expect(check('production', ['username'])).not.toThrow();
    expect(check('development', ['email_address'])).not.toThrow();
    expect(() => assertEmailDeliveryConfigured({ config: smtpConfig(), instanceType: 'production', requiredIdentifiers: ['email_address'] })).not.toThrow();
  });

  it('production without SMTP (sign-up needs no email): sending fails and nothing is logged', async () => {
    const logger = memoryLogger();
    const mailer = createMailer({ config: loadEmailConfig({}), instanceType: 'production', logger });
    await expect(mailer.send({ to: 'a@example.com', subject: '123456 is your verification code', text: '123456', html: '123456' })).rejects.toThrow(
      /ROSTER_SMTP_URL/,
    );
    expect(logger.entries).toEqual([]);
  });
});

describe('isClerkTestEmail', () => {
  it.each([
    ['jane+clerk_test@example.com', true],
    ['Jane+Clerk_Test@Example.com', true],
    ['jane+clerk_test_2@example.com', true],
    ['jane@example.com', false],
    ['jane+clerk@example.com', false],
    ['jane@clerk_test.example.com', false],
    ['+clerk_test', false],
  ])('%s → %s', (address, expected) => {
    expect(isClerkTestEmail(address)).toBe(expected);
  });
});
