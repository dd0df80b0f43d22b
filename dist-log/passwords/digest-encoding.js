import { timingSafeEqual } from 'node:crypto';
/** Constant-time equality of two byte strings (false, without comparing, when lengths differ). */
export function bytesEqual(a, b) {
    return a.length === b.length && timingSafeEqual(a, b);
}
const HEX = /^(?:[0-9a-fA-F]{2})+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;
/** Hex → bytes, or null when the text is not even-length hex. */
export function fromHex(text) {
    return HEX.test(text) ? Buffer.from(text, 'hex') : null;
}
/** Standard base64 (padding optional) → bytes, or null when the text is not base64. */
export function fromBase64(text) {
    return text.length > 0 && BASE64.test(text) ? Buffer.from(text, 'base64') : null;
}
/** A positive safe integer written in decimal, or null. */
export function parsePositiveInteger(text) {
    if (text === undefined || !/^[1-9][0-9]{0,15}$/.test(text))
        return null;
    const value = Number(text);
    return Number.isSafeInteger(value) ? value : null;
}
//# sourceMappingURL=digest-encoding.js.map