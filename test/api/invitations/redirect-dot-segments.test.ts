// Issue 12 (invitations): the WHATWG URL parser folds a path redirect_url with dot segments into `//evil.example/…`;
// without an allowed origin such a link would be protocol-relative and send the invitee and their ticket off-site.
// Such a redirect_url is refused; organization invitations build their link with the same ticketUrl (and fall back
// to the sign-up path).
import { describe, expect, it } from 'vitest';
import { uniqueEmail, uniqueTag } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

describe('invitation redirect_url dot segments', () => {
  const server = useTestServer();

  for (const redirectUrl of ['/..//evil.example/x', '/.//evil.example', '/%2e%2e//evil.example', '/a/..//evil.example']) {
    it(`${redirectUrl} never becomes a protocol-relative link`, async () => {
      const answer = await server.api('POST', '/v1/invitations', { email_address: uniqueEmail('redir'), notify: false, redirect_url: redirectUrl });
      // Either refused, or a link that stays on this app (a path, not `//host`).
      if (answer.status === 200) expect(answer.body.url).not.toMatch(/^\/\//);
      else expect(answer.status).toBe(422);
    });
  }

  it('organization invitations: the same link', async () => {
    const owner = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('owner')], skipPasswordRequirement: true });
    const organization = await server.clerk.organizations.createOrganization({ name: `Acme ${uniqueTag()}`, createdBy: owner.id });
    const answer = await server.api('POST', `/v1/organizations/${organization.id}/invitations`, {
      email_address: uniqueEmail('org-redir'),
      role: 'org:member',
      inviter_user_id: owner.id,
      redirect_url: '/..//evil.example',
    });
    if (answer.status === 200) expect(answer.body.url).not.toMatch(/^\/\//);
    else expect(answer.status).toBe(422);
  });
});
