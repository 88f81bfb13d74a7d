import { loadRightFrom } from '../registry/read.js';
import { bumpDataVersion, type Store } from '../store/index.js';
import { cellIndustries, industriesOf } from './classify.js';
import { addInto, contributions } from './contributions.js';
import { applyDeltas, setIndustries } from './maintain-kysely.js';

const CHUNK = 2000;

/**
 * Recomputes the statistics structure and every right's industries from the registry, in one
 * transaction (a crash leaves the old structure): after an administrator defines a new industry,
 * or to check the structure against the rights. Its cost grows with the registry, as it reads it all.
 */
export async function rebuildStatistics(
  store: Store,
  onProgress?: (done: number, total: number) => void,
): Promise<{ rights: number; deltas: number }> {
  return store.db.transaction().execute(async (trx) => {
    const total = Number(
      (
        await trx
          .selectFrom('rights')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    await trx.deleteFrom('stat_deltas').execute();
    await trx.deleteFrom('stat_journal').execute();
    await trx.deleteFrom('right_industries').execute();
    let last = 0;
    let done = 0;
    let deltas = 0;
    for (;;) {
      const ids = await trx
        .selectFrom('rights')
        .select('id')
        .where('id', '>', last)
        .orderBy('id')
        .limit(CHUNK)
        .execute();
      if (ids.length === 0) break;
      const chunk = new Map<string, number>();
      const classified: Array<{ rightId: number; industries: string[]; replace: boolean }> = [];
      for (const { id } of ids) {
        const right = await loadRightFrom(trx, id);
        if (!right) continue;
        const industries = industriesOf(right);
        classified.push({ rightId: id, industries, replace: false });
        addInto(chunk, contributions(right, cellIndustries(industries)));
      }
      await setIndustries(trx, classified);
      await applyDeltas(trx, chunk);
      deltas += chunk.size;
      done += ids.length;
      last = ids[ids.length - 1]!.id;
      onProgress?.(done, total);
    }
    await bumpDataVersion(trx);
    return { rights: done, deltas };
  });
}
