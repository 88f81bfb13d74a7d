import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { z } from 'zod';
import {
  addDays,
  dateOfDayNumber,
  dayNumber,
  errors,
  type IsoDate,
  isIsoDate,
  weekdayOfDayNumber,
} from '../core/index.js';

/**
 * The official working-day calendar: the State Council's holiday schedule (holidays and the adjusted
 * working days, 调休) as published in the `chinese-days` package, under a list of overrides an
 * administrator edits (overrides win). Outside the years the schedule covers only weekends are
 * days off, and every answer that relied on such a year says it is provisional: it is to be computed
 * again once that year's schedule is loaded.
 */

/** Why a day is or is not a working day. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted_working_day' | 'override';

export interface HolidayName {
  en: string;
  zh: string;
}

export interface DayInfo {
  date: IsoDate;
  working: boolean;
  kind: DayKind;
  /** The festival a holiday or an adjusted working day belongs to. */
  holiday: HolidayName | null;
  /** The administrator's reason, for an override. */
  reason: string | null;
  /** False when the day's year is not in the official schedule: the answer is provisional. */
  covered: boolean;
}

const isoDate = z.string().refine(isIsoDate, 'not a real YYYY-MM-DD date');

export const calendarOverrideSchema = z.object({
  date: isoDate,
  working: z.boolean(),
  reason: z.string().trim().min(1, 'an override needs a reason'),
});
export type CalendarOverride = z.infer<typeof calendarOverrideSchema>;

export interface WorkingCalendarOptions {
  overrides?: readonly CalendarOverride[];
  /**
   * Years an administrator has loaded in full through overrides (a schedule published after the
   * installed `chinese-days`): answers in them are no longer provisional.
   */
  coveredYears?: readonly number[];
}

export interface WorkingDaysResult {
  date: IsoDate;
  provisional: boolean;
}

/** Bounds on counts and spans, so that hostile input cannot make a loop run for ever. */
const MAX_WORKING_DAYS = 10_000;
const MAX_SPAN_DAYS = 366 * 100;

interface Schedule {
  holidays: Map<IsoDate, HolidayName>;
  workdays: Map<IsoDate, HolidayName>;
  years: Set<number>;
}

// Each entry reads "English name,中文名,n" (n: the package's festival number).
const scheduleFileSchema = z.object({
  holidays: z.record(isoDate, z.string()),
  workdays: z.record(isoDate, z.string()),
});

let schedule: Schedule | null = null;

/** Checks an override list (from a file or a request); a bad entry is named with its index. */
export function parseCalendarOverrides(input: unknown): CalendarOverride[] {
  const parsed = z.array(calendarOverrideSchema).safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(list)'}: ${i.message}`);
  throw errors.invalidInput(`calendar overrides are invalid: ${problems.join('; ')}`, { problems });
}

function officialSchedule(): Schedule {
  if (schedule) return schedule;
  const file = createRequire(import.meta.url).resolve('chinese-days/dist/chinese-days.json');
  const data = scheduleFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const names = (rec: Record<string, string>) =>
    new Map(
      Object.entries(rec).map(([date, label]) => {
        const [en = '', zh = ''] = label.split(',');
        return [date, { en, zh }] as const;
      }),
    );
  const holidays = names(data.holidays);
  const workdays = names(data.workdays);
  const years = new Set([...holidays.keys(), ...workdays.keys()].map(yearOf));
  schedule = { holidays, workdays, years };
  return schedule;
}

function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

function isWeekend(date: IsoDate): boolean {
  const day = weekdayOfDayNumber(dayNumber(date));
  return day === 0 || day === 6;
}

/**
 * A year's working days as running counts: `counts[i]` is the number of working days among the
 * year's first `i` days, so any count within the year is one subtraction.
 */
interface YearTable {
  /** The day number (`dayNumber`) of 1 January. */
  first: number;
  counts: Uint16Array;
}

function workingDaysIn(t: YearTable): number {
  return t.counts[t.counts.length - 1]!;
}

function yearOfDayNumber(d: number): number {
  return Number(dateOfDayNumber(d).slice(0, 4));
}

function requireDate(date: string, what = 'date'): IsoDate {
  if (!isIsoDate(date)) throw errors.invalidInput(`${what} ${date} is not a real YYYY-MM-DD date`, { date });
  return date;
}

/** Days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export class WorkingCalendar {
  private readonly official = officialSchedule();
  private readonly overrides = new Map<IsoDate, CalendarOverride>();
  private readonly years: Set<number>;
  /** Built on first use, per year: deadlines are counted by subtraction, not day by day. */
  private readonly tables = new Map<number, YearTable>();

  constructor(options: WorkingCalendarOptions = {}) {
    for (const o of parseCalendarOverrides(options.overrides ?? [])) {
      if (this.overrides.has(o.date))
        throw errors.invalidInput(`two overrides for ${o.date}`, { date: o.date });
      this.overrides.set(o.date, o);
    }
    this.years = new Set([...this.official.years, ...(options.coveredYears ?? [])]);
  }

  /** The years whose official schedule is known, ascending. */
  coveredYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  /** True when every year from `from` to `to` (inclusive, either order) is covered. */
  covers(from: IsoDate, to: IsoDate = from): boolean {
    const [lo, hi] = from <= to ? [yearOf(from), yearOf(to)] : [yearOf(to), yearOf(from)];
    for (let y = lo; y <= hi; y++) if (!this.years.has(y)) return false;
    return true;
  }

  /** The day's status and why: weekend, a holiday's name, an adjusted working day, an override. */
  day(date: string): DayInfo {
    const d = requireDate(date);
    const covered = this.years.has(yearOf(d));
    const override = this.overrides.get(d);
    const base = { date: d, covered, holiday: null, reason: null };
    if (override) return { ...base, working: override.working, kind: 'override', reason: override.reason };
    const holiday = this.official.holidays.get(d);
    if (holiday) return { ...base, working: false, kind: 'holiday', holiday };
    const adjusted = this.official.workdays.get(d);
    if (adjusted) return { ...base, working: true, kind: 'adjusted_working_day', holiday: adjusted };
    return isWeekend(d)
      ? { ...base, working: false, kind: 'weekend' }
      : { ...base, working: true, kind: 'workday' };
  }

  isWorkingDay(date: string): boolean {
    return this.working(requireDate(date));
  }

  /** The n-th working day after `start` (counting starts the day after; n = 0 gives `start`). */
  addWorkingDays(start: string, n: number): WorkingDaysResult {
    let date = requireDate(start, 'start date');
    if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
      throw errors.invalidInput(
        `the number of working days must be a whole number from 0 to ${MAX_WORKING_DAYS}`,
        {
          n,
        },
      );
    }
    const from = date;
    if (n > 0) date = dateOfDayNumber(this.nthWorkingDayAfter(dayNumber(from), n));
    return { date, provisional: n > 0 && !this.covers(addDays(from, 1), date) };
  }

  /** Working days in (a, b]: so that `addWorkingDays(a, n).date` = b gives n. Negative when b < a. */
  workingDaysBetween(a: string, b: string): number {
    const from = requireDate(a);
    const to = requireDate(b);
    if (to < from) return 0 - this.workingDaysBetween(to, from);
    if (daysBetween(from, to) > MAX_SPAN_DAYS) {
      throw errors.invalidInput(`a span of more than ${MAX_SPAN_DAYS} days is not counted`, { from, to });
    }
    return (
      this.workingThrough(dayNumber(to), yearOf(from)) - this.workingThrough(dayNumber(from), yearOf(from))
    );
  }

  /** `date` itself when it is a working day, else the next one (how periods ending on a day off end). */
  workingDayOnOrAfter(date: string): IsoDate {
    const d = dayNumber(requireDate(date));
    let next: number;
    try {
      next = this.nthWorkingDayAfter(d - 1, 1);
    } catch {
      throw errors.invalidInput(`no working day after ${date}`, { date });
    }
    return next === d ? (date as IsoDate) : dateOfDayNumber(next);
  }

  /** Working days from 1 January of the year `since` through day number `d` (not earlier), inclusive. */
  private workingThrough(d: number, since: number): number {
    const year = yearOfDayNumber(d);
    let n = 0;
    for (let y = since; y < year; y++) n += workingDaysIn(this.table(y));
    const t = this.table(year);
    return n + t.counts[d - t.first + 1]!;
  }

  /** The day number of the n-th working day (n ≥ 1) after day number `d`. */
  private nthWorkingDayAfter(d: number, n: number): number {
    let t = this.table(yearOfDayNumber(d + 1));
    let target = n + t.counts[d + 1 - t.first]!;
    for (let years = 0; target > workingDaysIn(t); years++) {
      if (years > MAX_SPAN_DAYS / 365)
        throw errors.invalidInput(`no working day within ${MAX_SPAN_DAYS} days`);
      target -= workingDaysIn(t);
      t = this.table(yearOfDayNumber(t.first + t.counts.length - 1));
    }
    // The first day whose running count reaches the target.
    let lo = 1;
    let hi = t.counts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (t.counts[mid]! >= target) hi = mid;
      else lo = mid + 1;
    }
    return t.first + lo - 1;
  }

  private table(year: number): YearTable {
    const known = this.tables.get(year);
    if (known) return known;
    const first = dayNumber(`${String(year).padStart(4, '0')}-01-01`);
    const length = dayNumber(`${String(year + 1).padStart(4, '0')}-01-01`) - first;
    const counts = new Uint16Array(length + 1);
    for (let i = 0; i < length; i++)
      counts[i + 1] = counts[i]! + (this.working(dateOfDayNumber(first + i)) ? 1 : 0);
    const table = { first, counts };
    this.tables.set(year, table);
    return table;
  }

  private working(d: IsoDate): boolean {
    const override = this.overrides.get(d);
    if (override) return override.working;
    if (this.official.holidays.has(d)) return false;
    if (this.official.workdays.has(d)) return true;
    return !isWeekend(d);
  }
}

let official: WorkingCalendar | null = null;

/** The official calendar without overrides (shared; the calendar is immutable). */
export function officialCalendar(): WorkingCalendar {
  official ??= new WorkingCalendar();
  return official;
}
