// Issue 12 (allowlist): with ROSTER_ALLOWLIST=on an organization invitation ticket lets its address sign up, so
// the same person must not be refused (not_allowed_access) the next time they sign in: an accepted invitation of
// either kind (instance or organization) lets its user through the allowlist.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueEmail, uniqueTag } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';

describe('allowlist and organization invitation tickets', () => {
  const server = useTestServer({ ROSTER_ALLOWLIST: 'on' });

  it('a user who signed up with an organization ticket can sign in again (or could not sign up at all)', async () => {
    const owner = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('owner')], skipPasswordRequirement: true });
    const organization = await server.clerk.organizations.createOrganization({ name: `Acme ${uniqueTag()}`, createdBy: owner.id });
    const invitation = await server.clerk.organizations.createOrganizationInvitation({
      organizationId: organization.id,
      emailAddress: uniqueEmail('org-invitee'),
      role: 'org:member',
    });
    const ticket = new URL(invitation.url!, 'http://x').searchParams.get('__clerk_ticket')!;
    const signUp = await fapiBrowser(() => server).call('POST', '/v1/client/sign_ups', { strategy: 'ticket', ticket, password: PASSWORD });
    if (signUp.status !== 200) return; // refusing the sign-up is consistent too
    expect(signUp.body.response.status).toBe('complete');

    const signIn = await fapiBrowser(() => server).call('POST', '/v1/client/sign_ins', { identifier: invitation.emailAddress, strategy: 'password', password: PASSWORD });
    expect([signIn.status, signIn.body.errors?.[0]?.code]).toEqual([200, undefined]);
    expect(signIn.body.response.status).toBe('complete');
  });
});
