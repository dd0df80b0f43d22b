// Found in review: the Frontend API's sign-up stores first_name and last_name as given, of any length up to the
// 1 MB body limit, and the user it creates keeps them: the Backend API refuses names over 256 characters
// (NullableName in routes/users/schemas.ts), but users.create does not check, so a browser creates users the
// Backend API could never write, and every later client read carries the megabyte.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { useTestServer } from '../../helpers/test-server.js';

describe('sign-up name lengths', () => {
  const server = useTestServer();

  it('refuses a first_name longer than the Backend API allows (256)', async () => {
    const browser = fapiBrowser(() => server);
    const answer = await browser.call('POST', '/v1/client/sign_ups', { first_name: 'x'.repeat(100_000) });
    expect(answer.status).toBe(422);
  });
});
