import type { InstanceKind, Mailer } from '../email/mailer.js';
import { verificationCodeEmail } from '../email/verification-code-email.js';
import { CLERK_TEST_CODE, isClerkTestEmail } from './clerk-test-email.js';
import { DEFAULT_CODE_TTL_SECONDS, type VerificationCodes } from './verification-codes.js';

export interface SendEmailCodeDeps {
  codes: VerificationCodes;
  mailer: Mailer;
  instanceType: InstanceKind;
  /** The application's name in the email (EmailConfig.appName). */
  appName: string;
  /** @default 600 */
  ttlSeconds?: number;
}

export interface EmailCodeRequest {
  /** What the code verifies, e.g. `sign_up:sua_123:email_address`. */
  subject: string;
  emailAddress: string;
  /** See IssueOptions.resendAfterSeconds. */
  resendAfterSeconds?: number;
}

/** What was done; never the code. */
export interface SentEmailCode {
  /** Unix milliseconds. */
  expiresAt: number;
  /** False for a Clerk test address on a development instance: its code is CLERK_TEST_CODE and nothing was sent. */
  delivered: boolean;
}

/**
 * The "send an email code" step (Clerk's prepare_verification / prepare_first_factor with `email_code`):
 * issues a code for `subject`, replacing any earlier one, and emails it. On a development instance a
 * `+clerk_test` address gets Clerk's test code and no email. Delivery failures reject (the code was issued
 * but nobody learns it, so it is harmless).
 */
export async function sendEmailCode(deps: SendEmailCodeDeps, request: EmailCodeRequest): Promise<SentEmailCode> {
  const ttlSeconds = deps.ttlSeconds ?? DEFAULT_CODE_TTL_SECONDS;
  if (deps.instanceType === 'development' && isClerkTestEmail(request.emailAddress)) {
    const { expiresAt } = await deps.codes.issue(request.subject, { ttlSeconds, fixedCode: CLERK_TEST_CODE, resendAfterSeconds: request.resendAfterSeconds });
    return { expiresAt, delivered: false };
  }
  const { code, expiresAt } = await deps.codes.issue(request.subject, { ttlSeconds, resendAfterSeconds: request.resendAfterSeconds });
  const content = verificationCodeEmail({ appName: deps.appName, code, expiresInMinutes: Math.ceil(ttlSeconds / 60) });
  await deps.mailer.send({ to: request.emailAddress, ...content });
  return { expiresAt, delivered: true };
}
