import { describe, expect, it } from 'vitest';
import { IpregionError } from '../core/index.js';
import {
  ACTORS,
  type Actor,
  availableActions,
  CASE_TYPES,
  type CaseType,
  initialState,
  isTerminal,
  transition,
  workflowOf,
} from './index.js';

/** The error code `f` throws, or 'none'. */
function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return e instanceof IpregionError ? e.code : 'not an IpregionError';
  }
  return 'none';
}

/** Plays `steps` ([action, actor]) from the initial state and returns the final state. */
function play(type: CaseType, steps: [string, Actor][]): string {
  return steps.reduce(
    (state, [action, actor]) => transition({ type, state }, action, actor),
    initialState(type),
  );
}

describe.each(CASE_TYPES)('the %s workflow', (type) => {
  const wf = workflowOf(type);

  it('is a well-formed table', () => {
    expect(new Set(wf.states).size).toBe(wf.states.length);
    expect(wf.states).toContain(wf.initial);
    expect(wf.terminal).not.toContain(wf.initial);
    const keys = wf.transitions.flatMap((t) => t.from.map((f) => `${t.action}@${f}`));
    expect(new Set(keys).size, 'one rule per action and state').toBe(keys.length);
    for (const t of wf.transitions) {
      expect(t.by.length).toBeGreaterThan(0);
      expect(wf.states).toContain(t.to);
      for (const f of t.from) expect(wf.terminal, `${t.action} leaves a terminal state`).not.toContain(f);
    }
  });

  it('reaches every state from the start, and a terminal state from every state', () => {
    const reachable = new Set([wf.initial]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const t of wf.transitions) {
        if (t.from.some((f) => reachable.has(f)) && !reachable.has(t.to)) {
          reachable.add(t.to);
          grew = true;
        }
      }
    }
    expect([...reachable].sort()).toEqual([...wf.states].sort());
    const ends = new Set(wf.terminal);
    for (let grew = true; grew; ) {
      grew = false;
      for (const t of wf.transitions) {
        for (const f of t.from) {
          if (ends.has(t.to) && !ends.has(f)) {
            ends.add(f);
            grew = true;
          }
        }
      }
    }
    expect([...ends].sort()).toEqual([...wf.states].sort());
  });

  it('lets the applicant withdraw from every state that is not terminal, and from no other', () => {
    for (const state of wf.states) {
      const c = { type, state };
      if (isTerminal(type, state))
        expect(codeOf(() => transition(c, 'withdraw', 'applicant'))).toBe('invalid_transition');
      else expect(transition(c, 'withdraw', 'applicant')).toBe('withdrawn');
      expect(isTerminal(type, 'withdrawn')).toBe(true);
    }
  });

  it('allows every transition in the table to its actors, and refuses it to the others', () => {
    for (const t of wf.transitions) {
      for (const state of t.from) {
        for (const actor of ACTORS) {
          const attempt = () => transition({ type, state }, t.action, actor);
          if (t.by.includes(actor)) expect(attempt()).toBe(t.to);
          else
            expect(codeOf(attempt), `${t.action} from ${state} by ${actor}`).toBe('transition_not_allowed');
        }
      }
    }
  });

  it('refuses, in every state, every action that does not apply there', () => {
    const actions = [...new Set(wf.transitions.map((t) => t.action)), 'teleport'];
    for (const state of wf.states) {
      const applies = new Set(availableActions({ type, state }).map((a) => a.action));
      if (!isTerminal(type, state)) expect(applies.size, `${state} is a dead end`).toBeGreaterThan(0);
      const refused = actions.filter((a) => !applies.has(a));
      expect(refused.length).toBeGreaterThan(0);
      for (const action of refused) {
        for (const actor of ACTORS) {
          expect(codeOf(() => transition({ type, state }, action, actor))).toBe('invalid_transition');
        }
      }
    }
  });
});

describe('concrete cases', () => {
  it('pre-examination: accepted, a supplement asked and answered, passed, filed with CNIPA, granted', () => {
    const steps: [string, Actor][] = [
      ['accept', 'officer'],
      ['start_examination', 'officer'],
      ['request_supplement', 'officer'],
      ['reply', 'applicant'],
      ['pass', 'officer'],
      ['record_filing', 'applicant'],
      ['record_grant', 'system'],
    ];
    expect(play('pre_examination', steps)).toBe('granted');
    expect(play('pre_examination', [['reject', 'officer']])).toBe('rejected_at_intake');
    expect(play('pre_examination', [...steps.slice(0, 2), ['fail', 'officer']])).toBe('failed');
    expect(play('pre_examination', [...steps.slice(0, 5), ['lapse', 'system']])).toBe('closed');
  });

  it('pre-examination: refuses a pass before examination, a pass by the applicant, a reply by the officer', () => {
    const err = (state: string, action: string, actor: Actor) => {
      try {
        transition({ type: 'pre_examination', state }, action, actor);
      } catch (e) {
        return e instanceof IpregionError ? { code: e.code, status: e.status } : null;
      }
      return null;
    };
    expect(err('submitted', 'pass', 'officer')).toEqual({ code: 'invalid_transition', status: 409 });
    expect(err('under_examination', 'pass', 'applicant')).toEqual({
      code: 'transition_not_allowed',
      status: 403,
    });
    expect(err('awaiting_applicant', 'reply', 'officer')).toEqual({
      code: 'transition_not_allowed',
      status: 403,
    });
    expect(err('granted', 'withdraw', 'applicant')).toEqual({ code: 'invalid_transition', status: 409 });
    expect(err('submitted', 'withdraw', 'officer')).toEqual({ code: 'transition_not_allowed', status: 403 });
  });

  it('rights protection: investigated with a supplement, then decided, settled or dismissed', () => {
    const start: [string, Actor][] = [
      ['accept', 'officer'],
      ['start_investigation', 'officer'],
      ['request_supplement', 'officer'],
      ['reply', 'applicant'],
    ];
    expect(play('rights_protection', [...start, ['decide', 'officer']])).toBe('decided');
    expect(play('rights_protection', [...start, ['settle', 'officer']])).toBe('mediated');
    expect(play('rights_protection', [...start, ['dismiss', 'officer']])).toBe('closed');
    expect(
      codeOf(() => transition({ type: 'rights_protection', state: 'accepted' }, 'decide', 'officer')),
    ).toBe('invalid_transition');
  });

  it('mediation: scheduled, adjourned, rescheduled and concluded', () => {
    const steps: [string, Actor][] = [
      ['accept', 'officer'],
      ['schedule', 'officer'],
      ['begin', 'officer'],
      ['adjourn', 'officer'],
      ['reschedule', 'officer'],
      ['begin', 'officer'],
    ];
    expect(play('mediation', [...steps, ['record_agreement', 'officer']])).toBe('agreement');
    expect(play('mediation', [...steps.slice(0, 2), ['record_no_agreement', 'officer']])).toBe(
      'no_agreement',
    );
    expect(
      codeOf(() => transition({ type: 'mediation', state: 'scheduled' }, 'record_agreement', 'officer')),
    ).toBe('invalid_transition');
  });

  it('e-commerce takedown: reviewed, forwarded, and the platform answers', () => {
    const steps: [string, Actor][] = [
      ['start_review', 'officer'],
      ['request_supplement', 'officer'],
      ['reply', 'applicant'],
      ['forward', 'officer'],
    ];
    expect(play('ecommerce_takedown', [...steps, ['record_takedown', 'system']])).toBe('taken_down');
    expect(play('ecommerce_takedown', [...steps, ['record_refusal', 'officer']])).toBe('refused');
    expect(
      play('ecommerce_takedown', [
        ['start_review', 'officer'],
        ['reject', 'officer'],
      ]),
    ).toBe('rejected_at_review');
  });

  it('overseas guidance and consultation', () => {
    expect(
      play('overseas_guidance', [
        ['accept', 'officer'],
        ['give_guidance', 'officer'],
      ]),
    ).toBe('guidance_given');
    expect(play('consultation', [['answer', 'officer']])).toBe('answered');
    expect(
      play('consultation', [
        ['take', 'officer'],
        ['refer', 'officer'],
      ]),
    ).toBe('referred');
  });

  it('lists what each actor can do in a state', () => {
    const c = { type: 'pre_examination', state: 'under_examination' } as const;
    expect(availableActions(c, 'officer').map((a) => a.action)).toEqual([
      'request_supplement',
      'pass',
      'fail',
    ]);
    expect(availableActions(c, 'applicant').map((a) => a.action)).toEqual(['withdraw']);
    expect(availableActions({ type: 'consultation', state: 'answered' })).toEqual([]);
  });

  it('refuses an unknown type, state or actor as invalid input', () => {
    expect(codeOf(() => workflowOf('appeal'))).toBe('invalid_input');
    expect(codeOf(() => transition({ type: 'mediation', state: 'investigating' }, 'decide', 'officer'))).toBe(
      'invalid_input',
    );
    expect(
      codeOf(() =>
        transition({ type: 'mediation', state: 'submitted' }, 'accept', 'judge' as unknown as Actor),
      ),
    ).toBe('invalid_input');
  });
});
