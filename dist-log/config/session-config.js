import { ConfigError } from './config-error.js';
const DAY_SECONDS = 86_400;
/** Clerk caps session lifetimes at ten years; so does Roster. */
const MAX_SECONDS = 315_360_000;
/** An integer number of seconds from `name`; `off` gives null where the setting may be turned off (fallback null). */
function seconds(env, name, fallback, min) {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '')
        return fallback;
    const canBeOff = fallback === null;
    if (canBeOff && raw.toLowerCase() === 'off')
        return null;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > MAX_SECONDS) {
        throw new ConfigError(`${name} must be an integer between ${min} and ${MAX_SECONDS}${canBeOff ? ', or "off"' : ''}, got "${raw}"`);
    }
    return value;
}
function testModeFrom(env) {
    const raw = env.ROSTER_TEST_MODE?.trim().toLowerCase();
    if (raw === 'true' || raw === '1')
        return true;
    if (raw === 'false' || raw === '0')
        return false;
    if (raw !== undefined && raw !== '')
        throw new ConfigError(`ROSTER_TEST_MODE must be true or false, got "${env.ROSTER_TEST_MODE}"`);
    // Like Clerk: sk_test_ keys belong to development instances. No key at all means a generated sk_test_ key.
    const keys = (env.ROSTER_SECRET_KEYS ?? '')
        .split(',')
        .map((key) => key.trim())
        .filter(Boolean);
    return keys.every((key) => key.startsWith('sk_test_'));
}
export function loadSessionConfig(env) {
    const lifetimeInSeconds = seconds(env, 'ROSTER_SESSION_LIFETIME_SECONDS', 7 * DAY_SECONDS, 60);
    const inactivityTimeoutInSeconds = seconds(env, 'ROSTER_SESSION_INACTIVITY_TIMEOUT_SECONDS', null, 60);
    if (inactivityTimeoutInSeconds !== null && inactivityTimeoutInSeconds >= lifetimeInSeconds) {
        // Clerk's form_session_inactivity_timeout_invalid: the timeout must be lower than the lifetime.
        throw new ConfigError('ROSTER_SESSION_INACTIVITY_TIMEOUT_SECONDS must be lower than ROSTER_SESSION_LIFETIME_SECONDS');
    }
    return Object.freeze({
        testMode: testModeFrom(env),
        lifetimeInSeconds,
        inactivityTimeoutInSeconds,
        tokenLifetimeInSeconds: seconds(env, 'ROSTER_SESSION_TOKEN_LIFETIME_SECONDS', 60, 30),
        signingKeyMaxAgeInSeconds: seconds(env, 'ROSTER_SIGNING_KEY_MAX_AGE_SECONDS', null, 60),
    });
}
//# sourceMappingURL=session-config.js.map