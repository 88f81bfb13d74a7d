import type { HolderType, IsoDate, LegalEvent, RightKind, RightRecord } from '../core/index.js';
import { firstHolderOn, validity } from '../registry/validity.js';

/**
 * How one right moves the statistics cells. A right in force from A to B with its first holder in
 * region R adds +1 to R's cell on A and −1 on B. What is known changes as events are recorded (a
 * lapse published months later, an invalidation years later), so each change carries the day it
 * became known: at every recording date the right's contribution is recomputed from what was known
 * then, and the difference is stamped with that date. Summing the deltas with day ≤ D and
 * known_from ≤ K gives the count in force on D as known on K — for any D and K.
 */
export interface CellKey {
  region: string;
  kind: RightKind;
  holderType: HolderType;
  /** '' for the cell of all industries. */
  industry: string;
}

export type StatsSubject = Pick<RightRecord, 'kind' | 'filingDate' | 'grantDate' | 'holders' | 'events'>;

const SEP = '\u0001';

export function cellKeyString(c: CellKey): string {
  return `${c.region}${SEP}${c.kind}${SEP}${c.holderType}${SEP}${c.industry}`;
}

export function parseCellKey(s: string): CellKey {
  const [region, kind, holderType, industry] = s.split(SEP);
  return {
    region: region!,
    kind: kind as RightKind,
    holderType: holderType as HolderType,
    industry: industry!,
  };
}

/** `YYYY-MM-DD` → YYYYMMDD. */
export function dayNumber(date: IsoDate): number {
  return Number(date.slice(0, 4)) * 10000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
}

export function dayString(day: number): IsoDate {
  const s = String(day);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

/** Contribution key: cell, effective day, known-from day. */
export function deltaKey(cell: string, day: number, knownFrom: number): string {
  return `${cell}${SEP}${day}${SEP}${knownFrom}`;
}

export function parseDeltaKey(s: string): { cell: CellKey; day: number; knownFrom: number } {
  const parts = s.split(SEP);
  return {
    cell: parseCellKey(parts.slice(0, 4).join(SEP)),
    day: Number(parts[4]),
    knownFrom: Number(parts[5]),
  };
}

/** The +1/−1 points of the right's in-force pieces as known on `knownOn`, by cell and day. */
function pointsAsKnownOn(
  right: StatsSubject,
  industries: readonly string[],
  knownOn: IsoDate,
): Map<string, number> {
  const points = new Map<string, number>();
  const interval = validity(right, knownOn).intervals[0];
  if (!interval) return points;
  const add = (holderDate: IsoDate, day: IsoDate, delta: number) => {
    const holder = firstHolderOn(right, holderDate, knownOn);
    const base = `${holder?.regionCode ?? ''}${SEP}${right.kind}${SEP}${holder?.type ?? 'unknown'}${SEP}`;
    const d = dayNumber(day);
    for (const industry of ['', ...industries]) {
      const k = `${base}${industry}${SEP}${d}`;
      points.set(k, (points.get(k) ?? 0) + delta);
    }
  };
  // A transfer in the middle of the interval moves the right from one cell to another on its date.
  const changes = right.events
    .filter(
      (e) =>
        e.newHolders !== undefined &&
        e.newHolders.length > 0 &&
        e.recordedDate <= knownOn &&
        e.effectiveDate > interval.from &&
        (interval.to === null || e.effectiveDate < interval.to),
    )
    .map((e) => e.effectiveDate);
  const bounds = [...new Set(changes)].sort();
  let from = interval.from;
  for (const b of bounds) {
    add(from, from, 1);
    add(from, b, -1);
    from = b;
  }
  add(from, from, 1);
  if (interval.to !== null) add(from, interval.to, -1);
  return points;
}

/** The days on which what is known about the right changes: its grant's recording and every event's. */
function knowledgeDays(right: StatsSubject): IsoDate[] {
  const days = new Set<IsoDate>();
  if (right.grantDate) days.add(right.grantDate);
  for (const e of right.events) days.add(e.recordedDate);
  return [...days].sort();
}

/** Events with the same identity count once, as in the database. */
export function distinctEvents(
  events: readonly LegalEvent[],
  keyOf: (e: LegalEvent, index: number) => string,
): LegalEvent[] {
  const seen = new Set<string>();
  return events.filter((e, i) => {
    const k = keyOf(e, i);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The right's contribution: delta key → change (zero entries left out). */
export function contributions(right: StatsSubject, industries: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  let previous = new Map<string, number>();
  for (const k of knowledgeDays(right)) {
    const current = pointsAsKnownOn(right, industries, k);
    const known = dayNumber(k);
    for (const [p, v] of current) {
      const d = v - (previous.get(p) ?? 0);
      if (d !== 0) out.set(`${p}${SEP}${known}`, d);
    }
    for (const [p, v] of previous) {
      if (!current.has(p) && v !== 0) out.set(`${p}${SEP}${known}`, -v);
    }
    previous = current;
  }
  return out;
}

/** Between a key and its change, and between entries, in a base contribution's text. */
const FIELD = '\u0002';
const ENTRY = '\u0003';

/**
 * The right's contribution to the cells of all industries alone, as compact text (`key FIELD
 * change`, entries joined by ENTRY): what `addWithIndustries` spreads to its industries' cells. The
 * ingest computes it in the reading thread, which has the record but not the industries (an
 * administrator's own are in the database); one string crosses to the writing thread far more
 * cheaply than a list of pairs.
 */
export function baseContributions(right: StatsSubject): string {
  let text = '';
  for (const [key, v] of contributions(right, [])) text += `${text ? ENTRY : ''}${key}${FIELD}${v}`;
  return text;
}

/**
 * Calls `fn` for every change of a base contribution (see `baseContributions`) in the cell of all
 * industries and in each of `industries`' cells: together, the changes of `contributions(right,
 * industries)`, whose points are those of the all-industries cell repeated in every industry's.
 * `cell` is the cell's key (`cellKeyString`).
 */
export function spreadBase(
  base: string,
  industries: readonly string[],
  fn: (cell: string, day: number, knownFrom: number, change: number) => void,
): void {
  if (base === '') return;
  for (const entry of base.split(ENTRY)) {
    const f = entry.lastIndexOf(FIELD);
    const k2 = entry.lastIndexOf(SEP, f - 1);
    const k1 = entry.lastIndexOf(SEP, k2 - 1);
    // region SEP kind SEP holderType SEP '' — the all-industries cell ends with its empty industry.
    const cell = entry.slice(0, k1);
    const day = Number(entry.slice(k1 + 1, k2));
    const knownFrom = Number(entry.slice(k2 + 1, f));
    const change = Number(entry.slice(f + 1));
    fn(cell, day, knownFrom, change);
    for (const industry of industries) fn(`${cell}${industry}`, day, knownFrom, change);
  }
}

/** after − before, dropping zeros. */
export function diffContributions(
  before: Map<string, number> | null,
  after: Map<string, number>,
): Map<string, number> {
  const out = new Map(after);
  for (const [k, v] of before ?? []) {
    const d = (out.get(k) ?? 0) - v;
    if (d === 0) out.delete(k);
    else out.set(k, d);
  }
  return out;
}

/** Adds `from` into `into`. */
export function addInto(into: Map<string, number>, from: Map<string, number>): void {
  for (const [k, v] of from) {
    const d = (into.get(k) ?? 0) + v;
    if (d === 0) into.delete(k);
    else into.set(k, d);
  }
}
