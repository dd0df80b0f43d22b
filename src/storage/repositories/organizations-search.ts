import { sql } from 'kysely';
import type { Executor } from '../database.js';
import { containsInsensitive, dialectOf } from '../dialects.js';

const TRIGRAM_LENGTH = 3;

const ftsPhrase = (needle: string) => `"${needle.replace(/"/g, '""')}"`;

/**
 * Ids of organizations whose name or slug contains `needle` (case-insensitive). SQLite: FTS5 trigram
 * MATCH for needles of 3+ characters, a scan of the search documents for shorter ones; PostgreSQL:
 * ILIKE served by pg_trgm GIN indexes.
 */
export function organizationIdsMatching(db: Executor, needle: string) {
  if (dialectOf(db) === 'postgres') {
    return db
      .selectFrom('organizations')
      .select('id')
      .where((eb) => eb.or([containsInsensitive('postgres', sql.ref('name'), needle), containsInsensitive('postgres', sql.ref('slug'), needle)]));
  }
  const docs = db.selectFrom('organization_search_docs').select('ref_id as id');
  if ([...needle].length >= TRIGRAM_LENGTH) {
    return docs.where('id', 'in', sql<number>`(SELECT rowid FROM organization_search_fts WHERE organization_search_fts MATCH ${ftsPhrase(needle)})`);
  }
  return docs.where(containsInsensitive('sqlite', sql.ref('text'), needle));
}

/** Ids of invitations whose email address contains `needle` (case-insensitive); same strategy as above. */
export function invitationIdsMatching(db: Executor, needle: string) {
  if (dialectOf(db) === 'postgres') {
    return db.selectFrom('organization_invitations').select('id').where(containsInsensitive('postgres', sql.ref('email_address'), needle));
  }
  const docs = db.selectFrom('organization_invitation_search_docs').select('ref_id as id');
  if ([...needle].length >= TRIGRAM_LENGTH) {
    return docs.where(
      'id',
      'in',
      sql<number>`(SELECT rowid FROM organization_invitation_search_fts WHERE organization_invitation_search_fts MATCH ${ftsPhrase(needle)})`,
    );
  }
  return docs.where(containsInsensitive('sqlite', sql.ref('text'), needle));
}
