import { IdParams } from '../../schemas/common.js';
import { CreateSessionBody, Session, SessionList, SessionListQuery } from './schemas.js';
import { toSessionJSON } from './serialize.js';
const SessionParams = IdParams('session_id');
/** The wire's list parameters → the list's domain input. */
const toListInput = (query) => ({
    userId: query.user_id,
    clientId: query.client_id,
    status: query.status,
    limit: query.limit,
    offset: query.offset,
    withTotalCount: query.paginated === true,
});
export function registerSessionCrudRoutes(app, ctx) {
    const { sessions } = ctx;
    app.post('/v1/sessions', { schema: { body: CreateSessionBody, response: { 200: Session } } }, async (request) => toSessionJSON(await sessions.create({ userId: request.body.user_id, activeOrganizationId: request.body.active_organization_id })));
    app.get('/v1/sessions', { schema: { querystring: SessionListQuery, response: { 200: SessionList } } }, async (request) => {
        const { sessions: records, totalCount } = await sessions.list(toListInput(request.query));
        const data = records.map(toSessionJSON);
        // The spec shows the bare array; @clerk/backend sends paginated=true and reads { data, total_count }.
        return request.query.paginated ? { data, total_count: totalCount } : data;
    });
    app.get('/v1/sessions/:session_id', { schema: { params: SessionParams, response: { 200: Session } } }, async (request) => toSessionJSON(await sessions.get(request.params.session_id)));
    app.post('/v1/sessions/:session_id/revoke', { schema: { params: SessionParams, response: { 200: Session } } }, async (request) => toSessionJSON(await sessions.revoke(request.params.session_id)));
}
//# sourceMappingURL=sessions.js.map