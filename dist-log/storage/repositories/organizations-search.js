import { dialectSql } from '../dialects.js';
/** Organization names and slugs: pg_trgm on the columns; FTS5 over `name \n slug` documents on SQLite. */
const ORGANIZATION_TEXT = {
    trigram: { table: 'organizations', key: 'id', columns: ['name', 'slug'] },
    fts5: { docs: 'organization_search_docs', key: 'ref_id', fts: 'organization_search_fts', text: 'text' },
};
/** Invitation email addresses, indexed the same way. */
const INVITATION_TEXT = {
    trigram: { table: 'organization_invitations', key: 'id', columns: ['email_address'] },
    fts5: { docs: 'organization_invitation_search_docs', key: 'ref_id', fts: 'organization_invitation_search_fts', text: 'text' },
};
/** Ids of organizations whose name or slug contains `needle` (case-insensitive). */
export function organizationIdsMatching(db, needle) {
    return dialectSql(db).keysMatching(db, ORGANIZATION_TEXT, needle);
}
/** Ids of invitations whose email address contains `needle` (case-insensitive). */
export function invitationIdsMatching(db, needle) {
    return dialectSql(db).keysMatching(db, INVITATION_TEXT, needle);
}
//# sourceMappingURL=organizations-search.js.map