import { createHash } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
const BLOCK_BYTES = { md5: 64, sha512: 128 };
/** Padding a message needs at least: the 0x80 byte, then its bit length (8 bytes for md5, 16 for sha512). */
const MIN_PADDING_BYTES = { md5: 9, sha512: 17 };
/** The digest each iteration feeds back in front of the suffix. */
const DIGEST_BYTES = { md5: 16, sha512: 64 };
/**
 * Most hash blocks one verification may stretch through (the one hash before the loop is not counted: it is a
 * single pass over the same bytes). With the count caps this keeps a verification under about 0.9 s of one core
 * (scripts/measure-verify-costs.mjs): the time is iterations × a fixed cost per hash call, which the count caps
 * bound (2^19 md5, 100,000 sha512), plus blocks × the cost of one block, which this budget bounds.
 * - md5, 2^20 blocks (64 MiB): phpass at count 2^19 takes passwords up to 103 bytes (passlib's default; a password
 *   of up to 39 bytes is one block per iteration), each halving of the count doubles that, and counts up to 2^13
 *   (WordPress) take every password up to 4096 bytes.
 * - sha512, 2^22 blocks (512 MiB): Symfony at the 100,000-iteration cap takes password{salt} up to 5,167 bytes,
 *   so a 4096-byte password with any salt up to 1,069 bytes; at Symfony's default 5,000 iterations, up to
 *   107,311 bytes.
 */
export const STRETCH_BUDGET_BLOCKS = { md5: 2 ** 20, sha512: 2 ** 22 };
/** Blocks the hash function compresses for a message of `messageBytes` bytes. */
export function hashBlocks(algorithm, messageBytes) {
    return Math.floor((messageBytes + MIN_PADDING_BYTES[algorithm] - 1) / BLOCK_BYTES[algorithm]) + 1;
}
/** The blocks `rounds` iterations of `H(digest ‖ suffix)` compress. */
export function stretchBlocks(algorithm, rounds, suffixBytes) {
    return rounds * hashBlocks(algorithm, DIGEST_BYTES[algorithm] + suffixBytes);
}
/**
 * Whether stretching a `suffixBytes`-byte suffix `rounds` times stays within {@link STRETCH_BUDGET_BLOCKS}. A
 * verification over it is not computed at all: it answers false, like a wrong password.
 */
export function withinStretchBudget(algorithm, rounds, suffixBytes) {
    return stretchBlocks(algorithm, rounds, suffixBytes) <= STRETCH_BUDGET_BLOCKS[algorithm];
}
/** Blocks computed between two yields to the event loop (about 2–3 ms), and at most this many iterations. */
const BLOCKS_PER_SLICE = 16_384;
const MAX_ITERATIONS_PER_SLICE = 2048;
/**
 * `digest = H(digest ‖ suffix)`, `rounds` times, starting from `initial`. Runs in slices of about
 * {@link BLOCKS_PER_SLICE} blocks (fewer iterations when the suffix is long) and yields to the event loop between
 * them, so a verification costs CPU time but never stalls other requests for more than a few milliseconds.
 * Throws when the work is over the budget; callers check {@link withinStretchBudget} first.
 */
export async function stretch(algorithm, initial, suffix, rounds) {
    if (!withinStretchBudget(algorithm, rounds, suffix.length))
        throw new RangeError('stretch: over the work budget');
    const perSlice = Math.max(1, Math.min(MAX_ITERATIONS_PER_SLICE, Math.floor(BLOCKS_PER_SLICE / stretchBlocks(algorithm, 1, suffix.length))));
    let digest = initial;
    let remaining = rounds;
    while (remaining > 0) {
        const slice = Math.min(remaining, perSlice);
        for (let i = 0; i < slice; i++)
            digest = createHash(algorithm).update(digest).update(suffix).digest();
        remaining -= slice;
        if (remaining > 0)
            await yieldToEventLoop();
    }
    return digest;
}
//# sourceMappingURL=stretch.js.map