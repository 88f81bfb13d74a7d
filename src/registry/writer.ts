import type { Transaction } from 'kysely';
import { type Holder, type LegalEvent, type RightRecord, rightKey } from '../core/index.js';
import { KyselyStatsBatch } from '../stats/maintain-kysely.js';
import { bumpDataVersion, chunks, type Database, type Store } from '../store/index.js';
import { contentHash, eventKey, holderKey } from './hashing.js';
import { baseNumber } from './numbers.js';
import { rightNumbers, stubRecord, trimCache, type WriteItem, type WriteOutcome } from './writer-shared.js';
import { SqliteRegistryWriter } from './writer-sqlite.js';

export type { WriteItem, WriteOutcome } from './writer-shared.js';

type Trx = Transaction<Database>;

/** Rows per multi-row statement: under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;

interface PendingRight {
  key: string;
  record: RightRecord;
  stub: boolean;
  hash: string;
  id?: number;
  state: 'new' | 'changed' | 'same';
}

/**
 * Writes batches of records to the registry. Each batch is one transaction, so a record goes in
 * whole or not at all and a crash leaves the database as it was after the last batch; re-writing
 * the same records changes nothing (rights are matched by key and content hash, events by key).
 * On SQLite the batch runs as prepared statements (the hot path of bulk ingest); on PostgreSQL as
 * multi-row statements, a round trip per table rather than per row.
 */
export class RegistryWriter {
  private readonly impl: {
    write(items: readonly WriteItem[]): Promise<WriteOutcome[]>;
    finish?(): Promise<void>;
  };

  /**
   * `skipStatistics` leaves the statistics structure out of date: only benchmarks, on throwaway
   * databases, use it to measure what maintaining the structure costs. `foldEvery`: journal rows
   * after which SQLite folds the statistics journal (default `FOLD_EVERY`; tests make it small).
   */
  constructor(store: Store, options: { skipStatistics?: boolean; foldEvery?: number } = {}) {
    const statistics = !options.skipStatistics;
    this.impl = store.sqlite
      ? new SqliteRegistryWriter(store.sqlite, statistics, options.foldEvery)
      : new KyselyRegistryWriter(store, statistics);
  }

  write(items: readonly WriteItem[]): Promise<WriteOutcome[]> {
    return this.impl.write(items);
  }

  /**
   * Tidies up after the last batch: on SQLite, folds the statistics journal into the deltas (see
   * migration 008). Optional for correctness — readers count the journal too — but it keeps reads fast.
   */
  async finish(): Promise<void> {
    await this.impl.finish?.();
  }
}

class KyselyRegistryWriter {
  /** holder key → id, for holders whose rows are committed. */
  private readonly holderIds = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly statistics: boolean,
  ) {}

  async write(items: readonly WriteItem[]): Promise<WriteOutcome[]> {
    const newHolders = new Map<string, number>();
    const outcomes = await this.store.db.transaction().execute(async (trx) => {
      const result = await this.writeInTransaction(trx, items, newHolders);
      if (result.some((o) => o === 'accepted')) await bumpDataVersion(trx);
      return result;
    });
    for (const [k, v] of newHolders) this.holderIds.set(k, v);
    trimCache(this.holderIds);
    return outcomes;
  }

  private async writeInTransaction(
    trx: Trx,
    items: readonly WriteItem[],
    newHolders: Map<string, number>,
  ): Promise<WriteOutcome[]> {
    const now = new Date().toISOString();
    const rights = new Map<string, PendingRight>();
    for (const item of items) {
      if (item.type !== 'right') continue;
      const key = rightKey(item.record);
      rights.set(key, {
        key,
        record: item.record,
        stub: false,
        hash: contentHash(item.record),
        state: 'same',
      });
    }

    // Events name their right by a number: find it, or plan the stub the reader offered.
    const eventItems = items.filter((i): i is Extract<WriteItem, { type: 'events' }> => i.type === 'events');
    const byNumber = await rightIdsByNumber(
      trx,
      eventItems.map((i) => baseNumber(i.events.number)),
    );
    // A right written earlier in the same batch is found by its numbers too, as on SQLite.
    const inBatch = new Map<string, string>();
    for (const r of rights.values()) {
      for (const n of rightNumbers(r.record)) inBatch.set(`${r.record.office}:${n}`, r.key);
    }
    const eventTargets = eventItems.map((i) => {
      const number = `${i.events.office}:${baseNumber(i.events.number)}`;
      const found = byNumber.get(number);
      if (found !== undefined) return { id: found };
      const sameBatch = inBatch.get(number);
      if (sameBatch !== undefined) return { key: sameBatch };
      if (!i.events.stub) return { reject: `no right with number ${i.events.number} in the registry` };
      const record = stubRecord(i.events.stub);
      const key = rightKey(record);
      if (!rights.has(key))
        rights.set(key, { key, record, stub: true, hash: contentHash(record), state: 'same' });
      return { key };
    });

    const stats = new KyselyStatsBatch(trx, this.statistics);
    await this.saveRights(trx, [...rights.values()], now, stats);
    const allHolders = [...rights.values()].flatMap((r) => (r.state === 'same' ? [] : r.record.holders));
    for (const i of items) {
      const events = i.type === 'right' ? i.record.events : i.events.events;
      for (const e of events) allHolders.push(...(e.newHolders ?? []));
    }
    const holderId = await this.holderIdsFor(trx, allHolders, newHolders);
    await saveFirstHolders(trx, [...rights.values()], holderId);

    // Events of every item, by right id.
    const eventsByRight = new Map<number, LegalEvent[]>();
    const rightIdOfItem: Array<number | null> = items.map((item) => {
      let id: number | undefined;
      if (item.type === 'right') id = rights.get(rightKey(item.record))?.id;
      else {
        const t = eventTargets[eventItems.indexOf(item)]!;
        id = 'id' in t ? t.id : 'key' in t ? rights.get(t.key!)?.id : undefined;
      }
      if (id === undefined) return null;
      const events = item.type === 'right' ? item.record.events : item.events.events;
      const list = eventsByRight.get(id) ?? [];
      list.push(...events);
      eventsByRight.set(id, list);
      return id;
    });
    // A right created from its record whose events also came in other items of this batch: its
    // statistics must be read back, as the record alone does not hold all its events.
    for (const r of rights.values()) {
      if (r.state === 'new' && (eventsByRight.get(r.id!)?.length ?? 0) > r.record.events.length)
        stats.readBack(r.id!);
    }
    const preexisting = [...rights.values()].filter((r) => r.state !== 'new').map((r) => r.id!);
    for (const t of eventTargets) if ('id' in t && t.id !== undefined) preexisting.push(t.id);
    const rightsWithNewEvents = await saveEvents(trx, eventsByRight, preexisting, holderId, stats);
    await stats.finish();

    return items.map((item, idx) => {
      const id = rightIdOfItem[idx];
      if (id === null || id === undefined) {
        const t = item.type === 'events' ? eventTargets[eventItems.indexOf(item)] : undefined;
        return { reject: t && 'reject' in t ? t.reject! : 'right could not be stored' };
      }
      const pending = item.type === 'right' ? rights.get(rightKey(item.record)) : undefined;
      const changed = pending ? pending.state !== 'same' : false;
      return changed || rightsWithNewEvents.has(id) ? 'accepted' : 'unchanged';
    });
  }

  /** Inserts new rights, updates changed ones, and leaves unchanged ones (or real ones a stub would overwrite). */
  private async saveRights(
    trx: Trx,
    pending: PendingRight[],
    now: string,
    stats: KyselyStatsBatch,
  ): Promise<void> {
    for (const chunk of chunks(pending, CHUNK)) {
      const existing = await trx
        .selectFrom('rights')
        .select(['id', 'key', 'content_hash', 'stub'])
        .where(
          'key',
          'in',
          chunk.map((p) => p.key),
        )
        .execute();
      const byKey = new Map(existing.map((e) => [e.key, e]));
      const inserts: PendingRight[] = [];
      for (const p of chunk) {
        const e = byKey.get(p.key);
        if (!e) {
          p.state = 'new';
          inserts.push(p);
          continue;
        }
        p.id = e.id;
        if (p.stub || (e.content_hash === p.hash && e.stub === 0)) continue;
        p.state = 'changed';
        await stats.noteBefore(e.id);
        await trx.updateTable('rights').set(rightRow(p, now)).where('id', '=', e.id).execute();
        await trx
          .deleteFrom('right_holders')
          .where('right_id', '=', e.id)
          .where('event_id', '=', 0)
          .execute();
      }
      if (inserts.length > 0) {
        const ids = await trx
          .insertInto('rights')
          .values(inserts.map((p) => ({ ...rightRow(p, now), created_at: now })))
          .returning(['id', 'key'])
          .execute();
        const idByKey = new Map(ids.map((r) => [r.key, r.id]));
        for (const p of inserts) {
          p.id = idByKey.get(p.key)!;
          stats.noteNew(p.id, p.stub ? null : p.record);
        }
      }
      const numbers = chunk
        .filter((p) => p.state !== 'same')
        .flatMap((p) =>
          rightNumbers(p.record).map((number) => ({ number, office: p.record.office, right_id: p.id! })),
        );
      for (const part of chunks(numbers, CHUNK)) {
        await trx
          .insertInto('right_numbers')
          .values(part)
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    }
  }

  private async holderIdsFor(
    trx: Trx,
    holders: Holder[],
    added: Map<string, number>,
  ): Promise<Map<Holder, number>> {
    const out = new Map<Holder, number>();
    const missing = new Map<string, Holder>();
    for (const h of holders) {
      const k = holderKey(h);
      const id = this.holderIds.get(k) ?? added.get(k);
      if (id !== undefined) out.set(h, id);
      else missing.set(k, h);
    }
    for (const chunk of chunks([...missing.keys()], CHUNK)) {
      const rows = await trx
        .selectFrom('holders')
        .select(['id', 'holder_key'])
        .where('holder_key', 'in', chunk)
        .execute();
      for (const r of rows) {
        added.set(r.holder_key, r.id);
        missing.delete(r.holder_key);
      }
    }
    for (const chunk of chunks([...missing.entries()], CHUNK)) {
      const rows = await trx
        .insertInto('holders')
        .values(
          chunk.map(([k, h]) => ({
            holder_key: k,
            name: h.name,
            type: h.type,
            country: h.country,
            region_code: h.regionCode,
            region_confidence: h.regionConfidence,
            region_source: h.regionSource,
            address: h.address,
          })),
        )
        .returning(['id', 'holder_key'])
        .execute();
      for (const r of rows) added.set(r.holder_key, r.id);
    }
    for (const h of holders) if (!out.has(h)) out.set(h, added.get(holderKey(h))!);
    return out;
  }
}

function rightRow(p: PendingRight, now: string) {
  const r = p.record;
  return {
    key: p.key,
    office: r.office,
    kind: r.kind,
    application_number: r.applicationNumber,
    publication_number: r.publicationNumber,
    grant_number: r.grantNumber,
    filing_date: r.filingDate,
    publication_date: r.publicationDate,
    grant_date: r.grantDate,
    title: r.title,
    abstract: r.abstract,
    ipc: JSON.stringify(r.ipc),
    locarno: JSON.stringify(r.locarno),
    nice: JSON.stringify(r.nice),
    content_hash: p.hash,
    stub: p.stub ? 1 : 0,
    updated_at: now,
  };
}

async function rightIdsByNumber(trx: Trx, numbers: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const chunk of chunks([...new Set(numbers)], CHUNK)) {
    const rows = await trx
      .selectFrom('right_numbers')
      .select(['number', 'office', 'right_id'])
      .where('number', 'in', chunk)
      .execute();
    for (const r of rows) out.set(`${r.office}:${r.number}`, r.right_id);
  }
  return out;
}

async function saveFirstHolders(
  trx: Trx,
  pending: PendingRight[],
  holderId: Map<Holder, number>,
): Promise<void> {
  const rows = pending
    .filter((p) => p.state !== 'same')
    .flatMap((p) =>
      p.record.holders.map((h, position) => ({
        right_id: p.id!,
        event_id: 0,
        position,
        holder_id: holderId.get(h)!,
      })),
    );
  for (const part of chunks(rows, CHUNK)) await trx.insertInto('right_holders').values(part).execute();
}

/** Inserts the events not stored yet; returns the ids of rights that gained an event. */
async function saveEvents(
  trx: Trx,
  eventsByRight: Map<number, LegalEvent[]>,
  preexisting: number[],
  holderId: Map<Holder, number>,
  stats: KyselyStatsBatch,
): Promise<Set<number>> {
  const known = new Set<string>();
  for (const chunk of chunks([...new Set(preexisting)], CHUNK)) {
    const rows = await trx
      .selectFrom('legal_events')
      .select(['right_id', 'event_key'])
      .where('right_id', 'in', chunk)
      .execute();
    for (const r of rows) known.add(`${r.right_id}:${r.event_key}`);
  }
  const fresh: Array<{ rightId: number; key: string; event: LegalEvent }> = [];
  for (const [rightId, events] of eventsByRight) {
    for (const event of events) {
      const key = eventKey(event);
      if (known.has(`${rightId}:${key}`)) continue;
      known.add(`${rightId}:${key}`);
      fresh.push({ rightId, key, event });
    }
  }
  const existed = new Set(preexisting);
  for (const id of new Set(fresh.map((f) => f.rightId))) if (existed.has(id)) await stats.noteBefore(id);
  const gained = new Set<number>();
  for (const part of chunks(fresh, CHUNK)) {
    const rows = await trx
      .insertInto('legal_events')
      .values(
        part.map(({ rightId, key, event: e }) => ({
          right_id: rightId,
          event_key: key,
          type: e.type,
          category: e.category,
          office: e.office,
          code: e.code,
          effective_date: e.effectiveDate,
          recorded_date: e.recordedDate,
          description: e.description,
        })),
      )
      .returning(['id', 'right_id', 'event_key'])
      .execute();
    const idOf = new Map(rows.map((r) => [`${r.right_id}:${r.event_key}`, r.id]));
    const holderRows = part.flatMap(({ rightId, key, event }) =>
      (event.newHolders ?? []).map((h, position) => ({
        right_id: rightId,
        event_id: idOf.get(`${rightId}:${key}`)!,
        position,
        holder_id: holderId.get(h)!,
      })),
    );
    for (const hp of chunks(holderRows, CHUNK)) await trx.insertInto('right_holders').values(hp).execute();
    for (const p of part) gained.add(p.rightId);
  }
  return gained;
}
