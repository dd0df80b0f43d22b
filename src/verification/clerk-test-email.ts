/**
 * Clerk's test code: on a development instance, a test identifier is verified with it and nothing is sent.
 * Never honoured on a production instance.
 */
export const CLERK_TEST_CODE = '424242';

/**
 * Whether `address` is one of Clerk's test email addresses: its local part has the `+clerk_test` subaddress
 * (`jane+clerk_test@example.com`, also `jane+clerk_test_2@…`), in any case.
 */
export function isClerkTestEmail(address: string): boolean {
  const at = address.lastIndexOf('@');
  if (at < 1) return false;
  return address.slice(0, at).toLowerCase().includes('+clerk_test');
}
