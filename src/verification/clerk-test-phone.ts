/**
 * Whether `phoneNumber` (E.164) is one of Clerk's test phone numbers, `+1 (XXX) 555-0100` to `+1 (XXX) 555-0199`
 * (any valid area code): on a development instance they are verified with CLERK_TEST_CODE and nothing is sent.
 */
export function isClerkTestPhoneNumber(phoneNumber: string): boolean {
  return /^\+1[2-9]\d{2}55501\d{2}$/.test(phoneNumber);
}
