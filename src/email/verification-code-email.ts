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

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
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
  const app = escapeHtml(appName);
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f6f6f7;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1f2024">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" style="max-width:480px;margin:0 auto;background:#ffffff;border-radius:8px">
<tr><td style="padding:32px">
<h1 style="margin:0 0 16px;font-size:20px">${app}</h1>
<p style="margin:0 0 16px;font-size:15px">Your verification code is:</p>
<p style="margin:0 0 24px;font-size:32px;font-weight:700;letter-spacing:6px;font-family:Menlo,Consolas,monospace">${escapeHtml(code)}</p>
<p style="margin:0 0 8px;font-size:14px;color:#5e5f6e">It expires in ${minutes(expiresInMinutes)}. Enter it where you asked for it; never share it with anyone.</p>
<p style="margin:0;font-size:14px;color:#5e5f6e">If you did not ask for this code, you can ignore this email.</p>
</td></tr>
</table>
</body>
</html>
`;
  return { subject, text, html };
}
