// PATCH /v1/users/{user_id}: names, locale, password, settings, dates and validation, raw HTTP and @clerk/backend.
// Identifiers: update-user-identifiers.test.ts; metadata: update-user-metadata.test.ts.
import { describe, expect, it } from 'vitest';
import { expectClerkError, expectSdkError } from '../../helpers/assertions.js';
import { uniqueEmail, uniqueTag, uniqueUsername } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';
import { PASSWORD, userHelpers } from '../../helpers/user-helpers.js';

describe('GET, PATCH and DELETE /v1/users/{user_id}', () => {
  const server = useTestServer();
  const { createUser, getUser, patchUser } = userHelpers(() => server);

  describe('PATCH /v1/users/{user_id}', () => {
    it('sets first_name and last_name, and null clears them', async () => {
      const user = await createUser({ first_name: 'Ann', last_name: 'Old' });
      const changed = await patchUser(user.id, { first_name: 'Grace', last_name: 'Hopper' });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ first_name: 'Grace', last_name: 'Hopper' });
      const cleared = await patchUser(user.id, { first_name: null, last_name: null });
      expect(cleared.status).toBe(200);
      expect(cleared.body).toMatchObject({ first_name: null, last_name: null });
      expect((await getUser(user.id)).body).toMatchObject({ first_name: null, last_name: null });
    });

    it('leaves fields that are not supplied untouched', async () => {
      const user = await createUser({ first_name: 'Keep', last_name: 'Me', username: uniqueUsername('keep'), locale: 'de' });
      const changed = await patchUser(user.id, { last_name: 'Changed' });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ first_name: 'Keep', last_name: 'Changed', username: user.username, locale: 'de' });
      expect(changed.body.email_addresses).toEqual(user.email_addresses);
    });

    it('sets and clears locale, and refuses an invalid one', async () => {
      const user = await createUser();
      const changed = await patchUser(user.id, { locale: 'fr-FR' });
      expect(changed.status).toBe(200);
      expect(changed.body.locale).toBe('fr-FR');
      const invalid = await patchUser(user.id, { locale: 'not a locale!' });
      expect(invalid.status).toBe(422);
      expect(invalid.body.errors[0].meta.param_name).toBe('locale');
      expect((await getUser(user.id)).body.locale).toBe('fr-FR');
      const cleared = await patchUser(user.id, { locale: null });
      expect(cleared.status).toBe(200);
      expect(cleared.body.locale).toBeNull();
    });

    it('changes the password and password_last_updated_at', async () => {
      const user = await createUser({ password: PASSWORD });
      expect(user.password_last_updated_at).toBe(user.created_at);
      server.clock.advanceMs(60_000);
      const changed = await patchUser(user.id, { password: 'another long secret passphrase' });
      expect(changed.status).toBe(200);
      expect(changed.body.password_enabled).toBe(true);
      expect(changed.body.password_last_updated_at).toBe(server.clock.nowMs());
      expect(changed.body.password_last_updated_at).toBeGreaterThan(user.password_last_updated_at);
    });

    it('gives a password to a user without one', async () => {
      const user = await createUser();
      expect(user).toMatchObject({ password_enabled: false, password_last_updated_at: null });
      const changed = await patchUser(user.id, { password: PASSWORD });
      expect(changed.status).toBe(200);
      expect(changed.body.password_enabled).toBe(true);
      expect(changed.body.password_last_updated_at).toBe(server.clock.nowMs());
    });

    it('refuses passwords that break the policy, changing nothing', async () => {
      const user = await createUser({ password: PASSWORD });
      expectClerkError(await patchUser(user.id, { password: 'short' }), 422, 'form_password_length_too_short', 'password');
      expectClerkError(await patchUser(user.id, { password: 'password1' }), 422, 'form_password_pwned', 'password');
      expectClerkError(await patchUser(user.id, { password: 'x'.repeat(73) }), 422, 'form_password_size_in_bytes_exceeded', 'password');
      expect((await getUser(user.id)).body.password_last_updated_at).toBe(user.password_last_updated_at);
    });

    it('accepts a password that breaks the policy with skip_password_checks', async () => {
      const user = await createUser({ password: PASSWORD });
      server.clock.advanceMs(1_000);
      const short = await patchUser(user.id, { password: 'short', skip_password_checks: true });
      expect(short.status).toBe(200);
      expect(short.body.password_last_updated_at).toBe(server.clock.nowMs());
      const pwned = await patchUser(user.id, { password: 'password1', skip_password_checks: true });
      expect(pwned.status).toBe(200);
      // The byte cap still applies.
      expectClerkError(await patchUser(user.id, { password: 'x'.repeat(73), skip_password_checks: true }), 422, 'form_password_size_in_bytes_exceeded', 'password');
    });

    it('accepts sign_out_of_other_sessions with a password', async () => {
      const user = await createUser({ password: PASSWORD });
      server.clock.advanceMs(1_000);
      const changed = await patchUser(user.id, { password: 'a brand new long passphrase', sign_out_of_other_sessions: true });
      expect(changed.status).toBe(200);
      expect(changed.body.password_last_updated_at).toBe(server.clock.nowMs());
    });

    it('changes delete_self_enabled, create_organization_enabled, create_organizations_limit and bypass_client_trust', async () => {
      const user = await createUser();
      expect(user).toMatchObject({ delete_self_enabled: true, create_organization_enabled: true, create_organizations_limit: null, bypass_client_trust: false });
      const changed = await patchUser(user.id, {
        delete_self_enabled: false,
        create_organization_enabled: false,
        create_organizations_limit: 5,
        bypass_client_trust: true,
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ delete_self_enabled: false, create_organization_enabled: false, create_organizations_limit: 5, bypass_client_trust: true });
      const back = await patchUser(user.id, { delete_self_enabled: true, create_organization_enabled: true, create_organizations_limit: null, bypass_client_trust: false });
      expect(back.status).toBe(200);
      expect(back.body).toMatchObject({ delete_self_enabled: true, create_organization_enabled: true, create_organizations_limit: null, bypass_client_trust: false });
      expectClerkError(await patchUser(user.id, { create_organizations_limit: 'many' }), 422, 'form_param_type_invalid', 'create_organizations_limit');
    });

    it('sets and clears legal_accepted_at, and refuses a non-RFC3339 value', async () => {
      const user = await createUser();
      expect(user.legal_accepted_at).toBeNull();
      const changed = await patchUser(user.id, { legal_accepted_at: '2024-05-06T07:08:09.123Z' });
      expect(changed.status).toBe(200);
      expect(changed.body.legal_accepted_at).toBe(Date.parse('2024-05-06T07:08:09.123Z'));
      expectClerkError(await patchUser(user.id, { legal_accepted_at: 'yesterday' }), 422, 'form_param_value_invalid', 'legal_accepted_at');
      const cleared = await patchUser(user.id, { legal_accepted_at: null });
      expect(cleared.status).toBe(200);
      expect(cleared.body.legal_accepted_at).toBeNull();
    });

    it('sets created_at', async () => {
      const user = await createUser();
      const changed = await patchUser(user.id, { created_at: '2020-01-01T00:00:00Z' });
      expect(changed.status).toBe(200);
      expect(changed.body.created_at).toBe(Date.parse('2020-01-01T00:00:00Z'));
      expect((await getUser(user.id)).body.created_at).toBe(Date.parse('2020-01-01T00:00:00Z'));
      expectClerkError(await patchUser(user.id, { created_at: 'not a date' }), 422, 'form_param_value_invalid', 'created_at');
    });

    it('refuses an unknown profile_image_id with 422', async () => {
      const user = await createUser();
      expectClerkError(await patchUser(user.id, { profile_image_id: 'img_unknown' }), 422, 'form_resource_not_found', 'profile_image_id');
    });

    it('moves updated_at forward on every change', async () => {
      const user = await createUser();
      server.clock.advanceMs(5_000);
      const first = await patchUser(user.id, { first_name: 'One' });
      expect(first.body.updated_at).toBe(server.clock.nowMs());
      expect(first.body.updated_at).toBeGreaterThan(user.updated_at);
      server.clock.advanceMs(5_000);
      const second = await patchUser(user.id, { first_name: 'Two' });
      expect(second.body.updated_at).toBe(first.body.updated_at + 5_000);
      expect(second.body.created_at).toBe(user.created_at);
    });

    it('refuses unknown parameters and wrong types', async () => {
      const user = await createUser();
      expectClerkError(await patchUser(user.id, { nickname: 'x' }), 422, 'form_param_unknown', 'nickname');
      expectClerkError(await patchUser(user.id, { first_name: 42 }), 422, 'form_param_type_invalid', 'first_name');
      expectClerkError(await patchUser(user.id, { delete_self_enabled: 'yes' }), 422, 'form_param_type_invalid', 'delete_self_enabled');
    });

    it('answers 404 resource_not_found for an unknown id', async () => {
      expectClerkError(await patchUser(`user_unknown${uniqueTag()}`, { first_name: 'X' }), 404, 'resource_not_found');
    });
  });

  describe('through @clerk/backend', () => {
    it('updateUser changes the non-metadata fields', async () => {
      const created = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('sdk'), uniqueEmail('sdk2')], password: PASSWORD });
      const second = created.emailAddresses[1]!;
      const username = uniqueUsername('sdkupd');
      const externalId = `ext-${uniqueTag()}`;
      server.clock.advanceMs(1_000);
      const updated = await server.clerk.users.updateUser(created.id, {
        firstName: 'New',
        lastName: 'Name',
        username,
        externalId,
        primaryEmailAddressID: second.id,
        password: 'short',
        skipPasswordChecks: true,
        signOutOfOtherSessions: true,
        deleteSelfEnabled: false,
        createOrganizationEnabled: false,
        createOrganizationsLimit: 2,
        createdAt: new Date('2021-03-04T05:06:07.000Z'),
        legalAcceptedAt: new Date('2022-03-04T05:06:07.000Z'),
      });
      expect(updated).toMatchObject({
        firstName: 'New',
        lastName: 'Name',
        username,
        externalId,
        primaryEmailAddressId: second.id,
        passwordEnabled: true,
        deleteSelfEnabled: false,
        createOrganizationEnabled: false,
        createOrganizationsLimit: 2,
        createdAt: Date.parse('2021-03-04T05:06:07.000Z'),
        legalAcceptedAt: Date.parse('2022-03-04T05:06:07.000Z'),
        updatedAt: server.clock.nowMs(),
      });
      await expectSdkError(server.clerk.users.updateUser(created.id, { password: 'short' }), 422, 'form_password_length_too_short', 'password');
      await expectSdkError(server.clerk.users.updateUser(`user_unknown${uniqueTag()}`, { firstName: 'X' }), 404, 'resource_not_found');
    });
  });
});
