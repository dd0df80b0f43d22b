import { domainToASCII, domainToUnicode } from 'node:url';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import validator from 'validator';
import { errors } from '../lib/error-catalog.js';
import { hasSymbol, lettersAreDistinct, scriptsAreSafe } from './look-alikes.js';
export const USERNAME_MIN_LENGTH = 4;
export const USERNAME_MAX_LENGTH = 64;
/**
 * Characters refused anywhere in any identifier, checked before trimming or mapping so that nothing
 * invisible can be stripped into (or hide inside) an existing identifier: controls and format characters
 * (`\p{C}`: Cc, Cf such as U+200B, U+00AD, ZWJ/ZWNJ and U+FEFF, also lone surrogates, private-use and
 * unassigned code points), bidi controls, default-ignorable code points (U+3164 and other fillers,
 * variation selectors) and the line and paragraph separators U+2028/U+2029.
 */
const INVISIBLE = /[\p{C}\p{Bidi_Control}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}]/u;
/** True when `input` holds a character that no identifier may contain (see INVISIBLE). */
export function hasInvisibleCharacter(input) {
    return INVISIBLE.test(input);
}
const refuse = (problem) => ({ ok: false, problem });
/**
 * Normalises an email address to the one form that is stored and compared:
 * - only U+0020 spaces at either end are trimmed; anything invisible (see INVISIBLE) or space-like is refused;
 * - the local part is NFKC-normalised and lower-cased, so full-width or composed/decomposed spellings are one;
 * - the domain goes through UTS #46 (Node's `domainToASCII`, non-transitional, as browsers do), which
 *   lower-cases it and maps full-width letters and ideographic full stops; it is stored in its Unicode form
 *   (`münchen.de`, never `xn--mnchen-3ya.de`), which is what the user typed and what search matches;
 * - the local part must be unquoted (dot-atom): `"admin"@example.com` is the mailbox admin@example.com again;
 * - non-ASCII characters must be letters, marks or decimal digits, scripts must not mix (see scriptsAreSafe),
 *   and no letter or mark may imitate another (see lettersAreDistinct).
 */
export function parseEmailAddress(input) {
    if (INVISIBLE.test(input))
        return refuse('invisible_character');
    const address = input.replace(/^ +| +$/g, '');
    if (/\p{Z}/u.test(address))
        return refuse('space');
    if (address.length > 320)
        return refuse('syntax');
    const at = address.lastIndexOf('@');
    if (at < 1)
        return refuse('syntax');
    const rawDomain = address.slice(at + 1);
    // The WHATWG host parser behind domainToASCII percent-decodes ("ex%61mple.com" is example.com); no domain has a %.
    if (rawDomain.includes('%'))
        return refuse('domain');
    const asciiDomain = domainToASCII(rawDomain);
    if (!asciiDomain)
        return refuse('domain');
    const domain = domainToUnicode(asciiDomain);
    // Every stored domain must round-trip, so one domain has exactly one stored spelling.
    if (domainToASCII(domain) !== asciiDomain)
        return refuse('domain');
    const local = address.slice(0, at).normalize('NFKC').toLowerCase().normalize('NFKC');
    // NFKC can itself produce a space (U+00A8 diaeresis becomes space + combining diaeresis).
    if (/\p{Z}/u.test(local))
        return refuse('space');
    // validator accepts RFC 5322 quoted strings ("admin", "ad\min", even "a@b"), each a second spelling of an
    // unquoted mailbox or a form no Clerk user needs. Unquoted, neither character is allowed, so this is exactly
    // "no quoted local part". Checked after NFKC, which turns full-width ＂ and ＼ into these.
    if (/["\\]/.test(local))
        return refuse('quoted');
    if (!isEmailSyntax(`${local}@${asciiDomain}`))
        return refuse('syntax');
    if (hasSymbol(local) || hasSymbol(domain))
        return refuse('symbol');
    if (!scriptsAreSafe(local, domain))
        return refuse('mixed_script');
    if (!lettersAreDistinct(`${local}@${domain}`))
        return refuse('look_alike');
    return { ok: true, emailAddress: `${local}@${domain}` };
}
/** The stored form of an email address (see parseEmailAddress), or `null` when it is refused. */
export function normalizeEmailAddress(input) {
    const parsed = parseEmailAddress(input);
    return parsed.ok ? parsed.emailAddress : null;
}
/** RFC 5322 addr-spec with a DNS domain (no display names, no IP literals), checked on the ASCII domain. */
function isEmailSyntax(email) {
    // validator throws URIError on lone UTF-16 surrogates: such input is simply not an email address.
    try {
        return validator.isEmail(email, {
            allow_display_name: false,
            require_tld: true,
            allow_ip_domain: false,
            allow_utf8_local_part: true,
            ignore_max_length: false,
        });
    }
    catch {
        return false;
    }
}
/** E.164 (`+14155550123`), or `null` when the number is not a valid international number. */
export function normalizePhoneNumber(input) {
    // libphonenumber would silently drop invisible characters; refuse them as every identifier does.
    if (INVISIBLE.test(input))
        return null;
    const trimmed = input.trim();
    if (!trimmed.startsWith('+'))
        return null;
    const parsed = parsePhoneNumberFromString(trimmed);
    if (!parsed || !parsed.isValid())
        return null;
    return parsed.number;
}
/** An Ethereum address: `0x` + 40 hex digits, stored lower-cased. */
export function normalizeWeb3Wallet(input) {
    if (INVISIBLE.test(input))
        return null;
    const wallet = input.trim().toLowerCase();
    return /^0x[0-9a-f]{40}$/.test(wallet) ? wallet : null;
}
/** Clerk's username rules; returns the lower-cased form used for uniqueness, or throws the rule's error. */
export function normalizeUsername(input) {
    // Checked before trimming, as for every identifier: a trailing U+FEFF must not be quietly dropped.
    if (INVISIBLE.test(input))
        throw errors.usernameInvalidCharacter();
    const username = input.trim();
    const length = [...username].length;
    if (length < USERNAME_MIN_LENGTH || length > USERNAME_MAX_LENGTH) {
        throw errors.usernameInvalidLength(USERNAME_MIN_LENGTH, USERNAME_MAX_LENGTH);
    }
    if (!/^[A-Za-z0-9_-]+$/.test(username))
        throw errors.usernameInvalidCharacter();
    if (/^[0-9]+$/.test(username))
        throw errors.usernameNeedsNonNumberChar();
    return username.toLowerCase();
}
/**
 * A username as given on create or update: `null` when absent or only spaces, else the value without its
 * surrounding U+0020 spaces. Invisible characters are refused before anything is trimmed (String#trim would
 * quietly drop a trailing U+FEFF), as for every identifier; `normalizeUsername` checks the rest.
 */
export function parseUsernameInput(input) {
    if (input == null)
        return null;
    if (hasInvisibleCharacter(input))
        throw errors.usernameInvalidCharacter();
    return input.replace(/^ +| +$/g, '') || null;
}
/** BCP-47 tag such as `en`, `en-US`, `zh-Hant-TW`; checked with Intl so odd-but-valid tags pass. */
export function isValidLocale(input) {
    if (!/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(input))
        return false;
    try {
        return Intl.getCanonicalLocales(input).length === 1;
    }
    catch {
        return false;
    }
}
/** Normalises one identifier of the given kind or throws the format error naming `paramName`. */
export function parseIdentifier(kind, input, paramName = kind) {
    if (kind === 'email_address') {
        const email = normalizeEmailAddress(input);
        if (!email)
            throw errors.emailInvalid(paramName);
        return email;
    }
    if (kind === 'phone_number') {
        const phone = normalizePhoneNumber(input);
        if (!phone)
            throw errors.phoneInvalid(paramName);
        return phone;
    }
    const wallet = normalizeWeb3Wallet(input);
    if (!wallet)
        throw errors.web3WalletInvalid(paramName);
    return wallet;
}
//# sourceMappingURL=identifiers.js.map