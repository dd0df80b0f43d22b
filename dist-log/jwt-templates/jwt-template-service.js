import { DEFAULT_LIMIT } from '../domain/page-limits.js';
import { errors } from '../lib/error-catalog.js';
import { newId } from '../lib/ids.js';
import { uniqueViolationTarget } from '../storage/constraint-violations.js';
import { countJwtTemplates, deleteJwtTemplate, findJwtTemplateById, insertJwtTemplate, listJwtTemplates, updateJwtTemplate, } from '../storage/repositories/jwt-templates-repository.js';
import { checkClaims, decideSigning, DEFAULT_ALLOWED_CLOCK_SKEW_SECONDS, DEFAULT_LIFETIME_SECONDS, parseTemplateName, } from './template-rules.js';
export function toJwtTemplateRecord(row) {
    return {
        id: row.id,
        name: row.name,
        claims: JSON.parse(row.claims),
        lifetime: row.lifetime,
        allowedClockSkew: row.allowed_clock_skew,
        customSigningKey: row.custom_signing_key === 1,
        signingAlgorithm: row.signing_algorithm,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
    };
}
/** JWT templates: create, read, list, update and delete. Custom signing keys are stored sealed and never read back out. */
export function createJwtTemplateService(deps) {
    const { database, clock, secretBox } = deps;
    const { db } = database;
    async function requireTemplate(id) {
        const row = await findJwtTemplateById(db, id);
        if (!row)
            throw errors.jwtTemplateNotFoundById(id);
        return row;
    }
    /** Turns the database's unique refusal of a second template with the same name into Clerk's answer. */
    async function withNameCheck(work) {
        try {
            return await work();
        }
        catch (error) {
            if (uniqueViolationTarget(error) === 'jwt_template_name')
                throw errors.identifierExists('name');
            throw error;
        }
    }
    return {
        /** `POST /v1/jwt_templates`. */
        async create(input) {
            const name = parseTemplateName(input.name);
            checkClaims(input.claims);
            const signing = decideSigning(input, null);
            const nowMs = clock.nowMs();
            const row = {
                id: newId('jtmp', nowMs),
                name,
                claims: JSON.stringify(input.claims),
                lifetime: input.lifetime ?? DEFAULT_LIFETIME_SECONDS,
                allowed_clock_skew: input.allowedClockSkew ?? DEFAULT_ALLOWED_CLOCK_SKEW_SECONDS,
                custom_signing_key: signing.custom ? 1 : 0,
                signing_algorithm: signing.algorithm,
                signing_key: signing.signingKey ? secretBox.seal(signing.signingKey) : null,
                created_at: nowMs,
                updated_at: nowMs,
            };
            await withNameCheck(() => insertJwtTemplate(db, row));
            return toJwtTemplateRecord(row);
        },
        /** `GET /v1/jwt_templates/{template_id}`. */
        async get(id) {
            return toJwtTemplateRecord(await requireTemplate(id));
        },
        /** `GET /v1/jwt_templates`: oldest first, a page of `limit` from `offset`, with the total when asked. */
        async list(input) {
            const page = { limit: input.limit ?? DEFAULT_LIMIT, offset: input.offset ?? 0 };
            const [rows, totalCount] = await Promise.all([listJwtTemplates(db, page), input.withTotalCount ? countJwtTemplates(db) : Promise.resolve(0)]);
            return { templates: rows.map(toJwtTemplateRecord), totalCount };
        },
        /**
         * `PATCH /v1/jwt_templates/{template_id}`: name and claims are replaced (the spec requires both);
         * lifetime and clock skew keep their values when left out; the signing settings follow
         * {@link decideSigning}. Turning the custom key off deletes the stored key.
         */
        async update(id, input) {
            const name = parseTemplateName(input.name);
            checkClaims(input.claims);
            const current = await requireTemplate(id);
            const signing = decideSigning(input, { custom: current.custom_signing_key === 1, algorithm: current.signing_algorithm });
            const update = {
                name,
                claims: JSON.stringify(input.claims),
                custom_signing_key: signing.custom ? 1 : 0,
                signing_algorithm: signing.algorithm,
                updated_at: Math.max(clock.nowMs(), current.updated_at),
            };
            if (input.lifetime != null)
                update.lifetime = input.lifetime;
            if (input.allowedClockSkew != null)
                update.allowed_clock_skew = input.allowedClockSkew;
            if (!signing.custom)
                update.signing_key = null;
            else if (signing.signingKey)
                update.signing_key = secretBox.seal(signing.signingKey);
            const updated = await withNameCheck(() => updateJwtTemplate(db, id, update));
            if (!updated)
                throw errors.jwtTemplateNotFoundById(id);
            return toJwtTemplateRecord(updated);
        },
        /** `DELETE /v1/jwt_templates/{template_id}`. */
        async delete(id) {
            if (!(await deleteJwtTemplate(db, id)))
                throw errors.jwtTemplateNotFoundById(id);
            return { id };
        },
    };
}
//# sourceMappingURL=jwt-template-service.js.map