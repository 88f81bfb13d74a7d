import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type CheckedItem, checkItem } from './check.js';
import { unpackItems } from './pack.js';
import type { FormatName } from './types.js';
import type { DeriveIn, ToWorker, WorkerMessage } from './worker.js';

/**
 * Starts the reading worker. Running from TypeScript sources (tests, `npm run dev`), the worker
 * first registers tsx's loader, which a worker thread does not inherit.
 */
function startWorker(): Worker {
  const fromSources = import.meta.url.endsWith('.ts');
  const entry = new URL(fromSources ? './worker.ts' : './worker.js', import.meta.url);
  // The reader needs little: a bounded heap keeps the whole ingest's memory bounded too.
  const resourceLimits = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 48 };
  if (!fromSources) return new Worker(entry, { resourceLimits });
  const tsx = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const boot = `(async () => { (await import(${JSON.stringify(pathToFileURL(tsx).href)})).register(); await import(${JSON.stringify(entry.href)}); })()`;
  return new Worker(boot, { eval: true, resourceLimits });
}

/**
 * Reads and checks files in a worker thread while the caller writes: parsing and writing then run on
 * the machine's two cores side by side. One thread serves every file of an ingest run, one file at a
 * time (started on the first, ended by `close`); errors of the worker surface in `read`.
 */
export class ReadingThread {
  private worker: Worker | null = null;
  private readonly queue: WorkerMessage[] = [];
  private notify: (() => void) | null = null;
  private failure: Error | null = null;
  /** Files announced with `ahead` and not read yet, in order. */
  private readonly announced: string[] = [];

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker();
    const push = (m: WorkerMessage) => {
      // A worker already closed (its exit comes later) has nothing more to say.
      if (this.worker !== worker) return;
      this.queue.push(m);
      this.notify?.();
      this.notify = null;
    };
    worker.on('message', push);
    worker.on('error', (e) => {
      if (this.worker === worker) this.failure = e;
      push({ type: 'error', message: e.message });
    });
    worker.on('exit', (code) => {
      if (code !== 0) push({ type: 'error', message: `ingest worker stopped with code ${code}` });
      if (this.worker === worker) this.worker = null;
    });
    this.worker = worker;
    return worker;
  }

  /**
   * Lets the worker start on a file before it is asked for: the files of a run announced in the
   * order they will be read, so that each is read while the one before is written.
   */
  ahead(file: string, format: FormatName, statistics = true, derive: DeriveIn = 'balanced'): void {
    this.start().postMessage({ type: 'read', file, format, statistics, derive } satisfies ToWorker);
    this.announced.push(file);
  }

  /** The checked items of a file. Read each file to its end (or `close`) before the next. */
  async *read(
    file: string,
    format: FormatName,
    statistics = true,
    derive: DeriveIn = 'balanced',
  ): AsyncGenerator<CheckedItem> {
    const worker = this.start();
    const post = (m: ToWorker) => worker.postMessage(m);
    if (this.announced.length === 0) post({ type: 'read', file, format, statistics, derive });
    else if (this.announced.shift() !== file)
      throw new Error(`reading ${file} out of the order announced to the reading thread`);
    let finished = false;
    try {
      for (;;) {
        while (this.queue.length === 0) await new Promise<void>((resolve) => (this.notify = resolve));
        const m = this.queue.shift()!;
        if (m.type === 'done') {
          finished = true;
          return;
        }
        if (m.type === 'error') throw this.failure ?? new Error(m.message);
        post({ type: 'credit' });
        for (const c of unpackItems(m.items)) {
          // A right the reader left for this thread to check (it was the busier one).
          yield 'unchecked' in c
            ? checkItem({ type: 'right', record: c.unchecked, position: c.position }, statistics)
            : c;
        }
      }
    } finally {
      // Left in the middle of a file (an error, or the caller stopped): the worker is mid-file.
      if (!finished) await this.close();
    }
  }

  /** Ends the worker (also in the middle of a file). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.queue.length = 0;
    this.announced.length = 0;
    this.failure = null;
    if (worker) await worker.terminate();
  }
}
