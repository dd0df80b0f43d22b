import { availableParallelism } from 'node:os';
import { errors } from '../lib/error-catalog.js';
/** Half the cores, at least 1 and at most 2, so new-password hashing always keeps threads and a core. */
export function defaultVerificationPoolOptions(cores = availableParallelism()) {
    return { maxConcurrent: Math.min(2, Math.max(1, Math.floor(cores / 2))), maxQueued: 32 };
}
export function createVerificationPool(options = {}) {
    const { maxConcurrent, maxQueued } = { ...defaultVerificationPoolOptions(), ...options };
    if (!Number.isSafeInteger(maxConcurrent) || maxConcurrent < 1)
        throw new Error('maxConcurrent must be a positive integer');
    if (!Number.isSafeInteger(maxQueued) || maxQueued < 0)
        throw new Error('maxQueued must be a non-negative integer');
    let running = 0;
    const waiting = [];
    /** Hands the finished check's slot to the first waiter, so `running` never rises above the limit. */
    function release() {
        const next = waiting.shift();
        if (next)
            next();
        else
            running--;
    }
    return {
        async run(check) {
            if (running < maxConcurrent)
                running++;
            else if (waiting.length >= maxQueued)
                throw errors.tooManyRequests();
            else
                await new Promise((resolve) => waiting.push(resolve));
            try {
                return await check();
            }
            finally {
                release();
            }
        },
        get running() {
            return running;
        },
        get queued() {
            return waiting.length;
        },
    };
}
//# sourceMappingURL=verification-pool.js.map