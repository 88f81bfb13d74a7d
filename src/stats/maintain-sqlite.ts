import type SQLite from 'better-sqlite3';
import { parseDeltaKey } from './contributions.js';

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
    this.foldAll();
    this.journalRows = 0;
  }

  /** Call at the start of a batch; `commit()` after it committed. */
  begin(): void {
    this.pending = new Map();
  }

  commit(): void {
    for (const [k, v] of this.pending) this.cellIds.set(k, v);
  }

  apply(deltas: Map<string, number>): void {
    const values: number[] = [];
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
      values.push(id, Number(key.slice(k1 + 1, k2)), Number(key.slice(k2 + 1)), delta);
      if (values.length === APPEND_ROWS * 4) {
        this.s.appendMany.run(values);
        values.length = 0;
      }
    }
    for (let i = 0; i < values.length; i += 4) this.s.append.run(values.slice(i, i + 4));
    this.journalRows += deltas.size;
  }

  setIndustries(rightId: number, industries: readonly string[], replace: boolean): void {
    if (replace) this.s.clearIndustries.run(rightId);
    for (const i of industries) this.s.addIndustry.run(rightId, i);
  }
}
