/** The cases module's public face: case types, their state machines, time limits and deadlines. */
export type {
  CaseDeadlinesInput,
  ClockState,
  Deadline,
  DeadlineInput,
  DeadlineStatus,
  Extension,
  StateEntry,
} from './deadlines.js';
export {
  addMonths,
  caseDeadlines,
  computeDeadline,
  DUE_SOON,
  deadlineStatus,
  validateExtension,
} from './deadlines.js';
export type { CaseMatter, LimitId, LimitUnit, TimeLimit } from './time-limits.js';
export { DEFAULT_LIMITS, timeLimitsFor } from './time-limits.js';
export type { Actor, CaseType, TransitionRule, Workflow } from './types.js';
export { ACTORS, CASE_TYPE_LABELS, CASE_TYPES } from './types.js';
export type { AvailableAction, CaseState } from './workflow.js';
export {
  availableActions,
  initialState,
  isCaseType,
  isTerminal,
  transition,
  workflowOf,
} from './workflow.js';
