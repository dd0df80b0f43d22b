import { Secret, TOTP } from 'otpauth';
/** The only TOTP shape Clerk supports: SHA-1, 6 digits, 30-second period. */
export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_IN_SECONDS = 30;
const ALGORITHM = 'SHA1';
/** Codes from one step before or after now are accepted, for clock drift. */
const WINDOW_IN_STEPS = 1;
/** A new random secret (160 bits, RFC 4226's recommendation), base32. */
export function generateTOTPSecret() {
    return new Secret({ size: 20 }).base32;
}
/** Normalises a base32 secret (case, spaces, padding), or null when it is not base32 or too short. */
export function parseTOTPSecret(input) {
    const cleaned = input.replace(/[\s=-]/g, '').toUpperCase();
    if (!/^[A-Z2-7]+$/.test(cleaned))
        return null;
    try {
        const secret = Secret.fromBase32(cleaned);
        return secret.bytes.length >= 10 ? secret.base32 : null;
    }
    catch {
        return null;
    }
}
function totpFor(secretBase32, issuer = 'Roster', label = 'user') {
    return new TOTP({
        issuer,
        label,
        algorithm: ALGORITHM,
        digits: TOTP_DIGITS,
        period: TOTP_PERIOD_IN_SECONDS,
        secret: Secret.fromBase32(secretBase32),
    });
}
/** The `otpauth://` URI an authenticator app scans. */
export function totpURI(secretBase32, issuer, label) {
    return totpFor(secretBase32, issuer, label).toString();
}
/**
 * The time step the code belongs to when it is valid within the window, else null. The caller records
 * the step so that a code is accepted once (replay protection).
 */
export function verifyTOTP(secretBase32, code, nowMs) {
    if (!/^\d{6}$/.test(code))
        return null;
    const delta = totpFor(secretBase32).validate({ token: code, timestamp: nowMs, window: WINDOW_IN_STEPS });
    if (delta === null)
        return null;
    return Math.floor(nowMs / 1000 / TOTP_PERIOD_IN_SECONDS) + delta;
}
/** The code for a moment (tests and tooling). */
export function generateTOTP(secretBase32, atMs) {
    return totpFor(secretBase32).generate({ timestamp: atMs });
}
//# sourceMappingURL=totp.js.map