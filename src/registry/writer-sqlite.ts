import type SQLite from 'better-sqlite3';
import { type Holder, type LegalEvent, type RightRecord, rightKey } from '../core/index.js';
import { cellIndustries, industriesOf } from '../stats/classify.js';
import { addInto, contributions, diffContributions, distinctEvents } from '../stats/contributions.js';
import { SqliteStatsWriter } from '../stats/maintain-sqlite.js';
import { contentHash, eventKey, holderKey } from './hashing.js';
import { baseNumber } from './numbers.js';
import { SqliteRightLoader } from './read-sqlite.js';
import {
  type RightKeys,
  rightNumbers,
  stubRecord,
  trimCache,
  type WriteItem,
  type WriteOutcome,
} from './writer-shared.js';

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
    | 'eventKeys'
    | 'bumpVersion',
    Statement
  >;
  private readonly batch: (items: readonly WriteItem[]) => WriteOutcome[];
  private readonly loader: SqliteRightLoader;
  private readonly stats: SqliteStatsWriter;
  /**
   * Rights this batch touches, with their statistics contribution before it (null for a new right)
   * and, for a right written whole from a record, the record (so its contribution after needs no read).
   */
  private affected = new Map<
    number,
    {
      before: Map<string, number> | null;
      record: RightRecord | null;
      contributions?: string | undefined;
    }
  >();

  constructor(
    db: SQLite.Database,
    private readonly statistics = true,
    foldEvery?: number,
  ) {
    this.loader = new SqliteRightLoader(db);
    this.stats = new SqliteStatsWriter(db, foldEvery);
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
      eventKeys: db.prepare('select event_key from legal_events where right_id = ?').pluck(),
      bumpVersion: db.prepare(
        "update meta set value = cast(cast(value as integer) + 1 as text) where key = 'data_version'",
      ),
    };
    this.batch = db.transaction((items: readonly WriteItem[]) => {
      const now = new Date().toISOString();
      this.affected = new Map();
      const outcomes = items.map((item) => this.writeOne(item, now));
      this.updateStatistics();
      if (outcomes.includes('accepted')) this.s.bumpVersion.run();
      return outcomes;
    });
  }

  async write(items: readonly WriteItem[]): Promise<WriteOutcome[]> {
    this.pendingHolders = new Map();
    this.stats.begin();
    const outcomes = this.batch(items);
    // Only holders and cells whose rows committed may be remembered; a failed batch throws before this.
    this.stats.commit();
    for (const [k, v] of this.pendingHolders) this.holderIds.set(k, v);
    trimCache(this.holderIds);
    if (this.stats.foldDue) this.stats.fold();
    return outcomes;
  }

  /** Folds the statistics journal into the deltas: the end of an ingest. */
  async finish(): Promise<void> {
    this.stats.fold();
  }

  private writeOne(item: WriteItem, now: string): WriteOutcome {
    if (item.type === 'right') {
      const { id, changed, isNew } = this.saveRight(item.record, false, now, item.keys);
      const added = this.saveEvents(id, item.record.events, isNew, item.keys?.events);
      if (this.statistics && isNew && !this.affected.has(id)) {
        this.affected.set(id, { before: null, record: item.record, contributions: item.contributions });
      }
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
    const added = this.saveEvents(id, events, false);
    return created || added ? 'accepted' : 'unchanged';
  }

  /** Remembers a stored right's contribution before this batch changes it (once per batch). */
  private noteBefore(id: number): void {
    if (!this.statistics) return;
    const known = this.affected.get(id);
    if (known) {
      known.record = null;
      return;
    }
    const before = this.loader.load(id);
    this.affected.set(id, {
      before: before ? contributions(before, cellIndustries(industriesOf(before))) : null,
      record: null,
    });
  }

  /** Adds the difference each touched right makes to the statistics, in the same transaction. */
  private updateStatistics(): void {
    const deltas = new Map<string, number>();
    for (const [id, { before, record, contributions: base }] of this.affected) {
      if (record && base !== undefined && before === null) {
        // A new right written whole from its record: the reader computed its contribution.
        const industries = industriesOf(record);
        this.stats.setIndustries(id, industries, false);
        this.stats.applyBase(base, cellIndustries(industries));
        continue;
      }
      const after = record
        ? { ...record, events: distinctEvents(record.events, eventKey) }
        : this.loader.load(id);
      if (!after) continue;
      const industries = industriesOf(after);
      this.stats.setIndustries(id, industries, before !== null || record === null);
      addInto(deltas, diffContributions(before, contributions(after, cellIndustries(industries))));
    }
    this.stats.apply(deltas);
  }

  private saveRight(
    r: RightRecord,
    stub: boolean,
    now: string,
    keys?: RightKeys,
  ): { id: number; changed: boolean; isNew: boolean } {
    const key = rightKey(r);
    const hash = keys?.hash ?? contentHash(r);
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
      if (stub || (existing.content_hash === hash && existing.stub === 0)) {
        return { id: existing.id, changed: false, isNew: false };
      }
      id = existing.id;
      this.noteBefore(id);
      this.s.updateRight.run(...values, id);
      this.s.deleteFirstHolders.run(id);
    }
    for (const n of keys?.numbers ?? rightNumbers(r)) this.s.insertNumber.run(n, r.office, id);
    this.linkHolders(id, 0, r.holders, keys?.holders);
    return { id, changed: true, isNew: inserted.changes === 1 };
  }

  /**
   * Inserts the events not stored yet; true if any was new. For a right already stored, its keys
   * are read first: loading the same file again then costs one query per right and writes nothing.
   */
  private saveEvents(
    rightId: number,
    events: readonly LegalEvent[],
    isNew: boolean,
    keys?: readonly string[],
  ): boolean {
    if (events.length === 0) return false;
    let fresh: Array<{ e: LegalEvent; key: string }> = events.map((e, i) => ({
      e,
      key: keys?.[i] ?? eventKey(e),
    }));
    if (!isNew) {
      const stored = new Set(this.s.eventKeys.all(rightId) as string[]);
      fresh = fresh.filter((f) => !stored.has(f.key));
      if (fresh.length === 0) return false;
      this.noteBefore(rightId);
    }
    let added = false;
    for (const { e, key } of fresh) {
      const result = this.s.insertEvent.run(
        rightId,
        key,
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

  private linkHolders(
    rightId: number,
    eventId: number,
    holders: readonly Holder[],
    keys?: readonly string[],
  ): void {
    for (const [position, h] of holders.entries())
      this.s.insertLink.run(rightId, eventId, position, this.holderId(h, keys?.[position]));
  }

  private holderId(h: Holder, key?: string): number {
    const k = key ?? holderKey(h);
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
