// Found in review: NUL characters in Frontend API form text fields (first_name, last_name) are stored as they
// are. PostgreSQL text cannot hold NUL, so on PostgreSQL the sign-up answers 500 internal_clerk_error; on
// SQLite the NUL is stored and surfaces later. The Backend API refuses NUL in bodies up front (422).
// Run with TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to see the 500.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { useTestServer } from '../../helpers/test-server.js';

describe('NUL in Frontend API form fields', () => {
  const server = useTestServer();

  for (const field of ['first_name', 'last_name']) {
    it(`refuses a ${field} holding NUL with a 422, never a 500 or a stored NUL`, async () => {
      const browser = fapiBrowser(() => server);
      const answer = await browser.call('POST', '/v1/client/sign_ups', { [field]: 'Ja\u0000ne' });
      expect(answer.status).not.toBe(500);
      expect(answer.status).toBe(422);
    });
  }
});
