import { assertMetadataSize, combineMetadataFields, deepMergeMetadata, type Metadata } from '../domain/metadata.js';
import type { ServiceDeps } from '../domain/service-deps.js';
import { errors } from '../lib/error-catalog.js';
import type { Executor } from '../storage/database.js';
import {
  countMemberships,
  deleteMembership,
  findMembership,
  insertMembership,
  listMemberships,
  updateMembership,
  type MembershipListFilter,
  type MembershipOrderColumn,
} from '../storage/repositories/organizations-memberships-repository.js';
import { findOrganizationForUpdate } from '../storage/repositories/organizations-repository.js';
import { uniqueViolationTarget } from '../storage/constraint-violations.js';
import { findUserById } from '../storage/repositories/users-repository.js';
import type { MembershipRow } from '../storage/tables/organization-tables.js';
import { parseUserListFilter, type UserListFilterInput } from '../users/list-query.js';
import { parseListPage, type ListPageInput } from './list-params.js';
import { assertAnotherAdminRemains, assertRole, assertRoomFor, newMembershipRow } from './membership-rules.js';
import { METADATA_FIELDS, requireOrganization } from './organization-service.js';
import { toMembershipRecords, type MembershipRecord } from './records.js';
import type { RoleRegistry } from './roles.js';

export interface CreateMembershipInput {
  userId: string;
  role: string;
  publicMetadata?: Metadata | null;
  privateMetadata?: Metadata | null;
}

const ORDER_COLUMNS: Record<string, MembershipOrderColumn> = {
  created_at: 'created_at',
  email_address: 'primary_email_address',
  phone_number: 'primary_phone_number',
  first_name: 'first_name',
  last_name: 'last_name',
  username: 'username_normalized',
};

/** The filters of `GET /v1/organizations/{id}/memberships`. */
export interface MembershipListInput {
  /** Members with any of these roles. */
  roles?: readonly string[];
  /** Filters on the member that the list shares with `GET /v1/users`. */
  users?: UserListFilterInput;
}

export interface Page<T> {
  data: T[];
  totalCount: number;
}

/** Organization memberships: add, list, change role, remove, metadata. */
export function createMembershipService(deps: ServiceDeps, roles: RoleRegistry) {
  const { db } = deps.database;
  const { clock } = deps;

  const records = (executor: Executor, rows: readonly MembershipRow[]) => toMembershipRecords(executor, rows, roles, clock.nowMs());

  /** Lists and counts run on the read connections: a search of the members can read many users. */
  async function page(filter: MembershipListFilter, pageInput: ListPageInput): Promise<Page<MembershipRecord>> {
    const { reads } = deps.database;
    const listPage = parseListPage(pageInput, ORDER_COLUMNS, '-created_at');
    const [rows, totalCount] = [await listMemberships(reads, filter, listPage), await countMemberships(reads, filter)];
    return { data: await records(reads, rows), totalCount };
  }

  async function requireMembership(executor: Executor, organizationId: string, userId: string): Promise<MembershipRow> {
    await requireOrganization(executor, organizationId);
    const membership = await findMembership(executor, organizationId, userId);
    if (!membership) throw errors.membershipNotFound();
    return membership;
  }

  return {
    /** `POST /v1/organizations/{id}/memberships`: within `max_allowed_memberships`, once per user. */
    async create(organizationId: string, input: CreateMembershipInput): Promise<MembershipRecord> {
      assertRole(roles, input.role);
      if (input.publicMetadata) assertMetadataSize(input.publicMetadata, 'public_metadata');
      if (input.privateMetadata) assertMetadataSize(input.privateMetadata, 'private_metadata');
      const now = clock.nowMs();
      try {
        return await db.transaction().execute(async (trx) => {
          const organization = await findOrganizationForUpdate(trx, organizationId);
          if (!organization) throw errors.organizationNotFound();
          const user = await findUserById(trx, input.userId);
          if (!user) throw errors.userNotFound(input.userId);
          if (await findMembership(trx, organizationId, input.userId)) throw errors.alreadyAMember(input.userId);
          await assertRoomFor(trx, organization, 1, now);
          const row = newMembershipRow(organizationId, input.userId, input.role, now, input);
          await insertMembership(trx, row);
          return (await records(trx, [(await findMembership(trx, organizationId, input.userId))!]))[0]!;
        });
      } catch (error) {
        if (uniqueViolationTarget(error) === 'organization_membership') throw errors.alreadyAMember(input.userId);
        throw error;
      }
    },

    /** `GET /v1/organizations/{id}/memberships`: the member filters of the users list, `role`, ordering. */
    async listForOrganization(organizationId: string, input: MembershipListInput, pageInput: ListPageInput): Promise<Page<MembershipRecord>> {
      await requireOrganization(db, organizationId);
      const filter: MembershipListFilter = { organizationId, roles: input.roles };
      const { users } = input;
      if (users && Object.values(users).some((value) => value !== undefined)) filter.users = parseUserListFilter(users);
      return page(filter, pageInput);
    },

    /** `GET /v1/organization_memberships`: every membership in the instance. */
    async listInstance(pageInput: ListPageInput): Promise<Page<MembershipRecord>> {
      return page({}, pageInput);
    },

    /** `GET /v1/users/{user_id}/organization_memberships`. */
    async listForUser(userId: string, pageInput: Pick<ListPageInput, 'limit' | 'offset'>): Promise<Page<MembershipRecord>> {
      if (!(await findUserById(db, userId))) throw errors.userNotFound(userId);
      return page({ userId }, pageInput);
    },

    /** `PATCH /v1/organizations/{id}/memberships/{user_id}`: a new role, keeping one administrator. */
    async updateRole(organizationId: string, userId: string, role: string): Promise<MembershipRecord> {
      assertRole(roles, role);
      return db.transaction().execute(async (trx) => {
        await findOrganizationForUpdate(trx, organizationId);
        const membership = await requireMembership(trx, organizationId, userId);
        const admins = roles.adminKeys();
        if (admins.includes(membership.role) && !admins.includes(role)) await assertAnotherAdminRemains(trx, roles, organizationId, userId);
        const updated = await updateMembership(trx, membership.id, { role, updated_at: clock.nowMs() });
        return (await records(trx, [updated!]))[0]!;
      });
    },

    /** `DELETE /v1/organizations/{id}/memberships/{user_id}`: answers with the removed membership. */
    async delete(organizationId: string, userId: string): Promise<MembershipRecord> {
      return db.transaction().execute(async (trx) => {
        await findOrganizationForUpdate(trx, organizationId);
        const membership = await requireMembership(trx, organizationId, userId);
        if (roles.adminKeys().includes(membership.role)) await assertAnotherAdminRemains(trx, roles, organizationId, userId);
        await deleteMembership(trx, membership.id);
        // Built after the removal, so the embedded organization shows the new members_count.
        return (await records(trx, [membership]))[0]!;
      });
    },

    /** `PATCH …/memberships/{user_id}/metadata`: deep merge, `null` deletes a key. */
    async mergeMetadata(organizationId: string, userId: string, input: { publicMetadata?: Metadata; privateMetadata?: Metadata }): Promise<MembershipRecord> {
      return db.transaction().execute(async (trx) => {
        // The organization lock serialises merges on its memberships (read-modify-write).
        await findOrganizationForUpdate(trx, organizationId);
        const membership = await requireMembership(trx, organizationId, userId);
        const update: Partial<MembershipRow> = {
          updated_at: clock.nowMs(),
          ...combineMetadataFields(membership, input, deepMergeMetadata, METADATA_FIELDS),
        };
        return (await records(trx, [(await updateMembership(trx, membership.id, update))!]))[0]!;
      });
    },
  };
}

export type MembershipService = ReturnType<typeof createMembershipService>;
