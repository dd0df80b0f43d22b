import { Type, type Static } from 'typebox';
import { Nullable, pageParams, rosterExtension } from '../../schemas/common.js';
import { Session } from '../sessions/schemas.js';

/** Wire schemas of the Clients routes, as in Clerk's spec (bodies strict: unknown fields are refused). */

/** `GET /v1/clients`. */
export const ClientListQuery = Type.Object(
  {
    paginated: Type.Optional(Type.Boolean({ description: 'Answer `{ data, total_count }` instead of the bare array' })),
    ...pageParams,
  },
  { additionalProperties: false },
);
export type ClientListQuery = Static<typeof ClientListQuery>;

/** `POST /v1/clients/verify`. */
export const VerifyClientBody = Type.Object(
  { token: Type.String({ minLength: 1, description: "The value of the browser's `__client` cookie." }) },
  { additionalProperties: false },
);
export type VerifyClientBody = Static<typeof VerifyClientBody>;

/** `GET /v1/clients/handshake_payload`. */
export const HandshakePayloadQuery = Type.Object(
  { nonce: Type.Optional(Type.String({ description: 'The `__clerk_handshake_nonce` the Frontend API handed the browser.' })) },
  { additionalProperties: false },
);
export type HandshakePayloadQuery = Static<typeof HandshakePayloadQuery>;

/** Clerk's Backend API `Client` (not the Frontend API's: sessions are Backend API sessions, no attempts inline). */
export const Client = Type.Object(
  {
    object: Type.Literal('client'),
    id: Type.String(),
    session_ids: Type.Array(Type.String()),
    sessions: Type.Array(Session),
    sign_in_id: Nullable(Type.String()),
    sign_up_id: Nullable(Type.String()),
    last_active_session_id: Nullable(Type.String()),
    last_authentication_strategy: Nullable(Type.String()),
    updated_at: Type.Integer(),
    created_at: Type.Integer(),
  },
  { additionalProperties: false },
);

/** `GET /v1/clients`: the bare array of the spec, or `{ data, total_count }` with `paginated=true` (@clerk/backend). */
export const ClientList = Type.Union(
  [Type.Array(Client), Type.Object({ data: Type.Array(Client), total_count: Type.Integer() }, { additionalProperties: false })],
  rosterExtension,
);

/** `{ directives }`: the Set-Cookie strings the middleware sets on the app's site after a handshake. */
export const HandshakePayload = Type.Object({ directives: Type.Array(Type.String()) }, { additionalProperties: false });
