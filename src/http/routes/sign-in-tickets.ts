// POST /v1/sign_in_tokens — a single-use ticket that signs the user in through the Frontend API (`__clerk_ticket`).
// POST /v1/sign_in_tokens/{sign_in_token_id}/revoke — pending → revoked.
// POST /v1/actor_tokens — a single-use ticket that signs someone in *as* the user (impersonation, `act`).
// POST /v1/actor_tokens/{actor_token_id}/revoke — pending → revoked.
import { Type, type Static } from 'typebox';
import type { SignInTicketRecord } from '../../clients/sign-in-tokens.js';
import type { RosterApp } from '../roster-app.js';
import type { RouteContext } from '../route-context.js';
import { IdParams, Metadata, Nullable } from '../schemas/common.js';

/** Ten years: longer-lived tickets are almost certainly a unit mistake. */
const MAX_EXPIRES_IN_SECONDS = 315_360_000;

const CreateSignInTokenBody = Type.Object(
  {
    user_id: Type.String({ minLength: 1 }),
    org_id: Type.Optional(Nullable(Type.String({ description: 'An organization of the user, activated on the session it signs in.' }))),
    expires_in_seconds: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: MAX_EXPIRES_IN_SECONDS, default: 2_592_000 }))),
  },
  { additionalProperties: false },
);
type CreateSignInTokenBody = Static<typeof CreateSignInTokenBody>;

const CreateActorTokenBody = Type.Object(
  {
    user_id: Type.String({ minLength: 1 }),
    actor: Type.Object({ sub: Type.String({ minLength: 1 }) }, { additionalProperties: true }),
    expires_in_seconds: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_EXPIRES_IN_SECONDS, default: 3600 })),
    session_max_duration_in_seconds: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_EXPIRES_IN_SECONDS, default: 1800 })),
  },
  { additionalProperties: false },
);
type CreateActorTokenBody = Static<typeof CreateActorTokenBody>;

const ticketStatus = Type.Enum(['pending', 'accepted', 'revoked'], { type: 'string' });

const SignInToken = Type.Object(
  {
    object: Type.Literal('sign_in_token'),
    id: Type.String(),
    status: ticketStatus,
    user_id: Type.String(),
    token: Type.Optional(Type.String({ description: 'Only in the answer that created it: Roster keeps its digest only.' })),
    url: Type.Optional(Nullable(Type.String({ description: 'The sign-in URL (`ROSTER_SIGN_IN_URL`) with `__clerk_ticket`.' }))),
    created_at: Type.Integer(),
    updated_at: Type.Integer(),
  },
  { additionalProperties: false },
);

const ActorToken = Type.Object(
  {
    object: Type.Literal('actor_token'),
    id: Type.String(),
    status: ticketStatus,
    user_id: Type.String(),
    actor: Metadata,
    token: Type.Optional(Type.String({ description: 'Only in the answer that created it: Roster keeps its digest only.' })),
    url: Type.Optional(Type.String({ description: 'The sign-in URL (`ROSTER_SIGN_IN_URL`) with `__clerk_ticket`.' })),
    created_at: Type.Integer(),
    updated_at: Type.Integer(),
  },
  { additionalProperties: false },
);

/** The secret parts (`token`, `url`) appear only when the record carries them: in the answer to the create. */
const secretParts = (record: SignInTicketRecord) => (record.token === null ? {} : { token: record.token, url: record.url ?? '' });

const toSignInTokenJSON = (record: SignInTicketRecord) => ({
  object: 'sign_in_token' as const,
  id: record.id,
  status: record.status,
  user_id: record.userId,
  ...secretParts(record),
  created_at: record.createdAtMs,
  updated_at: record.updatedAtMs,
});

const toActorTokenJSON = (record: SignInTicketRecord) => ({
  object: 'actor_token' as const,
  id: record.id,
  status: record.status,
  user_id: record.userId,
  actor: record.actor ?? {},
  ...secretParts(record),
  created_at: record.createdAtMs,
  updated_at: record.updatedAtMs,
});

export function registerSignInTicketRoutes(app: RosterApp, ctx: RouteContext): void {
  const { signInTickets } = ctx;

  app.post('/v1/sign_in_tokens', { schema: { body: CreateSignInTokenBody, response: { 200: SignInToken } } }, async (request) => {
    const body: CreateSignInTokenBody = request.body;
    return toSignInTokenJSON(await signInTickets.createSignInToken({ userId: body.user_id, expiresInSeconds: body.expires_in_seconds, organizationId: body.org_id }));
  });

  app.post(
    '/v1/sign_in_tokens/:sign_in_token_id/revoke',
    { schema: { params: IdParams('sign_in_token_id'), response: { 200: SignInToken } } },
    async (request) => toSignInTokenJSON(await signInTickets.revokeSignInToken(request.params.sign_in_token_id)),
  );

  app.post('/v1/actor_tokens', { schema: { body: CreateActorTokenBody, response: { 200: ActorToken } } }, async (request) => {
    const body: CreateActorTokenBody = request.body;
    return toActorTokenJSON(
      await signInTickets.createActorToken({
        userId: body.user_id,
        actor: body.actor,
        expiresInSeconds: body.expires_in_seconds,
        sessionMaxDurationInSeconds: body.session_max_duration_in_seconds,
      }),
    );
  });

  app.post(
    '/v1/actor_tokens/:actor_token_id/revoke',
    { schema: { params: IdParams('actor_token_id'), response: { 200: ActorToken } } },
    async (request) => toActorTokenJSON(await signInTickets.revokeActorToken(request.params.actor_token_id)),
  );
}
