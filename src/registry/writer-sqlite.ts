import type SQLite from 'better-sqlite3';
import { type Holder, type LegalEvent, type RightRecord, rightKey } from '../core/index.js';
import { contentHash, eventKey, holderKey } from './hashing.js';
import { baseNumber } from './numbers.js';
import { rightNumbers, stubRecord, type WriteItem, type WriteOutcome } from './writer-shared.js';

type Statement = SQLite.Statement<unknown[], unknown>;

/**
 * The SQLite side of RegistryWriter: the same semantics as the PostgreSQL side, executed as prepared
 * statements inside one transaction per batch (better-sqlite3 is synchronous, so a batch costs a few
 * microseconds per row rather than a query build per row).
 */
export class SqliteRegistryWriter {
  private readonly holderIds = new Map<string, number>();
  private pendingHolders = new Map<string, number>();
  private readonly s: Record<
    | 'selectRight'
    | 'insertRight'
    | 'updateRight'
    | 'deleteFirstHolders'
    | 'insertNumber'
    | 'findByNumber'
    | 'findByNumberAnyOffice'
    | 'selectHolder'
    | 'insertHolder'
    | 'insertLink'
    | 'insertEvent'
    | 'bumpVersion',
    Statement
  >;
  private readonly batch: (items: readonly WriteItem[]) => WriteOutcome[];

  constructor(db: SQLite.Database) {
    const cols =
      'key, office, kind, application_number, publication_number, grant_number, filing_date, publication_date, grant_date, title, abstract, ipc, locarno, nice, content_hash, stub, updated_at';
    this.s = {
      selectRight: db.prepare('select id, content_hash, stub from rights where key = ?'),
      insertRight: db.prepare(
        `insert into rights (${cols}, created_at) values (${cols
          .split(', ')
          .map(() => '?')
          .join(', ')}, ?) on conflict (key) do nothing`,
      ),
      updateRight: db.prepare(
        `update rights set ${cols
          .split(', ')
          .map((c) => `${c} = ?`)
          .join(', ')} where id = ?`,
      ),
      deleteFirstHolders: db.prepare('delete from right_holders where right_id = ? and event_id = 0'),
      insertNumber: db.prepare(
        'insert or ignore into right_numbers (number, office, right_id) values (?, ?, ?)',
      ),
      findByNumber: db.prepare('select right_id from right_numbers where number = ? and office = ? limit 1'),
      findByNumberAnyOffice: db.prepare('select right_id from right_numbers where number = ? limit 1'),
      selectHolder: db.prepare('select id from holders where holder_key = ?'),
      insertHolder: db.prepare(
        'insert into holders (holder_key, name, type, country, region_code, region_confidence, region_source, address) values (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      insertLink: db.prepare(
        'insert into right_holders (right_id, event_id, position, holder_id) values (?, ?, ?, ?)',
      ),
      insertEvent: db.prepare(
        'insert into legal_events (right_id, event_key, type, category, office, code, effective_date, recorded_date, description) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (right_id, event_key) do nothing',
      ),
      bumpVersion: db.prepare(
        "update meta set value = cast(cast(value as integer) + 1 as text) where key = 'data_version'",
      ),
    };
    this.batch = db.transaction((items: readonly WriteItem[]) => {
      const now = new Date().toISOString();
      const outcomes = items.map((item) => this.writeOne(item, now));
      if (outcomes.includes('accepted')) this.s.bumpVersion.run();
      return outcomes;
    });
  }

  async write(items: readonly WriteItem[]): Promise<WriteOutcome[]> {
    this.pendingHolders = new Map();
    const outcomes = this.batch(items);
    // Only holders whose rows committed may be remembered; a failed batch throws before this.
    for (const [k, v] of this.pendingHolders) this.holderIds.set(k, v);
    if (this.holderIds.size > 200_000) this.holderIds.clear();
    return outcomes;
  }

  private writeOne(item: WriteItem, now: string): WriteOutcome {
    if (item.type === 'right') {
      const { id, changed } = this.saveRight(item.record, false, now);
      const added = this.saveEvents(id, item.record.events);
      return changed || added ? 'accepted' : 'unchanged';
    }
    const { office, number, stub, events } = item.events;
    const base = baseNumber(number);
    const found = this.s.findByNumber.get(base, office) as { right_id: number } | undefined;
    let id = found?.right_id;
    let created = false;
    if (id === undefined) {
      if (!stub) return { reject: `no right with number ${number} in the registry` };
      const saved = this.saveRight(stubRecord(stub), true, now);
      id = saved.id;
      created = saved.changed;
    }
    const added = this.saveEvents(id, events);
    return created || added ? 'accepted' : 'unchanged';
  }

  private saveRight(r: RightRecord, stub: boolean, now: string): { id: number; changed: boolean } {
    const key = rightKey(r);
    const hash = contentHash(r);
    const values = [
      key,
      r.office,
      r.kind,
      r.applicationNumber,
      r.publicationNumber,
      r.grantNumber,
      r.filingDate,
      r.publicationDate,
      r.grantDate,
      r.title,
      r.abstract,
      JSON.stringify(r.ipc),
      JSON.stringify(r.locarno),
      JSON.stringify(r.nice),
      hash,
      stub ? 1 : 0,
      now,
    ];
    // Insert first: on a first load nearly every right is new, and a conflict costs one more lookup.
    const inserted = this.s.insertRight.run(...values, now);
    let id: number;
    if (inserted.changes === 1) {
      id = Number(inserted.lastInsertRowid);
    } else {
      const existing = this.s.selectRight.get(key) as { id: number; content_hash: string; stub: number };
      if (stub || (existing.content_hash === hash && existing.stub === 0))
        return { id: existing.id, changed: false };
      id = existing.id;
      this.s.updateRight.run(...values, id);
      this.s.deleteFirstHolders.run(id);
    }
    for (const n of rightNumbers(r)) this.s.insertNumber.run(n, r.office, id);
    this.linkHolders(id, 0, r.holders);
    return { id, changed: true };
  }

  /** Inserts the events not stored yet (the unique key makes a repeat a no-op); true if any was new. */
  private saveEvents(rightId: number, events: readonly LegalEvent[]): boolean {
    let added = false;
    for (const e of events) {
      const result = this.s.insertEvent.run(
        rightId,
        eventKey(e),
        e.type,
        e.category,
        e.office,
        e.code,
        e.effectiveDate,
        e.recordedDate,
        e.description,
      );
      if (result.changes === 0) continue;
      added = true;
      if (e.newHolders?.length) this.linkHolders(rightId, Number(result.lastInsertRowid), e.newHolders);
    }
    return added;
  }

  private linkHolders(rightId: number, eventId: number, holders: readonly Holder[]): void {
    for (const [position, h] of holders.entries())
      this.s.insertLink.run(rightId, eventId, position, this.holderId(h));
  }

  private holderId(h: Holder): number {
    const k = holderKey(h);
    const cached = this.holderIds.get(k) ?? this.pendingHolders.get(k);
    if (cached !== undefined) return cached;
    const row = this.s.selectHolder.get(k) as { id: number } | undefined;
    const id =
      row?.id ??
      Number(
        this.s.insertHolder.run(
          k,
          h.name,
          h.type,
          h.country,
          h.regionCode,
          h.regionConfidence,
          h.regionSource,
          h.address,
        ).lastInsertRowid,
      );
    this.pendingHolders.set(k, id);
    return id;
  }
}
