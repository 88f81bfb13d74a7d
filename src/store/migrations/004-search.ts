import { type Kysely, SqliteAdapter, sql } from 'kysely';
import { withoutRowid } from './helpers.js';

/**
 * The search index (owned by src/search): one denormalised row per right with its current first
 * holder, its IPC codes in a side table, and the title and holder names indexed for substring search
 * (SQLite FTS5 `trigram`; PostgreSQL `pg_trgm` GIN where the extension can be created, else none and
 * ILIKE scans). No trigger touches the registry tables: the index is brought up to date lazily, by
 * the search module, from `search_state`'s watermarks — ingest pays nothing for it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  // Region codes and IPC codes are searched by prefix as ranges of their index: byte order on both
  // engines (SQLite compares text by bytes already; a PostgreSQL database may have a linguistic collation).
  const bytewise = sqlite ? sql`text` : sql`text collate "C"`;
  await db.schema
    .createTable('search_docs')
    .addColumn('right_id', 'integer', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('office', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('filing_date', 'text')
    .addColumn('grant_date', 'text')
    .addColumn('holder', 'text')
    .addColumn('holder_type', 'text', (c) => c.notNull())
    .addColumn('region', bytewise, (c) => c.notNull())
    // Every holder the right ever had (first holders and those transfers brought), one per line.
    .addColumn('holder_names', 'text', (c) => c.notNull())
    // The right's content hash when indexed: a changed right is one whose hash differs.
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('search_docs_region')
    .on('search_docs')
    .columns(['region', 'right_id'])
    .execute();

  // IPC codes without spaces (`H01M10/0525`), so that a prefix is a range of the primary key.
  await db.schema
    .createTable('search_ipc')
    .addColumn('code', bytewise, (c) => c.notNull())
    .addColumn('right_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_ipc_pk', ['code', 'right_id'])
    .$call(withoutRowid(db))
    .execute();
  await db.schema.createIndex('search_ipc_right').on('search_ipc').column('right_id').execute();

  // The rights one refresh re-indexes; empty between refreshes.
  await db.schema
    .createTable('search_pending')
    .addColumn('right_id', 'integer', (c) => c.primaryKey())
    .execute();

  // One row: the data version the index reflects, and how far into the registry it has read.
  await db.schema
    .createTable('search_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('data_version', 'text', (c) => c.notNull())
    .addColumn('rights_seen', 'text', (c) => c.notNull())
    .addColumn('events_seen', 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into search_state (id, data_version, rights_seen, events_seen) values (1, '', '', 0)`.execute(
    db,
  );

  if (sqlite) {
    // Contentless (the text lives in search_docs), rows deletable by rowid (= right id).
    await sql`create virtual table search_fts using fts5(title, holders, content='', contentless_delete=1,
      tokenize='trigram')`.execute(db);
    return;
  }
  // pg_trgm is optional: without the right to create it, search still works by ILIKE scans. The
  // exception blocks keep a refused `create extension` from aborting the migration's transaction.
  await sql`do $$ begin
      begin
        create extension if not exists pg_trgm schema public;
      exception when others then
        create extension if not exists pg_trgm;
      end;
    exception when others then
      raise notice 'pg_trgm is not available (%): title and holder search will scan', sqlerrm;
    end $$`.execute(db);
  await sql`do $$ declare s text; begin
      select n.nspname into s from pg_extension e join pg_namespace n on n.oid = e.extnamespace
        where e.extname = 'pg_trgm';
      if s is not null then
        execute format('create index search_docs_title_trgm on search_docs using gin (title %I.gin_trgm_ops)', s);
        execute format('create index search_docs_holders_trgm on search_docs using gin (holder_names %I.gin_trgm_ops)', s);
      end if;
    end $$`.execute(db);
}
