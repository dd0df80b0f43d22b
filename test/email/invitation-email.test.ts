// The invitation email: the link in both bodies, HTML-escaped in the HTML one, and the wording per template.
import { describe, expect, it } from 'vitest';
import { invitationEmail } from '../../src/email/invitation-email.js';

describe('invitationEmail', () => {
  const url = 'https://app.example.com/sign-up?a=1&__clerk_ticket=inv_x.1.abc';

  it('carries the link in the text and, escaped, in the HTML', () => {
    const email = invitationEmail({ appName: 'Acme <&>', url, expiresAtMs: Date.UTC(2026, 11, 30) });
    expect(email.subject).toBe('You have been invited to join Acme <&>');
    expect(email.text).toContain(`\n${url}\n`);
    expect(email.text).toContain('expires on 2026-12-30');
    expect(email.html).toContain('href="https://app.example.com/sign-up?a=1&amp;__clerk_ticket=inv_x.1.abc"');
    expect(email.html).toContain('Acme &lt;&amp;&gt;');
    expect(email.html).not.toContain('Acme <&>');
  });

  it('words waitlist and organization invitations for what they are', () => {
    expect(invitationEmail({ appName: 'Acme', url, expiresAtMs: 0, templateSlug: 'waitlist_invitation' }).subject).toBe('You have been granted access to Acme');
    expect(invitationEmail({ appName: 'Acme', url, expiresAtMs: 0, organizationName: 'Blue Team' }).subject).toBe(
      'You have been invited to join Blue Team on Acme',
    );
  });
});
