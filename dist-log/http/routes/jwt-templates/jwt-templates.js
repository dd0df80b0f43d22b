import { DeletedObject, IdParams } from '../../schemas/common.js';
import { JwtTemplate, JwtTemplateBody, JwtTemplateList, JwtTemplateListQuery } from './schemas.js';
import { toJwtTemplateJSON } from './serialize.js';
const TemplateParams = IdParams('template_id');
/** The wire's body → the service's input. */
const toInput = (body) => ({
    name: body.name,
    claims: body.claims,
    lifetime: body.lifetime,
    allowedClockSkew: body.allowed_clock_skew,
    customSigningKey: body.custom_signing_key,
    signingAlgorithm: body.signing_algorithm,
    signingKey: body.signing_key,
});
export function registerJwtTemplateCrudRoutes(app, templates) {
    app.get('/v1/jwt_templates', { schema: { querystring: JwtTemplateListQuery, response: { 200: JwtTemplateList } } }, async (request) => {
        const { query } = request;
        const { templates: records, totalCount } = await templates.list({ limit: query.limit, offset: query.offset, withTotalCount: query.paginated === true });
        const data = records.map(toJwtTemplateJSON);
        // The spec shows the bare array; @clerk/backend sends paginated=true and reads { data, total_count }.
        return query.paginated ? { data, total_count: totalCount } : data;
    });
    app.post('/v1/jwt_templates', { schema: { body: JwtTemplateBody, response: { 200: JwtTemplate } } }, async (request) => toJwtTemplateJSON(await templates.create(toInput(request.body))));
    app.get('/v1/jwt_templates/:template_id', { schema: { params: TemplateParams, response: { 200: JwtTemplate } } }, async (request) => toJwtTemplateJSON(await templates.get(request.params.template_id)));
    app.patch('/v1/jwt_templates/:template_id', { schema: { params: TemplateParams, body: JwtTemplateBody, response: { 200: JwtTemplate } } }, async (request) => toJwtTemplateJSON(await templates.update(request.params.template_id, toInput(request.body))));
    app.delete('/v1/jwt_templates/:template_id', { schema: { params: TemplateParams, response: { 200: DeletedObject } } }, async (request) => {
        const { id } = await templates.delete(request.params.template_id);
        return { object: 'jwt_template', id, deleted: true };
    });
}
//# sourceMappingURL=jwt-templates.js.map