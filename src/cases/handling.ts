import type { IsoDate } from '../core/index.js';
import type { WorkingCalendar } from '../reference/index.js';
import { caseDeadlines, type Extension, type StateEntry } from './deadlines.js';
import type { CaseMatter } from './time-limits.js';
import type { CaseType } from './types.js';
import { workflowOf } from './workflow.js';

/**
 * When a case counts as handled — the definition the center reports use ("cases handled in the
 * first half of the year"): the day the center concluded its work on it, that is the first day the
 * case reached a state in which the center has nothing left to decide:
 *
 * - any terminal state except `withdrawn` (a withdrawal is the applicant's act, not the center's
 *   work) — decided, mediated, rejected at intake, taken down, answered, closed for no reply …;
 * - for pre-examination also `passed`: the center's work ends with the pass; filing with CNIPA and
 *   the grant that follow are the applicant's and CNIPA's.
 *
 * A case is handled once, on that first day, whatever happens to it afterwards.
 */
export function concludingStates(type: CaseType): readonly string[] {
  const wf = workflowOf(type);
  const states = wf.terminal.filter((s) => s !== 'withdrawn');
  return type === 'pre_examination' ? [...states, 'passed'] : states;
}

export interface Conclusion {
  handledOn: IsoDate;
  /** The state the case concluded in (`passed`, `decided`, `rejected_at_intake` …). */
  outcome: string;
  /** Official working days from the day of submission to the day handled. */
  handlingDays: number;
  /** Every limit of the center (intake, handling) that ran was kept. */
  onTime: boolean;
}

export interface ConclusionInput {
  type: CaseType;
  matter?: CaseMatter | null;
  history: readonly StateEntry[];
  extensions?: readonly Extension[];
  calendar: WorkingCalendar;
}

/** The case's conclusion, or null while the center is still working on it (or it was withdrawn first). */
export function conclusionOf(input: ConclusionInput): Conclusion | null {
  const concluding = new Set(concludingStates(input.type));
  const index = input.history.findIndex((e) => concluding.has(e.state));
  if (index < 0) return null;
  const at = input.history[index]!;
  const first = input.history[0]!;
  const deadlines = caseDeadlines(
    {
      type: input.type,
      ...(input.matter ? { matter: input.matter } : {}),
      history: input.history.slice(0, index + 1),
      extensions: input.extensions ?? [],
      calendar: input.calendar,
    },
    at.at,
  );
  const onTime = deadlines.filter((d) => d.party === 'center').every((d) => d.onTime !== false);
  return {
    handledOn: at.at,
    outcome: at.state,
    handlingDays: input.calendar.workingDaysBetween(first.at, at.at),
    onTime,
  };
}

/** The day a case reached a terminal state (closed for good), or null. */
export function closedOn(type: CaseType, history: readonly StateEntry[]): IsoDate | null {
  const terminal = new Set(workflowOf(type).terminal);
  return history.find((e) => terminal.has(e.state))?.at ?? null;
}
