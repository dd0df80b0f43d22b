import { Type, type Static } from 'typebox';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../../../domain/page-limits.js';
import { DeletedObject, Metadata, Nullable, pageParams, rosterExtension } from '../../schemas/common.js';

/** Wire schemas of instance invitations and the allowlist and blocklist, as in Clerk's spec. */

const paginated = Type.Optional(Type.Boolean({ description: 'Answer `{ data, total_count }` instead of the bare array' }));

/** `POST /v1/invitations` (and each item of `POST /v1/invitations/bulk`). */
export const CreateInstanceInvitationBody = Type.Object(
  {
    email_address: Type.String(),
    public_metadata: Type.Optional(Nullable(Metadata)),
    redirect_url: Type.Optional(Nullable(Type.String({ maxLength: 2048 }))),
    notify: Type.Optional(Nullable(Type.Boolean())),
    ignore_existing: Type.Optional(Nullable(Type.Boolean())),
    expires_in_days: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 365 }))),
    template_slug: Type.Optional(Type.Union([Type.Literal('invitation'), Type.Literal('waitlist_invitation')])),
  },
  { additionalProperties: false },
);
export type CreateInstanceInvitationBody = Static<typeof CreateInstanceInvitationBody>;

/** The bulk body is an array; the route checks each item against {@link CreateInstanceInvitationBody}. */
export const BulkInstanceInvitationsBody = Type.Array(Type.Record(Type.String(), Type.Unknown(), { description: 'An invitation, as the body of a single one' }));

/** `GET /v1/invitations`. */
export const InstanceInvitationListQuery = Type.Object(
  {
    status: Type.Optional(Type.String({ description: 'pending, accepted, revoked or expired' })),
    query: Type.Optional(Type.String({ maxLength: 320, description: 'The invitation id, or the start of the email address' })),
    order_by: Type.Optional(Type.String({ default: '-created_at', description: '`[+|-]field`, one of `created_at`, `email_address`, `expires_at`' })),
    paginated,
    ...pageParams,
  },
  { additionalProperties: false },
);
export type InstanceInvitationListQuery = Static<typeof InstanceInvitationListQuery>;

export const Invitation = Type.Object(
  {
    object: Type.Literal('invitation'),
    id: Type.String(),
    email_address: Type.String(),
    public_metadata: Metadata,
    revoked: Type.Boolean(),
    status: Type.Union([Type.Literal('pending'), Type.Literal('accepted'), Type.Literal('revoked'), Type.Literal('expired')]),
    url: Type.Optional(Type.String({ description: 'The sign-up link with the invitation ticket (`__clerk_ticket`), while pending' })),
    expires_at: Nullable(Type.Integer()),
    created_at: Type.Integer(),
    updated_at: Type.Integer(),
  },
  { additionalProperties: false },
);

/** The spec's bare array, or `{ data, total_count }` with `paginated=true` (@clerk/backend). */
export const InvitationList = Type.Union(
  [Type.Array(Invitation), Type.Object({ data: Type.Array(Invitation), total_count: Type.Integer() }, { additionalProperties: false })],
  rosterExtension,
);

/** `POST /v1/allowlist_identifiers`. */
export const CreateAllowlistIdentifierBody = Type.Object(
  {
    identifier: Type.String(),
    notify: Type.Optional(Type.Boolean({ default: false, description: 'Invite an email address (an invitation email)' })),
  },
  { additionalProperties: false },
);
export type CreateAllowlistIdentifierBody = Static<typeof CreateAllowlistIdentifierBody>;

/** `POST /v1/blocklist_identifiers`. */
export const CreateBlocklistIdentifierBody = Type.Object({ identifier: Type.String() }, { additionalProperties: false });

export const ListPageQuery = Type.Object({ paginated, ...pageParams }, { additionalProperties: false });
export type ListPageQuery = Static<typeof ListPageQuery>;

/** Clerk's spec gives the blocklist no parameters; @clerk/backend passes `limit` and `offset` through, so they are taken. */
export const BlocklistPageQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT, ...rosterExtension })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0, ...rosterExtension })),
  },
  { additionalProperties: false },
);

const identifierType = Type.Union([Type.Literal('email_address'), Type.Literal('phone_number'), Type.Literal('web3_wallet')]);

export const AllowlistIdentifier = Type.Object(
  {
    object: Type.Literal('allowlist_identifier'),
    id: Type.String(),
    invitation_id: Type.Optional(Type.String()),
    identifier: Type.String(),
    identifier_type: identifierType,
    instance_id: Type.Optional(Type.String()),
    created_at: Type.Integer(),
    updated_at: Type.Integer(),
  },
  { additionalProperties: false },
);

export const AllowlistIdentifierList = Type.Union(
  [Type.Array(AllowlistIdentifier), Type.Object({ data: Type.Array(AllowlistIdentifier), total_count: Type.Integer() }, { additionalProperties: false })],
  rosterExtension,
);

export const BlocklistIdentifier = Type.Object(
  {
    object: Type.Literal('blocklist_identifier'),
    id: Type.String(),
    identifier: Type.String(),
    identifier_type: identifierType,
    instance_id: Type.Optional(Type.String()),
    created_at: Type.Integer(),
    updated_at: Type.Integer(),
  },
  { additionalProperties: false },
);

/** The spec's `{ data, total_count }` (the SDK sends no `paginated` here). */
export const BlocklistIdentifierList = Type.Object({ data: Type.Array(BlocklistIdentifier), total_count: Type.Integer() }, { additionalProperties: false });

export { DeletedObject };
