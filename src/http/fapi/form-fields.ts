import { errors } from '../../lib/error-catalog.js';
import { assertMetadataSize, type Metadata } from '../../domain/metadata.js';
import { findJsonBodyProblem } from '../json-body.js';

/** Reads typed fields from a form body (all values arrive as text), with Clerk's errors for wrong ones. */
export function formFields(body: unknown) {
  const fields = (body ?? {}) as Record<string, unknown>;
  const one = (name: string): string | undefined => {
    const value = fields[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw errors.paramTypeInvalid(name, 'string');
    return value;
  };
  return {
    string: one,
    /** clerk-js writes booleans as `true`/`false`. */
    boolean(name: string): boolean | undefined {
      const value = one(name);
      if (value === undefined || value === '') return undefined;
      if (value === 'true') return true;
      if (value === 'false') return false;
      throw errors.paramTypeInvalid(name, 'boolean');
    },
    /** JSON objects (metadata) arrive as JSON text. */
    object(name: string): Metadata | undefined {
      const value = one(name);
      if (value === undefined || value === '') return undefined;
      let parsed: unknown;
      try {
        parsed = JSON.parse(value);
      } catch {
        throw errors.paramTypeInvalid(name, 'object');
      }
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw errors.paramTypeInvalid(name, 'object');
      // The Backend API's rules for JSON bodies and metadata: bounded depth, no NUL, at most 8 KiB.
      const problem = findJsonBodyProblem(parsed);
      if (problem === 'nul') throw errors.paramValueInvalid(name, `${name} must not contain NUL characters.`);
      if (problem) throw errors.paramValueInvalid(name, `${name} is nested too deeply.`);
      assertMetadataSize(parsed as Metadata, name);
      return parsed as Metadata;
    },
  };
}
