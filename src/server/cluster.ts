import cluster, { type Worker } from 'node:cluster';
import { openStore } from '../store/index.js';
import { prepareStore, type StartOptions } from './index.js';

/**
 * `ipregion serve --workers N`: N server processes sharing one port (node:cluster), so that the API
 * uses more than one core. The primary process prepares the database once (the demo region in an
 * empty one), starts the workers, replaces one that dies, and stops them all, each finishing its
 * requests in flight, when it is told to stop. Everything a worker keeps in memory is either read
 * per request (the data version, the statistics' answers) or kept true across processes (sessions,
 * see src/auth/session-cache.ts; the calendar, re-read every few seconds), so the workers answer
 * alike. Only the first worker runs the deadline pass.
 */

/** What a worker is told in its environment: its slot (0 … N-1). */
export const WORKER_SLOT_ENV = 'IPREGION_WORKER_SLOT';
/** A worker that dies is replaced after this long (so a worker that cannot start does not spin). */
const RESTART_AFTER_MS = 1000;
/** How long a worker asked to stop has before it is sent SIGTERM. */
const TERM_AFTER_MS = 10_000;
/** How long stopping waits for a worker to finish its requests before it is killed. */
const STOP_TIMEOUT_MS = 30_000;

export interface ClusterOptions {
  workers: number;
  start: StartOptions;
}

export interface RunningCluster {
  url: string;
  /** Process ids of the current workers. */
  workerPids(): number[];
  /** Stops every worker (each finishes its requests in flight), then resolves. */
  close(): Promise<void>;
}

/** The slot of this process when it is a cluster worker, else null. */
export function workerSlot(): number | null {
  if (!cluster.isWorker) return null;
  const slot = Number(process.env[WORKER_SLOT_ENV]);
  return Number.isInteger(slot) && slot >= 0 ? slot : null;
}

/** In a worker: calls `stop` when the primary asks it to, or when the primary is gone. */
export function onPrimaryStop(stop: () => void): void {
  process.on('message', (m: unknown) => {
    if ((m as { type?: string } | null)?.type === 'stop') stop();
  });
  process.once('disconnect', stop);
}

/** In the primary: prepares the database, starts the workers and resolves once all of them listen. */
export async function startCluster(o: ClusterOptions): Promise<RunningCluster> {
  const store = await openStore(o.start.database);
  try {
    await prepareStore(store, o.start);
  } finally {
    await store.close();
  }

  const workers = new Map<number, Worker>();
  let closing = false;
  let url: string | null = null;
  const fork = (slot: number) => {
    const worker = cluster.fork({ [WORKER_SLOT_ENV]: String(slot) });
    workers.set(slot, worker);
    return worker;
  };
  const host = o.start.host ?? '127.0.0.1';

  // Every worker listening, or the first one that dies before it does.
  await new Promise<void>((resolve, reject) => {
    let listening = 0;
    for (let slot = 0; slot < o.workers; slot++) {
      const worker = fork(slot);
      worker.once('listening', (address) => {
        url ??= `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
        if (++listening === o.workers) resolve();
      });
      worker.once('exit', (code, signal) => {
        if (url === null || listening < o.workers)
          reject(
            new Error(`server worker ${slot} stopped while starting (${signal ?? `exit code ${code}`})`),
          );
      });
    }
  }).catch(async (e: unknown) => {
    closing = true;
    for (const w of workers.values()) w.process.kill('SIGTERM');
    throw e;
  });

  // From now on, a worker that dies is replaced in its slot.
  cluster.on('exit', (worker, code, signal) => {
    if (closing) return;
    for (const [slot, w] of workers) {
      if (w !== worker) continue;
      o.start.onNotice?.(
        `server worker ${slot} (process ${worker.process.pid}) stopped (${signal ?? `exit code ${code}`}); starting another`,
      );
      setTimeout(() => {
        if (!closing) fork(slot);
      }, RESTART_AFTER_MS);
    }
  });

  let stopped: Promise<void> | null = null;
  return {
    url: url!,
    workerPids: () => [...workers.values()].flatMap((w) => (w.isDead() ? [] : [w.process.pid!])),
    close: () => {
      closing = true;
      stopped ??= Promise.all(
        [...workers.values()].map(
          (w) =>
            new Promise<void>((resolve) => {
              if (w.isDead()) return resolve();
              // Asked over the channel first; a worker that has not answered (one still starting)
              // gets SIGTERM, which it handles alike, and in the end SIGKILL.
              const term = setTimeout(() => w.process.kill('SIGTERM'), TERM_AFTER_MS);
              const kill = setTimeout(() => w.process.kill('SIGKILL'), STOP_TIMEOUT_MS);
              w.once('exit', () => {
                clearTimeout(term);
                clearTimeout(kill);
                resolve();
              });
              try {
                w.send({ type: 'stop' });
              } catch {
                w.process.kill('SIGTERM');
              }
            }),
        ),
      ).then(() => undefined);
      return stopped;
    },
  };
}
