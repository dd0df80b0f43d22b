// DELETE /v1/users/{user_id}/web3_wallets/{web3_wallet_identification_id} — removes one of the user's web3 wallets,
// under the rules every identification follows (primary handed on, required identifiers kept).
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../../route-context.js';
import { toDeletedJSON } from './serialize.js';

type Params = { user_id: string; web3_wallet_identification_id: string };

export function registerWeb3WalletRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.delete<{ Params: Params }>('/v1/users/:user_id/web3_wallets/:web3_wallet_identification_id', async (request) => {
    const { user_id: userId, web3_wallet_identification_id: walletId } = request.params;
    // An unknown user is Clerk's user 404; a wallet that is not this user's is not found either.
    await ctx.users.get(userId);
    const { id } = await ctx.identifications.delete('web3_wallet', walletId, { ownerId: userId });
    return toDeletedJSON('web3_wallet', id);
  });
}
