import { type CheckedItem, checkItem, ingestSources } from '../registry/index.js';
import type { Store } from '../store/index.js';
import { generateRegistry } from './generate.js';

/** Rights generated per unit of scale, roughly: for progress reports only. */
export const RIGHTS_PER_SCALE = 19_140_000;

export interface LoadDemoOptions {
  scale: number;
  seed: number;
  onProgress?: (done: number, total: number) => void;
}

/** Generates the demo registry into the store through the ordinary ingest path. */
export async function loadDemo(store: Store, o: LoadDemoOptions) {
  const summary = await ingestSources(
    store,
    [
      {
        name: `demo(scale=${o.scale},seed=${o.seed})`,
        format: 'generated',
        bytesTotal: Math.round(RIGHTS_PER_SCALE * o.scale),
        items: function* (): Generator<CheckedItem> {
          let offset = 0;
          for (const record of generateRegistry({ scale: o.scale, seed: o.seed })) {
            yield checkItem({ type: 'right', record, position: { offset: offset++ } });
          }
        },
      },
    ],
    { batchSize: 5000, onProgress: (p) => o.onProgress?.(p.done, Math.max(p.done, p.total)) },
  );
  return {
    rights: summary.accepted + summary.unchanged,
    accepted: summary.accepted,
    unchanged: summary.unchanged,
  };
}

/** How many rights the store holds (the demo is created only into an empty registry). */
export async function countRights(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom('rights')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
