// Anonymous requests cannot grow the database without bound: abandoned attempts, expired nonces and idle clients
// without sessions are deleted by the purge app.ts runs every ten minutes.
import { describe, expect, it } from 'vitest';
import { createServices } from '../../../src/services/services.js';
import { createHasherRegistry } from '../../../src/passwords/registry.js';
import { createSecretBox } from '../../../src/lib/secret-box.js';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';

describe('purging stale Frontend API rows', () => {
  // Sessions live 90 days here, so the signed-in browser still has one a month on.
  const server = useTestServer({ ROSTER_SESSION_LIFETIME_SECONDS: String(90 * 86_400) });

  it('drops abandoned sign-ins and sign-ups and idle clients, and keeps signed-in clients', async () => {
    const services = await createServices({
      database: server.database,
      clock: server.clock,
      hashers: createHasherRegistry(),
      config: server.config,
      secretBox: createSecretBox(server.config.instanceKey!),
    });
    const count = async (table: 'clients' | 'sign_ins' | 'sign_ups') =>
      Number((await server.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    const idle = fapiBrowser(() => server);
    await idle.call('POST', '/v1/client/sign_ins', { identifier: uniqueEmail('nobody-yet') }); // 422: no such user, but a client
    await idle.call('POST', '/v1/client/sign_ups', { email_address: uniqueEmail('abandoned') });
    const email = uniqueEmail('kept');
    await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const signedIn = fapiBrowser(() => server);
    const signIn = await signedIn.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
    expect(signIn.body.response.status).toBe('complete');
    const half = fapiBrowser(() => server);
    await half.call('POST', '/v1/client/sign_ins', { identifier: email });

    expect(await count('clients')).toBe(3);
    expect(await services.purgeStaleFrontendRows()).toBe(0);

    // A day on, the attempts are abandoned; a month on, the clients without a session are idle.
    server.clock.advanceMs(31 * 86_400_000);
    expect(await services.purgeStaleFrontendRows()).toBeGreaterThan(0);
    expect(await count('sign_ins')).toBe(0);
    expect(await count('sign_ups')).toBe(0);
    // The signed-in browser keeps its client (and its session); the two without a session are gone.
    expect(await count('clients')).toBe(1);
    const client = await signedIn.call('GET', '/v1/client');
    expect(client.body.response.sessions).toHaveLength(1);
  });
});
