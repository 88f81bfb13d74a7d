import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type CheckedItem, checkItem } from './check.js';
import { unpackItems } from './pack.js';
import type { FormatName } from './types.js';
import type { DeriveIn, WorkerInput, WorkerMessage } from './worker.js';

/**
 * Reads and checks a file in a worker thread while the caller writes: parsing and writing then run
 * on the machine's two cores side by side. Running from TypeScript sources (tests, `npm run dev`),
 * the worker first registers tsx's loader, which a worker thread does not inherit.
 */
function startWorker(input: WorkerInput): Worker {
  const fromSources = import.meta.url.endsWith('.ts');
  const entry = new URL(fromSources ? './worker.ts' : './worker.js', import.meta.url);
  // The reader needs little: a bounded heap keeps the whole ingest's memory bounded too.
  const resourceLimits = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 48 };
  if (!fromSources) return new Worker(entry, { workerData: input, resourceLimits });
  const tsx = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const boot = `(async () => { (await import(${JSON.stringify(pathToFileURL(tsx).href)})).register(); await import(${JSON.stringify(entry.href)}); })()`;
  return new Worker(boot, { eval: true, workerData: input, resourceLimits });
}

/** The checked items of a file, read in a worker thread; errors of the worker surface here. */
export async function* readInWorker(
  file: string,
  format: FormatName,
  statistics = true,
  derive: DeriveIn = 'balanced',
): AsyncGenerator<CheckedItem> {
  const worker = startWorker({ file, format, statistics, derive });
  const queue: WorkerMessage[] = [];
  let notify: (() => void) | null = null;
  let failure: Error | null = null;
  const push = (m: WorkerMessage) => {
    queue.push(m);
    notify?.();
    notify = null;
  };
  worker.on('message', push);
  worker.on('error', (e) => {
    failure = e;
    push({ type: 'error', message: e.message });
  });
  worker.on('exit', (code) => {
    if (code !== 0) push({ type: 'error', message: `ingest worker stopped with code ${code}` });
  });
  try {
    for (;;) {
      while (queue.length === 0) await new Promise<void>((resolve) => (notify = resolve));
      const m = queue.shift()!;
      if (m.type === 'done') return;
      if (m.type === 'error') throw failure ?? new Error(m.message);
      worker.postMessage({ type: 'credit' });
      for (const c of unpackItems(m.items)) {
        // A right the reader left for this thread to check (it was the busier one).
        yield 'unchecked' in c
          ? checkItem({ type: 'right', record: c.unchecked, position: c.position }, statistics, false)
          : c;
      }
    }
  } finally {
    await worker.terminate();
  }
}
