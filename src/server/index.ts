import type { FastifyInstance } from 'fastify';
import { assemble } from '../assemble.js';
import { ensureDemoUsers } from '../auth/index.js';
import { mailTransportFromEnv } from '../cases/index.js';
import type { LogLevel } from '../config.js';
import { countRights, loadDemo } from '../demo/index.js';
import { customIndustries } from '../industries/index.js';
import { openStore, type Store } from '../store/index.js';
import { buildApp } from './app.js';
import { scheduleDeadlinePass } from './deadline-pass.js';
import { createDemoCases } from './demo-cases.js';

export { type AppOptions, buildApp, DEFAULT_WEB_ROOT } from './app.js';

export interface StartOptions {
  database: string;
  host?: string;
  /** 0: any free port. */
  port?: number;
  /** The demo region to create when the database holds no rights; false: never. */
  demo?: { scale: number; seed: number } | false;
  webRoot?: string | null;
  logLevel?: LogLevel;
  /** Where case evidence files are kept. */
  evidenceDir?: string;
  /** Told what start-up is doing (creating the demo region takes a while). */
  onNotice?: (message: string) => void;
  /**
   * The deadline pass of the protection centers' cases, run by the server (see
   * `scheduleDeadlinePass`); absent or false: never (`ipregion serve` turns it on, hourly by default).
   */
  deadlinePass?: { everyMs: number; firstAfterMs?: number } | false;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  store: Store;
  /** Stops taking requests, lets the ones in flight finish, then closes the database. */
  close(): Promise<void>;
}

/** Whether every ingest into the store was the demo generator's (its source is named `demo(…)`). */
async function holdsOnlyDemo(store: Store): Promise<boolean> {
  const runs = await store.db.selectFrom('ingest_runs').select('files').execute();
  return (
    runs.length > 0 &&
    runs.every((r) => {
      const files: unknown = JSON.parse(r.files);
      return Array.isArray(files) && files.every((f) => typeof f === 'string' && f.startsWith('demo('));
    })
  );
}

/**
 * What `startServer` does before it listens: in an empty database, the demo region, its users,
 * centers and cases and public statistics. A cluster's primary process does it once for all workers.
 */
export async function prepareStore(store: Store, o: Pick<StartOptions, 'demo' | 'onNotice'>): Promise<void> {
  // The classifier first: the demo's statistics are kept as its rights are written.
  assemble(await customIndustries(store.db));
  let created = false;
  if (o.demo && (await countRights(store)) === 0) {
    o.onNotice?.(
      `The database ${store.location} is empty: creating the demo region (scale ${o.demo.scale}, seed ${o.demo.seed})…`,
    );
    const started = Date.now();
    const result = await loadDemo(store, o.demo);
    o.onNotice?.(
      `Demo region created: ${result.rights} rights in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
    created = true;
  }
  // Demo users have published passwords: only ever into a database that holds nothing but the demo.
  if (o.demo && (created || (await holdsOnlyDemo(store)))) {
    const logins = await ensureDemoUsers(store);
    if (logins.length > 0) {
      o.onNotice?.(
        `Demo users created: ${logins.join(', ')} (passwords in docs/auth.md); statistics are public.`,
      );
    }
  }
  // The protection centers' demo work goes with a demo region created just now (after its users,
  // so that the demo enterprise user's own case is theirs).
  if (o.demo && created) {
    const started = Date.now();
    const summary = await createDemoCases(store, o.demo.seed);
    o.onNotice?.(`Demo cases created: ${summary}, in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
}

/**
 * Opens the store (creating the demo region, its users, centers and cases and public statistics in an
 * empty one: `prepareStore`), builds the app and listens.
 */
export async function startServer(o: StartOptions): Promise<RunningServer> {
  const store = await openStore(o.database);
  try {
    await prepareStore(store, o);
    const app = await buildApp({
      store,
      ...(o.logLevel ? { logLevel: o.logLevel } : {}),
      ...(o.webRoot !== undefined ? { webRoot: o.webRoot } : {}),
      ...(o.evidenceDir ? { evidenceDir: o.evidenceDir } : {}),
    });
    const address = await app.listen({ host: o.host ?? '127.0.0.1', port: o.port ?? 8080 });
    const deadlines = o.deadlinePass
      ? scheduleDeadlinePass(store, {
          ...o.deadlinePass,
          transport: mailTransportFromEnv(),
          onResult: (result) => app.log.info({ deadlinePass: result }, 'deadline pass'),
          onError: (error) => app.log.error({ err: error }, 'deadline pass failed'),
        })
      : null;
    let closing: Promise<void> | null = null;
    return {
      url: address,
      app,
      store,
      close: () => {
        closing ??= Promise.all([deadlines?.stop(), app.close()]).then(() => store.close());
        return closing;
      },
    };
  } catch (e) {
    await store.close();
    throw e;
  }
}
