import { addDays, daysInMonth, errors, type IsoDate, isIsoDate } from '../core/index.js';
import { daysBetween, officialCalendar, type WorkingCalendar } from '../reference/index.js';
import type { CaseMatter, LimitId, TimeLimit } from './time-limits.js';
import { timeLimitsFor } from './time-limits.js';
import type { CaseType } from './types.js';
import { workflowOf } from './workflow.js';

/** A case entered `state` on `at` (the date in China, UTC+8). */
export interface StateEntry {
  state: string;
  at: IsoDate;
}

/**
 * More time on a limit (default: `handling`): working days, or calendar days for a limit counted in
 * days. The reason is required.
 */
export interface Extension {
  limit?: LimitId;
  days: number;
  reason: string;
}

export type ClockState = 'not_started' | 'running' | 'paused' | 'done';
export type DeadlineStatus = 'ok' | 'due_soon' | 'overdue';

/** Working days (or days) left at which a running deadline is reported as due soon. */
export const DUE_SOON = 2;
const MAX_EXTENSION_DAYS = 366;

export interface Deadline {
  limit: LimitId;
  party: TimeLimit['party'];
  /** The unit of `allowed`, `used` and `left` (a limit in months is counted in working days). */
  unit: 'working_days' | 'days';
  clock: ClockState;
  startedOn: IsoDate | null;
  /** Null until the clock starts, and while it is stopped with time left (the date is not yet known). */
  due: IsoDate | null;
  /** The count ran into a year whose official schedule is not loaded: recompute once it is. */
  provisional: boolean;
  allowed: number;
  used: number;
  left: number;
  /** When the case left the limit's states; whether that was by the due date. */
  doneOn: IsoDate | null;
  onTime: boolean | null;
  status: DeadlineStatus;
}

export interface DeadlineInput {
  limit: TimeLimit;
  history: readonly StateEntry[];
  extensions?: readonly Extension[];
  calendar?: WorkingCalendar;
}

/** Checks an extension before it is granted: a whole number of days and a non-empty reason. */
export function validateExtension(e: Extension): Extension {
  if (typeof e.reason !== 'string' || e.reason.trim() === '') {
    throw errors.invalidInput('an extension needs a reason', { field: 'reason' });
  }
  if (!Number.isInteger(e.days) || e.days < 1 || e.days > MAX_EXTENSION_DAYS) {
    throw errors.invalidInput(`an extension is a whole number of days from 1 to ${MAX_EXTENSION_DAYS}`, {
      field: 'days',
    });
  }
  return { limit: e.limit ?? 'handling', days: e.days, reason: e.reason.trim() };
}

function checkHistory(history: readonly StateEntry[]): void {
  if (history.length === 0) throw errors.invalidInput('a case history needs at least one state');
  history.forEach((e, i) => {
    if (!isIsoDate(e.at))
      throw errors.invalidInput(`history entry ${i}: ${e.at} is not a date`, { index: i });
    const prev = history[i - 1];
    if (prev && e.at < prev.at) {
      throw errors.invalidInput(`history entry ${i} is dated before the one it follows`, { index: i });
    }
  });
}

/** The same day of the month `n` months later, or that month's last day. */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const d = Math.min(Number(date.slice(8, 10)), daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

interface Interval {
  from: IsoDate;
  /** Null: still running. */
  to: IsoDate | null;
}

/**
 * Where a limit stands on `asOf`: history after `asOf` is ignored. Each stretch of a running state
 * counts the units after the day it began up to the day it ended, so a case that waits for the
 * applicant from day P to day R has counted P and counts again from the day after R. Before the
 * clock starts, `allowed` is what the limit would give if it started on `asOf`.
 */
export function computeDeadline(input: DeadlineInput, asOf: IsoDate): Deadline {
  const { limit } = input;
  const cal = input.calendar ?? officialCalendar();
  checkHistory(input.history);
  if (!isIsoDate(asOf)) throw errors.invalidInput(`${asOf} is not a date`, { asOf });
  const extensions = (input.extensions ?? []).map(validateExtension).filter((e) => e.limit === limit.id);
  const history = input.history.filter((e) => e.at <= asOf);
  const runs = new Set(limit.runs);
  const unit = limit.unit === 'days' ? 'days' : 'working_days';
  const first = history.findIndex((e) => runs.has(e.state));
  const start = history[first];
  const startedOn = start?.at ?? asOf;

  const extra = extensions.reduce((s, e) => s + e.days, 0);
  let countedTo = startedOn;
  let allowed = limit.amount + extra;
  if (limit.unit === 'months') {
    countedTo = cal.workingDayOnOrAfter(addMonths(startedOn, limit.amount));
    allowed = cal.workingDaysBetween(startedOn, countedTo) + extra;
  }
  const base = { limit: limit.id, party: limit.party, unit, allowed } as const;
  if (!start) {
    const provisional = !cal.covers(asOf, countedTo);
    const rest = { startedOn: null, due: null, used: 0, left: allowed, doneOn: null, onTime: null };
    return { ...base, ...rest, clock: 'not_started', provisional, status: 'ok' };
  }

  const count = (a: IsoDate, b: IsoDate) =>
    unit === 'days' ? daysBetween(a, b) : cal.workingDaysBetween(a, b);
  const add = (a: IsoDate, n: number) =>
    unit === 'days' ? cal.workingDayOnOrAfter(addDays(a, n)) : cal.addWorkingDays(a, n).date;
  let due: IsoDate | null = null;
  let used = 0;
  for (const iv of runningIntervals(history, first, runs)) {
    const n = count(iv.from, iv.to ?? asOf);
    if (due === null && (iv.to === null || used + n >= allowed)) due = add(iv.from, allowed - used);
    used += n;
  }

  const current = history.at(-1)!;
  const clock: ClockState = runs.has(current.state)
    ? 'running'
    : limit.pauses.includes(current.state)
      ? 'paused'
      : 'done';
  // The day the case left the limit's states, not the day of its latest change: an e-commerce
  // complaint forwarded in time is on time even if the platform answers a week later.
  const left = history.slice(first).find((e) => !runs.has(e.state) && !limit.pauses.includes(e.state));
  const doneOn = clock === 'done' ? (left?.at ?? current.at) : null;
  const onTime = doneOn === null ? null : due === null || doneOn <= due;
  // A limit that is done is no longer warned about, late or not: `onTime` keeps the record.
  let status: DeadlineStatus = 'ok';
  if (clock !== 'done' && due !== null && asOf > due) status = 'overdue';
  else if (clock === 'running' && due !== null && count(asOf, due) <= DUE_SOON) status = 'due_soon';
  const last = [due ?? asOf, asOf, countedTo].sort().at(-1)!;
  const provisional = !cal.covers(start.at, last);
  return {
    ...base,
    clock,
    startedOn: start.at,
    due,
    provisional,
    used,
    left: allowed - used,
    doneOn,
    onTime,
    status,
  };
}

/** The stretches of the history spent in a running state, from the first one on. */
function runningIntervals(history: readonly StateEntry[], first: number, runs: Set<string>): Interval[] {
  const intervals: Interval[] = [];
  for (let i = first; i < history.length; i++) {
    const e = history[i]!;
    if (runs.has(e.state)) intervals.push({ from: e.at, to: history[i + 1]?.at ?? null });
  }
  return intervals;
}

export interface CaseDeadlinesInput {
  type: CaseType;
  matter?: CaseMatter;
  history: readonly StateEntry[];
  extensions?: readonly Extension[];
  calendar?: WorkingCalendar;
}

/** Every limit of a case on `asOf`. The history's states must be the case type's. */
export function caseDeadlines(input: CaseDeadlinesInput, asOf: IsoDate): Deadline[] {
  const wf = workflowOf(input.type);
  for (const e of input.history) {
    if (!wf.states.includes(e.state)) {
      throw errors.invalidInput(`${e.state} is not a state of a ${input.type} case`, { state: e.state });
    }
  }
  const limits = timeLimitsFor(input.type, input.matter);
  for (const e of input.extensions ?? []) {
    const id = e.limit ?? 'handling';
    if (!limits.some((l) => l.id === id)) {
      throw errors.invalidInput(`a ${input.type} case has no ${id} limit to extend`, { limit: id });
    }
  }
  return limits.map((limit) => computeDeadline({ ...input, limit }, asOf));
}

const SEVERITY: Record<DeadlineStatus, number> = { ok: 0, due_soon: 1, overdue: 2 };

/** The worst status among a case's deadlines, the one to warn about. */
export function deadlineStatus(deadlines: readonly Deadline[]): DeadlineStatus {
  return deadlines.reduce<DeadlineStatus>((w, d) => (SEVERITY[d.status] > SEVERITY[w] ? d.status : w), 'ok');
}
