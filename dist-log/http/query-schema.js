import { errors } from '../lib/error-catalog.js';
/** The API version parameter is read by the version hook, never by routes. */
const ALWAYS_KNOWN = '__clerk_api_version';
const nonEmptyValues = (value) => (value === undefined ? [] : [value].flat()).filter((item) => item !== '');
function parseIntegerValue(raw, name, schema) {
    const min = schema.minimum ?? -Number.MAX_SAFE_INTEGER;
    const max = schema.maximum ?? Number.MAX_SAFE_INTEGER;
    if (!/^-?\d+$/.test(raw))
        throw errors.paramTypeInvalid(name, 'integer');
    const value = Number(raw);
    if (value < min || value > max)
        throw errors.paramValueInvalid(name, `${name} must be between ${min} and ${max}.`);
    return value;
}
function parseProperty(name, schema, raw) {
    const values = nonEmptyValues(raw);
    const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
    if (type === 'array') {
        if (schema.maxItems !== undefined && values.length > schema.maxItems)
            throw errors.paramArraySizeExceeded(name, schema.maxItems);
        return values.length ? values : undefined;
    }
    const value = values[0];
    if (value === undefined)
        return schema.default;
    switch (type) {
        case 'integer':
            return parseIntegerValue(value, name, schema);
        case 'boolean':
            if (value !== 'true' && value !== 'false')
                throw errors.paramTypeInvalid(name, 'boolean');
            return value === 'true';
        default:
            if (schema.enum && !schema.enum.includes(value))
                throw errors.paramValueNotAllowed(name, value, schema.enum);
            return value;
    }
}
/** Compiles a querystring schema into a Fastify validator that answers `{ value }` or `{ error }`. */
export function compileQueryParser(schema) {
    const properties = Object.entries(schema.properties ?? {});
    const known = new Set([ALWAYS_KNOWN, ...properties.map(([name]) => name)]);
    return (data) => {
        const query = (data ?? {});
        try {
            if (schema.additionalProperties === false) {
                for (const key of Object.keys(query))
                    if (!known.has(key))
                        throw errors.paramUnknown(key);
            }
            const value = {};
            for (const [name, property] of properties) {
                const parsed = parseProperty(name, property, query[name]);
                if (parsed !== undefined)
                    value[name] = parsed;
            }
            return { value };
        }
        catch (error) {
            return { error: error };
        }
    };
}
//# sourceMappingURL=query-schema.js.map