import { domainToASCII, domainToUnicode } from 'node:url';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import validator from 'validator';
import { errors } from '../lib/error-catalog.js';

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
export function hasInvisibleCharacter(input: string): boolean {
  return INVISIBLE.test(input);
}

/** Why `parseEmailAddress` refused an address. */
export type EmailAddressProblem =
  /** a control, format, bidi or default-ignorable character anywhere */
  | 'invisible_character'
  /** a space inside the address, or any space other than U+0020 anywhere */
  | 'space'
  /** not an RFC 5322 addr-spec (after normalisation) */
  | 'syntax'
  /** a quotation mark or backslash in the local part: quoted strings and escapes spell an unquoted mailbox a second way */
  | 'quoted'
  /** the domain is not a valid internationalised domain name (UTS #46) */
  | 'domain'
  /** a non-ASCII character that is not a letter, combining mark or decimal digit */
  | 'symbol'
  /** scripts mixed the way UTS #39's restriction levels forbid, or a script not recommended for identifiers */
  | 'mixed_script'
  /** a letter or combining mark that imitates another letter or has no place in a living orthography (see LOOK_ALIKE) */
  | 'look_alike';

export type EmailAddressParse = { ok: true; emailAddress: string } | { ok: false; problem: EmailAddressProblem };

const refuse = (problem: EmailAddressProblem): EmailAddressParse => ({ ok: false, problem });

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
export function parseEmailAddress(input: string): EmailAddressParse {
  if (INVISIBLE.test(input)) return refuse('invisible_character');
  const address = input.replace(/^ +| +$/g, '');
  if (/\p{Z}/u.test(address)) return refuse('space');
  if (address.length > 320) return refuse('syntax');
  const at = address.lastIndexOf('@');
  if (at < 1) return refuse('syntax');
  const rawDomain = address.slice(at + 1);
  // The WHATWG host parser behind domainToASCII percent-decodes ("ex%61mple.com" is example.com); no domain has a %.
  if (rawDomain.includes('%')) return refuse('domain');
  const asciiDomain = domainToASCII(rawDomain);
  if (!asciiDomain) return refuse('domain');
  const domain = domainToUnicode(asciiDomain);
  // Every stored domain must round-trip, so one domain has exactly one stored spelling.
  if (domainToASCII(domain) !== asciiDomain) return refuse('domain');
  const local = address.slice(0, at).normalize('NFKC').toLowerCase().normalize('NFKC');
  // NFKC can itself produce a space (U+00A8 diaeresis becomes space + combining diaeresis).
  if (/\p{Z}/u.test(local)) return refuse('space');
  // validator accepts RFC 5322 quoted strings ("admin", "ad\min", even "a@b"), each a second spelling of an
  // unquoted mailbox or a form no Clerk user needs. Unquoted, neither character is allowed, so this is exactly
  // "no quoted local part". Checked after NFKC, which turns full-width ＂ and ＼ into these.
  if (/["\\]/.test(local)) return refuse('quoted');
  if (!isEmailSyntax(`${local}@${asciiDomain}`)) return refuse('syntax');
  if (NOT_LETTER_MARK_OR_DIGIT.test(local) || NOT_LETTER_MARK_OR_DIGIT.test(domain)) return refuse('symbol');
  if (!scriptsAreSafe(local, domain)) return refuse('mixed_script');
  if (!lettersAreDistinct(`${local}@${domain}`)) return refuse('look_alike');
  return { ok: true, emailAddress: `${local}@${domain}` };
}

/** The stored form of an email address (see parseEmailAddress), or `null` when it is refused. */
export function normalizeEmailAddress(input: string): string | null {
  const parsed = parseEmailAddress(input);
  return parsed.ok ? parsed.emailAddress : null;
}

/** RFC 5322 addr-spec with a DNS domain (no display names, no IP literals), checked on the ASCII domain. */
function isEmailSyntax(email: string): boolean {
  // validator throws URIError on lone UTF-16 surrogates: such input is simply not an email address.
  try {
    return validator.isEmail(email, {
      allow_display_name: false,
      require_tld: true,
      allow_ip_domain: false,
      allow_utf8_local_part: true,
      ignore_max_length: false,
    });
  } catch {
    return false;
  }
}

/** A non-ASCII character that is not a letter, combining mark or decimal digit (symbols, punctuation, emoji). */
const NOT_LETTER_MARK_OR_DIGIT = /[^\p{ASCII}\p{L}\p{M}\p{Nd}]/u;

/**
 * The "Recommended" scripts of UTS #31 (Table 4), as Script_Extensions values. A letter of any other
 * script (Cherokee, Runic, Gothic and the like, several of which imitate Latin) makes an identifier
 * unrestricted, as UTS #39 says for characters outside its Identifier_Status=Allowed.
 */
const RECOMMENDED_SCRIPTS = [
  'Arab', 'Armn', 'Beng', 'Bopo', 'Cyrl', 'Deva', 'Ethi', 'Geor', 'Grek', 'Gujr', 'Guru', 'Hang', 'Hani', 'Hebr', 'Hira',
  'Kana', 'Khmr', 'Knda', 'Laoo', 'Latn', 'Mlym', 'Mymr', 'Orya', 'Sinh', 'Taml', 'Telu', 'Thaa', 'Thai', 'Tibt',
] as const;
const SCRIPT_PATTERNS = RECOMMENDED_SCRIPTS.map((script) => [script, new RegExp(`\\p{scx=${script}}`, 'u')] as const);
/** Characters used with every script (digits, `-`, `.`, most combining marks). */
const ANY_SCRIPT = /[\p{scx=Zyyy}\p{scx=Zinh}]/u;
/** UTS #39 §5.1's augmented script sets: what may be written together with Latin under "highly restrictive". */
const CJK_WRITING_SYSTEMS = ['Jpan', 'Hanb', 'Kore'];
const LATIN: ReadonlySet<string> = new Set(['Latn']);

/**
 * A character's Script_Extensions among the recommended scripts, augmented as UTS #39 §5.1 says (Han
 * also counts as Japanese, Chinese-with-Bopomofo and Korean; kana as Japanese; Hangul as Korean), or
 * `null` when the character goes with any script.
 */
function scriptsOf(char: string): ReadonlySet<string> | null {
  // ASCII first: most addresses are all ASCII, and 29 property tests per character add up over 100 filter values.
  if (/^[a-z]$/i.test(char)) return LATIN;
  if (/^[\x00-\x7f]$/.test(char) || ANY_SCRIPT.test(char)) return null;
  const scripts = new Set<string>(SCRIPT_PATTERNS.filter(([, pattern]) => pattern.test(char)).map(([script]) => script));
  if (scripts.has('Hani')) scripts.add('Hanb').add('Jpan').add('Kore');
  if (scripts.has('Hira') || scripts.has('Kana')) scripts.add('Jpan');
  if (scripts.has('Hang')) scripts.add('Kore');
  if (scripts.has('Bopo')) scripts.add('Hanb');
  return scripts;
}

/** UTS #39's resolved script set: the scripts all characters share (`null`: no constraint at all). */
function resolvedScripts(sets: readonly ReadonlySet<string>[]): ReadonlySet<string> | null {
  let resolved: ReadonlySet<string> | null = null;
  for (const set of sets) resolved = new Set([...(resolved ?? set)].filter((script) => set.has(script)));
  return resolved;
}

/** UTS #39 §5.2 restriction levels, most restrictive first (ASCII-only counts as single script). */
export type RestrictionLevel = 'single_script' | 'highly_restrictive' | 'moderately_restrictive' | 'minimally_restrictive';

/**
 * The most restrictive UTS #39 level `text` satisfies, from the Unicode Script_Extensions the regular
 * expression engine knows: single script; Latin with Han and kana, Han and Bopomofo, or Han and Hangul
 * (highly); Latin with any one other recommended script but Cyrillic or Greek (moderately); anything else.
 */
export function restrictionLevel(text: string): RestrictionLevel {
  const sets: ReadonlySet<string>[] = [];
  for (const char of text) {
    const scripts = scriptsOf(char);
    if (scripts === null) continue;
    if (scripts.size === 0) return 'minimally_restrictive';
    sets.push(scripts);
  }
  const all = resolvedScripts(sets);
  if (all === null || all.size > 0) return 'single_script';
  const beyondLatin = resolvedScripts(sets.filter((scripts) => !scripts.has('Latn'))) ?? new Set<string>();
  if (CJK_WRITING_SYSTEMS.some((script) => beyondLatin.has(script))) return 'highly_restrictive';
  if ([...beyondLatin].some((script) => script !== 'Cyrl' && script !== 'Grek')) return 'moderately_restrictive';
  return 'minimally_restrictive';
}

const isHighlyRestrictive = (text: string) => ['single_script', 'highly_restrictive'].includes(restrictionLevel(text));

/**
 * Look-alike protection without a confusables table: the local part and each domain label must be
 * highly restrictive (`exаmple` with a Cyrillic а is refused; `例え` is fine), and the address as a whole,
 * local part and domain together, moderately restrictive, so Latin never meets Cyrillic or Greek anywhere
 * in it. That refuses all-Cyrillic look-alikes such as `аррӏе@example.com` or `carol@аррӏе.com` under Latin
 * domains, and their mirror images (`рор@пример.рф` would look like `pop@пример.рф`), at the price of
 * refusing honest mixes too (`иван@example.com`, `carol@пример.рф`; `иван@пример.рф` is fine). Other
 * scripts may meet Latin across the parts (`用户@example.com`, `user@العربية.com`), as UTS #39 allows.
 */
function scriptsAreSafe(local: string, domain: string): boolean {
  if (!isHighlyRestrictive(local)) return false;
  if (!domain.split('.').every(isHighlyRestrictive)) return false;
  return restrictionLevel(`${local}@${domain}`) !== 'minimally_restrictive';
}

/**
 * Letters that pass the script rules yet imitate other letters or belong to no orthography used for
 * mailboxes and host names, by Unicode block and property (no confusables table), checked after NFKC,
 * which has already folded what it can (`ᵃ`, `ª`, `ſ`, full-width and mathematical letters):
 * - IPA Extensions (`ɑ ɡ ɪ ʀ ə`), Phonetic Extensions and their Supplement (`ᴀ ᴅ ᵻ ᶑ`), Latin
 *   Extended-C to -G (`ⱥ ꞌ ꜰ ꬰ`) and Letterlike Symbols (`ⅎ`): small capitals, turned, phonetic and
 *   medieval letters, many drawn exactly like a basic letter;
 * - dotless `ı` and `ȷ`, which pass for `i` and `j` at small sizes. Turkish and Azerbaijani words use `ı`
 *   (`kırmızı`), but in an address it is the one everyday letter that is a missing dot away from another;
 *   it is refused rather than mapped to `i` because `kırmızı` and `kirmizi` are different mailboxes;
 * - modifier letters of Latin or no particular script (`ʼ ʻ ˈ ː`, which pass for `'` and `:`) and Latin
 *   letters without case (the clicks `ǀ ǁ ǂ ǃ`, which pass for `l`, `||`, `!`; `ʔ ƻ`);
 * - combining overlays (U+0334–U+0338, which draw `ł ø đ` that do not decompose), marks spanning two
 *   letters and combining Latin letters (U+035C–U+036F), and every combining block but the basic one.
 * Modifier letters of other scripts stay (Japanese `ー` and `々`, Thai `ๆ`). The price: the African and
 * Azerbaijani letters that live in IPA Extensions (`ɛ ɔ ɓ ɗ ə`) are refused with the rest of the block.
 */
const LOOK_ALIKE_RANGES = [
  '\\u0131\\u0237', // dotless ı and ȷ
  '\\u0250-\\u02af', // IPA Extensions
  '\\u0334-\\u0338', // combining overlays
  '\\u035c-\\u036f', // double diacritics, combining Latin letters
  '\\u1ab0-\\u1aff', // Combining Diacritical Marks Extended
  '\\u1d00-\\u1dbf', // Phonetic Extensions and their Supplement
  '\\u1dc0-\\u1dff', // Combining Diacritical Marks Supplement
  '\\u20d0-\\u20ff', // Combining Diacritical Marks for Symbols
  '\\u2100-\\u214f', // Letterlike Symbols
  '\\u2c60-\\u2c7f', // Latin Extended-C
  '\\ua720-\\ua7ff', // Latin Extended-D
  '\\uab30-\\uab6f', // Latin Extended-E
  '\\ufe20-\\ufe2f', // Combining Half Marks
  '\\u{10780}-\\u{107bf}', // Latin Extended-F
  '\\u{1df00}-\\u{1dfff}', // Latin Extended-G
];
const LOOK_ALIKE = new RegExp(
  `[${LOOK_ALIKE_RANGES.join('')}]|(?=\\p{Lm})[\\p{scx=Latn}\\p{scx=Zyyy}\\p{scx=Zinh}]|(?=\\p{Lo})\\p{scx=Latn}`,
  'u',
);

/**
 * Combining-mark sequences that draw the same as something else (UTS #39 §5.4's optional checks, on the
 * NFC form except where noted):
 * - a dot above on a soft-dotted letter (`i` + U+0307 is `i`; `İ` lower-cases to exactly that);
 * - any mark left on a plain `i` or `j`: every accented i and j in use has its own letter (`í ï ĩ ị ǐ ǰ`);
 * - a mark with no letter to sit on (after `.`, `+`, a digit or at the start);
 * - the same nonspacing mark twice in a row, or more than four, in NFD (`á` + U+0301 draws as `á`).
 */
const MARK_LOOK_ALIKE = /\p{Soft_Dotted}\p{M}*\u0307|[ij]\p{Mn}|(?<![\p{L}\p{M}])\p{M}/u;
const NFD_MARK_LOOK_ALIKE = /(\p{Mn})\1|\p{Mn}{5}/u;

/** True when no letter or mark of the (normalised) address imitates another; see LOOK_ALIKE and MARK_LOOK_ALIKE. */
function lettersAreDistinct(address: string): boolean {
  if (/^[\x00-\x7f]*$/.test(address)) return true;
  return !LOOK_ALIKE.test(address) && !MARK_LOOK_ALIKE.test(address) && !NFD_MARK_LOOK_ALIKE.test(address.normalize('NFD'));
}

/** E.164 (`+14155550123`), or `null` when the number is not a valid international number. */
export function normalizePhoneNumber(input: string): string | null {
  // libphonenumber would silently drop invisible characters; refuse them as every identifier does.
  if (INVISIBLE.test(input)) return null;
  const trimmed = input.trim();
  if (!trimmed.startsWith('+')) return null;
  const parsed = parsePhoneNumberFromString(trimmed);
  if (!parsed || !parsed.isValid()) return null;
  return parsed.number;
}

/** An Ethereum address: `0x` + 40 hex digits, stored lower-cased. */
export function normalizeWeb3Wallet(input: string): string | null {
  if (INVISIBLE.test(input)) return null;
  const wallet = input.trim().toLowerCase();
  return /^0x[0-9a-f]{40}$/.test(wallet) ? wallet : null;
}

/** Clerk's username rules; returns the lower-cased form used for uniqueness, or throws the rule's error. */
export function normalizeUsername(input: string): string {
  // Checked before trimming, as for every identifier: a trailing U+FEFF must not be quietly dropped.
  if (INVISIBLE.test(input)) throw errors.usernameInvalidCharacter();
  const username = input.trim();
  const length = [...username].length;
  if (length < USERNAME_MIN_LENGTH || length > USERNAME_MAX_LENGTH) {
    throw errors.usernameInvalidLength(USERNAME_MIN_LENGTH, USERNAME_MAX_LENGTH);
  }
  if (!/^[A-Za-z0-9_-]+$/.test(username)) throw errors.usernameInvalidCharacter();
  if (/^[0-9]+$/.test(username)) throw errors.usernameNeedsNonNumberChar();
  return username.toLowerCase();
}

/**
 * A username as given on create or update: `null` when absent or only spaces, else the value without its
 * surrounding U+0020 spaces. Invisible characters are refused before anything is trimmed (String#trim would
 * quietly drop a trailing U+FEFF), as for every identifier; `normalizeUsername` checks the rest.
 */
export function parseUsernameInput(input: string | null | undefined): string | null {
  if (input == null) return null;
  if (hasInvisibleCharacter(input)) throw errors.usernameInvalidCharacter();
  return input.replace(/^ +| +$/g, '') || null;
}

/** BCP-47 tag such as `en`, `en-US`, `zh-Hant-TW`; checked with Intl so odd-but-valid tags pass. */
export function isValidLocale(input: string): boolean {
  if (!/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(input)) return false;
  try {
    return Intl.getCanonicalLocales(input).length === 1;
  } catch {
    return false;
  }
}

export type IdentificationKind = 'email_address' | 'phone_number' | 'web3_wallet';

/** Normalises one identifier of the given kind or throws the format error naming `paramName`. */
export function parseIdentifier(kind: IdentificationKind, input: string, paramName: string = kind): string {
  if (kind === 'email_address') {
    const email = normalizeEmailAddress(input);
    if (!email) throw errors.emailInvalid(paramName);
    return email;
  }
  if (kind === 'phone_number') {
    const phone = normalizePhoneNumber(input);
    if (!phone) throw errors.phoneInvalid(paramName);
    return phone;
  }
  const wallet = normalizeWeb3Wallet(input);
  if (!wallet) throw errors.web3WalletInvalid(paramName);
  return wallet;
}
