/** Wire schemas of the Sessions request bodies, as in Clerk's spec (strict: unknown fields are refused). */
export const createSessionBody = {
  type: 'object',
  additionalProperties: false,
  required: ['user_id'],
  properties: {
    user_id: { type: 'string', minLength: 1 },
    active_organization_id: { type: ['string', 'null'] },
  },
} as const;

export const createSessionTokenBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    expires_in_seconds: { type: ['integer', 'null'], minimum: 30, maximum: 315_360_000 },
  },
} as const;
