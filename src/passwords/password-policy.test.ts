import { describe, expect, it } from 'vitest';
import { thrownBy } from '../../test/helpers/assertions.js';
import { assertPasswordAllowed, isBreachedPassword, MAX_PASSWORD_BYTES } from './password-policy.js';

const POLICY = { minLength: 8 };
const CHECKED = { skipChecks: false };
const SKIPPED = { skipChecks: true };

describe('assertPasswordAllowed', () => {
  it('accepts a strong password', () => {
    expect(() => assertPasswordAllowed('CorrectHorse-Battery-9!', POLICY, CHECKED)).not.toThrow();
  });

  describe('length', () => {
    it('accepts exactly the minimum length', () => {
      expect(() => assertPasswordAllowed('Xk9!Xk9!', POLICY, CHECKED)).not.toThrow();
    });

    it('rejects one character short with form_password_length_too_short', () => {
      const error = thrownBy(() => assertPasswordAllowed('Xk9!Xk9', POLICY, CHECKED));
      expect(error).toMatchObject({ status: 422, code: 'form_password_length_too_short', meta: { param_name: 'password' } });
      expect(error.longMessage).toContain('8');
    });

    it('rejects an empty password', () => {
      expect(thrownBy(() => assertPasswordAllowed('', POLICY, CHECKED)).code).toBe('form_password_length_too_short');
    });

    it('counts characters, not bytes or UTF-16 units, for the minimum', () => {
      // Eight emoji: 8 characters, 16 UTF-16 units, 32 bytes.
      expect(() => assertPasswordAllowed('🔒🐈🌵🎲🚲🧩🪁🎈', POLICY, CHECKED)).not.toThrow();
      // Seven emoji are 14 UTF-16 units but only 7 characters.
      expect(thrownBy(() => assertPasswordAllowed('🔒🐈🌵🎲🚲🧩🪁', POLICY, CHECKED)).code).toBe('form_password_length_too_short');
    });

    it('follows a configured minimum', () => {
      const policy = { minLength: 12 };
      const error = thrownBy(() => assertPasswordAllowed('Xk9!Xk9!Xk9', policy, CHECKED));
      expect(error.code).toBe('form_password_length_too_short');
      expect(error.longMessage).toContain('12');
      expect(() => assertPasswordAllowed('Xk9!Xk9!Xk9!', policy, CHECKED)).not.toThrow();
    });
  });

  describe('breached passwords', () => {
    it.each(['password', 'qwertyuiop', '123456789', 'iloveyou', 'trustno1'])('rejects %j with form_password_pwned', (password) => {
      const error = thrownBy(() => assertPasswordAllowed(password, POLICY, CHECKED));
      expect(error).toMatchObject({ status: 422, code: 'form_password_pwned', meta: { param_name: 'password' } });
    });

    it('rejects a breached password in different case', () => {
      expect(thrownBy(() => assertPasswordAllowed('PassWord', POLICY, CHECKED)).code).toBe('form_password_pwned');
    });

    it('isBreachedPassword knows common passwords and not strong ones', () => {
      expect(isBreachedPassword('sunshine')).toBe(true);
      expect(isBreachedPassword('SUNSHINE')).toBe(true);
      expect(isBreachedPassword('CorrectHorse-Battery-9!')).toBe(false);
    });
  });

  describe('72-byte cap', () => {
    it('is 72 bytes', () => {
      expect(MAX_PASSWORD_BYTES).toBe(72);
    });

    it.each([
      ['ASCII', 'Xk9!', 1],
      ['2-byte é', 'é', 2],
      ['3-byte €', '€', 3],
      ['4-byte emoji', '🔒', 4],
    ])('accepts exactly 72 bytes of %s and rejects more with form_password_size_in_bytes_exceeded', (_label, unit, bytesPerChar) => {
      const unitBytes = Buffer.byteLength(unit, 'utf8');
      expect(unitBytes / [...unit].length).toBe(bytesPerChar);
      const atCap = unit.repeat(72 / unitBytes);
      expect(Buffer.byteLength(atCap, 'utf8')).toBe(72);
      expect(() => assertPasswordAllowed(atCap, POLICY, CHECKED)).not.toThrow();
      const overCap = atCap + (unitBytes === 1 ? 'x' : unit);
      const error = thrownBy(() => assertPasswordAllowed(overCap, POLICY, CHECKED));
      expect(error).toMatchObject({ status: 422, code: 'form_password_size_in_bytes_exceeded', meta: { param_name: 'password' } });
    });

    it('rejects 37 two-byte characters (74 bytes) although that is far fewer than 72 characters', () => {
      expect(thrownBy(() => assertPasswordAllowed('é'.repeat(37), POLICY, CHECKED)).code).toBe('form_password_size_in_bytes_exceeded');
    });

    it('adding one ASCII byte to 71 bytes of multi-byte text reaches the cap exactly', () => {
      // 23 × 3 bytes + 2 bytes + 1 byte = 72.
      expect(() => assertPasswordAllowed(`${'€'.repeat(23)}éx`, POLICY, CHECKED)).not.toThrow();
      expect(thrownBy(() => assertPasswordAllowed(`${'€'.repeat(23)}éxy`, POLICY, CHECKED)).code).toBe(
        'form_password_size_in_bytes_exceeded',
      );
    });
  });

  describe('skipChecks', () => {
    it('skips the length rule', () => {
      expect(() => assertPasswordAllowed('abc', POLICY, SKIPPED)).not.toThrow();
    });

    it('skips the breached-password rule', () => {
      expect(() => assertPasswordAllowed('password', POLICY, SKIPPED)).not.toThrow();
    });

    it('keeps the 72-byte cap', () => {
      expect(thrownBy(() => assertPasswordAllowed('x'.repeat(73), POLICY, SKIPPED)).code).toBe('form_password_size_in_bytes_exceeded');
      expect(thrownBy(() => assertPasswordAllowed('🔒'.repeat(19), POLICY, SKIPPED)).code).toBe('form_password_size_in_bytes_exceeded');
    });
  });
});
