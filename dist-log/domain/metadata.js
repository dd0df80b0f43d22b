import { errors } from '../lib/error-catalog.js';
/** 8 KiB per metadata field, as Clerk documents. */
export const MAX_METADATA_BYTES = 8192;
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * Deep merge as Clerk's `PATCH …/metadata` does: objects merge at every depth, a `null` in the patch
 * deletes that key, anything else (arrays included) replaces. Returns a new object; inputs are untouched.
 */
export function deepMergeMetadata(target, patch) {
    const result = { ...target };
    for (const [key, value] of Object.entries(patch)) {
        if (value === null) {
            delete result[key];
        }
        else if (isPlainObject(value) && isPlainObject(result[key])) {
            result[key] = deepMergeMetadata(result[key], value);
        }
        else if (isPlainObject(value)) {
            result[key] = deepMergeMetadata({}, value);
        }
        else {
            result[key] = value;
        }
    }
    return result;
}
export function parseStoredMetadata(text) {
    const value = JSON.parse(text);
    return isPlainObject(value) ? value : {};
}
/** Throws when one metadata field serialises to more than 8 KiB. */
export function assertMetadataSize(value, paramName) {
    if (Buffer.byteLength(JSON.stringify(value), 'utf8') > MAX_METADATA_BYTES) {
        throw errors.paramExceedsAllowedSize(paramName, MAX_METADATA_BYTES);
    }
}
/**
 * The read-merge-write step of a metadata change: for each `[inputKey, column]` in `fields`, in order,
 * combines the supplied value with the stored JSON, checks the 8 KiB limit and returns the column's new
 * text. Fields the input leaves undefined are not in the result. The caller holds the row lock.
 */
export function combineMetadataFields(stored, input, combine, fields) {
    const update = {};
    for (const [key, column] of fields) {
        const given = input[key];
        if (given === undefined)
            continue;
        const next = combine(parseStoredMetadata(stored[column]), given);
        assertMetadataSize(next, column);
        update[column] = JSON.stringify(next);
    }
    return update;
}
//# sourceMappingURL=metadata.js.map