import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A bound on the JavaScript heap of a long batch job (a bulk ingest): `check()` between batches
 * asks V8 for a full collection once the heap in use passes `megabytes`, or twice what was live
 * after the last one if that is more (so a job that really holds more is not collected after every
 * batch). V8 on its own lets the heap grow to about five times what is live before it collects the
 * old generation — a batch job's records all live long enough to reach it — and that garbage, not
 * the data, set the ingest's peak memory. Needs V8's `gc` function, obtained at run time; where it
 * cannot be, `check()` does nothing.
 */
export function heapBound(megabytes: number): { check(): void } {
  const gc = fullCollector();
  const floor = megabytes * 1024 * 1024;
  let bound = floor;
  return {
    check() {
      if (!gc || getHeapStatistics().used_heap_size <= bound) return;
      gc();
      bound = Math.max(floor, 2 * getHeapStatistics().used_heap_size);
    },
  };
}

let collector: (() => void) | null | undefined;

function fullCollector(): (() => void) | null {
  if (collector !== undefined) return collector;
  try {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (typeof exposed === 'function') collector = exposed;
    else {
      setFlagsFromString('--expose-gc');
      collector = runInNewContext('gc') as () => void;
    }
  } catch {
    collector = null;
  }
  return collector;
}
