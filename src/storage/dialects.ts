import { SqliteAdapter, sql, type Expression, type Kysely, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Database, Executor } from './database.js';

/** A table's name, as the repositories know it. */
type TableName = keyof Database & string;

/**
 * Where a case-insensitive substring search looks, as the migrations indexed it on each dialect.
 * Repositories describe the index; the dialect decides how to ask it.
 */
export interface SubstringIndex {
  /** PostgreSQL: a table whose `columns` have pg_trgm GIN indexes; a row matches when any column contains the needle. */
  trigram: { table: TableName; key: string; columns: readonly string[] };
  /**
   * SQLite: a docs table (integer `id`; the external content of the FTS5 trigram table `fts`), `text`
   * its column that needles shorter than a trigram are looked for in, and `ftsColumn` the FTS column
   * MATCH is limited to (all of them when absent).
   */
  fts5: { docs: TableName; key: string; fts: string; ftsColumn?: string | null; text: string; folded?: boolean };
}

/** What differs between SQLite and PostgreSQL in repository queries, described once per dialect. */
export interface DialectSql {
  /**
   * Makes a select hold the rows it reads until the transaction ends, so read-modify-write cannot
   * interleave: PostgreSQL takes row locks (FOR UPDATE); SQLite transactions already run one at a time.
   */
  lockForUpdate<Q extends SelectQueryBuilder<Database, any, any>>(query: Q): Q;
  /**
   * Like lockForUpdate, but rows another transaction holds are passed over instead of waited for (PostgreSQL's
   * FOR UPDATE SKIP LOCKED), so several nodes take disjoint batches of a queue.
   */
  lockSkippingLocked<Q extends SelectQueryBuilder<Database, any, any>>(query: Q): Q;
  /** Keeps the rows read from being deleted or changed until the transaction ends, without excluding other readers (FOR SHARE). */
  lockForShare<Q extends SelectQueryBuilder<Database, any, any>>(query: Q): Q;
  /**
   * The database server's clock in Unix milliseconds: one clock for every node, for timestamps that nodes
   * compare with each other's (a node whose clock is off must not judge another node's work stale).
   */
  nowMs(): RawBuilder<number>;
  /**
   * A subquery of the `key` of every row whose indexed text contains `needle`, case-insensitively.
   * SQLite: an FTS5 trigram MATCH for needles of 3+ characters, a scan of the docs for shorter ones (a
   * trigram index cannot help those). PostgreSQL: ILIKE, which the pg_trgm GIN indexes serve.
   */
  keysMatching(db: Executor, index: SubstringIndex, needle: string): SelectQueryBuilder<any, any, any>;
  /**
   * About how many rows `keysMatching` would find, or null when the index cannot serve `needle` (shorter than a
   * trigram). SQLite counts the index's matches, stopping at `enough`; PostgreSQL asks the planner (its pg_trgm
   * statistics), which costs no scan. Answers `enough` or more when there are at least that many.
   */
  estimateMatches(db: Executor, index: SubstringIndex, needle: string, enough: number): Promise<number | null>;
  /** How many rows `keysMatching` finds, counted in the index alone (no join back to the keyed rows). */
  countMatching(db: Executor, index: SubstringIndex, needle: string): Promise<number>;
  /**
   * A JSON array of one object per row aggregated over, with `columns` of the rows aliased `alias`, in
   * `orderBy` order; `[]` when there are none. SQLite answers it as text, PostgreSQL as parsed JSON.
   */
  jsonRows(alias: string, columns: readonly string[], orderBy: readonly string[]): RawBuilder<unknown>;
  /**
   * `text` contains `needle`, case-insensitively, tested on the row at hand (no index). `folded`: the text was
   * stored lower-cased (JavaScript's Unicode lower case), so SQLite compares it with the lower-cased needle
   * exactly as its FTS5 index folds case, instead of LIKE, which folds ASCII letters only.
   */
  containsText(text: Expression<string>, needle: string, folded?: boolean): RawBuilder<boolean>;
  /**
   * About how many rows `query` selects, or `enough` when there are at least that many: SQLite counts them,
   * stopping at `enough`; PostgreSQL asks the planner, which costs no scan.
   */
  estimateRows(db: Executor, query: SelectQueryBuilder<any, any, any>, enough: number): Promise<number>;
  /**
   * `column` as an expression that sorts like it but matches no index: ordering by it makes the database read the
   * rows the filters select and sort them, where it would otherwise walk the column's index.
   */
  unindexed(column: string, type: 'number' | 'text'): RawBuilder<unknown>;
  /**
   * `key` is one of the few values `query` selects (a page's ids), with `query` run once, before the rows are
   * looked up by `key`'s index. PostgreSQL: `= ANY(ARRAY(…))`; given `IN (…)`, it hash-joined a scan of the whole
   * table whenever the subquery's estimated cost dwarfed that scan. SQLite runs `IN (…)` once into a list itself.
   */
  oneOf(key: string, query: SelectQueryBuilder<any, any, any>): RawBuilder<SqlBool>;
}

/** FTS5's trigram tokenizer indexes 3-character sequences: shorter needles cannot use the index. */
const TRIGRAM_LENGTH = 3;

/** An FTS5 phrase: the needle as one quoted string, matched literally. */
const ftsPhrase = (needle: string) => `"${needle.replace(/"/g, '""')}"`;

/** The MATCH expression for `needle` in the FTS column the index is limited to (all columns when none). */
const ftsMatch = (fts5: SubstringIndex['fts5'], needle: string) =>
  fts5.ftsColumn ? `{${fts5.ftsColumn}} : ${ftsPhrase(needle)}` : ftsPhrase(needle);

/** `'column', alias.column, …`: the arguments of json_object / json_build_object. */
const jsonPairs = (alias: string, columns: readonly string[]) => sql.join(columns.map((column) => sql`${sql.lit(column)}, ${sql.ref(`${alias}.${column}`)}`));

const refs = (alias: string, columns: readonly string[]) => sql.join(columns.map((column) => sql.ref(`${alias}.${column}`)));

/** LIKE's wildcards and its escape character, escaped so the needle matches literally. */
const escapeLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);

// The indexes are described by name, so the query is built untyped.
const untyped = (db: Executor) => db as unknown as Kysely<any>;

const sqlite: DialectSql = {
  lockForUpdate: (query) => query,
  lockSkippingLocked: (query) => query,
  lockForShare: (query) => query,
  nowMs: () => sql<number>`CAST(unixepoch('subsec') * 1000 AS INTEGER)`,
  keysMatching(db, { fts5 }, needle) {
    const docs = untyped(db).selectFrom(fts5.docs).select(fts5.key);
    if ([...needle].length >= TRIGRAM_LENGTH) {
      return docs.where('id', 'in', sql<number>`(SELECT rowid FROM ${sql.raw(fts5.fts)} WHERE ${sql.raw(fts5.fts)} MATCH ${ftsMatch(fts5, needle)})`);
    }
    return docs.where(sqlite.containsText(sql.ref(fts5.text), needle, fts5.folded));
  },
  async estimateMatches(db, { fts5 }, needle, enough) {
    if ([...needle].length < TRIGRAM_LENGTH) return null;
    const fts = sql.raw(fts5.fts);
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM ${fts} WHERE ${fts} MATCH ${ftsMatch(fts5, needle)} LIMIT ${enough})`.execute(db);
    return Number(rows[0]?.n ?? 0);
  },
  async countMatching(db, { fts5 }, needle) {
    const fts = sql.raw(fts5.fts);
    const { rows } =
      [...needle].length >= TRIGRAM_LENGTH
        ? await sql<{ n: number }>`SELECT count(*) AS n FROM ${fts} WHERE ${fts} MATCH ${ftsMatch(fts5, needle)}`.execute(db)
        : await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(fts5.docs)} WHERE ${sqlite.containsText(sql.ref(fts5.text), needle, fts5.folded)}`.execute(db);
    return Number(rows[0]?.n ?? 0);
  },
  jsonRows: (alias, columns, orderBy) =>
    sql`json_group_array(json_object(${jsonPairs(alias, columns)}) ORDER BY ${refs(alias, orderBy)})`,
  // LIKE folds ASCII case itself, a third faster than instr(lower(…)) on a scan of every document.
  containsText: (text, needle, folded) =>
    folded ? sql<boolean>`instr(${text}, ${needle.toLowerCase()}) > 0` : sql<boolean>`${text} LIKE ${`%${escapeLike(needle)}%`} ESCAPE '\\'`,
  async estimateRows(db, query, enough) {
    const row = await untyped(db).selectFrom(query.limit(enough).as('selected')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return Number(row?.n ?? 0);
  },
  // Unary plus: SQLite's documented way to keep a term off an index; it returns its operand unchanged.
  unindexed: (column) => sql`+${sql.ref(column)}`,
  oneOf: (key, query) => sql<SqlBool>`${sql.ref(key)} IN ${query}`,
};

const postgres: DialectSql = {
  lockForUpdate: (query) => query.forUpdate() as typeof query,
  lockSkippingLocked: (query) => query.forUpdate().skipLocked() as typeof query,
  lockForShare: (query) => query.forShare() as typeof query,
  nowMs: () => sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`,
  keysMatching(db, { trigram }, needle) {
    const pattern = `%${escapeLike(needle)}%`;
    return untyped(db)
      .selectFrom(trigram.table)
      .select(trigram.key)
      .where((eb) => eb.or(trigram.columns.map((column) => postgres.containsText(sql.ref(column), needle))));
  },
  async estimateMatches(db, { trigram }, needle, enough) {
    if ([...needle].length < TRIGRAM_LENGTH) return null;
    const pattern = `%${escapeLike(needle)}%`;
    const where = sql.join(
      trigram.columns.map((column) => sql`${sql.ref(column)} ILIKE ${pattern}`),
      sql` OR `,
    );
    const { rows } = await sql<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>`EXPLAIN (FORMAT JSON) SELECT 1 FROM ${sql.table(trigram.table)} WHERE ${where}`.execute(db);
    const estimate = rows[0]?.['QUERY PLAN']?.[0]?.Plan?.['Plan Rows'];
    return typeof estimate === 'number' ? Math.min(estimate, enough) : null;
  },
  async countMatching(db, { trigram }, needle) {
    const { rows } = await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(trigram.table)} WHERE ${sql.join(
      trigram.columns.map((column) => postgres.containsText(sql.ref(column), needle)),
      sql` OR `,
    )}`.execute(db);
    return Number(rows[0]?.n ?? 0);
  },
  jsonRows: (alias, columns, orderBy) =>
    sql`coalesce(json_agg(json_build_object(${jsonPairs(alias, columns)}) ORDER BY ${refs(alias, orderBy)}), '[]'::json)`,
  containsText: (text, needle) => sql<boolean>`${text} ILIKE ${`%${escapeLike(needle)}%`}`,
  async estimateRows(_db, query, enough) {
    const rows = await query.explain<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>('json');
    const estimate = rows[0]?.['QUERY PLAN']?.[0]?.Plan?.['Plan Rows'];
    return typeof estimate === 'number' ? Math.min(estimate, enough) : enough;
  },
  // The concatenation keeps the column's collation, so text sorts as before.
  unindexed: (column, type) => (type === 'number' ? sql`(${sql.ref(column)} + 0)` : sql`(${sql.ref(column)} || '')`),
  oneOf: (key, query) => sql<SqlBool>`${sql.ref(key)} = ANY(ARRAY${query})`,
};

/** The SQL differences of the dialect an executor (database or transaction) speaks. */
export function dialectSql(db: Executor): DialectSql {
  return db.getExecutor().adapter instanceof SqliteAdapter ? sqlite : postgres;
}
