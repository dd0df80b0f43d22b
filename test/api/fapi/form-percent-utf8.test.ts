// Review finding (low): parseFormBody promises strict UTF-8 values, and refuses raw bytes that are not UTF-8,
// but a percent-encoded invalid sequence (`%FF`) is decoded by URLSearchParams into U+FFFD and accepted. Query
// strings are held to strict UTF-8 (malformed_request_parameters); form values should be too.
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../../helpers/test-server.js';
import { PAGE_ORIGIN } from '../../helpers/fapi-client.js';

describe('percent-encoded invalid UTF-8 in form bodies', () => {
  const server = useTestServer();

  it('answers malformed_request_parameters for %FF in a form value, as for a raw 0xFF byte', async () => {
    const post = (body: string | Blob) =>
      fetch(`${server.baseUrl}/fapi/v1/client/sign_ups`, {
        method: 'POST',
        headers: { origin: PAGE_ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
    const rawByte = await post(new Blob([new TextEncoder().encode("first_name="), new Uint8Array([0xff])]));
    expect(rawByte.status).toBe(400);
    const escaped = await post('first_name=%FF');
    expect(escaped.status).toBe(400);
  });
});
