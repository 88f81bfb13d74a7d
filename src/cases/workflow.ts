import { errors } from '../core/index.js';
import { ACTORS, type Actor, CASE_TYPES, type CaseType, type Workflow } from './types.js';
import { WORKFLOWS } from './workflows.js';

export interface CaseState {
  type: CaseType;
  state: string;
}

export interface AvailableAction {
  action: string;
  to: string;
  by: readonly Actor[];
}

export function isCaseType(t: unknown): t is CaseType {
  return typeof t === 'string' && (CASE_TYPES as readonly string[]).includes(t);
}

/** The state machine of a case type; an unknown type is invalid input. */
export function workflowOf(type: string): Workflow {
  if (!isCaseType(type)) {
    throw errors.invalidInput(`unknown case type ${type} (one of ${CASE_TYPES.join(', ')})`, { type });
  }
  return WORKFLOWS[type];
}

export function initialState(type: CaseType): string {
  return workflowOf(type).initial;
}

export function isTerminal(type: CaseType, state: string): boolean {
  return requireState(workflowOf(type), state).terminal.includes(state);
}

/** The actions that can be taken from the case's state (by `actor`, when given), for menus and checks. */
export function availableActions(c: CaseState, actor?: Actor): AvailableAction[] {
  const wf = requireState(workflowOf(c.type), c.state);
  return wf.transitions
    .filter((t) => t.from.includes(c.state) && (!actor || t.by.includes(actor)))
    .map((t) => ({ action: t.action, to: t.to, by: t.by }));
}

/**
 * The state the case moves to when `actor` takes `action`. Throws `invalid_transition` (409) when
 * the action does not apply to the case's state, `transition_not_allowed` (403) when it does but
 * not for this actor.
 */
export function transition(c: CaseState, action: string, actor: Actor): string {
  const wf = requireState(workflowOf(c.type), c.state);
  if (!(ACTORS as readonly string[]).includes(actor)) {
    throw errors.invalidInput(`unknown actor ${actor} (one of ${ACTORS.join(', ')})`, { actor });
  }
  const rule = wf.transitions.find((t) => t.action === action && t.from.includes(c.state));
  if (!rule) throw errors.invalidTransition(c.type, c.state, action);
  if (!rule.by.includes(actor)) throw errors.transitionNotAllowed(c.type, action, actor);
  return rule.to;
}

function requireState(wf: Workflow, state: string): Workflow {
  if (!wf.states.includes(state)) {
    throw errors.invalidInput(`${state} is not a state of a ${wf.type} case`, { type: wf.type, state });
  }
  return wf;
}
