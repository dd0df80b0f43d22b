import { Ajv } from 'ajv';
import { errors } from '../lib/error-catalog.js';
import { compileQueryParser } from './query-schema.js';
/**
 * Request bodies are checked strictly: no type coercion, no silently dropped properties, first error
 * wins (Clerk answers with the first problem it finds).
 */
const ajv = new Ajv({ coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: false, strict: false, verbose: true });
/**
 * JSON numbers such as `1e308` are integers to JSON Schema but fit no database column (and lose precision
 * past 2^53): every integer or number a schema accepts without its own bounds is held to the safe-integer
 * range, so an out-of-range value is a 422 on both databases instead of a 500 or a silently stored value.
 */
export function withSafeNumberBounds(schema) {
    if (Array.isArray(schema))
        return schema.map(withSafeNumberBounds);
    if (!schema || typeof schema !== 'object')
        return schema;
    const bounded = {};
    for (const [key, value] of Object.entries(schema))
        bounded[key] = withSafeNumberBounds(value);
    const types = [].concat(bounded.type ?? []);
    if (types.includes('integer') || types.includes('number')) {
        bounded.maximum ??= Number.MAX_SAFE_INTEGER;
        bounded.minimum ??= -Number.MAX_SAFE_INTEGER;
    }
    return bounded;
}
export function compileBodyValidator(schema) {
    return ajv.compile(withSafeNumberBounds(schema));
}
/**
 * Fastify's validator compiler: bodies and path parameters by Ajv (strict, as above), query strings by
 * Clerk's query rules (query-schema.ts).
 */
export function compileRouteValidator({ schema, httpPart }) {
    if (httpPart === 'querystring')
        return compileQueryParser(schema);
    // Compiled on first use: compiling every route's schemas up front would add hundreds of ms to start-up.
    let compiled;
    const validate = (data) => {
        compiled ??= compileBodyValidator(schema);
        const valid = compiled(data);
        validate.errors = compiled.errors;
        return valid;
    };
    validate.errors = null;
    return validate;
}
function paramNameOf(error) {
    const segments = error.instancePath.split('/').filter(Boolean);
    // `/email_address/0` is about `email_address`; metadata keys stay inside their field.
    return segments[0] ?? '';
}
const TYPE_NAMES = { integer: 'integer', number: 'number', string: 'string', boolean: 'boolean', object: 'object', array: 'array' };
/** Turns the first Ajv error into the matching catalogue error. */
export function validationErrorToClerk(validation, context) {
    const error = validation[0];
    if (!error)
        return errors.requestBodyInvalid();
    if (context && context !== 'body')
        return errors.malformedRequestParameters();
    const name = paramNameOf(error);
    const params = error.params;
    switch (error.keyword) {
        case 'additionalProperties':
            return errors.paramUnknown(name ? `${name}.${String(params.additionalProperty)}` : String(params.additionalProperty));
        case 'required':
            return errors.paramMissing(name ? `${name}.${String(params.missingProperty)}` : String(params.missingProperty));
        case 'type': {
            if (!name)
                return errors.requestBodyInvalid('The body must be a JSON object.');
            const expected = String(params.type).split(',')[0] ?? 'value';
            return errors.paramTypeInvalid(name, TYPE_NAMES[expected] ?? expected);
        }
        case 'enum':
            return errors.paramValueNotAllowed(name, String(error.data ?? ''), params.allowedValues ?? []);
        case 'maxItems':
            return errors.paramArraySizeExceeded(name, Number(params.limit));
        case 'maxLength':
            return errors.paramMaxLengthExceeded(name, Number(params.limit));
        case 'minItems':
            return errors.paramValueInvalid(name, `at least ${Number(params.limit)} item(s) must be provided for \`${name}\``);
        default:
            return errors.paramValueInvalid(name);
    }
}
//# sourceMappingURL=validation.js.map