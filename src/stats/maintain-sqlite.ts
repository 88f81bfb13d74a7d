import type SQLite from 'better-sqlite3';
import { parseDeltaKey } from './contributions.js';

/**
 * Writes statistics deltas on SQLite inside the registry writer's transaction: cells are created
 * on first use, deltas added to what is there (a row whose deltas cancel out stays, at zero).
 */
export class SqliteStatsWriter {
  private readonly cellIds = new Map<string, number>();
  private pending = new Map<string, number>();
  private readonly s;

  constructor(db: SQLite.Database) {
    this.s = {
      selectCell: db.prepare<[string, string, string, string], { id: number }>(
        'select id from stat_cells where region_code = ? and kind = ? and holder_type = ? and industry = ?',
      ),
      insertCell: db.prepare(
        'insert into stat_cells (region_code, kind, holder_type, industry) values (?, ?, ?, ?)',
      ),
      upsert: db.prepare(
        'insert into stat_deltas (cell_id, day, known_from, delta) values (?, ?, ?, ?) on conflict (cell_id, day, known_from) do update set delta = delta + excluded.delta',
      ),
      clearIndustries: db.prepare('delete from right_industries where right_id = ?'),
      addIndustry: db.prepare('insert or ignore into right_industries (right_id, industry) values (?, ?)'),
    };
  }

  /** Call at the start of a batch; `commit()` after it committed. */
  begin(): void {
    this.pending = new Map();
  }

  commit(): void {
    for (const [k, v] of this.pending) this.cellIds.set(k, v);
  }

  apply(deltas: Map<string, number>): void {
    const rows: Array<[number, number, number, number]> = [];
    for (const [key, delta] of deltas) {
      // key = cell \u0001 day \u0001 knownFrom: cut from the end, parse the cell only when it is new.
      const k2 = key.lastIndexOf('\u0001');
      const k1 = key.lastIndexOf('\u0001', k2 - 1);
      const cellKey = key.slice(0, k1);
      let id = this.cellIds.get(cellKey) ?? this.pending.get(cellKey);
      if (id === undefined) {
        const { cell } = parseDeltaKey(key);
        id =
          this.s.selectCell.get(cell.region, cell.kind, cell.holderType, cell.industry)?.id ??
          Number(
            this.s.insertCell.run(cell.region, cell.kind, cell.holderType, cell.industry).lastInsertRowid,
          );
        this.pending.set(cellKey, id);
      }
      rows.push([id, Number(key.slice(k1 + 1, k2)), Number(key.slice(k2 + 1)), delta]);
    }
    // In primary-key order the upserts walk the b-tree once instead of jumping between its pages.
    rows.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    for (const [id, day, knownFrom, delta] of rows) this.s.upsert.run(id, day, knownFrom, delta);
  }

  setIndustries(rightId: number, industries: readonly string[], replace: boolean): void {
    if (replace) this.s.clearIndustries.run(rightId);
    for (const i of industries) this.s.addIndustry.run(rightId, i);
  }
}
