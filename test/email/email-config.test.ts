// loadEmailConfig: ROSTER_SMTP_URL, ROSTER_EMAIL_FROM and ROSTER_APP_NAME, validated at load; a bad SMTP URL
// is a ConfigError that names the variable and never repeats the password.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { loadEmailConfig } from '../../src/config/email-config.js';

const failure = (env: Record<string, string>): Error => {
  try {
    loadEmailConfig(env);
  } catch (error) {
    return error as Error;
  }
  throw new Error('loadEmailConfig accepted it');
};

describe('loadEmailConfig', () => {
  it('defaults: no SMTP, Roster <no-reply@localhost>, app name Roster; frozen', () => {
    const config = loadEmailConfig({});
    expect(config).toEqual({ smtp: null, from: { name: 'Roster', address: 'no-reply@localhost' }, appName: 'Roster' });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads smtp:// with credentials (percent-decoded) and the submission port by default', () => {
    const { smtp } = loadEmailConfig({ ROSTER_SMTP_URL: 'smtp://mailer%40acme.test:p%40ss%2Fw0rd@mail.acme.test' });
    expect(smtp).toEqual({
      host: 'mail.acme.test',
      port: 587,
      secure: false,
      auth: { user: 'mailer@acme.test', password: 'p@ss/w0rd' },
      redactedUrl: 'smtp://mailer%40acme.test:***@mail.acme.test',
    });
  });

  it('reads smtps:// (TLS from the start, port 465 by default), an explicit port, and no credentials', () => {
    expect(loadEmailConfig({ ROSTER_SMTP_URL: 'smtps://u:p@mail.acme.test' }).smtp).toMatchObject({ port: 465, secure: true });
    expect(loadEmailConfig({ ROSTER_SMTP_URL: 'smtp://127.0.0.1:2525/' }).smtp).toMatchObject({
      host: '127.0.0.1',
      port: 2525,
      auth: null,
      redactedUrl: 'smtp://127.0.0.1:2525',
    });
    expect(loadEmailConfig({ ROSTER_SMTP_URL: 'smtp://[::1]:25' }).smtp).toMatchObject({ host: '::1', port: 25 });
  });

  it.each([
    ['not a URL', 'mail.acme.test:587', /ROSTER_SMTP_URL/],
    ['another scheme', 'http://u:secretpw@mail.acme.test', /ROSTER_SMTP_URL must start with smtp:\/\/ or smtps:\/\//],
    ['a path', 'smtp://u:secretpw@mail.acme.test/x', /ROSTER_SMTP_URL must not have a path/],
    ['a query', 'smtp://u:secretpw@mail.acme.test?tls=no', /ROSTER_SMTP_URL must not have a query/],
    ['a password without a user', 'smtp://:secretpw@mail.acme.test', /ROSTER_SMTP_URL has a password but no user/],
    ['a bad port', 'smtp://u:secretpw@mail.acme.test:99999', /ROSTER_SMTP_URL/],
    ['port 0', 'smtp://u:secretpw@mail.acme.test:0', /ROSTER_SMTP_URL must not have port 0/],
  ])('refuses %s with a ConfigError that does not repeat the password', (_name, url, message) => {
    const error = failure({ ROSTER_SMTP_URL: url });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('secretpw');
  });

  it('reads ROSTER_EMAIL_FROM with or without a display name', () => {
    expect(loadEmailConfig({ ROSTER_EMAIL_FROM: 'hello@acme.test' }).from).toEqual({ name: null, address: 'hello@acme.test' });
    expect(loadEmailConfig({ ROSTER_EMAIL_FROM: 'Acme Support <hello@acme.test>' }).from).toEqual({ name: 'Acme Support', address: 'hello@acme.test' });
    expect(loadEmailConfig({ ROSTER_EMAIL_FROM: '"Acme, Inc." <hello@acme.test>' }).from).toEqual({ name: 'Acme, Inc.', address: 'hello@acme.test' });
  });

  it.each(['acme', 'Acme <acme>', 'a@b@c', 'Acme <hello@acme.test', 'hello@acme.test\r\nBcc: all@acme.test'])('refuses ROSTER_EMAIL_FROM=%j', (from) => {
    const error = failure({ ROSTER_EMAIL_FROM: from });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/ROSTER_EMAIL_FROM must be an email address/);
  });

  it('reads ROSTER_APP_NAME', () => {
    expect(loadEmailConfig({ ROSTER_APP_NAME: 'Acme' }).appName).toBe('Acme');
  });
});
