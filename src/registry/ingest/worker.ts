import { parentPort } from 'node:worker_threads';
import { checkItem } from './check.js';
import { readerFor } from './detect.js';
import { type Carried, type Packed, packItems } from './pack.js';
import type { FormatName } from './types.js';

/**
 * The reading half of a parallel ingest: a worker thread that reads and checks the files it is
 * given, one after another (one thread for a whole ingest run, so that many small files — OPS
 * responses of a hundred documents — do not each pay for starting one, and the next file is read
 * while the last one is written), and sends the checked items to the writing thread in batches,
 * never more than CREDIT batches ahead of it (so memory stays bounded however fast the reader is).
 */
export interface ReadTask {
  type: 'read';
  file: string;
  format: FormatName;
  /** Whether the writer keeps the statistics (then rights carry their base contribution). */
  statistics: boolean;
  /** Which thread checks rights and derives their keys (see DERIVE_FROM_QUEUED); tests fix it. */
  derive: DeriveIn;
}

/** `balanced`: whichever thread has time; `reading` or `writing`: always that one. */
export type DeriveIn = 'balanced' | 'reading' | 'writing';

/** To the worker: a file to read, or leave to send one more batch of the file being read. */
export type ToWorker = ReadTask | { type: 'credit' };

/** From the worker, about the file being read. */
export type WorkerMessage =
  | { type: 'batch'; items: Packed }
  | { type: 'done' }
  | { type: 'error'; message: string };

export const BATCH = 500;
export const CREDIT = 6;
/**
 * Batches waiting for the writer from which the reader checks rights and derives their keys and
 * contributions itself. With fewer waiting, the writer keeps up and the reader is the slower thread
 * (bulk XML): it hands that work over to the writer. With more, the writer is the slower one (JSON
 * Lines): the reader does it.
 */
export const DERIVE_FROM_QUEUED = 2;

function serve(port: NonNullable<typeof parentPort>): void {
  let credit = CREDIT;
  let wake: (() => void) | null = null;
  // Files are read one at a time, in the order they come.
  let reading: Promise<void> = Promise.resolve();
  port.on('message', (m: ToWorker) => {
    if (m.type === 'credit') {
      credit += 1;
      wake?.();
      wake = null;
      return;
    }
    reading = reading.then(() =>
      read(m).catch((e: unknown) => {
        port.postMessage({
          type: 'error',
          message: e instanceof Error ? e.message : String(e),
        } satisfies WorkerMessage);
      }),
    );
  });

  const send = async (items: Carried[]) => {
    while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
    credit -= 1;
    port.postMessage({ type: 'batch', items: packItems(items) } satisfies WorkerMessage);
  };

  // Credit is counted across files: the reader may start the next file while the writer is still
  // writing the last batches of this one, and still never runs more than CREDIT batches ahead.
  const read = async (task: ReadTask) => {
    const reader = await readerFor(task.file, task.format);
    let batch: Carried[] = [];
    let derive = task.derive !== 'writing';
    for await (const item of reader.read(task.file)) {
      // While the writer keeps up, it also checks the rights (see DERIVE_FROM_QUEUED).
      batch.push(
        derive || item.type !== 'right'
          ? checkItem(item, task.statistics)
          : { unchecked: item.record, position: item.position },
      );
      if (batch.length >= BATCH) {
        await send(batch);
        batch = [];
        if (task.derive === 'balanced') derive = CREDIT - credit >= DERIVE_FROM_QUEUED;
      }
    }
    if (batch.length > 0) await send(batch);
    port.postMessage({ type: 'done' } satisfies WorkerMessage);
  };
}

if (parentPort) serve(parentPort);
