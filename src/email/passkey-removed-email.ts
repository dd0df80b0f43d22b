import { emailLayout, escapeHtml } from './email-layout.js';
import type { EmailContent } from './verification-code-email.js';

/** What `passkeyRemovedEmail` fills in. */
export interface PasskeyRemovedEmailInput {
  /** The application's name (ROSTER_APP_NAME). */
  appName: string;
  /** The removed passkey's name, so the person can tell which device lost it. */
  passkeyName: string;
}

/**
 * The notice Clerk sends when a passkey is removed from an account through the Backend API: the person learns of
 * a change they may not have made.
 */
export function passkeyRemovedEmail({ appName, passkeyName }: PasskeyRemovedEmailInput): EmailContent {
  const subject = 'A passkey was removed from your account';
  const detail = `The passkey "${passkeyName}" can no longer be used to sign in to ${appName}.`;
  const advice = 'If you did not ask for this, contact the application’s support.';
  const text = [`${subject}.`, '', detail, '', advice, ''].join('\n');
  const bodyHtml = `<p style="margin:0 0 24px;font-size:15px">${escapeHtml(subject)}.</p>
<p style="margin:0 0 8px;font-size:14px">${escapeHtml(detail)}</p>
<p style="margin:0;font-size:14px;color:#5e5f6e">${escapeHtml(advice)}</p>`;
  return { subject, text, html: emailLayout({ subject, appName, bodyHtml }) };
}
