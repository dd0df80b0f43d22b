import type { EmailContent } from './verification-code-email.js';
import type { Mailer, MailLogger } from './mailer.js';

/**
 * Sends one invitation email after the invitation is committed. A refused delivery leaves the invitation (and the
 * link in its `url`) valid, so it is logged by invitation id (never the address or the link) rather than failing
 * the request.
 */
export async function sendInvitationEmail(deps: { mailer: Mailer; logger: MailLogger }, invitationId: string, to: string, content: EmailContent): Promise<void> {
  try {
    await deps.mailer.send({ to, ...content });
  } catch {
    deps.logger.warn({ invitationId }, 'the invitation email could not be sent');
  }
}
