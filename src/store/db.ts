import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { errors } from '../core/index.js';
import { migrations } from './migrations/index.js';
import { preparingPool } from './prepared.js';
import type { Database } from './schema.js';

export type Engine = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  engine: Engine;
  /** Where the data lives, for messages (a file path, or the URL without its password). */
  location: string;
  /**
   * SQLite only: the driver's own handle, for the few hot paths (bulk ingest) where prepared
   * statements beat building queries; everything else goes through `db`.
   */
  sqlite?: SQLite.Database;
  /**
   * PostgreSQL only: listens on a notification channel over a connection of its own (see
   * `NotificationListener`); stopped when the store closes.
   */
  listen?(channel: string, handlers: ListenHandlers): NotificationListener;
  close(): Promise<void>;
}

export interface ListenHandlers {
  /** A notification's payload. */
  message(payload: string): void;
  /**
   * The listening connection is up (true) or lost (false): while it is down notifications may be
   * missed, so whatever relies on them must not trust what it remembers. It reconnects by itself.
   */
  state(listening: boolean): void;
}

export interface NotificationListener {
  /** The schema the store works in, as notifications name it. */
  readonly schema: Promise<string>;
  stop(): Promise<void>;
}

export interface OpenOptions {
  /** Run pending migrations on open (the default). */
  migrate?: boolean;
  /** PostgreSQL only: the schema to work in (tests use one schema each). */
  schema?: string;
  /** PostgreSQL only: connections in the pool. */
  poolSize?: number;
}

/** The default database: a SQLite file under ./data/. */
export const DEFAULT_DB = 'data/ipregion.db';

/** A database location for messages: a URL's password replaced by `***`. */
export function printableLocation(location: string): string {
  return location.replace(/:[^:@/]*@/, ':***@');
}

export function engineOf(location: string): Engine {
  return /^postgres(ql)?:\/\//i.test(location) ? 'postgres' : 'sqlite';
}

// PostgreSQL returns bigint (count(*), sums) as strings; every count ipregion keeps fits a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

/**
 * A PostgreSQL URL's `schema` parameter (`postgres://…/db?schema=bench_1`), which `pg` does not
 * know: taken out of the URL and used as `OpenOptions.schema`, so that a process started with a
 * URL alone (`--db`) can work in a schema of its own.
 */
export function schemaFromUrl(url: string): { url: string; schema?: string } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema');
  if (schema === null) return { url };
  if (!/^[a-z_][a-z0-9_]{0,62}$/i.test(schema)) {
    throw errors.config([`database: schema "${schema}" is not a plain identifier (letters, digits, _)`]);
  }
  parsed.searchParams.delete('schema');
  return { url: parsed.toString(), schema };
}

/** Opens the database at a file path or `postgres://` URL and brings its schema up to date. */
export async function openStore(location: string, options: OpenOptions = {}): Promise<Store> {
  const engine = engineOf(location);
  const fromUrl = engine === 'postgres' ? schemaFromUrl(location) : { url: location };
  const opts = fromUrl.schema && !options.schema ? { ...options, schema: fromUrl.schema } : options;
  const store = engine === 'postgres' ? openPostgres(fromUrl.url, opts) : openSqlite(location);
  if (opts.migrate !== false) {
    try {
      await migrate(store.db, opts.schema);
    } catch (e) {
      await store.close();
      throw e;
    }
  }
  return store;
}

function openSqlite(file: string): Store {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let sqlite: SQLite.Database;
  try {
    sqlite = new SQLite(file);
  } catch (e) {
    throw errors.database(`${file}: cannot open the SQLite database (${(e as Error).message})`);
  }
  // 16 KiB pages (taken only by a new file) make bulk ingest's commits write fewer, fuller pages.
  sqlite.pragma('page_size = 16384');
  // WAL lets readers go on during an ingest; NORMAL sync is durable at each checkpoint and crash-safe.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('cache_size = -32768');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, engine: 'sqlite', location: file, sqlite, close: () => db.destroy() };
}

function openPostgres(url: string, options: OpenOptions): Store {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 4,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  const listeners = new Set<NotificationListener>();
  return {
    db,
    engine: 'postgres',
    location: printableLocation(url),
    listen(channel, handlers) {
      const listener = listenPostgres(url, options.schema, channel, handlers, () =>
        listeners.delete(listener),
      );
      listeners.add(listener);
      return listener;
    },
    close: async () => {
      await Promise.all([...listeners].map((l) => l.stop()));
      await db.destroy();
    },
  };
}

/** How long a lost listening connection waits before it connects again. */
const RELISTEN_MS = 1000;

function listenPostgres(
  url: string,
  schema: string | undefined,
  channel: string,
  handlers: ListenHandlers,
  onStop: () => void,
): NotificationListener {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`"${channel}" is not a channel name`);
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let resolveSchema: (s: string) => void = () => {};
  const schemaName = new Promise<string>((r) => {
    resolveSchema = r;
  });
  const lost = (c: pg.Client) => {
    if (client !== c) return;
    client = null;
    handlers.state(false);
    c.end().catch(() => {});
    if (!stopped) retry = setTimeout(connect, RELISTEN_MS);
  };
  const connect = async () => {
    retry = null;
    if (stopped) return;
    const c = new pg.Client({
      connectionString: url,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    client = c;
    c.on('error', () => lost(c));
    c.on('end', () => lost(c));
    c.on('notification', (n) => {
      if (n.channel === channel) handlers.message(n.payload ?? '');
    });
    try {
      await c.connect();
      const found = await c.query<{ schema: string }>('select current_schema() as schema');
      resolveSchema(found.rows[0]!.schema);
      await c.query(`listen ${channel}`);
      if (client === c && !stopped) handlers.state(true);
    } catch {
      lost(c);
    }
  };
  void connect();
  return {
    schema: schemaName,
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      onStop();
      handlers.state(false);
      if (c) await c.end().catch(() => {});
    },
  };
}

/** Applies the pending migrations; refuses a database whose applied migrations this build does not know. */
export async function migrate(db: Kysely<Database>, schema?: string): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'ipregion_migrations',
    migrationLockTableName: 'ipregion_migrations_lock',
    // With a schema of its own (tests run one per file, in parallel), the migration tables must be
    // looked for in that schema: otherwise another schema's tables can seem to exist.
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw errors.migration(
      `migration ${failed ?? ''} failed: ${(error as Error).message}`.replace('  ', ' '),
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
