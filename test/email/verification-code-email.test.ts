import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/email/email-layout.js';
import { verificationCodeEmail } from '../../src/email/verification-code-email.js';

describe('verificationCodeEmail', () => {
  it("leads the subject with the code, as Clerk's does, and puts the code on a line of its own in the text", () => {
    const email = verificationCodeEmail({ appName: 'Acme', code: '123456', expiresInMinutes: 10 });
    expect(email.subject).toBe('123456 is your verification code');
    expect(email.text.split('\n')).toContain('123456');
    expect(email.text).toContain('Your Acme verification code is:');
    expect(email.text).toContain('It expires in 10 minutes.');
    expect(email.html).toMatch(/font-size:32px[^>]*>123456<\/p>/);
  });

  it('says "1 minute"', () => {
    expect(verificationCodeEmail({ appName: 'Acme', code: '123456', expiresInMinutes: 1 }).text).toContain('It expires in 1 minute.');
  });

  it('escapes the app name in the HTML', () => {
    const email = verificationCodeEmail({ appName: `<script>alert("x")</script> & Tom's`, code: '123456', expiresInMinutes: 10 });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Tom&#39;s');
    expect(email.text).toContain(`<script>alert("x")</script> & Tom's`);
  });

  it('escapeHtml escapes the five characters that matter', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});
