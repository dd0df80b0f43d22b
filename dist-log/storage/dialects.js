import { SqliteAdapter, sql } from 'kysely';
/** FTS5's trigram tokenizer indexes 3-character sequences: shorter needles cannot use the index. */
const TRIGRAM_LENGTH = 3;
/** An FTS5 phrase: the needle as one quoted string, matched literally. */
const ftsPhrase = (needle) => `"${needle.replace(/"/g, '""')}"`;
/** LIKE's wildcards and its escape character, escaped so the needle matches literally. */
const escapeLike = (value) => value.replace(/[\\%_]/g, (char) => `\\${char}`);
// The indexes are described by name, so the query is built untyped.
const untyped = (db) => db;
const sqlite = {
    lockForUpdate: (query) => query,
    nowMs: () => sql `CAST(unixepoch('subsec') * 1000 AS INTEGER)`,
    keysMatching(db, { fts5 }, needle) {
        const docs = untyped(db).selectFrom(fts5.docs).select(fts5.key);
        if ([...needle].length >= TRIGRAM_LENGTH) {
            const match = fts5.ftsColumn ? `{${fts5.ftsColumn}} : ${ftsPhrase(needle)}` : ftsPhrase(needle);
            return docs.where('id', 'in', sql `(SELECT rowid FROM ${sql.raw(fts5.fts)} WHERE ${sql.raw(fts5.fts)} MATCH ${match})`);
        }
        return docs.where(sql `instr(lower(${sql.ref(fts5.text)}), ${needle.toLowerCase()}) > 0`);
    },
};
const postgres = {
    lockForUpdate: (query) => query.forUpdate(),
    nowMs: () => sql `(extract(epoch from clock_timestamp()) * 1000)::bigint`,
    keysMatching(db, { trigram }, needle) {
        const pattern = `%${escapeLike(needle)}%`;
        return untyped(db)
            .selectFrom(trigram.table)
            .select(trigram.key)
            .where((eb) => eb.or(trigram.columns.map((column) => sql `${sql.ref(column)} ILIKE ${pattern}`)));
    },
};
/** The SQL differences of the dialect an executor (database or transaction) speaks. */
export function dialectSql(db) {
    return db.getExecutor().adapter instanceof SqliteAdapter ? sqlite : postgres;
}
//# sourceMappingURL=dialects.js.map