import type { Holder, LegalEvent, RightRecord } from '../../core/index.js';
import type { RightKeys, WriteItem } from '../writer-shared.js';
import type { CheckedItem } from './check.js';
import type { Position } from './types.js';

/**
 * A right the reading thread leaves for the writing thread to check, when the writer keeps up and
 * the reader is the slower of the two (see `DERIVE_FROM_QUEUED`).
 */
export interface UncheckedRight {
  unchecked: RightRecord;
  position: Position;
}

/** What crosses from the reading thread: checked items, and rights still to check. */
export type Carried = CheckedItem | UncheckedRight;

/**
 * Checked items as one flat array of strings, numbers and nulls, for the trip from the reading
 * thread to the writing thread. `postMessage` copies objects field by field and rebuilds each one
 * on the other side by adding properties one at a time, which cost both threads about a sixth of
 * their time in a JSON Lines ingest; a flat array of primitives crosses in a fraction of that, and
 * rebuilding the records from it here makes objects of fixed shape. Rights are flattened; the rarer
 * items (events, rejects) travel as they are.
 *
 * Layout of a right: `RIGHT` (or `UNCHECKED`), position (line, offset), the record's ten scalar fields, each list
 * (ipc, locarno, nice, holders, events) as its length then its elements, an event's new holders as
 * null (none) or a length then the holders, then the contribution (or null) and the keys (null, or
 * the hash, the numbers as a length then the numbers, then one key per holder and per event).
 */
export type Packed = unknown[];

const RIGHT = 1;
const OTHER = 2;
const UNCHECKED = 3;

export function packItems(items: readonly Carried[]): Packed {
  const out: unknown[] = [];
  for (const c of items) {
    if ('unchecked' in c) packRight(out, UNCHECKED, c.position, c.unchecked);
    else if ('item' in c && c.item.type === 'right')
      packRight(out, RIGHT, c.position, c.item.record, c.item.contributions, c.item.keys);
    else out.push(OTHER, c);
  }
  return out;
}

function packRight(
  out: unknown[],
  tag: typeof RIGHT | typeof UNCHECKED,
  position: Position,
  r: RightRecord,
  contributions?: string,
  keys?: RightKeys,
): void {
  out.push(
    tag,
    position.line ?? null,
    position.offset ?? null,
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
  );
  out.push(r.ipc.length, ...r.ipc, r.locarno.length, ...r.locarno, r.nice.length, ...r.nice);
  packHolders(out, r.holders);
  out.push(r.events.length);
  for (const e of r.events) {
    out.push(e.type, e.category, e.code, e.office, e.effectiveDate, e.recordedDate, e.description);
    if (e.newHolders === undefined) out.push(null);
    else packHolders(out, e.newHolders);
  }
  out.push(contributions ?? null);
  if (!keys) out.push(null);
  else out.push(keys.hash, keys.numbers.length, ...keys.numbers, ...keys.holders, ...keys.events);
}

function packHolders(out: unknown[], holders: readonly Holder[]): void {
  out.push(holders.length);
  for (const h of holders)
    out.push(h.name, h.type, h.country, h.regionCode, h.regionConfidence, h.regionSource, h.address);
}

/** The items `packItems` was given, equal field for field. */
export function unpackItems(packed: Packed): Carried[] {
  const items: Carried[] = [];
  // Each field's type is the one packItems wrote at that place.
  const at = (k: number) => packed[k] as never;
  let i = 0;
  const strings = (n: number): never[] => {
    const list = packed.slice(i, i + n) as never[];
    i += n;
    return list;
  };
  const holders = (): Holder[] => {
    const n: number = at(i++);
    const list: Holder[] = new Array(n);
    for (let k = 0; k < n; k++) {
      list[k] = {
        name: at(i),
        type: at(i + 1),
        country: at(i + 2),
        regionCode: at(i + 3),
        regionConfidence: at(i + 4),
        regionSource: at(i + 5),
        address: at(i + 6),
      };
      i += 7;
    }
    return list;
  };
  while (i < packed.length) {
    const tag = at(i++);
    if (tag === OTHER) {
      items.push(at(i++));
      continue;
    }
    const line: number | null = at(i);
    const offset: number | null = at(i + 1);
    const position: Position = {};
    if (line !== null) position.line = line;
    if (offset !== null) position.offset = offset;
    i += 2;
    const record: RightRecord = {
      office: at(i),
      kind: at(i + 1),
      applicationNumber: at(i + 2),
      publicationNumber: at(i + 3),
      grantNumber: at(i + 4),
      filingDate: at(i + 5),
      publicationDate: at(i + 6),
      grantDate: at(i + 7),
      title: at(i + 8),
      abstract: at(i + 9),
      ipc: [],
      locarno: [],
      nice: [],
      holders: [],
      events: [],
    };
    i += 10;
    record.ipc = strings(at(i++));
    record.locarno = strings(at(i++));
    record.nice = strings(at(i++));
    record.holders = holders();
    const events: LegalEvent[] = new Array(at(i++));
    for (let k = 0; k < events.length; k++) {
      const e: LegalEvent = {
        type: at(i),
        category: at(i + 1),
        code: at(i + 2),
        office: at(i + 3),
        effectiveDate: at(i + 4),
        recordedDate: at(i + 5),
        description: at(i + 6),
      };
      i += 7;
      if (at(i) === null) i++;
      else e.newHolders = holders();
      events[k] = e;
    }
    record.events = events;
    if (tag === UNCHECKED) {
      i += 2; // no contribution, no keys
      items.push({ unchecked: record, position });
      continue;
    }
    const item: Extract<WriteItem, { type: 'right' }> = { type: 'right', record };
    const contributions: string | null = at(i++);
    if (contributions !== null) item.contributions = contributions;
    if (at(i) === null) i++;
    else {
      const hash: string = at(i++);
      const keys: RightKeys = {
        hash,
        numbers: strings(at(i++)),
        holders: strings(record.holders.length),
        events: strings(events.length),
      };
      item.keys = keys;
    }
    items.push({ item, position });
  }
  return items;
}
