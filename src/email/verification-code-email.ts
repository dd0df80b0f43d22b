import { emailLayout, escapeHtml } from './email-layout.js';

/** What `verificationCodeEmail` fills in. */
export interface VerificationCodeEmailInput {
  /** The application's name (ROSTER_APP_NAME). */
  appName: string;
  code: string;
  expiresInMinutes: number;
}

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const minutes = (count: number) => `${count} minute${count === 1 ? '' : 's'}`;

/** The email that carries a one-time code; the subject leads with the code, as Clerk's does. */
export function verificationCodeEmail({ appName, code, expiresInMinutes }: VerificationCodeEmailInput): EmailContent {
  const subject = `${code} is your verification code`;
  const text = [
    `Your ${appName} verification code is:`,
    '',
    code,
    '',
    `It expires in ${minutes(expiresInMinutes)}. Enter it where you asked for it; never share it with anyone.`,
    'If you did not ask for this code, you can ignore this email.',
    '',
  ].join('\n');
  const bodyHtml = `<p style="margin:0 0 16px;font-size:15px">Your verification code is:</p>
<p style="margin:0 0 24px;font-size:32px;font-weight:700;letter-spacing:6px;font-family:Menlo,Consolas,monospace">${escapeHtml(code)}</p>
<p style="margin:0 0 8px;font-size:14px;color:#5e5f6e">It expires in ${minutes(expiresInMinutes)}. Enter it where you asked for it; never share it with anyone.</p>
<p style="margin:0;font-size:14px;color:#5e5f6e">If you did not ask for this code, you can ignore this email.</p>`;
  const html = emailLayout({ subject, appName, bodyHtml });
  return { subject, text, html };
}
