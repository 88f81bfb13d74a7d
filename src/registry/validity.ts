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

/** When the grant became known: the earliest recording of a grant event, else the grant date itself. */
export function grantKnownOn(right: Pick<RightRecord, 'events'>, start: IsoDate): IsoDate {
  let known: IsoDate | null = null;
  for (const e of right.events) {
    if (e.type === 'grant' && (known === null || e.recordedDate < known)) known = e.recordedDate;
  }
  return known ?? start;
}

/**
 * Derives the validity interval of a right as the data stood on `knownOn` (all data when omitted).
 *
 * The right is in force from its grant until the earliest of its term's end and its first ending
 * event that no later restoration undoes (only a lapse or a cessation can be undone; a surrender or
 * an expiry cannot). An invalidation removes it altogether. Stated this way the rule is the same in
 * SQL (the brute-force reference of the statistics) as here.
 */
export function validity(right: ValiditySubject, knownOn?: IsoDate | null): Validity {
  const events = knownEvents(right.events, knownOn);
  const start = grantDateOf(right, events);
  const renewals = events.filter((e) => e.type === 'renewal').length;
  const end = termEnd(right.kind, right.filingDate, start, renewals);
  const invalidatedBy = events.find((e) => e.type === 'invalidation') ?? null;
  const none = { intervals: [], termEnd: end, invalidatedBy, endedBy: null };
  if (!start || invalidatedBy) return none;
  if (knownOn && knownOn < grantKnownOn(right, start)) return none;

  const lastRestoration = events.reduce<IsoDate | null>(
    (latest, e) =>
      e.type === 'restoration' && (latest === null || e.effectiveDate > latest) ? e.effectiveDate : latest,
    null,
  );
  const endedBy =
    events.find(
      (e) =>
        ENDING.has(e.type) &&
        e.effectiveDate >= start &&
        !(RESTORABLE.has(e.type) && lastRestoration !== null && lastRestoration >= e.effectiveDate),
    ) ?? null;
  const to = endedBy && (end === null || endedBy.effectiveDate < end) ? endedBy.effectiveDate : end;
  const intervals = to !== null && to <= start ? [] : [{ from: start, to }];
  return { intervals, termEnd: end, invalidatedBy, endedBy: to === end ? null : endedBy };
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
