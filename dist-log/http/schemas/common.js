import { Type } from 'typebox';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../../domain/page-limits.js';
/**
 * Building blocks for wire schemas. A schema here is three things at once: the validator of a request part
 * (bodies strictly, by Ajv: see validation.ts; query strings by Clerk's rules: see query-schema.ts), the static
 * type of `request.body`/`query`/`params` (TypeBox type provider) and its entry in Roster's OpenAPI document.
 */
/**
 * `T` or `null`, written as a JSON Schema type list (`{ type: ['string', 'null'] }`) rather than `anyOf`, so a
 * wrong type is reported the way Clerk reports it (`form_param_type_invalid` naming the first type).
 */
export function Nullable(schema) {
    const { type, ...rest } = schema;
    return Type.Unsafe({ ...rest, type: [type, 'null'] });
}
/** A free-form JSON object (metadata). */
export const Metadata = Type.Record(Type.String(), Type.Unknown());
/**
 * Marks a parameter or property that Clerk's spec does not have (a Roster addition, or something accepted and
 * ignored for compatibility), so the OpenAPI comparison with Clerk's spec knows it is deliberate.
 */
export const rosterExtension = { 'x-roster-extension': true };
/** Path parameters: each named id is a non-empty string. */
export function IdParams(...names) {
    return Type.Object(Object.fromEntries(names.map((name) => [name, Type.String()])));
}
/** `{ object, id, deleted: true }`, Clerk's answer to a delete. */
export const DeletedObject = Type.Object({ object: Type.String(), id: Type.String(), slug: Type.Optional(Type.String()), deleted: Type.Boolean() });
/** `{ object: 'total_count', total_count }`. */
export const TotalCount = Type.Object({ object: Type.Literal('total_count'), total_count: Type.Integer() });
/** `{ data: T[], total_count }`, Clerk's paginated list. */
export const Paginated = (item) => Type.Object({ data: Type.Array(item), total_count: Type.Integer() });
/** `limit` (1–500, default 10) and `offset` (≥ 0, default 0), as every paginated list takes them. */
export const pageParams = {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
};
//# sourceMappingURL=common.js.map