import { describe, expect, it } from 'vitest';
import { isValidHostHeader } from './public-url.js';

describe('isValidHostHeader', () => {
  it.each(['roster.example', 'roster.example:8443', '127.0.0.1', '127.0.0.1:3000', '[::1]', '[::1]:3000', 'localhost', 'a-b.example.', '[2001:db8::1]:443'])(
    'accepts %s',
    (host) => expect(isValidHostHeader(host)).toBe(true),
  );

  it.each([
    undefined,
    '',
    'attacker.example/x?',
    'attacker.example@evil',
    '"><svg onload=alert(1)>',
    'a b.example',
    '1.2.3.4:99999',
    'roster.example:0',
    'roster.example:',
    '[:::::]:0',
    '[:::::]',
    '[::1%25eth0]',
    'evil.com:80:80',
    '-evil.com',
    'a..b',
    `${'a'.repeat(64)}.example`,
  ])('refuses %s', (host) => expect(isValidHostHeader(host)).toBe(false));
});
