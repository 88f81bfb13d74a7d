import { availableParallelism } from 'node:os';
import { errors } from './core/index.js';
import { DEFAULT_DB, type Engine, engineOf } from './store/index.js';

/** ipregion's configuration, read once: flag → environment → default. */
export interface Config {
  /** A SQLite file path or a `postgres://` URL. */
  database: string;
  engine: Engine;
  server: ServerConfig;
}

export interface ServerConfig {
  host: string;
  port: number;
  /** The demo region created on first start into an empty database; null: never. */
  demo: { scale: number; seed: number } | null;
  logLevel: LogLevel;
  /** Where case evidence files are kept (IPREGION_EVIDENCE_DIR, default data/evidence). */
  evidenceDir: string;
  /** Minutes between the server's deadline passes (warnings, overdue notices, e-mails); null: never. */
  deadlinePassMinutes: number | null;
  /** Server processes sharing the port (`--workers` or IPREGION_WORKERS; default 1). */
  workers: number;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface ConfigFlags {
  db?: string | undefined;
  host?: string | undefined;
  port?: string | undefined;
  demoScale?: string | undefined;
  logLevel?: string | undefined;
  notifyEvery?: string | undefined;
  workers?: string | undefined;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;
export const DEFAULT_DEMO = { scale: 0.01, seed: 1 } as const;
export const DEFAULT_DEADLINE_PASS_MINUTES = 60;
/** Where evidence files go unless IPREGION_EVIDENCE_DIR says otherwise (the cases module's default). */
export const DEFAULT_EVIDENCE_DIR = 'data/evidence';

/** Builds the config and reports every problem at once. */
export function loadConfig(flags: ConfigFlags = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const database = flags.db ?? env.IPREGION_DB ?? env.DATABASE_URL ?? DEFAULT_DB;
  if (!database.trim()) problems.push('database: empty (give --db PATH|URL, IPREGION_DB or DATABASE_URL)');
  if (/^[a-z]+:\/\//i.test(database) && engineOf(database) !== 'postgres') {
    problems.push(`database: "${database}" is a URL but not postgres:// (SQLite takes a file path)`);
  }
  const server = serverConfig(flags, env, problems);
  if (problems.length > 0) throw errors.config(problems);
  return { database, engine: engineOf(database), server };
}

function serverConfig(flags: ConfigFlags, env: NodeJS.ProcessEnv, problems: string[]): ServerConfig {
  const host = (flags.host ?? env.HOST ?? DEFAULT_HOST).trim();
  if (!host) problems.push('host: empty (give --host or HOST, e.g. 127.0.0.1)');

  const rawPort = flags.port ?? env.PORT ?? String(DEFAULT_PORT);
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort.trim()) || port > 65535) {
    problems.push(`port: "${rawPort}" is not a port number 0–65535 (--port or PORT)`);
  }

  const rawScale = flags.demoScale ?? env.IPREGION_DEMO_SCALE ?? String(DEFAULT_DEMO.scale);
  let demo: ServerConfig['demo'] = null;
  if (rawScale !== 'off' && rawScale !== '0') {
    const scale = Number(rawScale);
    if (!(scale > 0 && scale <= 1)) {
      problems.push(
        `demo scale: "${rawScale}" is not a number in (0, 1] or "off" (--demo-scale or IPREGION_DEMO_SCALE)`,
      );
    } else demo = { scale, seed: DEFAULT_DEMO.seed };
  }

  const logLevel = (flags.logLevel ?? env.IPREGION_LOG_LEVEL ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(
      `log level: "${logLevel}" is not one of ${LOG_LEVELS.join(', ')} (--log-level or IPREGION_LOG_LEVEL)`,
    );
  }
  const evidenceDir = (env.IPREGION_EVIDENCE_DIR ?? DEFAULT_EVIDENCE_DIR).trim();
  if (!evidenceDir) problems.push('evidence directory: empty (IPREGION_EVIDENCE_DIR)');

  const rawEvery = (
    flags.notifyEvery ??
    env.IPREGION_NOTIFY_EVERY ??
    String(DEFAULT_DEADLINE_PASS_MINUTES)
  ).trim();
  let deadlinePassMinutes: number | null = null;
  if (rawEvery !== 'off') {
    const minutes = Number(rawEvery);
    if (!(rawEvery !== '' && minutes >= 1 && minutes <= 1440)) {
      problems.push(
        `deadline pass: "${rawEvery}" is not a number of minutes 1–1440 or "off" (--notify-every or IPREGION_NOTIFY_EVERY)`,
      );
    } else deadlinePassMinutes = minutes;
  }

  const rawWorkers = (flags.workers ?? env.IPREGION_WORKERS ?? '1').trim();
  const workers = rawWorkers === 'auto' ? availableParallelism() : Number(rawWorkers);
  if (!(/^\d+$/.test(rawWorkers) || rawWorkers === 'auto') || workers < 1 || workers > 64) {
    problems.push(
      `workers: "${rawWorkers}" is not a number of server processes 1–64 or "auto" (--workers or IPREGION_WORKERS)`,
    );
  }
  return { host, port, demo, logLevel, evidenceDir, deadlinePassMinutes, workers };
}
