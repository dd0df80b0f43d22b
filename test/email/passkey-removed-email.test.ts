// The "passkey removed" notice: the passkey named in both bodies, HTML-escaped in the HTML one.
import { describe, expect, it } from 'vitest';
import { passkeyRemovedEmail } from '../../src/email/passkey-removed-email.js';

describe('passkeyRemovedEmail', () => {
  it('names the passkey and the application, escaped in the HTML', () => {
    const email = passkeyRemovedEmail({ appName: 'Acme <&>', passkeyName: 'Work "laptop" <b>' });
    expect(email.subject).toBe('A passkey was removed from your account');
    expect(email.text).toContain('The passkey "Work "laptop" <b>" can no longer be used to sign in to Acme <&>.');
    expect(email.html).toContain('Work &quot;laptop&quot; &lt;b&gt;');
    expect(email.html).toContain('Acme &lt;&amp;&gt;');
    expect(email.html).not.toContain('<b>');
  });
});
