// Known answers: what each provider's user info becomes as a profile.
import { describe, expect, it } from 'vitest';
import { toProviderProfile } from './provider-profile.js';

describe('toProviderProfile', () => {
  describe('OpenID Connect claims', () => {
    it('reads the standard claims', () => {
      expect(
        toProviderProfile('oidc', {
          sub: 'a-1',
          email: ' ada@example.com ',
          email_verified: true,
          given_name: 'Ada',
          family_name: 'Lovelace',
          picture: 'https://images.example.com/ada.png',
          preferred_username: 'ada',
          phone_number: '+15555550100',
        }),
      ).toEqual({
        providerUserId: 'a-1',
        emailAddress: 'ada@example.com',
        emailAddressVerified: true,
        firstName: 'Ada',
        lastName: 'Lovelace',
        imageUrl: 'https://images.example.com/ada.png',
        username: 'ada',
        phoneNumber: '+15555550100',
      });
    });

    it('takes email_verified as the string "true" or "false" some providers send, and nothing else', () => {
      const verified = (value: unknown) => toProviderProfile('oidc', { sub: 's', email: 'a@example.com', email_verified: value })!.emailAddressVerified;
      expect(verified('true')).toBe(true);
      expect(verified('false')).toBe(false);
      expect(verified(false)).toBe(false);
      expect(verified(undefined)).toBeNull();
      expect(verified('yes')).toBeNull();
      expect(verified(1)).toBeNull();
    });

    it('splits a single display name when given and family names are absent', () => {
      const names = (claims: Record<string, unknown>) => {
        const profile = toProviderProfile('oidc', { sub: 's', ...claims })!;
        return [profile.firstName, profile.lastName];
      };
      expect(names({ name: 'Ada King Lovelace' })).toEqual(['Ada', 'King Lovelace']);
      expect(names({ name: '  Grace   Hopper ' })).toEqual(['Grace', 'Hopper']);
      expect(names({ name: 'Plato' })).toEqual(['Plato', '']);
      expect(names({})).toEqual(['', '']);
      // Given or family names win over the display name.
      expect(names({ name: 'Display Name', given_name: 'Ada' })).toEqual(['Ada', '']);
      // nickname stands in for preferred_username.
      expect(toProviderProfile('oidc', { sub: 's', nickname: 'countess' })!.username).toBe('countess');
    });

    it('returns null without a subject', () => {
      expect(toProviderProfile('oidc', { email: 'a@example.com' })).toBeNull();
      expect(toProviderProfile('oidc', { sub: '  ' })).toBeNull();
      expect(toProviderProfile('oidc', { sub: { id: 1 } })).toBeNull();
      // A numeric subject is kept as its decimal text.
      expect(toProviderProfile('oidc', { sub: 12345 })!.providerUserId).toBe('12345');
    });

    it('drops a picture that is not an http(s) URL', () => {
      const picture = (value: unknown) => toProviderProfile('oidc', { sub: 's', picture: value })!.imageUrl;
      expect(picture('javascript:alert(1)')).toBeNull();
      expect(picture('data:image/png;base64,AAAA')).toBeNull();
      expect(picture('ftp://example.com/a.png')).toBeNull();
      expect(picture('not a url')).toBeNull();
      expect(picture(42)).toBeNull();
      expect(picture('http://images.example.com/a.png')).toBe('http://images.example.com/a.png');
    });
  });

  describe('GitHub', () => {
    const user = { id: 583231, login: 'octocat', name: 'The Octocat', email: 'public@example.com', avatar_url: 'https://avatars.githubusercontent.com/u/583231?v=4' };

    it('takes the primary address of /user/emails and whether GitHub verified it', () => {
      const emails = [
        { email: 'other@example.com', primary: false, verified: true },
        { email: 'octocat@example.com', primary: true, verified: true },
      ];
      expect(toProviderProfile('github', user, emails)).toEqual({
        providerUserId: '583231',
        emailAddress: 'octocat@example.com',
        emailAddressVerified: true,
        firstName: 'The',
        lastName: 'Octocat',
        imageUrl: 'https://avatars.githubusercontent.com/u/583231?v=4',
        username: 'octocat',
        phoneNumber: null,
      });
      const unverified = toProviderProfile('github', user, [{ email: 'octocat@example.com', primary: true, verified: false }])!;
      expect([unverified.emailAddress, unverified.emailAddressVerified]).toEqual(['octocat@example.com', false]);
    });

    it('without a primary address, keeps the public one, not known to be verified', () => {
      for (const emails of [undefined, [], { message: 'Requires authentication' }, [{ email: 'x@example.com', primary: false, verified: true }]]) {
        const profile = toProviderProfile('github', user, emails)!;
        expect([profile.emailAddress, profile.emailAddressVerified]).toEqual(['public@example.com', null]);
      }
    });

    it('reads the numeric id, and returns null without one', () => {
      expect(toProviderProfile('github', { login: 'octocat' })).toBeNull();
      expect(toProviderProfile('github', { id: 1.5, login: 'x' })).toBeNull();
    });
  });

  describe('Discord', () => {
    it('builds the avatar URL from the id and avatar hash', () => {
      expect(
        toProviderProfile('discord', { id: '80351110224678912', username: 'nelly', global_name: 'Nelly Bly', avatar: '8342729096ea3675442027381ff50dfe', email: 'nelly@example.com', verified: true }),
      ).toEqual({
        providerUserId: '80351110224678912',
        emailAddress: 'nelly@example.com',
        emailAddressVerified: true,
        firstName: 'Nelly',
        lastName: 'Bly',
        imageUrl: 'https://cdn.discordapp.com/avatars/80351110224678912/8342729096ea3675442027381ff50dfe.png',
        username: 'nelly',
        phoneNumber: null,
      });
    });

    it('draws no avatar URL from a missing or malformed hash', () => {
      expect(toProviderProfile('discord', { id: '1', avatar: null })!.imageUrl).toBeNull();
      expect(toProviderProfile('discord', { id: '1', avatar: '../../evil' })!.imageUrl).toBeNull();
      expect(toProviderProfile('discord', { id: '1', avatar: 'a_b?c=1' })!.imageUrl).toBeNull();
    });
  });

  describe('Facebook', () => {
    it('reads the picture from picture.data.url; verification is unknown', () => {
      expect(
        toProviderProfile('facebook', { id: '10158', email: 'mark@example.com', first_name: 'Mark', last_name: 'Z', picture: { data: { url: 'https://platform-lookaside.fbsbx.com/p.jpg', is_silhouette: false } } }),
      ).toEqual({
        providerUserId: '10158',
        emailAddress: 'mark@example.com',
        emailAddressVerified: null,
        firstName: 'Mark',
        lastName: 'Z',
        imageUrl: 'https://platform-lookaside.fbsbx.com/p.jpg',
        username: null,
        phoneNumber: null,
      });
      expect(toProviderProfile('facebook', { id: '1', picture: 'https://example.com/p.jpg' })!.imageUrl).toBeNull();
      expect(toProviderProfile('facebook', { id: '1', picture: { data: { url: 'javascript:1' } } })!.imageUrl).toBeNull();
    });
  });
});
