import { Type, type Static } from 'typebox';
import { IdParams, Nullable, rosterExtension } from '../../schemas/common.js';

/** Wire schemas of Roster's webhook endpoint routes (an extension of the Backend API; bodies strict). */

export const EndpointParams = IdParams('endpoint_id');

/** A delivery's status; `{ type, enum }` (not a union of literals) so the query parser holds a filter to the list. */
const DeliveryStatus = Type.Unsafe<'pending' | 'succeeded' | 'failed'>({ type: 'string', enum: ['pending', 'succeeded', 'failed'] });

const EventTypes = Nullable(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 100 }));

export const CreateEndpointBody = Type.Object(
  {
    url: Type.String({ minLength: 1, maxLength: 2048 }),
    description: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
    events: Type.Optional(EventTypes),
  },
  { additionalProperties: false },
);
export type CreateEndpointBody = Static<typeof CreateEndpointBody>;

export const UpdateEndpointBody = Type.Partial(
  Type.Object({
    url: Type.String({ minLength: 1, maxLength: 2048 }),
    description: Nullable(Type.String({ maxLength: 1000 })),
    events: EventTypes,
    disabled: Type.Boolean(),
  }),
  { additionalProperties: false },
);
export type UpdateEndpointBody = Static<typeof UpdateEndpointBody>;

export const WebhookEndpoint = Type.Object(
  {
    object: Type.Literal('webhook_endpoint'),
    id: Type.String(),
    url: Type.String(),
    description: Nullable(Type.String()),
    events: Nullable(Type.Array(Type.String())),
    disabled: Type.Boolean(),
    disabled_reason: Nullable(Type.String()),
    failing_since: Nullable(Type.Integer()),
    created_at: Type.Integer(),
    updated_at: Type.Integer(),
  },
  { additionalProperties: false, ...rosterExtension },
);

/** At creation and rotation only: the endpoint with its signing secret. */
export const WebhookEndpointWithSecret = Type.Object({ ...WebhookEndpoint.properties, secret: Type.String() }, { additionalProperties: false, ...rosterExtension });

export const WebhookEndpointList = Type.Object({ data: Type.Array(WebhookEndpoint), total_count: Type.Integer() }, { additionalProperties: false, ...rosterExtension });

export const DeliveryListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    starting_after: Type.Optional(Type.String({ maxLength: 100 })),
    status: Type.Optional(DeliveryStatus),
  },
  { additionalProperties: false },
);
export type DeliveryListQuery = Static<typeof DeliveryListQuery>;

const Attempt = Type.Object(
  {
    id: Type.String(),
    status_code: Nullable(Type.Integer()),
    latency_ms: Type.Integer(),
    response_excerpt: Nullable(Type.String()),
    error: Nullable(Type.String()),
    created_at: Type.Integer(),
  },
  { additionalProperties: false },
);

export const WebhookDelivery = Type.Object(
  {
    object: Type.Literal('webhook_delivery'),
    id: Type.String(),
    event_id: Type.String(),
    event_type: Type.String(),
    status: Type.Union([Type.Literal('pending'), Type.Literal('succeeded'), Type.Literal('failed')]),
    attempts: Type.Integer(),
    next_attempt_at: Nullable(Type.Integer()),
    last_attempt_at: Nullable(Type.Integer()),
    last_status_code: Nullable(Type.Integer()),
    attempt_log: Type.Array(Attempt),
    created_at: Type.Integer(),
    updated_at: Type.Integer(),
  },
  { additionalProperties: false, ...rosterExtension },
);

export const WebhookDeliveryList = Type.Object({ data: Type.Array(WebhookDelivery), has_more: Type.Boolean() }, { additionalProperties: false, ...rosterExtension });

export const ReplayBody = Type.Object(
  {
    delivery_id: Type.Optional(Type.String({ maxLength: 100 })),
    since: Type.Optional(Type.Integer({ minimum: 0 })),
    until: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export type ReplayBody = Static<typeof ReplayBody>;

export const ReplayResult = Type.Object({ object: Type.Literal('webhook_replay'), replayed: Type.Integer() }, { additionalProperties: false, ...rosterExtension });
