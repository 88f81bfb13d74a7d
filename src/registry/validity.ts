import type { Holder, IsoDate, LegalEvent, RightKind, RightRecord } from '../core/index.js';
import { addYears } from '../core/index.js';

/**
 * Validity of a right, derived from its dates and legal events (DESIGN.md, "Validity").
 *
 * Intervals are half-open, [from, to): a right granted on G is in force on G; a right that lapses,
 * expires or is surrendered with effect on D is no longer in force on D. The term of an invention
 * filed 2004-03-15 therefore ends with 2024-03-14, the last day it is in force.
 */
export interface Interval {
  from: IsoDate;
  /** Exclusive; null while no end is known (a stub right without a filing date). */
  to: IsoDate | null;
}

export type ValiditySubject = Pick<RightRecord, 'kind' | 'filingDate' | 'grantDate' | 'events'>;

/** Event types that end a right from their effective date on (not retroactively). */
const ENDING = new Set(['lapse', 'expiry', 'surrender', 'cessation']);
/** Endings that a restoration undoes, as if the right had never stopped. */
const RESTORABLE = new Set(['lapse', 'cessation']);

export interface Validity {
  intervals: Interval[];
  /** When the term ends (exclusive), from the kind, filing date and renewals; null if unknown. */
  termEnd: IsoDate | null;
  /** The retroactive invalidation, if one is known. */
  invalidatedBy: LegalEvent | null;
  /** The event that ended the last interval, if an event did. */
  endedBy: LegalEvent | null;
}

/** The events known on `knownOn` (recorded on or before it), in order of effect then of record. */
export function knownEvents(events: readonly LegalEvent[], knownOn?: IsoDate | null): LegalEvent[] {
  const known = knownOn ? events.filter((e) => e.recordedDate <= knownOn) : [...events];
  return known.sort(
    (a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || a.recordedDate.localeCompare(b.recordedDate),
  );
}

/** Term end (exclusive) by kind: invention 20 years, utility model 10, design 10 or 15, trademark 10 per period. */
export function termEnd(
  kind: RightKind,
  filingDate: IsoDate | null,
  grantDate: IsoDate | null,
  renewals: number,
): IsoDate | null {
  switch (kind) {
    case 'invention':
      return filingDate ? addYears(filingDate, 20) : null;
    case 'utility_model':
      return filingDate ? addYears(filingDate, 10) : null;
    case 'design':
      // The 2021 Patent Law raised the design term to 15 years for applications filed from 2021-06-01.
      return filingDate ? addYears(filingDate, filingDate >= '2021-06-01' ? 15 : 10) : null;
    case 'trademark':
      return grantDate ? addYears(grantDate, 10 * (1 + renewals)) : null;
  }
}

/** The grant (registration) date: the record's, else the earliest grant event known. */
export function grantDateOf(right: ValiditySubject, events: readonly LegalEvent[]): IsoDate | null {
  if (right.grantDate) return right.grantDate;
  const grant = events.find((e) => e.type === 'grant');
  return grant ? grant.effectiveDate : null;
}

/** Derives the validity intervals of a right as the data stood on `knownOn` (all data when omitted). */
export function validity(right: ValiditySubject, knownOn?: IsoDate | null): Validity {
  const events = knownEvents(right.events, knownOn);
  const start = grantDateOf(right, events);
  const renewals = events.filter((e) => e.type === 'renewal').length;
  const end = termEnd(right.kind, right.filingDate, start, renewals);
  const invalidatedBy = events.find((e) => e.type === 'invalidation') ?? null;
  if (!start || invalidatedBy) return { intervals: [], termEnd: end, invalidatedBy, endedBy: null };

  const intervals: Interval[] = [{ from: start, to: null }];
  let endedBy: LegalEvent | null = null;
  for (const e of events) {
    const current = intervals[intervals.length - 1]!;
    if (ENDING.has(e.type)) {
      if (current.to !== null || e.effectiveDate < current.from) continue;
      current.to = e.effectiveDate;
      endedBy = e;
    } else if (e.type === 'restoration' && endedBy && RESTORABLE.has(endedBy.type) && current.to !== null) {
      current.to = null;
      endedBy = null;
    } else if (e.type === 'grant' && current.to !== null && e.effectiveDate >= current.to) {
      // A grant after an ending (a re-grant after reinstatement by a court, say) opens a new interval.
      intervals.push({ from: e.effectiveDate, to: null });
      endedBy = null;
    }
  }
  return { intervals: clipToTerm(intervals, end), termEnd: end, invalidatedBy, endedBy };
}

function clipToTerm(intervals: Interval[], end: IsoDate | null): Interval[] {
  if (!end) return intervals;
  const out: Interval[] = [];
  for (const i of intervals) {
    if (i.from >= end) continue;
    out.push({ from: i.from, to: i.to === null || i.to > end ? end : i.to });
  }
  return out;
}

export function intervalsContain(intervals: readonly Interval[], date: IsoDate): boolean {
  return intervals.some((i) => i.from <= date && (i.to === null || date < i.to));
}

/** True when the right is in force on `date`, as the data stood on `knownOn`. */
export function inForceOn(right: ValiditySubject, date: IsoDate, knownOn?: IsoDate | null): boolean {
  return intervalsContain(validity(right, knownOn).intervals, date);
}

/** The holders on `date`: the first holders, then every known transfer or holder change in effect by then. */
export function holdersOn(
  right: Pick<RightRecord, 'holders' | 'events'>,
  date: IsoDate,
  knownOn?: IsoDate | null,
): Holder[] {
  let holders = right.holders;
  for (const e of knownEvents(right.events, knownOn)) {
    if (e.effectiveDate > date) break;
    if (e.newHolders && e.newHolders.length > 0) holders = e.newHolders;
  }
  return holders;
}

/** The first holder on `date`, whose location places the right in a region. */
export function firstHolderOn(
  right: Pick<RightRecord, 'holders' | 'events'>,
  date: IsoDate,
  knownOn?: IsoDate | null,
): Holder | null {
  return holdersOn(right, date, knownOn)[0] ?? null;
}
