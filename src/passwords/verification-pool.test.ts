import { describe, expect, it } from 'vitest';
import { ClerkError } from '../lib/error-catalog.js';
import { createVerificationPool, defaultVerificationPoolOptions } from './verification-pool.js';

/** A check that finishes only when the test says so, recording how many checks ran at its start. */
function controlledCheck(pool: { running: number }, log: { started: number[]; peak: number }) {
  let finish!: (value: string) => void;
  let fail!: (error: Error) => void;
  const done = new Promise<string>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const check = async (id: number) => {
    log.started.push(id);
    log.peak = Math.max(log.peak, pool.running);
    return done;
  };
  return { check, finish, fail };
}

/** Lets every queued microtask (and promise continuation) run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('verification pool', () => {
  it('never runs more than maxConcurrent checks at once, and runs waiting ones in arrival order', async () => {
    const pool = createVerificationPool({ maxConcurrent: 2, maxQueued: 10 });
    const log = { started: [] as number[], peak: 0 };
    const checks = Array.from({ length: 7 }, () => controlledCheck(pool, log));
    const results = checks.map((c, i) => pool.run(() => c.check(i)));
    await settle();
    expect(log.started).toEqual([0, 1]);
    expect([pool.running, pool.queued]).toEqual([2, 5]);

    // Finish them out of order: a freed slot always goes to the longest-waiting check.
    checks[1]!.finish('one');
    await settle();
    expect(log.started).toEqual([0, 1, 2]);
    checks[0]!.finish('zero');
    checks[2]!.finish('two');
    await settle();
    expect(log.started).toEqual([0, 1, 2, 3, 4]);
    for (const c of checks.slice(3)) c.finish('later');
    await settle();

    expect(await Promise.all(results)).toEqual(['zero', 'one', 'two', 'later', 'later', 'later', 'later']);
    expect(log.started).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(log.peak).toBe(2);
    expect([pool.running, pool.queued]).toEqual([0, 0]);
  });

  it('refuses with 429 too_many_requests, without running the check, once maxQueued checks wait', async () => {
    const pool = createVerificationPool({ maxConcurrent: 1, maxQueued: 2 });
    const log = { started: [] as number[], peak: 0 };
    const held = controlledCheck(pool, log);
    const admitted = [0, 1, 2].map((i) => pool.run(() => held.check(i)));
    await settle();
    expect([pool.running, pool.queued]).toEqual([1, 2]);

    let ranRefused = false;
    const refused = pool.run(async () => {
      ranRefused = true;
      return 'never';
    });
    await expect(refused).rejects.toBeInstanceOf(ClerkError);
    await expect(refused).rejects.toMatchObject({ status: 429, code: 'too_many_requests' });
    expect(ranRefused).toBe(false);
    expect([pool.running, pool.queued]).toEqual([1, 2]);

    held.finish('ok');
    expect(await Promise.all(admitted)).toEqual(['ok', 'ok', 'ok']);
    // With the queue drained, the pool admits again.
    expect(await pool.run(async () => 'again')).toBe('again');
    expect(log.peak).toBe(1);
  });

  it('with maxQueued 0, refuses whatever finds every slot taken', async () => {
    const pool = createVerificationPool({ maxConcurrent: 1, maxQueued: 0 });
    const held = controlledCheck(pool, { started: [], peak: 0 });
    const first = pool.run(() => held.check(0));
    await expect(pool.run(async () => 'second')).rejects.toMatchObject({ status: 429, code: 'too_many_requests' });
    held.finish('first');
    expect(await first).toBe('first');
  });

  it('passes a failing check\'s error on and frees its slot', async () => {
    const pool = createVerificationPool({ maxConcurrent: 1, maxQueued: 1 });
    const log = { started: [] as number[], peak: 0 };
    const failing = controlledCheck(pool, log);
    const failed = pool.run(() => failing.check(0));
    const next = pool.run(async () => 'next');
    await settle();
    expect(pool.queued).toBe(1);
    failing.fail(new Error('hasher crashed'));
    await expect(failed).rejects.toThrow('hasher crashed');
    expect(await next).toBe('next');
    expect([pool.running, pool.queued]).toEqual([0, 0]);
  });

  it('a check that throws synchronously frees its slot too', async () => {
    const pool = createVerificationPool({ maxConcurrent: 1, maxQueued: 0 });
    await expect(pool.run(() => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(await pool.run(async () => 'free')).toBe('free');
  });

  it('defaults to half the cores, between 1 and 2 at once, and a queue of 32', () => {
    expect(defaultVerificationPoolOptions(1)).toEqual({ maxConcurrent: 1, maxQueued: 32 });
    expect(defaultVerificationPoolOptions(2)).toEqual({ maxConcurrent: 1, maxQueued: 32 });
    expect(defaultVerificationPoolOptions(4)).toEqual({ maxConcurrent: 2, maxQueued: 32 });
    expect(defaultVerificationPoolOptions(64)).toEqual({ maxConcurrent: 2, maxQueued: 32 });
  });

  it('refuses limits that cannot work', () => {
    expect(() => createVerificationPool({ maxConcurrent: 0 })).toThrow();
    expect(() => createVerificationPool({ maxQueued: -1 })).toThrow();
    expect(() => createVerificationPool({ maxConcurrent: 1.5 })).toThrow();
  });
});
