import { Type } from 'typebox';
import { Metadata, Nullable, pageParams, rosterExtension } from '../../schemas/common.js';
/** Wire schemas of the JWT template routes, as in Clerk's spec (bodies strict: unknown fields are refused). */
/** `POST /v1/jwt_templates` and `PATCH /v1/jwt_templates/{id}` take the same body; both require name and claims. */
export const JwtTemplateBody = Type.Object({
    name: Type.String({ minLength: 1 }),
    claims: Metadata,
    lifetime: Type.Optional(Nullable(Type.Integer({ minimum: 30, maximum: 315_360_000 }))),
    allowed_clock_skew: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 300 }))),
    custom_signing_key: Type.Optional(Type.Boolean()),
    signing_algorithm: Type.Optional(Nullable(Type.String())),
    signing_key: Type.Optional(Nullable(Type.String())),
}, { additionalProperties: false });
/** `GET /v1/jwt_templates` (parsed by query-schema.ts; the order is the order problems are reported in). */
export const JwtTemplateListQuery = Type.Object({
    paginated: Type.Optional(Type.Boolean({ description: 'Answer `{ data, total_count }` instead of the bare array' })),
    ...pageParams,
}, { additionalProperties: false });
/** Clerk's `JWTTemplate` object, as toJwtTemplateJSON writes it (never the signing key). */
export const JwtTemplate = Type.Object({
    object: Type.Literal('jwt_template'),
    id: Type.String(),
    name: Type.String(),
    claims: Metadata,
    lifetime: Type.Integer(),
    allowed_clock_skew: Type.Integer(),
    custom_signing_key: Type.Boolean(),
    signing_algorithm: Type.String(),
    created_at: Type.Integer(),
    updated_at: Type.Integer(),
}, { additionalProperties: false });
/**
 * `GET /v1/jwt_templates`: the spec shows the bare array; with `paginated=true` (what @clerk/backend sends) the
 * answer is `{ data, total_count }`, as Clerk's API answers. The choice is Roster's description, not the spec's.
 */
export const JwtTemplateList = Type.Union([Type.Array(JwtTemplate), Type.Object({ data: Type.Array(JwtTemplate), total_count: Type.Integer() }, { additionalProperties: false })], rosterExtension);
//# sourceMappingURL=schemas.js.map