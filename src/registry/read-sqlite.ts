import type SQLite from 'better-sqlite3';
import { type EventRow, type HolderRow, presentRight, type RightRow, type StoredRight } from './present.js';

/**
 * The synchronous twin of `loadRight` for SQLite, used inside the writer's transaction (where an
 * async query cannot run) to see a right as stored before and after a change.
 */
export class SqliteRightLoader {
  private readonly right: SQLite.Statement<[number], RightRow>;
  private readonly holders: SQLite.Statement<[number], HolderRow>;
  private readonly events: SQLite.Statement<[number], EventRow>;

  constructor(db: SQLite.Database) {
    this.right = db.prepare('select * from rights where id = ?');
    this.holders = db.prepare(
      'select rh.event_id, h.name, h.type, h.country, h.region_code, h.region_confidence, h.region_source, h.address from right_holders rh join holders h on h.id = rh.holder_id where rh.right_id = ? order by rh.event_id, rh.position',
    );
    this.events = db.prepare(
      'select id, type, category, code, office, effective_date, recorded_date, description from legal_events where right_id = ? order by effective_date, recorded_date, id',
    );
  }

  load(id: number): StoredRight | null {
    const row = this.right.get(id);
    if (!row) return null;
    return presentRight(row, this.holders.all(id), this.events.all(id));
  }
}
