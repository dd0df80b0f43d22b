import secureJson from 'secure-json-parse';
import { errors } from '../lib/error-catalog.js';
/** Deepest nesting a request body may have: metadata documents need a handful of levels, not thousands. */
export const MAX_JSON_DEPTH = 64;
/**
 * What is wrong with a parsed JSON value, walked without recursion (a body nested thousands deep must not
 * overflow the stack here or in anything that walks it later): a string or key holding U+0000, which
 * PostgreSQL cannot store or compare, or nesting deeper than `maxDepth`.
 */
export function findJsonBodyProblem(value, maxDepth = MAX_JSON_DEPTH) {
    const pending = [[value, 0]];
    while (pending.length > 0) {
        const [current, depth] = pending.pop();
        if (typeof current === 'string') {
            if (current.includes('\u0000'))
                return 'nul';
        }
        else if (current !== null && typeof current === 'object') {
            if (depth >= maxDepth)
                return 'too_deep';
            for (const [key, inner] of Object.entries(current)) {
                if (key.includes('\u0000'))
                    return 'nul';
                pending.push([inner, depth + 1]);
            }
        }
    }
    return null;
}
const utf8 = new TextDecoder('utf-8', { fatal: true });
/**
 * Fastify content-type parser for `application/json`: strict UTF-8 (a `charset` other than UTF-8 and
 * invalid byte sequences are refused, never decoded into U+FFFD), an empty body as `{}` (the SDK sends
 * bodiless POSTs with a JSON content type), no `__proto__`/`constructor.prototype` keys (bodies flow into
 * deep merges), no NUL, no nesting past {@link MAX_JSON_DEPTH}.
 */
export function parseJsonBody(request, body, done) {
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(request.headers['content-type'] ?? '')?.[1]?.toLowerCase();
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
        return done(errors.requestBodyInvalid(`Send JSON bodies as UTF-8, not ${charset}.`), undefined);
    }
    let text;
    try {
        text = typeof body === 'string' ? body : utf8.decode(body);
    }
    catch {
        return done(errors.requestBodyInvalid('The body is not valid UTF-8.'), undefined);
    }
    if (text.trim() === '')
        return done(null, {});
    let parsed;
    try {
        parsed = secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
    }
    catch {
        return done(errors.requestBodyInvalid('The body is not valid JSON (or uses a reserved key such as __proto__).'), undefined);
    }
    const problem = findJsonBodyProblem(parsed);
    if (problem === 'nul')
        return done(errors.requestBodyInvalid('Strings must not contain NUL (\\u0000) characters.'), undefined);
    if (problem === 'too_deep')
        return done(errors.requestBodyInvalid(`JSON may nest at most ${MAX_JSON_DEPTH} levels deep.`), undefined);
    done(null, parsed);
}
//# sourceMappingURL=json-body.js.map