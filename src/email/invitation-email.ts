import { emailLayout, escapeHtml } from './email-layout.js';
import type { EmailContent } from './verification-code-email.js';

/** What `invitationEmail` fills in. */
export interface InvitationEmailInput {
  /** The application's name (ROSTER_APP_NAME). */
  appName: string;
  /** The invitation's link, carrying its ticket. */
  url: string;
  expiresAtMs: number;
  /** `waitlist_invitation` words it as access granted from the waitlist. @default invitation */
  templateSlug?: 'invitation' | 'waitlist_invitation';
  /** For organization invitations: the organization's name. */
  organizationName?: string;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The email that carries an invitation link (instance or organization invitation). */
export function invitationEmail({ appName, url, expiresAtMs, templateSlug, organizationName }: InvitationEmailInput): EmailContent {
  const headline = organizationName
    ? `You have been invited to join ${organizationName} on ${appName}`
    : templateSlug === 'waitlist_invitation'
      ? `You have been granted access to ${appName}`
      : `You have been invited to join ${appName}`;
  const subject = headline;
  const text = [
    `${headline}.`,
    '',
    'Accept the invitation and create your account here:',
    url,
    '',
    `The link works once and expires on ${day(expiresAtMs)} (UTC). If you were not expecting this invitation, you can ignore this email.`,
    '',
  ].join('\n');
  const bodyHtml = `<p style="margin:0 0 24px;font-size:15px">${escapeHtml(headline)}.</p>
<p style="margin:0 0 24px"><a href="${escapeHtml(url)}" style="display:inline-block;padding:12px 20px;background:#1f2024;color:#ffffff;border-radius:6px;text-decoration:none;font-size:15px">Accept invitation</a></p>
<p style="margin:0 0 8px;font-size:14px;color:#5e5f6e">The link works once and expires on ${day(expiresAtMs)} (UTC).</p>
<p style="margin:0;font-size:14px;color:#5e5f6e">If you were not expecting this invitation, you can ignore this email.</p>`;
  const html = emailLayout({ subject, appName, bodyHtml });
  return { subject, text, html };
}
