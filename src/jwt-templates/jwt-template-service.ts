import { DEFAULT_LIMIT } from '../domain/page-limits.js';
import type { Clock } from '../lib/clock.js';
import { errors } from '../lib/error-catalog.js';
import { newId } from '../lib/ids.js';
import type { SecretBox } from '../lib/secret-box.js';
import { uniqueViolationTarget } from '../storage/constraint-violations.js';
import type { RosterDatabase } from '../storage/database.js';
import {
  countJwtTemplates,
  deleteJwtTemplate,
  findJwtTemplateById,
  insertJwtTemplate,
  listJwtTemplates,
  updateJwtTemplate,
} from '../storage/repositories/jwt-templates-repository.js';
import type { JwtTemplateRow, JwtTemplateUpdate } from '../storage/tables/jwt-template-tables.js';
import {
  checkClaims,
  decideSigning,
  DEFAULT_ALLOWED_CLOCK_SKEW_SECONDS,
  DEFAULT_LIFETIME_SECONDS,
  parseTemplateName,
  type SigningInput,
} from './template-rules.js';

export interface JwtTemplateServiceDeps {
  database: RosterDatabase;
  clock: Clock;
  /** Seals custom signing keys at rest under the instance key. */
  secretBox: SecretBox;
}

/** What create and update receive (the wire's fields, typed). */
export interface JwtTemplateInput extends SigningInput {
  name: string;
  claims: Record<string, unknown>;
  lifetime?: number | null | undefined;
  allowedClockSkew?: number | null | undefined;
}

/** A template as the JSON shows it: never the signing key. */
export interface JwtTemplateRecord {
  id: string;
  name: string;
  claims: Record<string, unknown>;
  lifetime: number;
  allowedClockSkew: number;
  customSigningKey: boolean;
  signingAlgorithm: string;
  createdAt: number;
  updatedAt: number;
}

/** `GET /v1/jwt_templates`, as the route maps it from the query string. */
export interface JwtTemplateListInput {
  limit?: number | undefined;
  offset?: number | undefined;
  /** Count every template too (for `{ data, total_count }`). */
  withTotalCount?: boolean | undefined;
}

export interface JwtTemplateList {
  templates: JwtTemplateRecord[];
  /** Every template; 0 unless the input asked for it. */
  totalCount: number;
}


export function toJwtTemplateRecord(row: JwtTemplateRow): JwtTemplateRecord {
  return {
    id: row.id,
    name: row.name,
    claims: JSON.parse(row.claims) as Record<string, unknown>,
    lifetime: row.lifetime,
    allowedClockSkew: row.allowed_clock_skew,
    customSigningKey: row.custom_signing_key === 1,
    signingAlgorithm: row.signing_algorithm,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** JWT templates: create, read, list, update and delete. Custom signing keys are stored sealed and never read back out. */
export function createJwtTemplateService(deps: JwtTemplateServiceDeps) {
  const { database, clock, secretBox } = deps;
  const { db } = database;

  async function requireTemplate(id: string): Promise<JwtTemplateRow> {
    const row = await findJwtTemplateById(db, id);
    if (!row) throw errors.jwtTemplateNotFoundById(id);
    return row;
  }

  /** Turns the database's unique refusal of a second template with the same name into Clerk's answer. */
  async function withNameCheck<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (uniqueViolationTarget(error) === 'jwt_template_name') throw errors.identifierExists('name');
      throw error;
    }
  }

  return {
    /** `POST /v1/jwt_templates`. */
    async create(input: JwtTemplateInput): Promise<JwtTemplateRecord> {
      const name = parseTemplateName(input.name);
      checkClaims(input.claims);
      const signing = decideSigning(input, null);
      const nowMs = clock.nowMs();
      const row: JwtTemplateRow = {
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
    async get(id: string): Promise<JwtTemplateRecord> {
      return toJwtTemplateRecord(await requireTemplate(id));
    },

    /** `GET /v1/jwt_templates`: oldest first, a page of `limit` from `offset`, with the total when asked. */
    async list(input: JwtTemplateListInput): Promise<JwtTemplateList> {
      const page = { limit: input.limit ?? DEFAULT_LIMIT, offset: input.offset ?? 0 };
      const [rows, totalCount] = await Promise.all([listJwtTemplates(db, page), input.withTotalCount ? countJwtTemplates(db) : Promise.resolve(0)]);
      return { templates: rows.map(toJwtTemplateRecord), totalCount };
    },

    /**
     * `PATCH /v1/jwt_templates/{template_id}`: name and claims are replaced (the spec requires both);
     * lifetime and clock skew keep their values when left out; the signing settings follow
     * {@link decideSigning}. Turning the custom key off deletes the stored key.
     */
    async update(id: string, input: JwtTemplateInput): Promise<JwtTemplateRecord> {
      const name = parseTemplateName(input.name);
      checkClaims(input.claims);
      const current = await requireTemplate(id);
      const signing = decideSigning(input, { custom: current.custom_signing_key === 1, algorithm: current.signing_algorithm });
      const update: JwtTemplateUpdate = {
        name,
        claims: JSON.stringify(input.claims),
        custom_signing_key: signing.custom ? 1 : 0,
        signing_algorithm: signing.algorithm,
        updated_at: Math.max(clock.nowMs(), current.updated_at),
      };
      if (input.lifetime != null) update.lifetime = input.lifetime;
      if (input.allowedClockSkew != null) update.allowed_clock_skew = input.allowedClockSkew;
      if (!signing.custom) update.signing_key = null;
      else if (signing.signingKey) update.signing_key = secretBox.seal(signing.signingKey);
      const updated = await withNameCheck(() => updateJwtTemplate(db, id, update));
      if (!updated) throw errors.jwtTemplateNotFoundById(id);
      return toJwtTemplateRecord(updated);
    },

    /** `DELETE /v1/jwt_templates/{template_id}`. */
    async delete(id: string): Promise<{ id: string }> {
      if (!(await deleteJwtTemplate(db, id))) throw errors.jwtTemplateNotFoundById(id);
      return { id };
    },
  };
}

export type JwtTemplateService = ReturnType<typeof createJwtTemplateService>;
