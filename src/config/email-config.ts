import validator from 'validator';
import { ConfigError } from './config-error.js';

/** Where outgoing email goes: one SMTP server, parsed from `ROSTER_SMTP_URL`. */
export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the first byte (`smtps://`); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  /** Login, or null to send without authentication. */
  auth: { user: string; password: string } | null;
  /** The URL with the password replaced by `***`: the only form of it that may be logged. */
  redactedUrl: string;
}

/** A sender: `ROSTER_EMAIL_FROM` split into its display name and address. */
export interface EmailSender {
  name: string | null;
  address: string;
}

/** Email delivery settings from the environment. */
export interface EmailConfig {
  /** `ROSTER_SMTP_URL` (`smtp://user:pass@host:587`, `smtps://…`); null when unset: nothing can be delivered. */
  smtp: SmtpConfig | null;
  /** `ROSTER_EMAIL_FROM`. @default Roster <no-reply@localhost> */
  from: EmailSender;
  /** `ROSTER_APP_NAME`: the application's name in email templates. @default Roster */
  appName: string;
}

const DEFAULT_FROM = 'Roster <no-reply@localhost>';
const SMTP_PORT = 587;
const SMTPS_PORT = 465;

/** `smtp://…` or `smtps://…` as SmtpConfig; the error never repeats the URL, which may hold a password. */
export function parseSmtpUrl(raw: string): SmtpConfig {
  const fail = (why: string): never => {
    throw new ConfigError(`ROSTER_SMTP_URL ${why} (expected smtp://user:password@host:587 or smtps://user:password@host:465)`);
  };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail('is not a URL');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') fail(`must start with smtp:// or smtps://, not ${url.protocol}//`);
  if (url.hostname === '') fail('has no host');
  if (url.pathname !== '' && url.pathname !== '/') fail('must not have a path');
  if (url.search !== '' || url.hash !== '') fail('must not have a query or fragment');
  const secure = url.protocol === 'smtps:';
  const port = url.port === '' ? (secure ? SMTPS_PORT : SMTP_PORT) : Number(url.port);
  if (port === 0) fail('must not have port 0');
  let user: string;
  let password: string;
  try {
    user = decodeURIComponent(url.username);
    password = decodeURIComponent(url.password);
  } catch {
    return fail('has a user or password that is not valid percent-encoding');
  }
  if (password !== '' && user === '') fail('has a password but no user');
  // IPv6 literals keep their brackets in URL.hostname; the socket wants the bare address.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const redacted = new URL(url.href);
  if (redacted.password !== '') redacted.password = '***';
  return Object.freeze({
    host,
    port,
    secure,
    auth: user === '' ? null : Object.freeze({ user, password }),
    redactedUrl: redacted.href.replace(/\/$/, ''),
  });
}

/**
 * `addr@host` or `Display Name <addr@host>`; the address may have a host without a dot (`localhost`), as
 * the default does. Line breaks are refused: the value becomes a header.
 */
export function parseEmailSender(raw: string): EmailSender {
  const fail = (): never => {
    throw new ConfigError(`ROSTER_EMAIL_FROM must be an email address, optionally with a name ("App <no-reply@example.com>"), got "${raw}"`);
  };
  if (/[\r\n\0]/.test(raw)) fail();
  const match = /^\s*(?:(.*?)\s*<([^<>\s]+)>|([^<>\s]+))\s*$/.exec(raw);
  if (!match) return fail();
  const name = (match[1] ?? '').replace(/^"(.*)"$/, '$1').trim();
  const address = (match[2] ?? match[3])!;
  if (!validator.isEmail(address, { require_tld: false, allow_display_name: false, allow_ip_domain: false })) fail();
  return Object.freeze({ name: name === '' ? null : name, address });
}

/** Reads the email settings; validated and frozen, failing with a message that names the variable. */
export function loadEmailConfig(env: NodeJS.ProcessEnv): Readonly<EmailConfig> {
  const smtpUrl = env.ROSTER_SMTP_URL?.trim();
  const appName = env.ROSTER_APP_NAME?.trim() || 'Roster';
  if (/[\r\n\0]/.test(appName)) throw new ConfigError('ROSTER_APP_NAME must be one line');
  return Object.freeze({
    smtp: smtpUrl ? parseSmtpUrl(smtpUrl) : null,
    from: parseEmailSender(env.ROSTER_EMAIL_FROM?.trim() || DEFAULT_FROM),
    appName,
  });
}
