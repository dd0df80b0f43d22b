const DAY_MS = 86_400_000;
/** Clerk keeps a session refreshable for 30 days at least (`abandon_at`); Roster reports the same horizon. */
const ABANDON_AFTER_MS = 30 * DAY_MS;
/** What a session's status reads as now: an active session past its expiry is expired. */
export function effectiveStatus(session, nowMs) {
    if (session.status === 'active' && session.expire_at <= nowMs)
        return 'expired';
    return session.status;
}
/** `last_active_at` of users has day precision (the spec says so): the UTC midnight that starts the day. */
export function startOfDayMs(nowMs) {
    return Math.floor(nowMs / DAY_MS) * DAY_MS;
}
/** Expiry, lifetime end and abandonment of a session signed in at `nowMs`. */
export function initialLifetime(config, nowMs) {
    const maxExpireAt = nowMs + config.lifetimeInSeconds * 1000;
    return {
        expireAt: expiryAfterActivity(config, maxExpireAt, nowMs),
        maxExpireAt,
        abandonAt: Math.max(maxExpireAt, nowMs + ABANDON_AFTER_MS),
    };
}
/** With an inactivity timeout, activity pushes the expiry forward, never past the lifetime's end. */
export function expiryAfterActivity(config, maxExpireAt, nowMs) {
    if (config.inactivityTimeoutInSeconds === null)
        return maxExpireAt;
    return Math.min(maxExpireAt, nowMs + config.inactivityTimeoutInSeconds * 1000);
}
//# sourceMappingURL=session-lifetime.js.map