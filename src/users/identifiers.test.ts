import { describe, expect, it } from 'vitest';
import { thrownBy } from '../../test/helpers/assertions.js';
import { isValidLocale, normalizeEmailAddress, normalizePhoneNumber, normalizeUsername, normalizeWeb3Wallet, parseIdentifier } from './identifiers.js';

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

  it.each(['ann lee', 'ann.lee', 'ann@lee', 'ännlee'])('rejects %j with form_username_invalid_character', (input) => {
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
  ] as const)('rejects a bad %s with form_param_format_invalid naming the parameter', (kind, input) => {
    const error = thrownBy(() => parseIdentifier(kind, input, 'custom_param'));
    expect(error).toMatchObject({ status: 422, code: 'form_param_format_invalid', meta: { param_name: 'custom_param' } });
  });
});
