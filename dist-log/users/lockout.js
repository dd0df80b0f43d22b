/**
 * A lock lasts `durationInSeconds` from `lockedAtMs` (forever when the duration is null). Once it has
 * run out the user is no longer locked and the failed-attempt count no longer applies.
 */
export function lockStatus(stored, policy, nowMs) {
    const { lockedAtMs, failedAttempts } = stored;
    const endsAtMs = lockedAtMs === null || policy.durationInSeconds === null ? null : lockedAtMs + policy.durationInSeconds * 1000;
    const locked = lockedAtMs !== null && (endsAtMs === null || nowMs < endsAtMs);
    const expired = lockedAtMs !== null && !locked;
    const lockoutExpiresInSeconds = locked && endsAtMs !== null ? Math.ceil((endsAtMs - nowMs) / 1000) : null;
    let verificationAttemptsRemaining = null;
    if (policy.maxAttempts !== null) {
        verificationAttemptsRemaining = expired ? policy.maxAttempts : Math.max(0, policy.maxAttempts - failedAttempts);
    }
    return { locked, lockoutExpiresInSeconds, verificationAttemptsRemaining };
}
//# sourceMappingURL=lockout.js.map