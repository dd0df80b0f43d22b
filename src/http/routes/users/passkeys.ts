// DELETE /v1/users/{user_id}/passkeys/{passkey_identification_id} — removes one of the user's passkeys and emails
// the user that it was removed (Clerk's `DeletePasskey`).
import type { RosterApp } from '../../roster-app.js';
import type { RouteContext } from '../../route-context.js';
import { PasskeyDeleted, PasskeyParams } from './schemas.js';
import { toDeletedJSON } from './serialize.js';

export function registerUserPasskeyRoutes(app: RosterApp, ctx: RouteContext): void {
  app.delete(
    '/v1/users/:user_id/passkeys/:passkey_identification_id',
    { schema: { params: PasskeyParams, response: { 200: PasskeyDeleted } } },
    async (request) => {
      // An unknown user is Clerk's user 404; a passkey that is not this user's is not found either.
      const { id } = await ctx.passkeyRemoval.remove(request.params.user_id, request.params.passkey_identification_id);
      return toDeletedJSON('passkey', id);
    },
  );
}
