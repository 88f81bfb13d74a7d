import type { Kysely } from 'kysely';
import type { RightRecord } from '../core/index.js';
import { eventKey } from '../registry/hashing.js';
import { loadRightFrom } from '../registry/read.js';
import { chunks, type Database } from '../store/index.js';
import { cellIndustries, industriesOf } from './classify.js';
import { addInto, contributions, diffContributions, distinctEvents, parseDeltaKey } from './contributions.js';

const CHUNK = 500;

/**
 * Writes statistics deltas through Kysely (PostgreSQL) inside the registry writer's transaction:
 * cells created on first use, deltas added with one multi-row upsert per chunk.
 */
export async function applyDeltas(db: Kysely<Database>, deltas: Map<string, number>): Promise<void> {
  if (deltas.size === 0) return;
  const parsed = [...deltas].map(([key, delta]) => ({ ...parseDeltaKey(key), delta }));
  const cellKey = (c: (typeof parsed)[number]['cell']) =>
    `${c.region}\u0001${c.kind}\u0001${c.holderType}\u0001${c.industry}`;
  const cells = new Map(parsed.map((p) => [cellKey(p.cell), p.cell]));
  const ids = new Map<string, number>();
  for (const chunk of chunks([...cells.values()], CHUNK)) {
    await db
      .insertInto('stat_cells')
      .values(
        chunk.map((c) => ({
          region_code: c.region,
          kind: c.kind,
          holder_type: c.holderType,
          industry: c.industry,
        })),
      )
      .onConflict((oc) => oc.columns(['region_code', 'kind', 'holder_type', 'industry']).doNothing())
      .execute();
    const rows = await db
      .selectFrom('stat_cells')
      .select(['id', 'region_code', 'kind', 'holder_type', 'industry'])
      .where((eb) =>
        eb.or(
          chunk.map((c) =>
            eb.and([
              eb('region_code', '=', c.region),
              eb('kind', '=', c.kind),
              eb('holder_type', '=', c.holderType),
              eb('industry', '=', c.industry),
            ]),
          ),
        ),
      )
      .execute();
    for (const r of rows)
      ids.set(`${r.region_code}\u0001${r.kind}\u0001${r.holder_type}\u0001${r.industry}`, r.id);
  }
  for (const chunk of chunks(parsed, CHUNK)) {
    await db
      .insertInto('stat_deltas')
      .values(
        chunk.map((p) => ({
          cell_id: ids.get(cellKey(p.cell))!,
          day: p.day,
          known_from: p.knownFrom,
          delta: p.delta,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['cell_id', 'day', 'known_from']).doUpdateSet((eb) => ({
          delta: eb('stat_deltas.delta', '+', eb.ref('excluded.delta')),
        })),
      )
      .execute();
  }
}

export async function setIndustries(
  db: Kysely<Database>,
  rows: Array<{ rightId: number; industries: readonly string[]; replace: boolean }>,
): Promise<void> {
  const replaced = rows.filter((r) => r.replace).map((r) => r.rightId);
  for (const chunk of chunks(replaced, CHUNK))
    await db.deleteFrom('right_industries').where('right_id', 'in', chunk).execute();
  const values = rows.flatMap((r) => r.industries.map((industry) => ({ right_id: r.rightId, industry })));
  for (const chunk of chunks(values, CHUNK)) {
    await db
      .insertInto('right_industries')
      .values(chunk)
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** What a batch on PostgreSQL touched, and the contributions before it; `finish` writes the difference. */
export class KyselyStatsBatch {
  private readonly affected = new Map<
    number,
    { before: Map<string, number> | null; record: RightRecord | null }
  >();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly enabled = true,
  ) {}

  /** A right this batch is about to change: remember its contribution first (once). */
  async noteBefore(id: number): Promise<void> {
    if (!this.enabled) return;
    const known = this.affected.get(id);
    if (known) {
      known.record = null;
      return;
    }
    const before = await loadRightFrom(this.db, id);
    this.affected.set(id, {
      before: before ? contributions(before, cellIndustries(industriesOf(before))) : null,
      record: null,
    });
  }

  /** A right this batch created, from `record` when written whole (null: read it back afterwards). */
  noteNew(id: number, record: RightRecord | null): void {
    if (!this.enabled) return;
    if (!this.affected.has(id)) this.affected.set(id, { before: null, record });
  }

  /** Forget the record given for a new right: its contribution after the batch is read back. */
  readBack(id: number): void {
    const known = this.affected.get(id);
    if (known) known.record = null;
  }

  async finish(): Promise<void> {
    if (!this.enabled) return;
    const deltas = new Map<string, number>();
    const classified: Array<{ rightId: number; industries: string[]; replace: boolean }> = [];
    for (const [id, { before, record }] of this.affected) {
      const after = record
        ? { ...record, events: distinctEvents(record.events, eventKey) }
        : await loadRightFrom(this.db, id);
      if (!after) continue;
      const industries = industriesOf(after);
      classified.push({ rightId: id, industries, replace: before !== null || record === null });
      addInto(deltas, diffContributions(before, contributions(after, cellIndustries(industries))));
    }
    await setIndustries(this.db, classified);
    await applyDeltas(this.db, deltas);
  }
}
