import { assertMetadataSize, combineMetadataFields, deepMergeMetadata } from '../domain/metadata.js';
import { parseTimestamp } from '../domain/parse-timestamp.js';
import { ClerkError, errors } from '../lib/error-catalog.js';
import { newId } from '../lib/ids.js';
import { includeExclude } from '../lib/include-exclude.js';
import { newMembershipRow } from './membership-rules.js';
import { insertMembership } from '../storage/repositories/organizations-memberships-repository.js';
import { findStoredImage } from '../images/image-store.js';
import { processImage } from '../images/image-pipeline.js';
import { deleteImageOf } from '../storage/repositories/images-repository.js';
import { countOrganizations, countOrganizationsCreatedBy, deleteOrganization, findOrganizationById, findOrganizationByIdOrSlug, findOrganizationForUpdate, insertOrganization, listOrganizations, updateOrganization, } from '../storage/repositories/organizations-repository.js';
import { uniqueViolationTarget } from '../storage/constraint-violations.js';
import { findUserByIdForUpdate } from '../storage/repositories/users-repository.js';
import { parseListPage, trimmedText } from './list-params.js';
import { parseOrganizationName, parseSlug, slugFromName, slugWithSuffix } from './organization-rules.js';
import { toOrganizationRecords } from './records.js';
import { storeImage } from '../images/image-store.js';
/** The metadata an organization and a membership store: input key and column, in the order they are checked. */
export const METADATA_FIELDS = [
    ['publicMetadata', 'public_metadata'],
    ['privateMetadata', 'private_metadata'],
];
const ORDER_COLUMNS = { created_at: 'created_at', name: 'name', members_count: 'members_count' };
/** Attempts at a free slug when the one derived from the name is taken. */
const SLUG_ATTEMPTS = 5;
/** Role sets are not modelled by Roster: every organization uses the instance's roles. */
function assertNoRoleSet(roleSetKey) {
    if (roleSetKey)
        throw errors.paramValueInvalid('role_set_key', 'role_set_key is not supported: every organization uses the instance roles (ROSTER_ORGANIZATION_ROLES).');
}
export async function requireOrganization(db, organizationId) {
    const organization = await findOrganizationById(db, organizationId);
    if (!organization)
        throw errors.organizationNotFound();
    return organization;
}
/** Organizations: create, read, list, update, delete, metadata and logo. */
export function createOrganizationService(deps, roles) {
    const { db } = deps.database;
    const { clock } = deps;
    const record = async (executor, row, options) => (await toOrganizationRecords(executor, [row], roles, clock.nowMs(), options))[0];
    /** Enforces the creator's `create_organization_enabled` and `create_organizations_limit` (user row locked). */
    async function assertCreatorMayCreate(trx, userId) {
        const user = await findUserByIdForUpdate(trx, userId);
        if (!user)
            throw errors.organizationCreatorNotFound(userId);
        if (user.create_organization_enabled !== 1)
            throw errors.userCreateOrganizationNotEnabled();
        const limit = user.create_organizations_limit;
        // 0 (like null) means unlimited, as for max_allowed_memberships.
        if (limit && (await countOrganizationsCreatedBy(trx, userId)) >= limit)
            throw errors.orgCreationLimitExceeded();
    }
    async function changeMetadata(organizationId, input, combine) {
        return db.transaction().execute(async (trx) => {
            // Read and write under one lock so concurrent merges never lose each other's keys.
            const organization = await findOrganizationForUpdate(trx, organizationId);
            if (!organization)
                throw errors.organizationNotFound();
            const update = { updated_at: clock.nowMs(), ...combineMetadataFields(organization, input, combine, METADATA_FIELDS) };
            return record(trx, (await updateOrganization(trx, organizationId, update)));
        });
    }
    return {
        roles,
        /** `POST /v1/organizations`: the organization and, with `created_by`, its creator's membership, in one transaction. */
        async create(input) {
            const name = parseOrganizationName(input.name);
            const givenSlug = input.slug ? parseSlug(input.slug) : null;
            assertNoRoleSet(input.roleSetKey);
            for (const [param, value] of [
                ['public_metadata', input.publicMetadata],
                ['private_metadata', input.privateMetadata],
            ]) {
                if (value)
                    assertMetadataSize(value, param);
            }
            const now = clock.nowMs();
            const createdAt = input.createdAt ? parseTimestamp(input.createdAt, 'created_at') : now;
            const baseSlug = givenSlug ?? slugFromName(name);
            for (let attempt = 0;; attempt++) {
                const slug = attempt === 0 ? baseSlug : slugWithSuffix(baseSlug);
                const id = newId('org', createdAt);
                try {
                    return await db.transaction().execute(async (trx) => {
                        if (input.createdBy)
                            await assertCreatorMayCreate(trx, input.createdBy);
                        await insertOrganization(trx, {
                            id,
                            name,
                            slug,
                            image_id: null,
                            created_by: input.createdBy || null,
                            max_allowed_memberships: input.maxAllowedMemberships ?? deps.config.organizations.defaultMaxAllowedMemberships,
                            admin_delete_enabled: 1,
                            public_metadata: JSON.stringify(input.publicMetadata ?? {}),
                            private_metadata: JSON.stringify(input.privateMetadata ?? {}),
                            role_set_key: null,
                            members_count: 0,
                            created_at: createdAt,
                            updated_at: now,
                        });
                        if (input.createdBy)
                            await insertMembership(trx, newMembershipRow(id, input.createdBy, roles.creatorRole, now));
                        return record(trx, (await findOrganizationById(trx, id)));
                    });
                }
                catch (error) {
                    if (error instanceof ClerkError || uniqueViolationTarget(error) !== 'organization_slug')
                        throw error;
                    // A slug the caller chose is theirs to change; a derived one gets a random suffix.
                    if (givenSlug !== null || attempt + 1 >= SLUG_ATTEMPTS)
                        throw errors.identifierExists('slug');
                }
            }
        },
        /** `GET /v1/organizations/{id_or_slug}`. */
        async get(idOrSlug, options = {}) {
            const organization = await findOrganizationByIdOrSlug(db, idOrSlug);
            if (!organization)
                throw errors.organizationNotFound();
            return record(db, organization, options);
        },
        /** `GET /v1/organizations`: filters, ordering and offset pagination, with the total count. */
        async list(input, pageInput) {
            const filter = {
                query: trimmedText(input.query),
                userIds: input.userIds?.length ? includeExclude(input.userIds) : undefined,
                organizationIds: input.organizationIds?.length ? includeExclude(input.organizationIds) : undefined,
            };
            const page = parseListPage(pageInput, ORDER_COLUMNS, '-created_at');
            const [rows, totalCount] = [await listOrganizations(db, filter, page), await countOrganizations(db, filter)];
            return { data: await toOrganizationRecords(db, rows, roles, clock.nowMs(), input), totalCount };
        },
        /** `PATCH /v1/organizations/{id}`: only the supplied fields change. */
        async update(organizationId, input) {
            const update = { updated_at: clock.nowMs() };
            if (input.name != null)
                update.name = parseOrganizationName(input.name);
            if (input.slug != null)
                update.slug = parseSlug(input.slug);
            if (input.maxAllowedMemberships != null)
                update.max_allowed_memberships = input.maxAllowedMemberships;
            if (input.adminDeleteEnabled != null)
                update.admin_delete_enabled = input.adminDeleteEnabled ? 1 : 0;
            if (input.createdAt)
                update.created_at = parseTimestamp(input.createdAt, 'created_at');
            assertNoRoleSet(input.roleSetKey);
            for (const [param, key, value] of [
                ['public_metadata', 'public_metadata', input.publicMetadata],
                ['private_metadata', 'private_metadata', input.privateMetadata],
            ]) {
                if (value == null)
                    continue;
                assertMetadataSize(value, param);
                update[key] = JSON.stringify(value);
            }
            try {
                const updated = await updateOrganization(db, organizationId, update);
                if (!updated)
                    throw errors.organizationNotFound();
                return await record(db, updated);
            }
            catch (error) {
                if (uniqueViolationTarget(error) === 'organization_slug')
                    throw errors.identifierExists('slug');
                throw error;
            }
        },
        /** `DELETE /v1/organizations/{id}`: memberships, invitations and logo go with it. */
        async delete(organizationId) {
            return db.transaction().execute(async (trx) => {
                const organization = await requireOrganization(trx, organizationId);
                await deleteOrganization(trx, organizationId);
                return { id: organization.id, slug: organization.slug };
            });
        },
        mergeMetadata: (organizationId, input) => changeMetadata(organizationId, input, deepMergeMetadata),
        replaceMetadata: (organizationId, input) => changeMetadata(organizationId, input, (_stored, given) => given),
        /** `PUT /v1/organizations/{id}/logo`: stores the re-encoded image (in the database, so every node serves it). */
        async setLogo(organizationId, upload) {
            // An unknown organization answers 404 before any decoding work.
            await requireOrganization(db, organizationId);
            const image = await processImage(upload.bytes);
            const now = clock.nowMs();
            return db.transaction().execute(async (trx) => {
                await requireOrganization(trx, organizationId);
                if (upload.uploaderUserId && !(await findUserByIdForUpdate(trx, upload.uploaderUserId))) {
                    throw errors.formResourceNotFound('uploader_user_id');
                }
                const id = await storeImage(trx, { organizationId }, image, { uploaderUserId: upload.uploaderUserId, nowMs: now });
                return record(trx, (await updateOrganization(trx, organizationId, { image_id: id, updated_at: now })));
            });
        },
        /** `DELETE /v1/organizations/{id}/logo`: back to the default image. */
        async deleteLogo(organizationId) {
            const now = clock.nowMs();
            return db.transaction().execute(async (trx) => {
                await requireOrganization(trx, organizationId);
                if (!(await deleteImageOf(trx, { organizationId })))
                    throw errors.imageNotFound();
                return record(trx, (await updateOrganization(trx, organizationId, { image_id: null, updated_at: now })));
            });
        },
        /** The stored logo behind an `image_url`, or null (profile images are not logos). */
        async findLogo(imageId) {
            const image = await findStoredImage(db, imageId);
            return image?.owner === 'organization' ? image : null;
        },
    };
}
//# sourceMappingURL=organization-service.js.map