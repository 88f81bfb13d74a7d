import type { Kysely } from 'kysely';
import type { HolderType, RightKind } from '../core/index.js';
import type { Database, Store } from '../store/index.js';

/** A cell of the statistics: where the first holder is, the kind, the holder type, the industry. */
export interface Cell {
  id: number;
  region: string;
  kind: RightKind;
  holderType: HolderType;
  industry: string;
}

/**
 * The cells' running totals by day, as all data is known now: for each cell the days on which its
 * count changes and the count from that day on. Built from the deltas (grouped by cell and day, so
 * its size is that of the structure, not of the registry) and kept per data version.
 */
export interface Series {
  version: string;
  cells: Cell[];
  /** Per cell index: change days (YYYYMMDD) and the count from each. */
  days: Int32Array[];
  totals: Int32Array[];
}

export async function dataVersion(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', 'data_version')
    .executeTakeFirst();
  return row?.value ?? '0';
}

export async function loadCells(db: Kysely<Database>): Promise<Cell[]> {
  const rows = await db.selectFrom('stat_cells').selectAll().orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    region: r.region_code,
    kind: r.kind as RightKind,
    holderType: r.holder_type as HolderType,
    industry: r.industry,
  }));
}

/**
 * Every delta row: `stat_deltas` and the journal not yet folded into it (migration 008). Readers
 * always add both, so an answer never depends on whether the journal was folded.
 */
export function deltaRows(db: Kysely<Database>) {
  const columns = ['cell_id', 'day', 'known_from', 'delta'] as const;
  return db
    .selectFrom('stat_deltas')
    .select(columns)
    .unionAll(db.selectFrom('stat_journal').select(columns))
    .as('d');
}

type DailyDelta = [cellId: number, day: number, delta: number];

/** The deltas summed by cell and day, in cell and day order: [cell_id, day, delta] rows. */
async function* dailyDeltas(store: Store): AsyncGenerator<DailyDelta> {
  if (store.sqlite) {
    const query = (table: string) =>
      `select cell_id, day, sum(delta) as delta from ${table} group by cell_id, day order by cell_id, day`;
    // The journal is small (folded every few million rows); the deltas, at full scale, are tens of
    // millions of rows: stream them in key order rather than build an object per row, and merge.
    const journal = store.sqlite.prepare(query('stat_journal')).raw().all() as DailyDelta[];
    const deltas = store.sqlite.prepare(query('stat_deltas')).raw().iterate() as IterableIterator<DailyDelta>;
    yield* mergeDaily(deltas, journal);
    return;
  }
  const rows = await store.db
    .selectFrom(deltaRows(store.db))
    .select(['cell_id', 'day', (eb) => eb.fn.sum<number>('delta').as('delta')])
    .groupBy(['cell_id', 'day'])
    .orderBy('cell_id')
    .orderBy('day')
    .execute();
  for (const r of rows) yield [r.cell_id, r.day, Number(r.delta)];
}

/** Two lists of [cell, day, delta] in (cell, day) order merged into one, equal keys summed. */
export function* mergeDaily(a: Iterable<DailyDelta>, b: readonly DailyDelta[]): Generator<DailyDelta> {
  let j = 0;
  for (const row of a) {
    while (j < b.length && (b[j]![0] < row[0] || (b[j]![0] === row[0] && b[j]![1] < row[1]))) yield b[j++]!;
    if (j < b.length && b[j]![0] === row[0] && b[j]![1] === row[1]) {
      yield [row[0], row[1], row[2] + b[j]![2]];
      j += 1;
    } else yield row;
  }
  while (j < b.length) yield b[j++]!;
}

export async function buildSeries(store: Store, version: string): Promise<Series> {
  const cells = await loadCells(store.db);
  const index = new Map(cells.map((c, i) => [c.id, i]));
  const days: number[][] = cells.map(() => []);
  const totals: number[][] = cells.map(() => []);
  for await (const [cellId, day, delta] of dailyDeltas(store)) {
    const i = index.get(cellId);
    if (i === undefined || delta === 0) continue;
    const t = totals[i]!;
    days[i]!.push(day);
    t.push((t.length ? t[t.length - 1]! : 0) + delta);
  }
  return {
    version,
    cells,
    days: days.map((d) => Int32Array.from(d)),
    totals: totals.map((t) => Int32Array.from(t)),
  };
}

/** The total at the last change on or before `day` of a running-total series (0 before the first). */
export function totalAt(days: Int32Array, totals: Int32Array, day: number): number {
  let lo = 0;
  let hi = days.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]! <= day) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? 0 : totals[found]!;
}

/** The cell's count on `day`: the total at the last change on or before it. */
export function countOn(series: Series, cellIndex: number, day: number): number {
  return totalAt(series.days[cellIndex]!, series.totals[cellIndex]!, day);
}

/**
 * One running-total series for the sum of several cells: a question without a breakdown then
 * costs one binary search on any date, however many cells its filter selects.
 */
export function mergedSeries(
  series: Series,
  cellIndexes: Int32Array,
): { days: Int32Array; totals: Int32Array } {
  const changes = new Map<number, number>();
  for (const i of cellIndexes) {
    const days = series.days[i]!;
    const totals = series.totals[i]!;
    for (let k = 0; k < days.length; k++) {
      const delta = totals[k]! - (k > 0 ? totals[k - 1]! : 0);
      changes.set(days[k]!, (changes.get(days[k]!) ?? 0) + delta);
    }
  }
  const days = Int32Array.from(changes.keys()).sort();
  const totals = new Int32Array(days.length);
  let running = 0;
  for (let k = 0; k < days.length; k++) {
    running += changes.get(days[k]!)!;
    totals[k] = running;
  }
  return { days, totals };
}
