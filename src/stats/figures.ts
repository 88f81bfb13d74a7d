import { addYears, type HolderType, type IsoDate, type RightKind } from '../core/index.js';
import type { CountQuery, CountRow, Dimension, StatsEngine } from './engine.js';

/** A figure with its comparisons: the value on D, a year earlier, and optionally on another date. */
export interface Figure {
  group: Partial<Record<Dimension, string>>;
  value: number;
  previousYear: number;
  /** (value − previousYear) / previousYear; null when there was nothing a year earlier. */
  yoy: number | null;
  compareTo?: { date: IsoDate; value: number; change: number | null };
}

export interface FigureQuery {
  date: IsoDate;
  knownOn?: IsoDate | null;
  regions?: readonly string[];
  kinds?: readonly RightKind[];
  holderTypes?: readonly HolderType[];
  industry?: string | null;
  groupBy?: readonly Dimension[];
  /** Another date to compare with, beside the year-on-year change. */
  vs?: IsoDate | null;
}

function change(value: number, before: number): number | null {
  return before === 0 ? null : (value - before) / before;
}

function key(row: CountRow): string {
  return JSON.stringify(row.group);
}

/** The figures for a question: each group's value on D with its year-on-year change (and vs. a date). */
export async function figures(engine: StatsEngine, q: FigureQuery): Promise<Figure[]> {
  const base: CountQuery = {
    date: q.date,
    knownOn: q.knownOn ?? null,
    ...(q.regions ? { regions: q.regions } : {}),
    ...(q.kinds ? { kinds: q.kinds } : {}),
    ...(q.holderTypes ? { holderTypes: q.holderTypes } : {}),
    ...(q.industry !== undefined ? { industry: q.industry } : {}),
    groupBy: q.groupBy ?? [],
  };
  const [now, yearAgo, other] = await Promise.all([
    engine.count(base),
    engine.count({ ...base, date: addYears(q.date, -1) }),
    q.vs ? engine.count({ ...base, date: q.vs }) : Promise.resolve(null),
  ]);
  const before = new Map(yearAgo.map((r) => [key(r), r.value]));
  const then = new Map((other ?? []).map((r) => [key(r), r.value]));
  const groups = new Map(now.map((r) => [key(r), r.group]));
  for (const r of [...yearAgo, ...(other ?? [])]) if (!groups.has(key(r))) groups.set(key(r), r.group);
  const values = new Map(now.map((r) => [key(r), r.value]));
  const out: Figure[] = [...groups].map(([k, group]) => {
    const value = values.get(k) ?? 0;
    const previousYear = before.get(k) ?? 0;
    const f: Figure = { group, value, previousYear, yoy: change(value, previousYear) };
    if (q.vs) {
      const v = then.get(k) ?? 0;
      f.compareTo = { date: q.vs, value: v, change: change(value, v) };
    }
    return f;
  });
  return out.sort((a, b) => b.value - a.value);
}
