import { Type, type Static } from 'typebox';
import { LISTED_SESSION_STATUSES } from '../../../sessions/session-list-query.js';
import { Metadata, Nullable, pageParams, rosterExtension } from '../../schemas/common.js';

/** Wire schemas of the Sessions routes, as in Clerk's spec (bodies strict: unknown fields are refused). */

export const CreateSessionBody = Type.Object(
  {
    user_id: Type.String({ minLength: 1 }),
    active_organization_id: Type.Optional(Nullable(Type.String())),
  },
  { additionalProperties: false },
);
export type CreateSessionBody = Static<typeof CreateSessionBody>;

/** `POST /v1/sessions/{session_id}/tokens` and `…/tokens/{template_name}`. */
export const CreateSessionTokenBody = Type.Object(
  { expires_in_seconds: Type.Optional(Nullable(Type.Integer({ minimum: 30, maximum: 315_360_000 }))) },
  { additionalProperties: false },
);
export type CreateSessionTokenBody = Static<typeof CreateSessionTokenBody>;

/** `POST /v1/sessions/{session_id}/refresh`, as the spec lists it (`@clerk/backend` sends `request_headers` too). */
export const RefreshSessionBody = Type.Object(
  {
    expired_token: Type.String({ description: 'The `__session` token (a token Roster signed for this session, expired or not).' }),
    refresh_token: Type.String({ description: "Roster sets no `__refresh` cookie: this is the value of the browser's `__client` cookie." }),
    request_origin: Type.String({ description: "The origin of the app's page: the token's `azp`." }),
    request_headers: Type.Optional(Nullable(Type.Record(Type.String(), Type.Unknown()))),
    format: Type.Optional(Type.Unsafe<'token' | 'cookie' | null>({ type: ['string', 'null'], enum: ['token', 'cookie', null], default: 'token' })),
    request_originating_ip: Type.Optional(Nullable(Type.String())),
  },
  { additionalProperties: false },
);
export type RefreshSessionBody = Static<typeof RefreshSessionBody>;

/**
 * `suffixed_cookies=true` (with `format: cookie`) adds the suffixed cookie names the middleware reads: `@clerk/backend`
 * sends it, Clerk's spec does not list it.
 */
export const RefreshSessionQuery = Type.Object(
  { suffixed_cookies: Type.Optional(Type.Boolean({ description: 'Also set `__session_<suffix>`', ...rosterExtension })) },
  { additionalProperties: false },
);

/** `POST /v1/sessions/{session_id}/verify`. */
export const VerifySessionBody = Type.Object({ token: Type.String({ minLength: 1 }) }, { additionalProperties: false });
export type VerifySessionBody = Static<typeof VerifySessionBody>;

/** `GET /v1/sessions` (parsed by query-schema.ts; the order is the order problems are reported in). */
export const SessionListQuery = Type.Object(
  {
    user_id: Type.Optional(Type.String()),
    client_id: Type.Optional(Type.String()),
    status: Type.Optional(Type.Enum(LISTED_SESSION_STATUSES, { type: 'string' })),
    paginated: Type.Optional(Type.Boolean({ description: 'Answer `{ data, total_count }` instead of the bare array' })),
    ...pageParams,
  },
  { additionalProperties: false },
);
export type SessionListQuery = Static<typeof SessionListQuery>;

/** Clerk's `Session` object, as toSessionJSON writes it. */
export const Session = Type.Object(
  {
    object: Type.Literal('session'),
    id: Type.String(),
    user_id: Type.String(),
    client_id: Type.String(),
    actor: Nullable(Metadata),
    status: Type.Enum(['active', 'revoked', 'ended', 'expired', 'removed'], { type: 'string' }),
    last_active_organization_id: Nullable(Type.String()),
    last_active_at: Type.Integer(),
    // No client, so no device activity to report; no session tasks.
    latest_activity: Type.Null(),
    expire_at: Type.Integer(),
    abandon_at: Type.Integer(),
    updated_at: Type.Integer(),
    created_at: Type.Integer(),
    tasks: Type.Null(),
  },
  { additionalProperties: false },
);

/**
 * `GET /v1/sessions`: the spec shows the bare array; with `paginated=true` (what @clerk/backend sends) the answer
 * is `{ data, total_count }`, as Clerk's API answers. The choice is Roster's description, not the spec's.
 */
export const SessionList = Type.Union(
  [Type.Array(Session), Type.Object({ data: Type.Array(Session), total_count: Type.Integer() }, { additionalProperties: false })],
  rosterExtension,
);

/** `{ object: 'token', jwt }`: a minted session token or JWT template token. */
export const Token = Type.Object({ object: Type.Literal('token'), jwt: Type.String() }, { additionalProperties: false });

/** `{ object: 'cookies', cookies }`: Set-Cookie directives (a refresh with `format: cookie`). */
export const Cookies = Type.Object({ object: Type.Literal('cookies'), cookies: Type.Array(Type.String()) }, { additionalProperties: false });

/** `GET /v1/jwks`: the RSA public keys that verify session tokens. */
export const JWKS = Type.Object(
  {
    keys: Type.Array(
      Type.Object(
        { kid: Type.String(), alg: Type.String(), use: Type.String(), kty: Type.String(), n: Type.String(), e: Type.String() },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
