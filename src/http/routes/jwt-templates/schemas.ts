/** Wire schemas of the JWT template request bodies, as in Clerk's spec (strict: unknown fields are refused). */
const templateBodyProperties = {
  name: { type: 'string', minLength: 1 },
  claims: { type: 'object' },
  lifetime: { type: ['integer', 'null'], minimum: 30, maximum: 315_360_000 },
  allowed_clock_skew: { type: ['integer', 'null'], minimum: 0, maximum: 300 },
  custom_signing_key: { type: 'boolean' },
  signing_algorithm: { type: ['string', 'null'] },
  signing_key: { type: ['string', 'null'] },
} as const;

/** `POST /v1/jwt_templates` and `PATCH /v1/jwt_templates/{id}` take the same body; both require name and claims. */
export const jwtTemplateBody = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'claims'],
  properties: templateBodyProperties,
} as const;

export interface JwtTemplateBody {
  name: string;
  claims: Record<string, unknown>;
  lifetime?: number | null;
  allowed_clock_skew?: number | null;
  custom_signing_key?: boolean;
  signing_algorithm?: string | null;
  signing_key?: string | null;
}
