import { errors } from './core/index.js';
import { DEFAULT_DB, type Engine, engineOf } from './store/index.js';

/** ipregion's configuration, read once: flag → environment → default. */
export interface Config {
  /** A SQLite file path or a `postgres://` URL. */
  database: string;
  engine: Engine;
}

export interface ConfigFlags {
  db?: string | undefined;
}

/** Builds the config and reports every problem at once. */
export function loadConfig(flags: ConfigFlags = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const database = flags.db ?? env.IPREGION_DB ?? env.DATABASE_URL ?? DEFAULT_DB;
  if (!database.trim()) problems.push('database: empty (give --db PATH|URL, IPREGION_DB or DATABASE_URL)');
  if (/^[a-z]+:\/\//i.test(database) && engineOf(database) !== 'postgres') {
    problems.push(`database: "${database}" is a URL but not postgres:// (SQLite takes a file path)`);
  }
  if (problems.length > 0) throw errors.config(problems);
  return { database, engine: engineOf(database) };
}
