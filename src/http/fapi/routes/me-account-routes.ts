// PATCH /v1/me — names, username and primary identifications of the signed-in user.
// DELETE /v1/me — the user deletes their own account (when `delete_self_enabled`); their sessions end.
// PATCH /v1/me/metadata — deep-merges `unsafe_metadata` (null removes a key), as the Backend API's metadata PATCH.
// POST /v1/me/change_password, POST /v1/me/remove_password — the user's password, under the instance's policy.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { frontendEnvironment } from '../../../frontend/environment.js';
import { errors } from '../../../lib/error-catalog.js';
import type { UpdateUserInput } from '../../../users/user-service.js';
import { envelope, type FapiContext } from '../fapi-context.js';
import { formFields } from '../form-fields.js';
import { meUserEnvelope, requireMeSession } from '../me-session.js';
import { FAPI_ROUTE } from '../route-options.js';

/** The Backend API's limit on names. */
const NAME_MAX_LENGTH = 256;

/** What `PATCH /v1/me` accepts (the FAPI spec's list); metadata has its own endpoint since 2026-05-12. */
const UPDATABLE = new Set(['first_name', 'last_name', 'username', 'primary_email_address_id', 'primary_phone_number_id', 'primary_web3_wallet_id']);

/**
 * Clients before API version 2026-05-12 (clerk-js 5) send `unsafe_metadata` with `PATCH /v1/me`, replacing it; from
 * 2026-05-12 on it is refused there (`PATCH /v1/me/metadata` merges it). The FAPI's version is the
 * `__clerk_api_version` query parameter (ISO dates compare as strings; clerk-js 6.40 sends 2026-08-20).
 */
function acceptsMetadataInUpdate(request: FastifyRequest): boolean {
  const version = (request.query as Record<string, unknown> | undefined)?.__clerk_api_version;
  return typeof version === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(version) && version < '2026-05-12';
}

function readUserUpdate(body: unknown, options: { metadataAccepted: boolean }): UpdateUserInput {
  const record = (body ?? {}) as Record<string, unknown>;
  for (const name of Object.keys(record)) {
    if (UPDATABLE.has(name) || (options.metadataAccepted && name === 'unsafe_metadata')) continue;
    throw name === 'unsafe_metadata'
      ? errors.paramUnknown(name, ' Use PATCH /v1/me/metadata to update unsafe_metadata.')
      : errors.paramUnknown(name);
  }
  const fields = formFields(body);
  // clerk-js sends an emptied field as an empty value: it clears the field.
  const text = (name: string): string | null | undefined => {
    const value = fields.string(name);
    return value === undefined ? undefined : value.trim() === '' ? null : value;
  };
  const name = (field: string): string | null | undefined => {
    const value = text(field);
    if (value && [...value].length > NAME_MAX_LENGTH) throw errors.paramMaxLengthExceeded(field, NAME_MAX_LENGTH);
    return value;
  };
  const input: UpdateUserInput = {};
  const unsafeMetadata = options.metadataAccepted ? fields.object('unsafe_metadata') : undefined;
  if (unsafeMetadata !== undefined) input.unsafeMetadata = unsafeMetadata;
  const firstName = name('first_name');
  const lastName = name('last_name');
  if (firstName !== undefined) input.firstName = firstName;
  if (lastName !== undefined) input.lastName = lastName;
  const username = text('username');
  if (username !== undefined) input.username = username;
  // A primary cannot be cleared, only moved to another verified identification of the user.
  for (const [field, key] of [
    ['primary_email_address_id', 'primaryEmailAddressId'],
    ['primary_phone_number_id', 'primaryPhoneNumberId'],
    ['primary_web3_wallet_id', 'primaryWeb3WalletId'],
  ] as const) {
    const value = text(field);
    if (value === null) throw errors.paramValueInvalid(field, `${field} cannot be cleared; make another verified identification primary instead.`);
    if (value !== undefined) input[key] = value;
  }
  return input;
}

/** `/v1/me` account routes: acting for the session `requireMeSession` names, on the Backend API's services. */
export function registerMeAccountRoutes(app: FastifyInstance, ctx: FapiContext): void {
  const environment = frontendEnvironment(ctx.config, { instanceType: ctx.instance.instanceType });

  app.patch('/fapi/v1/me', FAPI_ROUTE, async (request, reply) => {
    const me = await requireMeSession(ctx, request);
    const input = readUserUpdate(request.body, { metadataAccepted: acceptsMetadataInUpdate(request) });
    if (Object.keys(input).length > 0) await ctx.users.update(me.user.user.id, input);
    return meUserEnvelope(ctx, request, reply, me);
  });

  app.delete('/fapi/v1/me', FAPI_ROUTE, async (request, reply) => {
    const me = await requireMeSession(ctx, request);
    const { id } = await ctx.accounts.deleteSelf(me.user.user.id);
    return envelope(ctx, request, reply, { object: 'user', id, deleted: true });
  });

  app.patch('/fapi/v1/me/metadata', FAPI_ROUTE, async (request, reply) => {
    const me = await requireMeSession(ctx, request);
    const record = (request.body ?? {}) as Record<string, unknown>;
    // Public and private metadata are the backend's to write.
    for (const name of Object.keys(record)) if (name !== 'unsafe_metadata') throw errors.paramUnknown(name);
    const unsafeMetadata = formFields(request.body).object('unsafe_metadata');
    if (unsafeMetadata === undefined) throw errors.paramMissing('unsafe_metadata');
    await ctx.userMetadata.merge(me.user.user.id, { unsafeMetadata });
    return meUserEnvelope(ctx, request, reply, me);
  });

  app.post('/fapi/v1/me/change_password', FAPI_ROUTE, async (request, reply) => {
    const me = await requireMeSession(ctx, request);
    const fields = formFields(request.body);
    await ctx.accounts.changePassword(me.user.user.id, {
      currentPassword: fields.string('current_password'),
      newPassword: fields.string('new_password'),
      signOutOfOtherSessions: fields.boolean('sign_out_of_other_sessions'),
      sessionId: me.session.id,
    });
    return meUserEnvelope(ctx, request, reply, me);
  });

  app.post('/fapi/v1/me/remove_password', FAPI_ROUTE, async (request, reply) => {
    const me = await requireMeSession(ctx, request);
    await ctx.accounts.removePassword(me.user.user.id, {
      currentPassword: formFields(request.body).string('current_password'),
      passwordRequired: environment.attributes.password.required,
      sessionId: me.session.id,
    });
    return meUserEnvelope(ctx, request, reply, me);
  });
}
