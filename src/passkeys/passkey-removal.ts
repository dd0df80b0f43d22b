import type { ServiceDeps } from '../domain/service-deps.js';
import type { Mailer, MailLogger } from '../email/mailer.js';
import { passkeyRemovedEmail } from '../email/passkey-removed-email.js';
import { errors } from '../lib/error-catalog.js';
import { findUserById } from '../storage/repositories/users-repository.js';
import type { PasskeyService } from './passkey-service.js';

/**
 * The Backend API's `DeletePasskey`: the passkey deleted, then (when SMTP is configured) the user's primary email
 * address told so, as Clerk does. The deletion stands whatever the mail does: a refused delivery is logged by user
 * and passkey id, never the address.
 */
export function createPasskeyRemoval(deps: ServiceDeps, collaborators: { passkeys: PasskeyService; mailer: Mailer; logger: MailLogger }) {
  const { db } = deps.database;
  const { passkeys, mailer, logger } = collaborators;

  return {
    /** Deletes `passkeyId` of `userId`: Clerk's user 404 for an unknown user, `resource_not_found` for a passkey not theirs. */
    async remove(userId: string, passkeyId: string): Promise<{ id: string }> {
      const user = await findUserById(db, userId);
      if (!user) throw errors.userNotFound(userId);
      const removed = await passkeys.remove(userId, passkeyId);
      // A registration never completed was no way in: removing it changes nothing the person needs to hear of.
      const to = removed.verification_status === 'verified' && deps.config.email.smtp ? user.primary_email_address : null;
      if (to) {
        try {
          await mailer.send({ to, ...passkeyRemovedEmail({ appName: deps.config.email.appName, passkeyName: removed.name }) });
        } catch {
          logger.warn({ userId, passkeyId: removed.id }, 'the passkey removal email could not be sent');
        }
      }
      return { id: removed.id };
    },
  };
}

export type PasskeyRemoval = ReturnType<typeof createPasskeyRemoval>;
