import { createPrivateKey } from 'node:crypto';
import { SignJWT } from 'jose';
import { errors } from '../lib/error-catalog.js';
/** The instance key's algorithm: what templates without a custom key report and sign with. */
export const DEFAULT_SIGNING_ALGORITHM = 'RS256';
/** Algorithms a custom signing key may use: HMAC with a shared secret, RSA PKCS#1 v1.5 and ECDSA with a PEM. */
export const CUSTOM_SIGNING_ALGORITHMS = ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'];
const EC_CURVES = { ES256: 'prime256v1', ES384: 'secp384r1', ES512: 'secp521r1' };
/** jose (and most verifiers) refuse RSA keys under 2048 bits. */
const MIN_RSA_BITS = 2048;
/** An HMAC secret this long or longer is accepted; RFC 7518 asks for at least the hash size, but Supabase-style secrets vary. */
/**
 * Shorter shared secrets can be brute-forced offline from one token (RFC 7518 asks for the hash's size;
 * 32 bytes is what HS256 needs and what Supabase and Hasura secrets have).
 */
const MIN_HMAC_SECRET_BYTES = 32;
export function isCustomSigningAlgorithm(value) {
    return CUSTOM_SIGNING_ALGORITHMS.includes(value);
}
/**
 * Checks that `signingKey` can sign with `algorithm` and returns it ready to sign: an HMAC secret is used
 * as its UTF-8 bytes (what `jwtVerify(token, new TextEncoder().encode(secret))` expects); RSA and ECDSA
 * need a private key PEM of the matching type (PKCS#8, or PKCS#1/SEC1). The key never appears in errors.
 */
export function parseCustomSigningKey(algorithm, signingKey) {
    if (algorithm.startsWith('HS')) {
        const bytes = new TextEncoder().encode(signingKey);
        if (bytes.length < MIN_HMAC_SECRET_BYTES) {
            throw errors.paramValueInvalid('signing_key', `signing_key must be at least ${MIN_HMAC_SECRET_BYTES} bytes for ${algorithm}.`);
        }
        // A key pair's PEM as a shared secret is the HS/RS confusion: a verifier holding the public key as an
        // HMAC secret would accept tokens anyone can make.
        if (/-----BEGIN [A-Z ]*KEY-----/.test(signingKey)) {
            throw errors.paramValueInvalid('signing_key', `signing_key for ${algorithm} is a shared secret, not a PEM key.`);
        }
        return bytes;
    }
    let key;
    try {
        key = createPrivateKey({ key: signingKey, format: 'pem' });
    }
    catch {
        throw errors.paramValueInvalid('signing_key', `signing_key must be a PEM-encoded private key for ${algorithm}.`);
    }
    if (algorithm.startsWith('RS')) {
        const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
        if (key.asymmetricKeyType !== 'rsa' || bits < MIN_RSA_BITS) {
            throw errors.paramValueInvalid('signing_key', `signing_key must be an RSA private key of at least ${MIN_RSA_BITS} bits for ${algorithm}.`);
        }
    }
    else if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== EC_CURVES[algorithm]) {
        throw errors.paramValueInvalid('signing_key', `signing_key must be an EC private key on the curve ${algorithm} uses.`);
    }
    return key;
}
/** Signs `claims` with a custom key; no `kid`, since the third party holds the key itself. */
export async function signWithCustomKey(claims, algorithm, key) {
    return new SignJWT(claims).setProtectedHeader({ alg: algorithm, typ: 'JWT' }).sign(key);
}
//# sourceMappingURL=signing.js.map