// DELETE /v1/users/{user_id}/web3_wallets/{id} through @clerk/backend and raw HTTP: the primary passes on,
// a required identifier is kept, and another user's wallet is not found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClerkError, expectSdkError } from '../../helpers/assertions.js';
import { uniqueEmail, uniqueWallet } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

describe('DELETE /v1/users/{user_id}/web3_wallets/{id}', () => {
  let server: TestServer;
  let walletRequired: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    walletRequired = await startTestServer({ ROSTER_REQUIRED_IDENTIFIERS: 'web3_wallet' });
  });
  afterAll(async () => {
    await server?.close();
    await walletRequired?.close();
  });

  /** Through raw HTTP: @clerk/backend's CreateUserParams has no `web3Wallet`. */
  async function createUser(on: TestServer, body: Record<string, unknown>) {
    const response = await on.api('POST', '/v1/users', body);
    expect(response.status).toBe(200);
    return on.clerk.users.getUser(response.body.id);
  }
  const getUser = async (on: TestServer, id: string) => (await on.api('GET', `/v1/users/${id}`)).body;
  const deleteWallet = (userId: string, walletId: string) => server.clerk.users.deleteUserWeb3Wallet({ userId, web3WalletIdentificationId: walletId });

  it('deletes a wallet that is not the primary through the SDK', async () => {
    const user = await createUser(server, { email_address: [uniqueEmail('w3')], web3_wallet: [uniqueWallet(), uniqueWallet()] });
    const [primary, second] = user.web3Wallets;
    expect(user.primaryWeb3WalletId).toBe(primary!.id);
    const deleted = await deleteWallet(user.id, second!.id);
    expect(deleted).toMatchObject({ object: 'web3_wallet', id: second!.id, deleted: true });
    const after = await getUser(server, user.id);
    expect(after.web3_wallets.map((wallet: { id: string }) => wallet.id)).toEqual([primary!.id]);
    expect(after.primary_web3_wallet_id).toBe(primary!.id);
    await expectSdkError(deleteWallet(user.id, second!.id), 404, 'resource_not_found');
  });

  it('hands the primary to the next wallet, and clears it with the last one', async () => {
    const user = await createUser(server, { email_address: [uniqueEmail('w3')], web3_wallet: [uniqueWallet(), uniqueWallet()] });
    const [primary, second] = user.web3Wallets;
    const deleted = await server.api('DELETE', `/v1/users/${user.id}/web3_wallets/${primary!.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ object: 'web3_wallet', id: primary!.id, deleted: true });
    expect((await getUser(server, user.id)).primary_web3_wallet_id).toBe(second!.id);
    await deleteWallet(user.id, second!.id);
    const after = await getUser(server, user.id);
    expect(after.primary_web3_wallet_id).toBeNull();
    expect(after.web3_wallets).toEqual([]);
    // The email address, the required identifier here, stays.
    expect(after.email_addresses).toHaveLength(1);
  });

  it('refuses to delete the last wallet when wallets are required, and the last identification of a user', async () => {
    const required = await createUser(walletRequired, { web3_wallet: [uniqueWallet()], email_address: [uniqueEmail('w3')] });
    expectClerkError(
      await walletRequired.api('DELETE', `/v1/users/${required.id}/web3_wallets/${required.web3Wallets[0]!.id}`),
      400,
      'last_required_identification_deletion_failed',
    );
    expect((await getUser(walletRequired, required.id)).web3_wallets).toHaveLength(1);

    const onlyWallet = await createUser(walletRequired, { web3_wallet: [uniqueWallet(), uniqueWallet()] });
    await walletRequired.clerk.users.deleteUserWeb3Wallet({ userId: onlyWallet.id, web3WalletIdentificationId: onlyWallet.web3Wallets[1]!.id });
    await expectSdkError(
      walletRequired.clerk.users.deleteUserWeb3Wallet({ userId: onlyWallet.id, web3WalletIdentificationId: onlyWallet.web3Wallets[0]!.id }),
      400,
      'last_required_identification_deletion_failed',
    );
  });

  it("answers 404 for an unknown wallet, another user's wallet, another identification type and an unknown user", async () => {
    const owner = await createUser(server, { email_address: [uniqueEmail('w3')], web3_wallet: [uniqueWallet()] });
    const other = await createUser(server, { email_address: [uniqueEmail('w3')], web3_wallet: [uniqueWallet()] });
    const wallet = owner.web3Wallets[0]!;
    expectClerkError(await server.api('DELETE', `/v1/users/${owner.id}/web3_wallets/idn_unknown`), 404, 'resource_not_found');
    expectClerkError(await server.api('DELETE', `/v1/users/${other.id}/web3_wallets/${wallet.id}`), 404, 'resource_not_found');
    expectClerkError(await server.api('DELETE', `/v1/users/${owner.id}/web3_wallets/${owner.emailAddresses[0]!.id}`), 404, 'resource_not_found');
    expectClerkError(await server.api('DELETE', `/v1/users/user_missing/web3_wallets/${wallet.id}`), 404, 'resource_not_found');
    const unauthenticated = await fetch(`${server.baseUrl}/v1/users/${owner.id}/web3_wallets/${wallet.id}`, { method: 'DELETE' });
    expect(unauthenticated.status).toBe(401);
    expect((await getUser(server, owner.id)).web3_wallets).toHaveLength(1);
    expect((await getUser(server, owner.id)).email_addresses).toHaveLength(1);
  });
});
