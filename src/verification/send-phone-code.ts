import type { InstanceKind } from '../email/mailer.js';
import type { SmsSender } from '../sms/sms-sender.js';
import { verificationCodeSms } from '../sms/verification-code-sms.js';
import { CLERK_TEST_CODE } from './clerk-test-email.js';
import { isClerkTestPhoneNumber } from './clerk-test-phone.js';
import { DEFAULT_CODE_TTL_SECONDS, type VerificationCodes } from './verification-codes.js';

export interface SendPhoneCodeDeps {
  codes: VerificationCodes;
  sms: SmsSender;
  instanceType: InstanceKind;
  /** The application's name in the message. */
  appName: string;
  /** @default 600 */
  ttlSeconds?: number;
}

export interface PhoneCodeRequest {
  /** What the code verifies; it names the number, so a code never verifies another one. */
  subject: string;
  /** E.164. */
  phoneNumber: string;
  /** See IssueOptions.resendAfterSeconds. */
  resendAfterSeconds?: number;
}

/** What was done; never the code. */
export interface SentPhoneCode {
  /** The code's id (a Backend API verification's `id`). */
  id: string;
  /** Unix milliseconds. */
  expiresAt: number;
  /** False for a Clerk test number on a development instance: its code is CLERK_TEST_CODE and nothing was sent. */
  delivered: boolean;
}

/**
 * The "send a phone code" step: issues a code for `subject`, replacing any earlier one, and texts it. On a
 * development instance a Clerk test number (`+1 XXX 555-01XX`) gets Clerk's test code and no message; a production
 * instance treats it as any number. Delivery failures reject (the code was issued but nobody learns it).
 */
export async function sendPhoneCode(deps: SendPhoneCodeDeps, request: PhoneCodeRequest): Promise<SentPhoneCode> {
  const ttlSeconds = deps.ttlSeconds ?? DEFAULT_CODE_TTL_SECONDS;
  if (deps.instanceType === 'development' && isClerkTestPhoneNumber(request.phoneNumber)) {
    const { id, expiresAt } = await deps.codes.issue(request.subject, { ttlSeconds, fixedCode: CLERK_TEST_CODE, resendAfterSeconds: request.resendAfterSeconds });
    return { id, expiresAt, delivered: false };
  }
  const { id, code, expiresAt } = await deps.codes.issue(request.subject, { ttlSeconds, resendAfterSeconds: request.resendAfterSeconds });
  await deps.sms.send({ to: request.phoneNumber, message: verificationCodeSms({ appName: deps.appName, code, expiresInMinutes: Math.ceil(ttlSeconds / 60) }) });
  return { id, expiresAt, delivered: true };
}
