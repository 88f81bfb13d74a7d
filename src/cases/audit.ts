import { createHash } from 'node:crypto';
import { PostgresAdapter, type RawBuilder, sql } from 'kysely';
import { errors } from '../core/index.js';
import type { Store } from '../store/index.js';
import { type AuditLogTable, type CasesTrx, casesDb } from './tables.js';

/**
 * The audit trail: an append-only chain. Entry n holds the hash of entry n − 1, and its own hash is
 * SHA-256(prev_hash + canonical JSON of the entry without its hash), so changing, removing or
 * moving any entry breaks every later link. `audit_head` keeps the tail (its seq and hash): it
 * serializes appenders and shows a removed last entry. Whoever can rewrite the whole table and its
 * head can forge a consistent chain; `verifyAudit`'s `head` is what to record elsewhere to catch that.
 */

export const GENESIS_HASH = '0'.repeat(64);

/** What one change records: who, from where, what, and the record before and after. */
export interface AuditInput {
  actor: string;
  ip?: string | null;
  entity: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
  /** Default: now. The demo gives the simulated moment. */
  at?: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  ip: string | null;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
}

export type AuditProblem = 'edited' | 'deleted' | 'reordered' | 'appended';

export interface AuditVerification {
  ok: boolean;
  entries: number;
  head: { seq: number; hash: string };
  firstBad?: { seq: number; reason: AuditProblem };
}

/** JSON with object keys sorted at every level and no spaces: one text per value, on every engine. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function entryHash(e: Omit<AuditEntry, 'hash'>): string {
  return createHash('sha256')
    .update(e.prevHash)
    .update(canonicalJson(hashedFields(e)))
    .digest('hex');
}

/** What an entry's hash covers: every field but the hash. */
function hashedFields(e: Omit<AuditEntry, 'hash'>) {
  return {
    seq: e.seq,
    at: e.at,
    actor: e.actor,
    ip: e.ip,
    entity: e.entity,
    entityId: e.entityId,
    action: e.action,
    before: e.before,
    after: e.after,
    prevHash: e.prevHash,
  };
}

/** An entry before it has a place in the chain. */
type Unplaced = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;

const PLACE = ',"prevHash":"","seq":0}';

/**
 * The canonical JSON of an entry up to its two last keys, prevHash and seq (they sort last), with
 * the comma before them: PostgreSQL appends `"prevHash":"<hex>","seq":<n>}` (see `auditCtes`), and
 * SHA-256(prevHash + prefix + that) is the entry's `entryHash`.
 */
export function entryPrefix(e: Unplaced): string {
  const placed = canonicalJson(hashedFields({ ...e, prevHash: '', seq: 0 }));
  if (!placed.endsWith(PLACE))
    throw errors.database('audit: prevHash and seq no longer sort last in an entry');
  return `${placed.slice(0, -PLACE.length)},`;
}

/** The entry an input makes: its defaults filled in, its snapshots through JSON and back. */
function unplaced(input: AuditInput, now: string): Unplaced {
  return {
    at: input.at ?? now,
    actor: input.actor,
    ip: input.ip ?? null,
    entity: input.entity,
    entityId: input.entityId,
    action: input.action,
    // Through JSON and back, so that what is hashed is exactly what verification will read.
    before: roundTrip(input.before),
    after: roundTrip(input.after),
  };
}

/**
 * Appends entries to the chain inside the caller's transaction, so that a change and its audit
 * entries commit together or not at all. Call it once, last, in a transaction: taking the head's
 * row lock last keeps it held for the shortest time and in one order (no deadlocks). On PostgreSQL
 * one entry takes one statement (`auditCtes`); several entries, and SQLite, take three.
 */
export async function appendAudit(trx: CasesTrx, inputs: readonly AuditInput[]): Promise<AuditEntry[]> {
  if (inputs.length === 0) return [];
  const now = new Date().toISOString();
  if (inputs.length === 1 && trx.getExecutor().adapter instanceof PostgresAdapter) {
    const e = unplaced(inputs[0]!, now);
    const { rows } = await sql<{ seq: number; prev_hash: string; hash: string }>`
      with ${placeEntry(e)} select seq, prev_hash, hash from audit_entry`.execute(trx);
    const placed = rows[0];
    if (!placed) throw errors.database('audit: the chain has no head (audit_head id 1)');
    return [{ seq: placed.seq, ...e, prevHash: placed.prev_hash, hash: placed.hash }];
  }
  // The update takes the head row's lock: a concurrent appender waits here until this one commits,
  // then reads the tail this one left (PostgreSQL re-reads the row after the wait).
  const head = await trx
    .updateTable('audit_head')
    .set({ seq: sql<number>`seq + ${inputs.length}` })
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  let prevHash = head.hash;
  let seq = head.seq - inputs.length;
  const entries: AuditEntry[] = [];
  for (const input of inputs) {
    seq += 1;
    const base = { seq, ...unplaced(input, now), prevHash };
    const entry = { ...base, hash: entryHash(base) };
    entries.push(entry);
    prevHash = entry.hash;
  }
  for (let i = 0; i < entries.length; i += 500) {
    await trx
      .insertInto('audit_log')
      .values(entries.slice(i, i + 500).map(toRow))
      .execute();
  }
  await trx
    .updateTable('audit_head')
    .set({ hash: prevHash, prev_hash: entries.at(-1)!.prevHash })
    .where('id', '=', 1)
    .execute();
  return entries;
}

/**
 * PostgreSQL: appending one entry as two CTEs, `audit_tail` and `audit_entry`, for one statement of
 * the caller's (with the change it records, see case-writes.ts). The head's update takes the row
 * lock that serializes appenders (one that waited works from the tail the other left: PostgreSQL
 * re-reads an updated row after the wait), and hashes the entry from the old tail: the prefix is
 * canonical JSON made here, the database adds only hex and an integer, so the hash is `entryHash`'s.
 * `onlyIf` names a CTE of the statement that must have written a row, or nothing is appended.
 */
export function auditCtes(input: AuditInput, onlyIf?: string): RawBuilder<unknown> {
  return placeEntry(unplaced(input, new Date().toISOString()), onlyIf);
}

function placeEntry(e: Unplaced, onlyIf?: string): RawBuilder<unknown> {
  const guard = onlyIf ? sql` and exists (select 1 from ${sql.table(onlyIf)})` : sql``;
  return sql`audit_tail as (
      update audit_head set
        prev_hash = hash,
        seq = seq + 1,
        hash = encode(sha256(convert_to(
          hash || ${entryPrefix(e)}::text || '"prevHash":"' || hash || '","seq":' || (seq + 1)::text || '}',
          'UTF8')), 'hex')
      where id = 1${guard}
      returning seq, prev_hash, hash
    ), audit_entry as (
      insert into audit_log
        (seq, "at", actor, ip, entity, entity_id, "action", "before", "after", prev_hash, hash)
      select seq, ${e.at}, ${e.actor}, ${e.ip}, ${e.entity}, ${e.entityId}, ${e.action},
        ${snapshot(e.before)}, ${snapshot(e.after)}, prev_hash, hash
      from audit_tail
      returning seq, prev_hash, hash
    )`;
}

function roundTrip(v: unknown): unknown {
  return v === undefined || v === null ? null : JSON.parse(JSON.stringify(v));
}

/** A snapshot as stored: JSON text, or null. */
function snapshot(v: unknown): string | null {
  return v === null ? null : JSON.stringify(v);
}

function toRow(e: AuditEntry): AuditLogTable {
  return {
    seq: e.seq,
    at: e.at,
    actor: e.actor,
    ip: e.ip,
    entity: e.entity,
    entity_id: e.entityId,
    action: e.action,
    before: snapshot(e.before),
    after: snapshot(e.after),
    prev_hash: e.prevHash,
    hash: e.hash,
  };
}

function fromRow(r: AuditLogTable): AuditEntry {
  return {
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    ip: r.ip,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    before: parseJson(r.before),
    after: parseJson(r.after),
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** A snapshot that is not JSON any more was edited: it is hashed as its raw text then. */
function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { unparseable: text };
  }
}

const PAGE = 5000;
/** Below any seq an integer column holds (garbage included). */
const MIN_SEQ = -2_147_483_648;

/**
 * Walks the chain in order and names the first entry that does not hold: `deleted` (a gap in the
 * sequence, a link to an entry that is gone, or entries missing at the tail), `reordered` (linked
 * to an entry that is elsewhere in the chain), `edited` (its content no longer gives its hash) or
 * `appended` (outside the sequence the head records: added behind the chain's back).
 */
export function verifyAudit(store: Store): Promise<AuditVerification> {
  // One snapshot: appends that commit while the chain is walked are not half seen.
  return casesDb(store)
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((trx) => verifyIn(trx));
}

async function verifyIn(db: CasesTrx): Promise<AuditVerification> {
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  const tail = { seq: head?.seq ?? 0, hash: head?.hash ?? GENESIS_HASH };
  // Every stored hash, to tell an entry moved elsewhere in the chain from one cut off from it.
  const hashes = new Set<string>();
  let entries = 0;
  for (let after = MIN_SEQ; ; ) {
    const rows = await db
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(PAGE * 4)
      .execute();
    for (const r of rows) hashes.add(r.hash);
    entries += rows.length;
    if (rows.length < PAGE * 4) break;
    after = rows.at(-1)!.seq;
  }
  const result = (firstBad?: AuditVerification['firstBad']): AuditVerification =>
    firstBad ? { ok: false, entries, head: tail, firstBad } : { ok: true, entries, head: tail };

  let prev = { seq: 0, hash: GENESIS_HASH };
  for (let after = MIN_SEQ; ; ) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const e = fromRow(row);
      // Outside 1…tail: an entry the chain never had.
      if (e.seq > tail.seq || e.seq < 1) return result({ seq: e.seq, reason: 'appended' });
      if (e.seq !== prev.seq + 1) return result({ seq: prev.seq + 1, reason: 'deleted' });
      if (e.prevHash !== prev.hash) {
        // Linked to a hash no entry has: the entry it followed is gone. Linked to one elsewhere: moved.
        return result({ seq: e.seq, reason: hashes.has(e.prevHash) ? 'reordered' : 'deleted' });
      }
      if (entryHash(e) !== e.hash) return result({ seq: e.seq, reason: 'edited' });
      prev = { seq: e.seq, hash: e.hash };
    }
    if (rows.length < PAGE) break;
    after = rows.at(-1)!.seq;
  }
  if (prev.seq < tail.seq) return result({ seq: prev.seq + 1, reason: 'deleted' });
  if (prev.hash !== tail.hash) return result({ seq: prev.seq, reason: 'edited' });
  return result();
}

/** The audit entries of one record, oldest first (a case's trail, a center's changes). */
export async function auditOf(store: Store, entity: string, entityId: string): Promise<AuditEntry[]> {
  const rows = await casesDb(store)
    .selectFrom('audit_log')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute();
  return rows.map(fromRow);
}
