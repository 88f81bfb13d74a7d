import type { IsoDate } from '../core/index.js';

/**
 * Dates as day numbers (days since 1990-01-01) with precomputed ISO strings: the generator does date
 * arithmetic millions of times, and `Date` objects and string formatting would dominate its cost.
 * The year arithmetic follows core `addYears` exactly (29 February lands on 28 February), so terms
 * computed here agree with `validity()`.
 */
const FIRST_YEAR = 1990;
const LAST_YEAR = 2070;

const yearStart: number[] = [];
const isoOf: string[] = [];
const yearOf = new Int16Array(366 * (LAST_YEAR - FIRST_YEAR + 1));
const monthOf = new Int8Array(yearOf.length);
const dayOfMonth = new Int8Array(yearOf.length);

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function monthLength(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

{
  let day = 0;
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
    yearStart.push(day);
    for (let m = 1; m <= 12; m++) {
      const mm = m < 10 ? `0${m}` : `${m}`;
      for (let d = 1; d <= monthLength(y, m); d++) {
        yearOf[day] = y - FIRST_YEAR;
        monthOf[day] = m;
        dayOfMonth[day] = d;
        isoOf[day] = `${y}-${mm}-${d < 10 ? `0${d}` : d}`;
        day++;
      }
    }
  }
  yearStart.push(day);
}

/** The last day number the tables cover. */
export const LAST_DAY = isoOf.length - 1;

export function dayOf(y: number, m: number, d: number): number {
  let n = yearStart[y - FIRST_YEAR]! + d - 1;
  for (let i = 1; i < m; i++) n += monthLength(y, i);
  return n;
}

export function dayFromIso(iso: IsoDate): number {
  return dayOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

export function iso(day: number): IsoDate {
  const s = isoOf[day];
  if (s === undefined) throw new RangeError(`day ${day} is outside ${FIRST_YEAR}–${LAST_YEAR}`);
  return s;
}

export function yearOfDay(day: number): number {
  return yearOf[day]! + FIRST_YEAR;
}

/** The same calendar day `years` later, as core `addYears` counts it. */
export function addYearsDay(day: number, years: number): number {
  const y = yearOf[day]! + FIRST_YEAR + years;
  const m = monthOf[day]!;
  return dayOf(y, m, Math.min(dayOfMonth[day]!, monthLength(y, m)));
}

/** Day number of the first day of month `index` counted from January 2000 (0 = 2000-01). */
export function monthStart(index: number): number {
  return dayOf(2000 + Math.floor(index / 12), (index % 12) + 1, 1);
}

export const DAYS_PER_YEAR = 365.25;
