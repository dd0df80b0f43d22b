import { Web3WalletDeleted, Web3WalletParams } from './schemas.js';
import { toDeletedJSON } from './serialize.js';
export function registerWeb3WalletRoutes(app, ctx) {
    app.delete('/v1/users/:user_id/web3_wallets/:web3_wallet_identification_id', { schema: { params: Web3WalletParams, response: { 200: Web3WalletDeleted } } }, async (request) => {
        const { user_id: userId, web3_wallet_identification_id: walletId } = request.params;
        // An unknown user is Clerk's user 404; a wallet that is not this user's is not found either.
        await ctx.users.get(userId);
        const { id } = await ctx.identifications.delete('web3_wallet', walletId, { ownerId: userId });
        return toDeletedJSON('web3_wallet', id);
    });
}
//# sourceMappingURL=web3-wallets.js.map