import { errors, type HolderType, type IsoDate, type RightKind } from '../core/index.js';
import { cityOf, provinceOf } from '../reference/index.js';
import type { Store } from '../store/index.js';
import { dayNumber } from './contributions.js';
import {
  buildSeries,
  type Cell,
  countOn,
  dataVersion,
  deltaRows,
  loadCells,
  mergedSeries,
  type Series,
  totalAt,
} from './series.js';

export const DIMENSIONS = ['province', 'city', 'district', 'kind', 'holderType', 'industry'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** A point-in-time question: rights in force on `date` (as known on `knownOn`), filtered and grouped. */
export interface CountQuery {
  date: IsoDate;
  knownOn?: IsoDate | null;
  /** GB/T 2260 codes (province `34`, city `340100`, district `340104`); empty or absent: everywhere. */
  regions?: readonly string[];
  kinds?: readonly RightKind[];
  holderTypes?: readonly HolderType[];
  /** One industry id; absent: all rights, whatever their industry. */
  industry?: string | null;
  groupBy?: readonly Dimension[];
}

export interface CountRow {
  group: Partial<Record<Dimension, string>>;
  value: number;
}

/** True when a holder's region code lies inside the selected region code. */
export function regionWithin(code: string, selected: string): boolean {
  if (selected.length === 2) return code.startsWith(selected);
  if (selected.endsWith('00'))
    return code.length === 6 && code.startsWith(selected.slice(0, 4)) && code !== `${selected.slice(0, 2)}`;
  return code === selected;
}

const provinceMemo = new Map<string, string>();
const cityMemo = new Map<string, string>();

function groupValue(cell: Cell, d: Dimension): string {
  switch (d) {
    case 'province': {
      let p = provinceMemo.get(cell.region);
      if (p === undefined) {
        p = cell.region ? (provinceOf(cell.region) ?? cell.region.slice(0, 2)) : '';
        provinceMemo.set(cell.region, p);
      }
      return p;
    }
    case 'city': {
      let c = cityMemo.get(cell.region);
      if (c === undefined) {
        c = cell.region.length === 6 ? (cityOf(cell.region) ?? '') : '';
        cityMemo.set(cell.region, c);
      }
      return c;
    }
    case 'district':
      return cell.region;
    case 'kind':
      return cell.kind;
    case 'holderType':
      return cell.holderType;
    case 'industry':
      return cell.industry;
  }
}

/**
 * Answers point-in-time counts from the statistics structure. As all data is known now, from the
 * running totals kept in memory per data version (a count is a binary search per cell); as known
 * on a past date, from one aggregate over the deltas of that knowledge.
 */
export class StatsEngine {
  private series: Series | null = null;
  private building: Promise<Series> | null = null;
  private selections: { version: string; byKey: Map<string, Int32Array> } = { version: '', byKey: new Map() };
  private sums: { version: string; byKey: Map<string, { days: Int32Array; totals: Int32Array }> } = {
    version: '',
    byKey: new Map(),
  };

  constructor(private readonly store: Store) {}

  /** The version of the data the answers come from (changes with every ingest that changed something). */
  version(): Promise<string> {
    return dataVersion(this.store.db);
  }

  private async current(): Promise<Series> {
    const version = await dataVersion(this.store.db);
    if (this.series?.version === version) return this.series;
    if (!this.building) {
      this.building = buildSeries(this.store, version).finally(() => {
        this.building = null;
      });
    }
    this.series = await this.building;
    return this.series;
  }

  async count(q: CountQuery): Promise<CountRow[]> {
    const groupBy = q.groupBy ?? [];
    if (groupBy.includes('industry') && q.industry === undefined) {
      throw errors.invalidInput('grouping by industry needs the cells of every industry: use industry "*"');
    }
    const day = dayNumber(q.date);
    const groups = new Map<string, CountRow>();
    const add = (cell: Cell, value: number) => {
      if (value === 0) return;
      let key = '';
      for (const d of groupBy) key += `${groupValue(cell, d)}\u0001`;
      let row = groups.get(key);
      if (!row) {
        row = { group: Object.fromEntries(groupBy.map((d) => [d, groupValue(cell, d)])), value: 0 };
        groups.set(key, row);
      }
      row.value += value;
    };
    if (q.knownOn) {
      const wanted = this.cellFilter(q);
      const cells = new Map((await loadCells(this.store.db)).map((c) => [c.id, c]));
      const rows = await this.store.db
        .selectFrom(deltaRows(this.store.db))
        .select(['cell_id', (eb) => eb.fn.sum<number>('delta').as('n')])
        .where('day', '<=', day)
        .where('known_from', '<=', dayNumber(q.knownOn))
        .groupBy('cell_id')
        .execute();
      for (const r of rows) {
        const cell = cells.get(r.cell_id);
        if (cell && wanted(cell)) add(cell, Number(r.n));
      }
    } else {
      const s = await this.current();
      if (groupBy.length === 0) return [{ group: {}, value: this.sumOn(s, q, day) }];
      for (const i of this.selection(s, q)) add(s.cells[i]!, countOn(s, i, day));
    }
    if (groupBy.length === 0 && groups.size === 0) return [{ group: {}, value: 0 }];
    return [...groups.values()].sort((a, b) => b.value - a.value);
  }

  /** The total of the cells a filter selects on a day, from their merged series (kept per data version). */
  private sumOn(s: Series, q: CountQuery, day: number): number {
    const key = JSON.stringify([q.regions ?? [], q.kinds ?? [], q.holderTypes ?? [], q.industry ?? '']);
    if (this.sums.version !== s.version) this.sums = { version: s.version, byKey: new Map() };
    let merged = this.sums.byKey.get(key);
    if (!merged) {
      merged = mergedSeries(s, this.selection(s, q));
      if (this.sums.byKey.size > 1000) this.sums.byKey.clear();
      this.sums.byKey.set(key, merged);
    }
    return totalAt(merged.days, merged.totals, day);
  }

  /** The cells a filter selects, remembered per data version: repeated questions skip the scan. */
  private selection(s: Series, q: CountQuery): Int32Array {
    const key = JSON.stringify([q.regions ?? [], q.kinds ?? [], q.holderTypes ?? [], q.industry ?? '']);
    if (this.selections.version !== s.version) this.selections = { version: s.version, byKey: new Map() };
    let found = this.selections.byKey.get(key);
    if (!found) {
      const wanted = this.cellFilter(q);
      const out: number[] = [];
      for (let i = 0; i < s.cells.length; i++) if (wanted(s.cells[i]!)) out.push(i);
      found = Int32Array.from(out);
      if (this.selections.byKey.size > 1000) this.selections.byKey.clear();
      this.selections.byKey.set(key, found);
    }
    return found;
  }

  private cellFilter(q: CountQuery): (c: Cell) => boolean {
    const regions = q.regions && q.regions.length > 0 ? q.regions : null;
    const kinds = q.kinds && q.kinds.length > 0 ? new Set(q.kinds) : null;
    const types = q.holderTypes && q.holderTypes.length > 0 ? new Set(q.holderTypes) : null;
    const industry = q.industry === undefined || q.industry === null ? '' : q.industry;
    return (c) =>
      (industry === '*' ? c.industry !== '' : c.industry === industry) &&
      (!kinds || kinds.has(c.kind)) &&
      (!types || types.has(c.holderType)) &&
      (!regions || regions.some((r) => regionWithin(c.region, r)));
  }
}
