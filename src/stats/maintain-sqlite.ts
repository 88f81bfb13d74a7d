import type SQLite from 'better-sqlite3';
import { parseCellKey, spreadBase } from './contributions.js';

/** Journal rows per multi-row insert: one call into SQLite for many rows. */
const APPEND_ROWS = 64;

/** Journal rows after which the writer folds them into `stat_deltas` (and always at the end of an ingest). */
export const FOLD_EVERY = 4_000_000;

/**
 * Writes statistics deltas on SQLite inside the registry writer's transaction: cells are created
 * on first use, deltas appended to the journal (`stat_journal`), which `fold` adds into
 * `stat_deltas` in one sorted pass (a row whose deltas cancel out stays, at zero). Folding touches
 * each page of `stat_deltas` once, where adding every batch's deltas row by row touched a page per
 * delta and made SQLite write far more than the table's size.
 */
export class SqliteStatsWriter {
  private readonly cellIds = new Map<string, number>();
  private pending = new Map<string, number>();
  private readonly s;
  /** Rows in the journal, as far as this writer knows (counted at start, then by what it appends). */
  private journalRows: number;

  constructor(
    db: SQLite.Database,
    private readonly foldEvery = FOLD_EVERY,
  ) {
    this.s = {
      selectCell: db.prepare<[string, string, string, string], { id: number }>(
        'select id from stat_cells where region_code = ? and kind = ? and holder_type = ? and industry = ?',
      ),
      insertCell: db.prepare(
        'insert into stat_cells (region_code, kind, holder_type, industry) values (?, ?, ?, ?)',
      ),
      append: db.prepare('insert into stat_journal (cell_id, day, known_from, delta) values (?, ?, ?, ?)'),
      appendMany: db.prepare(
        `insert into stat_journal (cell_id, day, known_from, delta) values ${Array(APPEND_ROWS).fill('(?, ?, ?, ?)').join(', ')}`,
      ),
      fold: db.prepare(
        // `where true`: SQLite's parser needs it between a SELECT and an upsert's ON CONFLICT.
        `insert into stat_deltas (cell_id, day, known_from, delta)
         select cell_id, day, known_from, sum(delta) from stat_journal where true
         group by cell_id, day, known_from order by cell_id, day, known_from
         on conflict (cell_id, day, known_from) do update set delta = delta + excluded.delta`,
      ),
      clearJournal: db.prepare('delete from stat_journal'),
      countJournal: db.prepare('select count(*) from stat_journal').pluck(),
      clearIndustries: db.prepare('delete from right_industries where right_id = ?'),
      addIndustry: db.prepare('insert or ignore into right_industries (right_id, industry) values (?, ?)'),
    };
    this.journalRows = Number(this.s.countJournal.get());
    this.foldAll = db.transaction(() => {
      this.s.fold.run();
      this.s.clearJournal.run();
    });
  }

  private readonly foldAll: () => void;

  /** Whether the journal has grown enough to be worth folding now. */
  get foldDue(): boolean {
    return this.journalRows >= this.foldEvery;
  }

  /**
   * Adds the journal into `stat_deltas` and empties it, in a transaction of its own (call it
   * between batches). The answers stay the same, so the data version does not change.
   */
  fold(): void {
    if (this.journalRows === 0) return;
    const t0 = performance.now();
    this.foldAll();
    if (process.env.FOLDTIME)
      console.error('fold', this.journalRows, Math.round(performance.now() - t0), 'ms');
    this.journalRows = 0;
  }

  /** Call at the start of a batch; `commit()` after it committed. */
  begin(): void {
    this.pending = new Map();
    // Rows of a batch that failed before it flushed must not reach the next one.
    this.values.length = 0;
  }

  commit(): void {
    for (const [k, v] of this.pending) this.cellIds.set(k, v);
  }

  /** Appends a batch's deltas (delta key → change) to the journal. */
  apply(deltas: Map<string, number>): void {
    for (const [key, delta] of deltas) {
      // key = cell \u0001 day \u0001 knownFrom: cut from the end.
      const k2 = key.lastIndexOf('\u0001');
      const k1 = key.lastIndexOf('\u0001', k2 - 1);
      this.append(key.slice(0, k1), Number(key.slice(k1 + 1, k2)), Number(key.slice(k2 + 1)), delta);
    }
    this.flush();
  }

  /**
   * Appends a new right's base contribution (see `baseContributions`) spread to its industries,
   * without building a delta key per industry: the journal sums whatever repeats. Call `apply`
   * (or `flush`) before the batch commits.
   */
  applyBase(base: string, industries: readonly string[]): void {
    spreadBase(base, industries, (cell, day, knownFrom, change) => this.append(cell, day, knownFrom, change));
  }

  private readonly values: number[] = [];

  private append(cellKey: string, day: number, knownFrom: number, delta: number): void {
    let id = this.cellIds.get(cellKey) ?? this.pending.get(cellKey);
    if (id === undefined) {
      const cell = parseCellKey(cellKey);
      id =
        this.s.selectCell.get(cell.region, cell.kind, cell.holderType, cell.industry)?.id ??
        Number(this.s.insertCell.run(cell.region, cell.kind, cell.holderType, cell.industry).lastInsertRowid);
      this.pending.set(cellKey, id);
    }
    const values = this.values;
    values.push(id, day, knownFrom, delta);
    this.journalRows += 1;
    if (values.length === APPEND_ROWS * 4) {
      this.s.appendMany.run(values);
      values.length = 0;
    }
  }

  /** Writes the journal rows still held. */
  flush(): void {
    const values = this.values;
    for (let i = 0; i < values.length; i += 4) this.s.append.run(values.slice(i, i + 4));
    values.length = 0;
  }

  setIndustries(rightId: number, industries: readonly string[], replace: boolean): void {
    if (replace) this.s.clearIndustries.run(rightId);
    for (const i of industries) this.s.addIndustry.run(rightId, i);
  }
}
