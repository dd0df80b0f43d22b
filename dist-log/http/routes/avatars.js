// GET /roster/avatars/{seed}.svg — Roster extension: the default avatar behind every user's `image_url`.
import { createHash } from 'node:crypto';
import { Type } from 'typebox';
const PATH_PREFIX = '/roster/avatars';
/** Initials from first and last name, else from the username, else none. */
function initialsOf(user) {
    const fromNames = [user.first_name, user.last_name].map((part) => [...(part?.trim() ?? '')][0] ?? '').join('');
    const initials = fromNames || [...(user.username ?? '')][0] || '';
    return initials.toUpperCase();
}
export function avatarUrl(baseUrl, user) {
    const initials = initialsOf(user);
    const query = initials ? `?initials=${encodeURIComponent(initials)}` : '';
    return `${baseUrl}${PATH_PREFIX}/${encodeURIComponent(user.id)}.svg${query}`;
}
const escapeXml = (text) => text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]);
/** A circle in a colour derived from the seed, with up to two initials; a person outline without them. */
export function renderDefaultAvatarSVG(seed, initials) {
    const hue = createHash('sha256').update(seed).digest().readUInt16BE(0) % 360;
    const background = `hsl(${hue}, 55%, 45%)`;
    const text = [...initials].slice(0, 2).join('');
    const foreground = text
        ? `<text x="64" y="64" dy="0.35em" text-anchor="middle" font-family="system-ui, sans-serif" font-size="52" font-weight="600" fill="#fff">${escapeXml(text)}</text>`
        : '<circle cx="64" cy="50" r="22" fill="#fff" opacity="0.9"/><path d="M24 112c4-22 20-34 40-34s36 12 40 34" fill="#fff" opacity="0.9"/>';
    return `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128"><rect width="128" height="128" rx="64" fill="${background}"/>${foreground}</svg>`;
}
const AvatarParams = Type.Object({ seed: Type.String({ description: 'The user or organization id, with an optional `.svg`' }) });
/** Other parameters are ignored: the URL is Roster's own, and caches may add their own. */
const AvatarQuery = Type.Object({ initials: Type.Optional(Type.String({ description: 'Up to two initials to draw (none: a person outline)' })) });
const AvatarResponse = {
    200: { description: 'The avatar (SVG)', content: { 'image/svg+xml': { schema: { type: 'string', format: 'binary' } } } },
};
export function registerAvatarRoutes(app) {
    app.get(`${PATH_PREFIX}/:seed`, { config: { auth: 'public' }, schema: { params: AvatarParams, querystring: AvatarQuery, response: AvatarResponse } }, async (request, reply) => {
        const seed = request.params.seed.replace(/\.svg$/, '');
        return reply
            .header('cache-control', 'public, max-age=86400')
            .type('image/svg+xml')
            .send(renderDefaultAvatarSVG(seed, request.query.initials ?? ''));
    });
}
//# sourceMappingURL=avatars.js.map