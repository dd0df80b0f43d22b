// POST /v1/users: names, locale, external_id, metadata, dates, settings, banned and locked.
import { describe, expect, it } from 'vitest';
import { createUserHelpers } from '../../../helpers/create-user-helpers.js';
import { uniqueEmail, uniqueTag } from '../../../helpers/fixtures.js';
import { useTestServer } from '../../../helpers/test-server.js';

const server = useTestServer();
const { createRaw, expectRejected } = createUserHelpers(() => server);

describe('POST /v1/users: profile fields', () => {
  it('stores first name, last name and a valid BCP-47 locale', async () => {
    for (const locale of ['en', 'en-US', 'zh-Hant-TW']) {
      const res = await createRaw({ email_address: [uniqueEmail()], first_name: 'Ann', last_name: 'Lee', locale });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ first_name: 'Ann', last_name: 'Lee', locale });
    }
  });

  it('leaves optional fields null or default when omitted, and accepts explicit nulls', async () => {
    const res = await createRaw({ email_address: [uniqueEmail()], first_name: null, last_name: null, locale: null, external_id: null, username: null });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      first_name: null,
      last_name: null,
      locale: null,
      external_id: null,
      username: null,
      phone_numbers: [],
      web3_wallets: [],
      primary_phone_number_id: null,
      primary_web3_wallet_id: null,
      public_metadata: {},
      private_metadata: {},
      unsafe_metadata: {},
      password_enabled: false,
      password_last_updated_at: null,
      banned: false,
      locked: false,
      lockout_expires_in_seconds: null,
      legal_accepted_at: null,
      delete_self_enabled: true,
      create_organization_enabled: true,
      create_organizations_limit: null,
      bypass_client_trust: false,
    });
  });

  it('refuses a locale that is not a BCP-47 tag with form_param_format_invalid', async () => {
    for (const locale of ['not a locale', '!!', 'en-']) {
      await expectRejected({ email_address: [uniqueEmail()], locale }, 422, 'form_param_format_invalid', 'locale');
    }
  });

  it('stores external_id and refuses a second user with the same one', async () => {
    const externalId = `ext-${uniqueTag()}`;
    const res = await createRaw({ email_address: [uniqueEmail()], external_id: externalId });
    expect(res.status).toBe(200);
    expect(res.body.external_id).toBe(externalId);
    await expectRejected({ email_address: [uniqueEmail()], external_id: externalId }, 422, 'form_identifier_exists', 'external_id');
  });

  it("treats external_id '' as none, so it blocks nobody", async () => {
    for (let i = 0; i < 2; i++) {
      const res = await createRaw({ email_address: [uniqueEmail()], external_id: '' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.external_id).toBeNull();
    }
  });

  it('stores the three metadata objects, nested values included', async () => {
    const publicMetadata = { plan: 'pro', limits: { seats: 5, features: ['a', 'b'] } };
    const privateMetadata = { stripe: { customer: 'cus_123' }, flag: true };
    const unsafeMetadata = { theme: 'dark', nothing: null };
    const res = await createRaw({
      email_address: [uniqueEmail()],
      public_metadata: publicMetadata,
      private_metadata: privateMetadata,
      unsafe_metadata: unsafeMetadata,
    });
    expect(res.status).toBe(200);
    expect(res.body.public_metadata).toEqual(publicMetadata);
    expect(res.body.private_metadata).toEqual(privateMetadata);
    expect(res.body.unsafe_metadata).toEqual(unsafeMetadata);
    const fetched = await server.api('GET', `/v1/users/${res.body.id}`);
    expect(fetched.body.private_metadata).toEqual(privateMetadata);
  });

  it('stores created_at from an RFC 3339 timestamp', async () => {
    const cases: [string, number][] = [
      ['2020-01-02T03:04:05Z', Date.UTC(2020, 0, 2, 3, 4, 5)],
      ['2021-06-01T12:00:00.250+02:00', Date.UTC(2021, 5, 1, 10, 0, 0, 250)],
    ];
    for (const [createdAt, expected] of cases) {
      const res = await createRaw({ email_address: [uniqueEmail()], created_at: createdAt });
      expect(res.status).toBe(200);
      expect(res.body.created_at).toBe(expected);
    }
  });

  it('refuses a created_at that is not an RFC 3339 date-time', async () => {
    for (const createdAt of ['yesterday', '2020-01-02', '2020-13-01T00:00:00Z', '1577934245000']) {
      await expectRejected({ email_address: [uniqueEmail()], created_at: createdAt }, 422, 'form_param_value_invalid', 'created_at');
    }
  });

  it('refuses a created_at on a day that does not exist (2021-02-30)', async () => {
    await expectRejected({ email_address: [uniqueEmail()], created_at: '2021-02-30T00:00:00Z' }, 422, 'form_param_value_invalid', 'created_at');
  });

  it('stores legal_accepted_at and accepts skip_legal_checks', async () => {
    const res = await createRaw({ email_address: [uniqueEmail()], legal_accepted_at: '2024-05-06T07:08:09.123Z', skip_legal_checks: true });
    expect(res.status).toBe(200);
    expect(res.body.legal_accepted_at).toBe(Date.UTC(2024, 4, 6, 7, 8, 9, 123));
    const skipped = await createRaw({ email_address: [uniqueEmail()], skip_legal_checks: true });
    expect(skipped.status).toBe(200);
    expect(skipped.body.legal_accepted_at).toBeNull();
  });

  it('refuses an invalid legal_accepted_at', async () => {
    await expectRejected({ email_address: [uniqueEmail()], legal_accepted_at: 'last week' }, 422, 'form_param_value_invalid', 'legal_accepted_at');
  });

  it('stores delete_self_enabled, create_organization_enabled, create_organizations_limit and bypass_client_trust', async () => {
    const res = await createRaw({
      email_address: [uniqueEmail()],
      delete_self_enabled: false,
      create_organization_enabled: false,
      create_organizations_limit: 3,
      bypass_client_trust: true,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      delete_self_enabled: false,
      create_organization_enabled: false,
      create_organizations_limit: 3,
      bypass_client_trust: true,
    });
  });

  it('creates a banned user', async () => {
    const res = await createRaw({ email_address: [uniqueEmail()], banned: true });
    expect(res.status).toBe(200);
    expect(res.body.banned).toBe(true);
    const banned = await server.api('GET', `/v1/users?banned=true&user_id=${res.body.id}`);
    expect(banned.body.map((u: any) => u.id)).toEqual([res.body.id]);
  });

  it('creates a locked user with the default lockout policy (one hour, 10 attempts)', async () => {
    const res = await createRaw({ email_address: [uniqueEmail()], locked: true });
    expect(res.status).toBe(200);
    expect(res.body.locked).toBe(true);
    expect(res.body.lockout_expires_in_seconds).toBeGreaterThan(3590);
    expect(res.body.lockout_expires_in_seconds).toBeLessThanOrEqual(3600);
    expect(res.body.verification_attempts_remaining).toBe(10);
  });
});
