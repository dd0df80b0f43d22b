// What makes two email addresses look alike though they differ: scripts mixed the way UTS #39 forbids,
// and letters or marks that imitate other letters. Used by parseEmailAddress (identifiers.ts).
/** A non-ASCII character that is not a letter, combining mark or decimal digit (symbols, punctuation, emoji). */
const NOT_LETTER_MARK_OR_DIGIT = /[^\p{ASCII}\p{L}\p{M}\p{Nd}]/u;
export const hasSymbol = (text) => NOT_LETTER_MARK_OR_DIGIT.test(text);
/**
 * The "Recommended" scripts of UTS #31 (Table 4), as Script_Extensions values. A letter of any other
 * script (Cherokee, Runic, Gothic and the like, several of which imitate Latin) makes an identifier
 * unrestricted, as UTS #39 says for characters outside its Identifier_Status=Allowed.
 */
const RECOMMENDED_SCRIPTS = [
    'Arab', 'Armn', 'Beng', 'Bopo', 'Cyrl', 'Deva', 'Ethi', 'Geor', 'Grek', 'Gujr', 'Guru', 'Hang', 'Hani', 'Hebr', 'Hira',
    'Kana', 'Khmr', 'Knda', 'Laoo', 'Latn', 'Mlym', 'Mymr', 'Orya', 'Sinh', 'Taml', 'Telu', 'Thaa', 'Thai', 'Tibt',
];
const SCRIPT_PATTERNS = RECOMMENDED_SCRIPTS.map((script) => [script, new RegExp(`\\p{scx=${script}}`, 'u')]);
/** Characters used with every script (digits, `-`, `.`, most combining marks). */
const ANY_SCRIPT = /[\p{scx=Zyyy}\p{scx=Zinh}]/u;
/** UTS #39 §5.1's augmented script sets: what may be written together with Latin under "highly restrictive". */
const CJK_WRITING_SYSTEMS = ['Jpan', 'Hanb', 'Kore'];
const LATIN = new Set(['Latn']);
/**
 * A character's Script_Extensions among the recommended scripts, augmented as UTS #39 §5.1 says (Han
 * also counts as Japanese, Chinese-with-Bopomofo and Korean; kana as Japanese; Hangul as Korean), or
 * `null` when the character goes with any script.
 */
function scriptsOf(char) {
    // ASCII first: most addresses are all ASCII, and 29 property tests per character add up over 100 filter values.
    if (/^[a-z]$/i.test(char))
        return LATIN;
    if (/^[\x00-\x7f]$/.test(char) || ANY_SCRIPT.test(char))
        return null;
    const scripts = new Set(SCRIPT_PATTERNS.filter(([, pattern]) => pattern.test(char)).map(([script]) => script));
    if (scripts.has('Hani'))
        scripts.add('Hanb').add('Jpan').add('Kore');
    if (scripts.has('Hira') || scripts.has('Kana'))
        scripts.add('Jpan');
    if (scripts.has('Hang'))
        scripts.add('Kore');
    if (scripts.has('Bopo'))
        scripts.add('Hanb');
    return scripts;
}
/** UTS #39's resolved script set: the scripts all characters share (`null`: no constraint at all). */
function resolvedScripts(sets) {
    let resolved = null;
    for (const set of sets)
        resolved = new Set([...(resolved ?? set)].filter((script) => set.has(script)));
    return resolved;
}
/**
 * The most restrictive UTS #39 level `text` satisfies, from the Unicode Script_Extensions the regular
 * expression engine knows: single script; Latin with Han and kana, Han and Bopomofo, or Han and Hangul
 * (highly); Latin with any one other recommended script but Cyrillic or Greek (moderately); anything else.
 */
export function restrictionLevel(text) {
    const sets = [];
    for (const char of text) {
        const scripts = scriptsOf(char);
        if (scripts === null)
            continue;
        if (scripts.size === 0)
            return 'minimally_restrictive';
        sets.push(scripts);
    }
    const all = resolvedScripts(sets);
    if (all === null || all.size > 0)
        return 'single_script';
    const beyondLatin = resolvedScripts(sets.filter((scripts) => !scripts.has('Latn'))) ?? new Set();
    if (CJK_WRITING_SYSTEMS.some((script) => beyondLatin.has(script)))
        return 'highly_restrictive';
    if ([...beyondLatin].some((script) => script !== 'Cyrl' && script !== 'Grek'))
        return 'moderately_restrictive';
    return 'minimally_restrictive';
}
const isSingleScript = (text) => restrictionLevel(text) === 'single_script';
/**
 * Look-alike protection without a confusables table: the local part and each domain label must be in a
 * single writing system (`exаmple` with a Cyrillic а is refused; `例え` is fine: Han and kana are one
 * Japanese writing system). Latin does not mix with Han, kana or Hangul inside one part either, though
 * UTS #39's "highly restrictive" level would allow it: their single strokes pass for Latin punctuation
 * between Latin letters (`al一bo`, `alーbo` and `alㅡbo` all read as `al-bo`). The address as a whole,
 * local part and domain together, moderately restrictive, so Latin never meets Cyrillic or Greek anywhere
 * in it. That refuses all-Cyrillic look-alikes such as `аррӏе@example.com` or `carol@аррӏе.com` under Latin
 * domains, and their mirror images (`рор@пример.рф` would look like `pop@пример.рф`), at the price of
 * refusing honest mixes too (`иван@example.com`, `carol@пример.рф`; `иван@пример.рф` is fine). Other
 * scripts may meet Latin across the parts (`用户@example.com`, `user@العربية.com`), as UTS #39 allows.
 */
export function scriptsAreSafe(local, domain) {
    if (!isSingleScript(local))
        return false;
    if (!domain.split('.').every(isSingleScript))
        return false;
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
 * - lone Hangul jamo (`ㅡ`, `ᅵ`, which pass for `-` and `l`): NFKC composes real Korean text into syllables;
 * - a few Latin letters outside living orthographies that draw like others (`ĸ ǝ ƅ ƨ ƽ`).
 * Modifier letters of other scripts stay (Japanese `ー` and `々`, Thai `ๆ`). The price: the African and
 * Azerbaijani letters that live in IPA Extensions (`ɛ ɔ ɓ ɗ ə`) are refused with the rest of the block.
 */
const LOOK_ALIKE_RANGES = [
    '\\u0131\\u0237', // dotless ı and ȷ
    '\\u0138\\u01dd\\u0185\\u01a8\\u01bd', // kra ĸ (a small-capital k), turned ǝ (drawn as ə), ƅ ƨ ƽ (drawn as b, s-like 2, 5)
    '\\u1100-\\u11ff\\u3130-\\u318f\\ua960-\\ua97f\\ud7b0-\\ud7ff', // lone Hangul jamo: Korean text composes them into syllables
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
const LOOK_ALIKE = new RegExp(`[${LOOK_ALIKE_RANGES.join('')}]|(?=\\p{Lm})[\\p{scx=Latn}\\p{scx=Zyyy}\\p{scx=Zinh}]|(?=\\p{Lo})\\p{scx=Latn}`, 'u');
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
export function lettersAreDistinct(address) {
    if (/^[\x00-\x7f]*$/.test(address))
        return true;
    return !LOOK_ALIKE.test(address) && !MARK_LOOK_ALIKE.test(address) && !NFD_MARK_LOOK_ALIKE.test(address.normalize('NFD'));
}
//# sourceMappingURL=look-alikes.js.map