// GET /v1/allowlist_identifiers — the allowlist, newest first; `{data, total_count}` when paginated=true.
// POST /v1/allowlist_identifiers — adds an email address, `*@domain`, phone number or wallet (notify: also invites an email address).
// DELETE /v1/allowlist_identifiers/{identifier_id} — removes one.
// GET /v1/blocklist_identifiers — the blocklist, newest first, `{data, total_count}`.
// POST /v1/blocklist_identifiers — blocks an identifier from signing up and in.
// DELETE /v1/blocklist_identifiers/{identifier_id} — removes one.
import type { RosterApp } from '../../roster-app.js';
import type { RouteContext } from '../../route-context.js';
import { IdParams } from '../../schemas/common.js';
import {
  AllowlistIdentifier,
  AllowlistIdentifierList,
  BlocklistIdentifier,
  BlocklistIdentifierList,
  BlocklistPageQuery,
  CreateAllowlistIdentifierBody,
  CreateBlocklistIdentifierBody,
  DeletedObject,
  ListPageQuery,
} from './schemas.js';
import { toAllowlistIdentifierJSON, toBlocklistIdentifierJSON } from './serialize.js';

const Params = IdParams('identifier_id');

export function registerIdentifierListRoutes(app: RosterApp, ctx: RouteContext): void {
  const { identifierLists, instanceInvitations } = ctx;

  app.get('/v1/allowlist_identifiers', { schema: { querystring: ListPageQuery, response: { 200: AllowlistIdentifierList } } }, async (request) => {
    const page = await identifierLists.list('allowlist', request.query);
    const data = page.data.map(toAllowlistIdentifierJSON);
    // The spec shows the bare array; @clerk/backend sends paginated=true and reads { data, total_count }.
    return request.query.paginated ? { data, total_count: page.totalCount } : data;
  });

  app.post('/v1/allowlist_identifiers', { schema: { body: CreateAllowlistIdentifierBody, response: { 200: AllowlistIdentifier } } }, async (request) => {
    const { identifier, notify } = request.body;
    // The entry first (a duplicate is refused before anyone is emailed); with notify, an email address is also
    // invited (an address with a pending invitation or an account is left as it is).
    const entry = await identifierLists.create('allowlist', identifier);
    if (notify && entry.identifier_type === 'email_address' && !entry.identifier.startsWith('*@')) {
      const [invitation] = await instanceInvitations.inviteIfNew(entry.identifier);
      if (invitation) return toAllowlistIdentifierJSON(await identifierLists.linkInvitation(entry.id, invitation.id));
    }
    return toAllowlistIdentifierJSON(entry);
  });

  app.delete('/v1/allowlist_identifiers/:identifier_id', { schema: { params: Params, response: { 200: DeletedObject } } }, async (request) => {
    await identifierLists.delete('allowlist', request.params.identifier_id);
    return { object: 'allowlist_identifier', id: request.params.identifier_id, deleted: true };
  });

  app.get('/v1/blocklist_identifiers', { schema: { querystring: BlocklistPageQuery, response: { 200: BlocklistIdentifierList } } }, async (request) => {
    const page = await identifierLists.list('blocklist', request.query);
    return { data: page.data.map(toBlocklistIdentifierJSON), total_count: page.totalCount };
  });

  app.post('/v1/blocklist_identifiers', { schema: { body: CreateBlocklistIdentifierBody, response: { 200: BlocklistIdentifier } } }, async (request) =>
    toBlocklistIdentifierJSON(await identifierLists.create('blocklist', request.body.identifier)),
  );

  app.delete('/v1/blocklist_identifiers/:identifier_id', { schema: { params: Params, response: { 200: DeletedObject } } }, async (request) => {
    await identifierLists.delete('blocklist', request.params.identifier_id);
    return { object: 'blocklist_identifier', id: request.params.identifier_id, deleted: true };
  });
}
