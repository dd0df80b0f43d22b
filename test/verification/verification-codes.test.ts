// One-time codes on the dialect under test (SQLite; PostgreSQL with TEST_DATABASE_URL): expiry, single use
// under concurrency, the attempts bound, replacement, and that only a keyed hash of the code is stored.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/lib/clock.js';
import { createKeyedHash } from '../../src/lib/keyed-hash.js';
import { createDatabase, type RosterDatabase } from '../../src/storage/database.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { findVerificationCode } from '../../src/storage/repositories/verification-codes-repository.js';
import { assertVerified, verificationOutcomeError } from '../../src/verification/outcome-errors.js';
import {
  createVerificationCodes,
  randomCode,
  VERIFICATION_CODE_HASH_PURPOSE,
  type VerificationCodes,
} from '../../src/verification/verification-codes.js';
import { dropTestSchema, testDatabaseUrl, withSchemaLock } from '../helpers/test-server.js';

const dialectName = testDatabaseUrl ? 'PostgreSQL' : 'SQLite';
const wrongCodeFor = (code: string) => (code === '000000' ? '000001' : '000000');

describe(`verification codes (${dialectName})`, () => {
  let database: RosterDatabase;
  const schema = testDatabaseUrl ? `roster_test_${randomBytes(6).toString('hex')}` : undefined;
  const clock = createManualClock(Date.UTC(2026, 11, 1));
  const instanceKey = randomBytes(32);
  let codes: VerificationCodes;
  let subjectCount = 0;
  const newSubject = () => `sign_up:sua_test${++subjectCount}:email_address`;

  beforeAll(async () => {
    database = await createDatabase({ databaseUrl: testDatabaseUrl, sqliteFile: ':memory:', pgSchema: schema });
    await withSchemaLock(() => migrateToLatest(database));
    codes = createVerificationCodes({ database, clock, instanceKey });
  });

  afterAll(async () => {
    await dropTestSchema(database, schema);
    await database?.close();
  });

  it('issues six random digits that verify once', async () => {
    const subject = newSubject();
    const { code, expiresAt } = await codes.issue(subject);
    expect(code).toMatch(/^[0-9]{6}$/);
    expect(expiresAt).toBe(clock.nowMs() + 600_000);
    expect(await codes.attempt(subject, code)).toBe('verified');
    expect(await codes.attempt(subject, code)).toBe('already_verified');
    expect(await codes.find(subject)).toMatchObject({ consumed: true, attempts: 0, maxAttempts: 5 });
  });

  it('accepts the code with surrounding spaces', async () => {
    const subject = newSubject();
    const { code } = await codes.issue(subject);
    expect(await codes.attempt(subject, ` ${code}\n`)).toBe('verified');
  });

  it('answers missing for a subject that has no code', async () => {
    expect(await codes.attempt(newSubject(), '123456')).toBe('missing');
    expect(await codes.find(newSubject())).toBeNull();
  });

  it('stores only a keyed hash of the code, bound to its subject', async () => {
    const subject = newSubject();
    const { code } = await codes.issue(subject, { fixedCode: '424242' });
    const row = await findVerificationCode(database.db, subject);
    expect(row).toBeDefined();
    expect(JSON.stringify(row)).not.toContain(code);
    expect(row!.code_digest).toBe(createKeyedHash(instanceKey, VERIFICATION_CODE_HASH_PURPOSE).digest(JSON.stringify([subject, code])).toString('base64url'));
    // Another instance key (another keyed hash) cannot verify it.
    const otherInstance = createVerificationCodes({ database, clock, instanceKey: randomBytes(32) });
    expect(await otherInstance.attempt(subject, code)).toBe('incorrect');
    expect(await codes.attempt(subject, code)).toBe('verified');
  });

  it('expires at expire_at (manual clock), whatever the code', async () => {
    const subject = newSubject();
    const { code } = await codes.issue(subject, { ttlSeconds: 60 });
    clock.advanceMs(59_999);
    expect(await codes.attempt(subject, wrongCodeFor(code))).toBe('incorrect');
    clock.advanceMs(1);
    expect(await codes.attempt(subject, code)).toBe('expired');
    expect(await codes.attempt(subject, wrongCodeFor(code))).toBe('expired');
    // An expired attempt is not counted.
    expect(await codes.find(subject)).toMatchObject({ attempts: 1, consumed: false });
  });

  it('allows five failed attempts: the fifth answers too_many_attempts and the code is dead after it', async () => {
    const subject = newSubject();
    const { code } = await codes.issue(subject);
    const wrong = wrongCodeFor(code);
    for (let attempt = 1; attempt <= 4; attempt++) expect(await codes.attempt(subject, wrong)).toBe('incorrect');
    expect(await codes.attempt(subject, wrong)).toBe('too_many_attempts');
    expect(await codes.attempt(subject, code)).toBe('too_many_attempts');
    expect(await codes.find(subject)).toMatchObject({ attempts: 5, consumed: false });
  });

  it('takes its bound from maxAttempts', async () => {
    const strict = createVerificationCodes({ database, clock, keyedHash: createKeyedHash(instanceKey, VERIFICATION_CODE_HASH_PURPOSE), maxAttempts: 1 });
    const subject = newSubject();
    const { code } = await strict.issue(subject);
    expect(await strict.attempt(subject, wrongCodeFor(code))).toBe('too_many_attempts');
    expect(await strict.attempt(subject, code)).toBe('too_many_attempts');
  });

  it('replaces the code on re-issue: the old code fails, attempts start again, a used code comes back to life', async () => {
    const subject = newSubject();
    const first = await codes.issue(subject, { fixedCode: '111111' });
    expect(await codes.attempt(subject, '999999')).toBe('incorrect');
    const second = await codes.issue(subject, { fixedCode: '222222' });
    expect(await codes.find(subject)).toMatchObject({ attempts: 0, expiresAt: second.expiresAt });
    expect(await codes.attempt(subject, first.code)).toBe('incorrect');
    expect(await codes.attempt(subject, second.code)).toBe('verified');
    const third = await codes.issue(subject);
    expect(await codes.find(subject)).toMatchObject({ consumed: false, attempts: 0 });
    expect(await codes.attempt(subject, third.code)).toBe('verified');
  });

  it('keeps subjects apart', async () => {
    const a = newSubject();
    const b = newSubject();
    await codes.issue(a, { fixedCode: '123123' });
    await codes.issue(b, { fixedCode: '456456' });
    expect(await codes.attempt(a, '456456')).toBe('incorrect');
    expect(await codes.attempt(b, '456456')).toBe('verified');
    expect(await codes.attempt(a, '123123')).toBe('verified');
  });

  it('verifies exactly once under 20 concurrent attempts with the right code', async () => {
    const subject = newSubject();
    const { code } = await codes.issue(subject);
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => codes.attempt(subject, code)));
    expect(outcomes.filter((outcome) => outcome === 'verified')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome !== 'verified').every((outcome) => outcome === 'already_verified')).toBe(true);
  });

  it('spends no more than the attempts a code has under 20 concurrent wrong guesses, and then refuses the right one', async () => {
    const subject = newSubject();
    const { code } = await codes.issue(subject);
    const wrong = wrongCodeFor(code);
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => codes.attempt(subject, wrong)));
    expect(outcomes.filter((outcome) => outcome === 'incorrect')).toHaveLength(4);
    expect(outcomes.filter((outcome) => outcome === 'too_many_attempts')).toHaveLength(16);
    expect(await codes.find(subject)).toMatchObject({ attempts: 5 });
    expect(await codes.attempt(subject, code)).toBe('too_many_attempts');
  });

  it('never verifies more than once when right and wrong codes race', async () => {
    const subject = newSubject();
    const { code } = await codes.issue(subject);
    const guesses = Array.from({ length: 20 }, (_, index) => (index % 4 === 0 ? code : wrongCodeFor(code)));
    const outcomes = await Promise.all(guesses.map((guess) => codes.attempt(subject, guess)));
    expect(outcomes.filter((outcome) => outcome === 'verified').length).toBeLessThanOrEqual(1);
    const state = await codes.find(subject);
    expect(state!.attempts).toBeLessThanOrEqual(5);
  });

  it('discards and purges', async () => {
    const subject = newSubject();
    await codes.issue(subject);
    await codes.discard(subject);
    expect(await codes.attempt(subject, '123456')).toBe('missing');
    const old = newSubject();
    await codes.issue(old, { ttlSeconds: 1 });
    clock.advanceMs(2000);
    expect(await codes.purgeExpired()).toBeGreaterThanOrEqual(1);
    expect(await codes.find(old)).toBeNull();
  });

  it('refuses a fixed code that is not six digits, and a zero ttl', async () => {
    await expect(codes.issue(newSubject(), { fixedCode: '4242' })).rejects.toThrow(/six digits/);
    await expect(codes.issue(newSubject(), { ttlSeconds: 0 })).rejects.toThrow(/ttlSeconds/);
  });
});

describe('randomCode', () => {
  it('is six digits with leading zeros kept, spread over all digits', () => {
    const samples = Array.from({ length: 2000 }, randomCode);
    expect(samples.every((code) => /^[0-9]{6}$/.test(code))).toBe(true);
    const firstDigits = new Set(samples.map((code) => code[0]));
    expect(firstDigits.size).toBe(10);
    expect(new Set(samples).size).toBeGreaterThan(1900);
  });
});

describe('outcomes as Clerk errors', () => {
  it.each([
    ['incorrect', 422, 'form_code_incorrect'],
    ['expired', 400, 'verification_expired'],
    ['too_many_attempts', 400, 'verification_failed'],
    ['already_verified', 400, 'verification_already_verified'],
    ['missing', 400, 'verification_missing'],
  ] as const)('%s → %i %s', (outcome, status, code) => {
    const error = verificationOutcomeError(outcome);
    expect(error).toMatchObject({ status, code });
    expect(() => assertVerified(outcome)).toThrow(error!.message);
  });

  it('names the parameter that held a wrong code', () => {
    expect(verificationOutcomeError('incorrect')!.meta).toEqual({ param_name: 'code' });
    expect(verificationOutcomeError('incorrect', 'email_code')!.meta).toEqual({ param_name: 'email_code' });
    expect(verificationOutcomeError('incorrect')).toMatchObject({ message: 'is incorrect', longMessage: 'Incorrect code' });
  });

  it('verified is no error', () => {
    expect(verificationOutcomeError('verified')).toBeNull();
    expect(() => assertVerified('verified')).not.toThrow();
  });
});
