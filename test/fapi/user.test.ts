// The Frontend API's user shapes, from real records: users created through @clerk/backend on a test server,
// read back with the users repository, serialized, and held to the FAPI spec. Nothing only the backend may see
// (private metadata, password digests, TOTP secrets, backup codes) reaches the JSON.
import { describe, expect, it } from 'vitest';
import { generateTOTPSecret } from '../../src/mfa/totp.js';
import { createSecretBox } from '../../src/lib/secret-box.js';
import { createHasherRegistry } from '../../src/passwords/registry.js';
import { createServices } from '../../src/services/services.js';
import { findUserWithDetails } from '../../src/storage/repositories/user-details-repository.js';
import { userRecordsOf, type UserRecord } from '../../src/users/user-record.js';
import { toFapiUserJSON, toPublicUserDataJSON } from '../../src/http/fapi/serialize/user.js';
import { uniqueEmail, uniquePhone, uniqueUsername, uniqueWallet } from '../helpers/fixtures.js';
import { fapiSpecAvailable, validateFapiSchema } from '../helpers/openapi.js';
import { useTestServer } from '../helpers/test-server.js';

const PRIVATE_MARK = 'private-marker-7f3a';

describe('FAPI user serialization', () => {
  // No identifier type is required, so users with only a phone number or only a username exist too.
  const server = useTestServer({ ROSTER_REQUIRED_IDENTIFIERS: '' });
  const context = () => ({ baseUrl: server.baseUrl });

  async function recordOf(userId: string): Promise<UserRecord> {
    const found = await findUserWithDetails(server.database.db, userId);
    if (!found) throw new Error(`no user ${userId}`);
    return userRecordsOf([found], server.config.lockout, server.clock.nowMs())[0]!;
  }

  async function fullUser() {
    const secret = generateTOTPSecret();
    const user = await server.clerk.users.createUser({
      emailAddress: [uniqueEmail('fapi'), uniqueEmail('second')],
      phoneNumber: [uniquePhone()],
      // The Backend API takes web3_wallet; @clerk/backend's types omit it but pass it on.
      ...({ web3Wallet: [uniqueWallet()] } as object),
      username: uniqueUsername('fapi'),
      firstName: 'Ada',
      lastName: 'Lovelace',
      password: 'correct horse battery staple 42',
      totpSecret: secret,
      backupCodes: ['backup-code-one', 'backup-code-two'],
      publicMetadata: { plan: 'pro' },
      privateMetadata: { note: PRIVATE_MARK },
      unsafeMetadata: { theme: 'dark' },
      externalId: `ext-${Date.now()}`,
    });
    return { user, secret };
  }

  it('a user with every identifier, a password, TOTP, backup codes and metadata is a spec-valid Client.User', async () => {
    const { user, secret } = await fullUser();
    const json = toFapiUserJSON(await recordOf(user.id), context());
    if (fapiSpecAvailable) {
      expect(validateFapiSchema('Client.User', json)).toEqual({ ok: true });
      expect(validateFapiSchema('Client.EmailAddress', json.email_addresses[0])).toEqual({ ok: true });
      expect(validateFapiSchema('Client.PhoneNumber', json.phone_numbers[0])).toEqual({ ok: true });
      expect(validateFapiSchema('Client.Web3Wallet', json.web3_wallets[0])).toEqual({ ok: true });
    }
    expect(json).toMatchObject({
      id: user.id,
      object: 'user',
      username: user.username,
      first_name: 'Ada',
      last_name: 'Lovelace',
      has_image: false,
      image_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\//),
      primary_email_address_id: user.primaryEmailAddressId,
      password_enabled: true,
      totp_enabled: true,
      backup_code_enabled: true,
      two_factor_enabled: true,
      public_metadata: { plan: 'pro' },
      unsafe_metadata: { theme: 'dark' },
      external_id: user.externalId,
      banned: false,
      locked: false,
      create_organizations_limit: 0,
      organization_memberships: [],
    });
    expect(json.email_addresses.map((email) => email.email_address).sort()).toEqual(user.emailAddresses.map((email) => email.emailAddress).sort());
    expect(json.phone_numbers).toHaveLength(1);
    expect(json.web3_wallets).toHaveLength(1);
    expect(json).not.toHaveProperty('private_metadata');
    const text = JSON.stringify(json);
    for (const secretText of [PRIVATE_MARK, secret, 'backup-code-one', 'argon2', '$2', 'password_digest', 'totp_secret']) {
      expect(text, `leaks ${secretText}`).not.toContain(secretText);
    }
  });

  it('a minimal user (one email address, nothing else) is a spec-valid Client.User too', async () => {
    const user = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('min')], skipPasswordRequirement: true });
    const json = toFapiUserJSON(await recordOf(user.id), context());
    if (fapiSpecAvailable) expect(validateFapiSchema('Client.User', json)).toEqual({ ok: true });
    expect(json).toMatchObject({ username: null, first_name: null, password_enabled: false, two_factor_enabled: false, unsafe_metadata: {} });
  });

  it('banned and locked users say so', async () => {
    const banned = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('ban')], skipPasswordRequirement: true });
    await server.clerk.users.banUser(banned.id);
    const locked = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('lock')], skipPasswordRequirement: true });
    await server.clerk.users.lockUser(locked.id);
    expect(toFapiUserJSON(await recordOf(banned.id), context())).toMatchObject({ banned: true, locked: false });
    const lockedJSON = toFapiUserJSON(await recordOf(locked.id), context());
    expect(lockedJSON).toMatchObject({ banned: false, locked: true });
    if (fapiSpecAvailable) expect(validateFapiSchema('Client.User', lockedJSON)).toEqual({ ok: true });
  });

  it('organization memberships, when given, are Client.OrganizationMemberships without private metadata', async () => {
    const { user } = await fullUser();
    const organization = await server.clerk.organizations.createOrganization({
      name: 'Analytical Engines',
      createdBy: user.id,
      publicMetadata: { tier: 'gold' },
      privateMetadata: { secret: PRIVATE_MARK },
    });
    const services = await createServices({
      database: server.database,
      clock: server.clock,
      hashers: createHasherRegistry(),
      config: server.config,
      secretBox: createSecretBox(server.config.instanceKey!),
    });
    const memberships = await services.memberships.listForUser(user.id, { limit: 10, offset: 0 });
    expect(memberships.data).toHaveLength(1);
    const json = toFapiUserJSON(await recordOf(user.id), { ...context(), organizationMemberships: memberships.data });
    if (fapiSpecAvailable) {
      expect(validateFapiSchema('Client.User', json)).toEqual({ ok: true });
      expect(validateFapiSchema('Client.OrganizationMembership', json.organization_memberships[0])).toEqual({ ok: true });
      expect(validateFapiSchema('Client.Organization', json.organization_memberships[0]!.organization)).toEqual({ ok: true });
    }
    expect(json.organization_memberships[0]).toMatchObject({
      object: 'organization_membership',
      role: 'org:admin',
      organization: { id: organization.id, name: 'Analytical Engines', public_metadata: { tier: 'gold' } },
      public_user_data: { user_id: user.id, first_name: 'Ada' },
    });
    expect(JSON.stringify(json)).not.toContain(PRIVATE_MARK);
    expect(json.organization_memberships[0]).not.toHaveProperty('private_metadata');
    expect(json.organization_memberships[0]!.organization).not.toHaveProperty('private_metadata');
  });

  it('public user data: the primary email address as identifier, else the phone number, username or wallet', async () => {
    const { user } = await fullUser();
    const data = toPublicUserDataJSON(await recordOf(user.id), context());
    expect(data).toEqual({
      user_id: user.id,
      first_name: 'Ada',
      last_name: 'Lovelace',
      image_url: expect.stringMatching(/^http/),
      has_image: false,
      identifier: user.primaryEmailAddress!.emailAddress,
      username: user.username,
      banned: false,
    });
    const phoneOnly = await server.clerk.users.createUser({ phoneNumber: [uniquePhone()], skipPasswordRequirement: true });
    expect(toPublicUserDataJSON(await recordOf(phoneOnly.id), context()).identifier).toBe(phoneOnly.primaryPhoneNumber!.phoneNumber);
    const usernameOnly = await server.clerk.users.createUser({ username: uniqueUsername('only'), password: 'correct horse battery staple 42' });
    expect(toPublicUserDataJSON(await recordOf(usernameOnly.id), context()).identifier).toBe(usernameOnly.username);
    if (fapiSpecAvailable) expect(validateFapiSchema('Client.PublicUserData', data)).toEqual({ ok: true });
  });
});
