import { describe, expect, it } from 'vitest';
import { thrownBy } from '../../test/helpers/assertions.js';
import {
  hasInvisibleCharacter,
  isValidLocale,
  normalizeEmailAddress,
  normalizePhoneNumber,
  normalizeUsername,
  normalizeWeb3Wallet,
  parseEmailAddress,
  parseIdentifier,
} from './identifiers.js';
import { restrictionLevel } from './look-alikes.js';
import { BOM, CYRILLIC_A, RLO, SOFT_HYPHEN, ZWJ, ZWNJ, ZWSP } from '../../test/helpers/code-points.js';

describe('normalizeEmailAddress', () => {
  it.each([
    ['ann@example.com', 'ann@example.com'],
    ['  Ann.Lee@Example.COM ', 'ann.lee@example.com'],
    ['first+tag@sub.example.co.uk', 'first+tag@sub.example.co.uk'],
    ['o\'brien@example.ie', "o'brien@example.ie"],
  ])('normalises %j to %j', (input, expected) => {
    expect(normalizeEmailAddress(input)).toBe(expected);
  });

  it.each([
    '',
    'plainaddress',
    '@example.com',
    'ann@',
    'ann@localhost',
    'ann@@example.com',
    'ann example@example.com',
    'Ann <ann@example.com>',
    'ann@[127.0.0.1]',
    'ann@example..com',
    `${'a'.repeat(65)}@example.com`,
    `ann@${'a'.repeat(320)}.com`,
  ])('rejects %j', (input) => {
    expect(normalizeEmailAddress(input)).toBeNull();
  });
});


describe('hasInvisibleCharacter', () => {
  it.each([
    ['U+0000 NUL', '\u0000'],
    ['U+0009 tab', '\t'],
    ['U+000A line feed', '\n'],
    ['U+007F DEL', '\u007f'],
    ['U+0085 next line', '\u0085'],
    ['U+00AD soft hyphen', SOFT_HYPHEN],
    ['U+034F combining grapheme joiner', '\u034f'],
    ['U+061C Arabic letter mark', '\u061c'],
    ['U+115F Hangul choseong filler', '\u115f'],
    ['U+180E Mongolian vowel separator', '\u180e'],
    ['U+200B zero-width space', ZWSP],
    ['U+200C ZWNJ', ZWNJ],
    ['U+200D ZWJ', ZWJ],
    ['U+200E left-to-right mark', '\u200e'],
    ['U+200F right-to-left mark', '\u200f'],
    ['U+2028 line separator', '\u2028'],
    ['U+2029 paragraph separator', '\u2029'],
    ['U+202A left-to-right embedding', '\u202a'],
    ['U+202E right-to-left override', RLO],
    ['U+2060 word joiner', '\u2060'],
    ['U+2066 left-to-right isolate', '\u2066'],
    ['U+2069 pop directional isolate', '\u2069'],
    ['U+3164 Hangul filler', '\u3164'],
    ['U+FE0F variation selector-16', '\ufe0f'],
    ['U+FEFF byte order mark', BOM],
    ['U+E000 private use', '\ue000'],
    ['U+E0041 tag latin capital A', '\u{e0041}'],
    ['a lone surrogate', '\ud800'],
  ])('finds %s', (_name, char) => {
    expect(hasInvisibleCharacter(`ab${char}cd`)).toBe(true);
    expect(hasInvisibleCharacter(char)).toBe(true);
  });

  it.each(['carol@example.com', 'münchen', 'пример', '例え', 'a b', '\u00a0', '\u3000'])('lets %j through (spaces are each kind\'s own rule)', (text) => {
    expect(hasInvisibleCharacter(text)).toBe(false);
  });
});

describe('restrictionLevel (UTS #39 §5.2)', () => {
  it.each([
    ['carol', 'single_script'],
    ['ex4mple-2', 'single_script'],
    ['münchen', 'single_script'],
    ['пример', 'single_script'],
    // Whole-script look-alike of "apple": one script, so no restriction level can see it.
    ['\u0430\u0440\u0440\u04cf\u0435', 'single_script'],
    ['例え', 'single_script'],
    ['テスト', 'single_script'],
    ['한국', 'single_script'],
    ['ελληνικά', 'single_script'],
    ['иван@пример.рф', 'single_script'],
    ['abc例え', 'highly_restrictive'],
    ['abc한국', 'highly_restrictive'],
    ['abc中文ㄅ', 'highly_restrictive'],
    ['abcمرحبا', 'moderately_restrictive'],
    ['abcשלום', 'moderately_restrictive'],
    ['user@العربية.com', 'moderately_restrictive'],
    ['用户@example.com', 'highly_restrictive'],
    // A whole address: each part is one script, together they mix Cyrillic or Greek with Latin.
    ['\u0430\u0440\u0440\u04cf\u0435@example.com', 'minimally_restrictive'],
    ['δοκιμή@example.com', 'minimally_restrictive'],
    ['carol@пример.рф', 'minimally_restrictive'],
    [`ex${CYRILLIC_A}mple`, 'minimally_restrictive'],
    ['paypa\u03bf', 'minimally_restrictive'],
    ['пример한국', 'minimally_restrictive'],
    ['ᏚᎢᎵᎬ', 'minimally_restrictive'],
  ])('%j is %s', (text, level) => {
    expect(restrictionLevel(text)).toBe(level);
  });
});

describe('parseEmailAddress: identifiers that look the same are the same', () => {
  it.each([
    ['carol@EXAMPLE.com', 'carol@example.com'],
    ['carol@ｅｘａｍｐｌｅ．ｃｏｍ', 'carol@example.com'],
    ['ｃａｒｏｌ@example.com', 'carol@example.com'],
    ['carol@𝐞𝐱𝐚𝐦𝐩𝐥𝐞.com', 'carol@example.com'],
    ['carol@münchen.de', 'carol@münchen.de'],
    ['carol@MÜNCHEN.DE', 'carol@münchen.de'],
    ['carol@xn--mnchen-3ya.de', 'carol@münchen.de'],
    ['carol@XN--MNCHEN-3YA.DE', 'carol@münchen.de'],
    ['carol@mu\u0308nchen.de', 'carol@münchen.de'],
    ['cafe\u0301@example.com', 'café@example.com'],
    ['CAFÉ@example.com', 'café@example.com'],
    ['кэрол@xn--e1afmkfd.xn--p1ai', 'кэрол@пример.рф'],
    ['кэрол@пример.рф', 'кэрол@пример.рф'],
    ['иван@пример.рф', 'иван@пример.рф'],
    ['carol@例え.jp', 'carol@例え.jp'],
    ['例え@例え.jp', '例え@例え.jp'],
    ['コーヒー@例え.jp', 'コーヒー@例え.jp'],
    ['山田たろう@例え.jp', '山田たろう@例え.jp'],
    ['홍길동@example.com', '홍길동@example.com'],
    ['tanaka.taro@例え.jp', 'tanaka.taro@例え.jp'],
    // Scripts other than Cyrillic and Greek may meet Latin across the parts (UTS #39 "moderately restrictive").
    ['用户@example.com', '用户@example.com'],
    ['مرحبا@example.com', 'مرحبا@example.com'],
    ['carol@例え。jp', 'carol@例え.jp'],
    ['carol@xn--r8jz45g.jp', 'carol@例え.jp'],
    ['用户@例子.广告', '用户@例子.广告'],
    ['user@العربية.com', 'user@العربية.com'],
    // IDNA2008 (non-transitional) keeps ß and ς: faß.de and fass.de are different, registrable domains.
    ['carol@faß.de', 'carol@faß.de'],
    ['  carol@example.com  ', 'carol@example.com'],
    // Accented European and Vietnamese letters are not look-alikes (each has its own precomposed letter).
    ['nguyễn@example.vn', 'nguyễn@example.vn'],
    ['NGUYỄN.THỊ.NGỌC@example.vn', 'nguyễn.thị.ngọc@example.vn'],
    ['ngu\u0079e\u0302\u0303n@example.vn', 'nguyễn@example.vn'],
    ['ơư.ặ@example.vn', 'ơư.ặ@example.vn'],
    ['françois.müller@example.com', 'françois.müller@example.com'],
    ['mari\u0301a.ñandú@example.es', 'maría.ñandú@example.es'],
    ['łukasz.żółć@example.pl', 'łukasz.żółć@example.pl'],
    ['søren.æble.œuvre@example.dk', 'søren.æble.œuvre@example.dk'],
    ['ștefan.țară@example.ro', 'ștefan.țară@example.ro'],
    ['çelik.ğüzel.şeker@example.com.tr', 'çelik.ğüzel.şeker@example.com.tr'],
    ['ǐǚ.straße@example.de', 'ǐǚ.straße@example.de'],
    ['ọ\u0300la@example.ng', 'ọ̀la@example.ng'],
  ])('stores %j as %j', (input, expected) => {
    expect(parseEmailAddress(input)).toEqual({ ok: true, emailAddress: expected });
  });

  it.each([
    ['a zero-width space inside', `car${ZWSP}ol@example.com`, 'invisible_character'],
    ['a zero-width space after', `carol@example.com${ZWSP}`, 'invisible_character'],
    ['a right-to-left override before', `${RLO}carol@example.com`, 'invisible_character'],
    ['a soft hyphen in the domain', `carol@exam${SOFT_HYPHEN}ple.com`, 'invisible_character'],
    ['a ZWJ in the domain', `carol@exa${ZWJ}mple.com`, 'invisible_character'],
    ['a ZWNJ in the local part', `car${ZWNJ}ol@example.com`, 'invisible_character'],
    ['a leading byte order mark', `${BOM}carol@example.com`, 'invisible_character'],
    ['a trailing newline', 'carol@example.com\n', 'invisible_character'],
    ['a leading tab', '\tcarol@example.com', 'invisible_character'],
    ['a left-to-right mark', 'carol@example.com\u200e', 'invisible_character'],
    ['a pop directional isolate', 'carol\u2069@example.com', 'invisible_character'],
    ['a Hangul filler', 'carol\u3164@example.com', 'invisible_character'],
    ['a line separator', 'carol@example.com\u2028', 'invisible_character'],
    ['a trailing no-break space', 'carol@example.com\u00a0', 'space'],
    ['an ideographic space inside', 'carol\u3000@example.com', 'space'],
    ['a narrow no-break space', '\u202fcarol@example.com', 'space'],
    ['a quoted space', '"car ol"@example.com', 'space'],
    // Quoted local parts and escapes: second spellings of an unquoted mailbox (admin@example.com).
    ['a quoted local part', '"admin"@example.com', 'quoted'],
    ['a quoted local part with an escape', '"ad\\min"@example.com', 'quoted'],
    ['a quoted at sign', '"admin@example.com"@example.com', 'quoted'],
    ['full-width quotation marks (NFKC makes them ")', '\uff02admin\uff02@example.com', 'quoted'],
    ['a full-width backslash (NFKC makes it \\)', 'ad\uff3cmin@example.com', 'quoted'],
    ['an unbalanced quote', '"admin@example.com', 'quoted'],
    // The other RFC 5322 second spellings (an escape outside quotes, comments, a root dot) were already refused.
    ['an escape outside quotes', 'ad\\min@example.com', 'quoted'],
    ['a comment after the local part', 'admin(comment)@example.com', 'syntax'],
    ['a comment before the local part', '(comment)admin@example.com', 'syntax'],
    ['a comment before the domain', 'admin@(comment)example.com', 'syntax'],
    ['a comment after the domain', 'admin@example.com(comment)', 'syntax'],
    ['a fully qualified domain with its root dot', 'admin@example.com.', 'syntax'],
    ['a leading dot', '.admin@example.com', 'syntax'],
    ['two dots', 'ad..min@example.com', 'syntax'],
    ['a diaeresis that NFKC turns into a space', '"carol\u00a8"@example.com', 'space'],
    ['a Cyrillic letter in the domain', `carol@ex${CYRILLIC_A}mple.com`, 'mixed_script'],
    ['the same in punycode', 'carol@xn--exmple-4nf.com', 'mixed_script'],
    ['a Cyrillic letter in the local part', `c${CYRILLIC_A}rol@example.com`, 'mixed_script'],
    ['a Greek omicron in the domain', 'carol@g\u03bfogle.com', 'mixed_script'],
    ['Latin and Armenian in one label', 'carol@abcհայ.com', 'mixed_script'],
    ['Latin and Cyrillic in one local part', 'ivan.иванов@example.com', 'mixed_script'],
    ['an all-Cyrillic look-alike label under .com', 'carol@\u0430\u0440\u0440\u04cf\u0435.com', 'mixed_script'],
    ['a Cyrillic label under .com', 'carol@пример.com', 'mixed_script'],
    ['a Latin label under a Cyrillic domain', 'carol@mail.пример.рф', 'mixed_script'],
    ['Cherokee (not a recommended script)', 'carol@ᏚᎢᎵᎬ.com', 'mixed_script'],
    // Latin never meets Cyrillic or Greek anywhere in one address, not even across the @.
    ['an all-Cyrillic look-alike local part under .com (аррӏе)', '\u0430\u0440\u0440\u04cf\u0435@example.com', 'mixed_script'],
    ['an all-Cyrillic look-alike local part under .com (раураӏ)', '\u0440\u0430\u0443\u0440\u0430\u04cf@example.com', 'mixed_script'],
    ['a Cyrillic local part under .com', 'иван@example.com', 'mixed_script'],
    ['a Greek local part under .com', 'δοκιμή@example.com', 'mixed_script'],
    ['a Latin local part under a Cyrillic domain', 'carol@пример.рф', 'mixed_script'],
    ['the same in punycode', 'carol@xn--e1afmkfd.xn--p1ai', 'mixed_script'],
    ['Arabic and Han with Latin', 'مرحبا@例え.jp', 'mixed_script'],
    // CJK strokes between Latin letters pass for punctuation: al一bo, alーbo and alㅡbo all read as al-bo.
    ['a Han one (U+4E00) between Latin letters', 'al\u4e00bo@example.com', 'mixed_script'],
    ['a katakana prolonged sound mark (U+30FC) between Latin letters', 'al\u30fcbo@example.com', 'mixed_script'],
    ['a Han one in a Latin domain label', 'x@a\u4e00b.com', 'mixed_script'],
    ['a katakana prolonged sound mark in a Latin domain label', 'x@ex\u30fcample.com', 'mixed_script'],
    ['a lone Hangul vowel (U+3161, NFKC U+1173) between Latin letters', 'al\u3161bo@example.com', 'mixed_script'],
    ['lone Hangul vowels alone', '\u3161\u3161@example.com', 'look_alike'],
    ['a kra (U+0138), drawn as a small-capital k', '\u0138ate@example.com', 'look_alike'],
    ['a turned e (U+01DD), drawn as a schwa', 'ent\u01ddr@example.com', 'look_alike'],
    // Look-alikes within Latin (one script, so the rules above cannot see them).
    ['i with a combining dot above', 'admi\u0307n@example.com', 'look_alike'],
    ['a capital dotted İ, which lower-cases to i + U+0307', 'adm\u0130n@example.com', 'look_alike'],
    ['a dotless ı', 'adm\u0131n@example.com', 'look_alike'],
    ['a dotless ȷ', '\u0237ohn@example.com', 'look_alike'],
    ['an IPA alpha (U+0251)', '\u0251dmin@example.com', 'look_alike'],
    ['an IPA script g (U+0261)', '\u0261ary@example.com', 'look_alike'],
    ['a small capital A (U+1D00)', '\u1d00dmin@example.com', 'look_alike'],
    ['a small capital I from IPA Extensions (U+026A)', 'adm\u026an@example.com', 'look_alike'],
    ['a Phonetic Extensions Supplement letter (U+1D91)', 'a\u1d91min@example.com', 'look_alike'],
    ['a Latin Extended-D small capital F (U+A730)', '\ua730red@example.com', 'look_alike'],
    ['a saltillo (U+A78C), drawn as an apostrophe', 'o\ua78cbrien@example.ie', 'look_alike'],
    ['a modifier apostrophe (U+02BC)', 'o\u02bcbrien@example.ie', 'look_alike'],
    ['a Hawaiian okina (U+02BB)', 'o\u02bbahu@example.com', 'look_alike'],
    ['a click letter drawn as l (U+01C0)', 'admin\u01c0@example.com', 'look_alike'],
    ['a turned f from Letterlike Symbols (U+2132)', '\u2132red@example.com', 'look_alike'],
    ['an overlay stroke that draws ø (U+0338)', 'so\u0338ren@example.dk', 'look_alike'],
    ['a Combining Diacritical Marks Supplement mark (U+1DC4)', 'ca\u1dc4rol@example.com', 'look_alike'],
    ['the same accent twice', 'cafe\u0301\u0301@example.com', 'look_alike'],
    ['five stacked marks', 'ca\u0300\u0301\u0302\u0303\u0304rol@example.com', 'look_alike'],
    ['a mark with no letter under it', 'carol.\u0301x@example.com', 'look_alike'],
    ['a dot above on Vietnamese ị', 'thi\u0323\u0307@example.vn', 'look_alike'],
    ['a macron below on i, which no letter precomposes (U+0331)', 'adi\u0331n@example.com', 'look_alike'],
    ['i with a dot above in the domain', 'carol@admi\u0307n.com', 'look_alike'],
    ['a dotless ı in the domain', 'carol@adm\u0131n.com', 'look_alike'],
    ['an IPA alpha in the domain', 'carol@\u0251pple.com', 'look_alike'],
    ['a symbol in the local part', 'carol☃@example.com', 'symbol'],
    ['a symbol domain', 'carol@☃.com', 'symbol'],
    ['a Catalan middle dot (punctuation)', 'carol@col·legi.cat', 'symbol'],
    ['a percent-encoded domain', 'carol@ex%61mple.com', 'domain'],
    ['invalid punycode', 'carol@xn--ab.com', 'domain'],
    ['a numeric host', 'carol@0x7f.1', 'syntax'],
    ['an underscore in the domain', 'carol@a_b.com', 'syntax'],
    ['a full-width at sign', 'carol＠example.com', 'syntax'],
  ])('refuses %s (%j): %s', (_name, input, problem) => {
    expect(parseEmailAddress(input)).toEqual({ ok: false, problem });
  });
});

describe('normalizePhoneNumber', () => {
  it.each([
    ['+14155552671', '+14155552671'],
    [' +1 (415) 555-2671 ', '+14155552671'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+33 6 12 34 56 78', '+33612345678'],
  ])('normalises %j to E.164 %j', (input, expected) => {
    expect(normalizePhoneNumber(input)).toBe(expected);
  });

  it.each(['', '4155552671', '+1', '+1415555', '+999123456789', 'not a phone', '+1415555267112345'])('rejects %j', (input) => {
    expect(normalizePhoneNumber(input)).toBeNull();
  });

  it.each([
    `+1415${ZWSP}5552671`,
    `+14155552671${ZWSP}`,
    `${RLO}+14155552671`,
    `+1415${SOFT_HYPHEN}5552671`,
    `${BOM}+14155552671`,
    '+14155552671\n',
    '+1\t415 555 2671',
  ])('rejects %j, which libphonenumber would read as +14155552671', (input) => {
    expect(normalizePhoneNumber(input)).toBeNull();
  });

  it('reads no-break spaces as separators (the E.164 form is digits only, so nothing can hide in it)', () => {
    expect(normalizePhoneNumber('+33\u00a06\u00a012\u00a034\u00a056\u00a078')).toBe('+33612345678');
  });
});

describe('normalizeWeb3Wallet', () => {
  it('lower-cases a checksummed address and trims it', () => {
    expect(normalizeWeb3Wallet(' 0x52908400098527886E0F7030069857D2E4169EE7 ')).toBe('0x52908400098527886e0f7030069857d2e4169ee7');
  });

  it.each([
    '',
    '52908400098527886E0F7030069857D2E4169EE7',
    '0x52908400098527886E0F7030069857D2E4169EE',
    '0x52908400098527886E0F7030069857D2E4169EE70',
    '0xZZ908400098527886E0F7030069857D2E4169EE7',
    `0x52908400098527886E0F7030069857D2E4169EE7${BOM}`,
    `${ZWSP}0x52908400098527886E0F7030069857D2E4169EE7`,
    `0x5290840009852788${SOFT_HYPHEN}6E0F7030069857D2E4169EE7`,
    '0x52908400098527886E0F7030069857D2E4169EE7\n',
  ])('rejects %j', (input) => {
    expect(normalizeWeb3Wallet(input)).toBeNull();
  });
});

describe('normalizeUsername', () => {
  it.each([
    ['Ann_Lee', 'ann_lee'],
    [' ann-lee ', 'ann-lee'],
    ['abcd', 'abcd'],
    ['123a', '123a'],
    ['a'.repeat(64), 'a'.repeat(64)],
  ])('accepts %j as %j', (input, expected) => {
    expect(normalizeUsername(input)).toBe(expected);
  });

  it.each(['abc', '', 'a'.repeat(65)])('rejects %j with form_username_invalid_length', (input) => {
    const error = thrownBy(() => normalizeUsername(input));
    expect(error).toMatchObject({ status: 422, code: 'form_username_invalid_length', meta: { param_name: 'username' } });
  });

  it.each([
    'ann lee',
    'ann.lee',
    'ann@lee',
    'ännlee',
    `ann${ZWSP}lee`,
    `annlee${BOM}`,
    `${RLO}annlee`,
    `ann${SOFT_HYPHEN}lee`,
    'annlee\n',
    'ann\u3000lee',
    `ann${CYRILLIC_A}lee`,
  ])('rejects %j with form_username_invalid_character', (input) => {
    const error = thrownBy(() => normalizeUsername(input));
    expect(error).toMatchObject({ status: 422, code: 'form_username_invalid_character', meta: { param_name: 'username' } });
  });

  it.each(['1234', '00000000'])('rejects %j with form_username_needs_non_number_char', (input) => {
    const error = thrownBy(() => normalizeUsername(input));
    expect(error).toMatchObject({ status: 422, code: 'form_username_needs_non_number_char', meta: { param_name: 'username' } });
  });
});

describe('isValidLocale', () => {
  it.each(['en', 'en-US', 'fr-CA', 'zh-Hant-TW', 'pt-BR', 'de'])('accepts %j', (input) => {
    expect(isValidLocale(input)).toBe(true);
  });

  it.each(['', 'e', 'en_US', 'en-', '-en', 'english-language-tag-that-is-way-too-long', 'en US', '12'])('rejects %j', (input) => {
    expect(isValidLocale(input)).toBe(false);
  });
});

describe('parseIdentifier', () => {
  it('normalises each kind', () => {
    expect(parseIdentifier('email_address', 'Ann@Example.com')).toBe('ann@example.com');
    expect(parseIdentifier('phone_number', '+1 415 555 2671')).toBe('+14155552671');
    expect(parseIdentifier('web3_wallet', '0x52908400098527886E0F7030069857D2E4169EE7')).toBe('0x52908400098527886e0f7030069857d2e4169ee7');
  });

  it.each([
    ['email_address', 'nope'],
    ['phone_number', '12'],
    ['web3_wallet', '0x12'],
    ['email_address', `carol@example.com${ZWSP}`],
    ['email_address', `carol@ex${CYRILLIC_A}mple.com`],
    ['phone_number', `+14155552671${ZWSP}`],
    ['web3_wallet', `${BOM}0x52908400098527886E0F7030069857D2E4169EE7`],
  ] as const)('rejects a bad %s with form_param_format_invalid naming the parameter', (kind, input) => {
    const error = thrownBy(() => parseIdentifier(kind, input, 'custom_param'));
    expect(error).toMatchObject({ status: 422, code: 'form_param_format_invalid', meta: { param_name: 'custom_param' } });
  });
});
