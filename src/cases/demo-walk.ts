import { addDays, type IsoDate } from '../core/index.js';
import type { WorkingCalendar } from '../reference/index.js';
import type { DemoRng } from './demo-data.js';
import type { CaseMatter } from './time-limits.js';
import type { Actor, CaseType } from './types.js';
import { initialState, transition } from './workflow.js';

/**
 * How a demo case goes: a plausible walk through its type's state machine, each step a number of
 * official working days (or calendar days, for the applicant's filing period) after the one before.
 * Every step goes through `transition`, so a walk can only do what the workflow allows. Most cases
 * keep their limits; some are slow (late by a few days) and a few get stuck with an officer for
 * weeks — the overdue cases of the demo. A walk stops at `to`: what would come later has not happened.
 */
export interface Step {
  action: string;
  actor: Actor;
  state: string;
  on: IsoDate;
}

export type Pace = 'normal' | 'slow' | 'stuck';

export class Walk {
  state: string;
  day: IsoDate;
  readonly steps: Step[];
  stopped = false;
  private stuck: boolean;

  constructor(
    readonly type: CaseType,
    submittedOn: IsoDate,
    private readonly to: IsoDate,
    private readonly cal: WorkingCalendar,
    readonly pace: Pace,
    private readonly rng: DemoRng,
  ) {
    this.state = initialState(type);
    this.day = submittedOn;
    this.steps = [{ action: 'submit', actor: 'applicant', state: this.state, on: submittedOn }];
    this.stuck = pace === 'stuck';
  }

  /** Takes `action` `wd` working days after the last step; false once the walk has reached `to`. */
  go(action: string, actor: Actor, wd: number): boolean {
    let n = Math.max(0, wd);
    // A stuck case waits weeks for its officer, once.
    if (this.stuck && actor === 'officer') {
      n += this.rng.between(30, 80);
      this.stuck = false;
    }
    return this.at(action, actor, n === 0 ? this.day : this.cal.addWorkingDays(this.day, n).date);
  }

  /** Takes `action` `days` calendar days later (on the next working day if that is a day off). */
  goDays(action: string, actor: Actor, days: number): boolean {
    return this.at(action, actor, this.cal.workingDayOnOrAfter(addDays(this.day, days)));
  }

  private at(action: string, actor: Actor, on: IsoDate): boolean {
    if (this.stopped || on > this.to) {
      this.stopped = true;
      return false;
    }
    this.state = transition({ type: this.type, state: this.state }, action, actor);
    this.day = on;
    this.steps.push({ action, actor, state: this.state, on });
    return true;
  }

  /** Working days within a limit of `limit`: inside it at a normal pace, a little beyond when slow. */
  budget(limit: number, min = 1): number {
    return this.pace === 'normal' ? this.rng.between(min, limit) : this.rng.between(limit + 1, limit + 5);
  }
}

type Path = (w: Walk, rng: DemoRng, matter: CaseMatter | null) => void;

/** The officer asks for more; the applicant replies, or (sometimes) never does. */
function supplement(w: Walk, rng: DemoRng, after: number, noReply: 'abandon' | 'reject'): boolean {
  if (!w.go('request_supplement', 'officer', after)) return false;
  if (rng.chance(0.1)) {
    w.go(noReply, noReply === 'abandon' ? 'system' : 'officer', rng.between(15, 25));
    return false;
  }
  return w.go('reply', 'applicant', rng.between(2, 8));
}

const preExamination: Path = (w, rng, matter) => {
  if (rng.chance(0.04)) return void w.go('reject', 'officer', rng.between(0, 2));
  if (rng.chance(0.02)) return void w.go('withdraw', 'applicant', rng.between(0, 2));
  const budget = w.budget(7, 2);
  const a = rng.between(0, 1);
  const b = rng.between(0, 1);
  if (!w.go('accept', 'officer', a) || !w.go('start_examination', 'officer', b)) return;
  let used = a + b;
  if (rng.chance(0.18)) {
    const c = Math.max(0, Math.min(budget - used - 1, rng.between(1, 3)));
    used += c;
    if (!supplement(w, rng, c, 'abandon')) return;
  }
  if (!w.go(rng.chance(0.85) ? 'pass' : 'fail', 'officer', budget - used)) return;
  if (w.state === 'failed') return;
  if (rng.chance(0.06)) return void w.goDays('lapse', 'system', rng.between(11, 14));
  if (!w.goDays('record_filing', 'applicant', rng.between(1, 10))) return;
  const grant =
    matter === 'invention'
      ? rng.between(55, 80)
      : matter === 'design'
        ? rng.between(7, 10)
        : rng.between(15, 25);
  w.go(rng.chance(0.93) ? 'record_grant' : 'record_refusal', 'system', grant);
};

const rightsProtection: Path = (w, rng, matter) => {
  if (rng.chance(0.08)) return void w.go('reject', 'officer', w.budget(5));
  if (rng.chance(0.03)) return void w.go('withdraw', 'applicant', rng.between(1, 10));
  const start = rng.between(0, 1);
  if (!w.go('accept', 'officer', w.budget(5)) || !w.go('start_investigation', 'officer', start)) return;
  // A month holds 17 to 23 working days (fewer around the Spring Festival and National Day).
  const limit = matter === 'design' || matter === 'counterfeit' ? 10 : 17;
  const budget = w.budget(limit, 3);
  let used = start;
  if (rng.chance(0.25)) {
    const c = Math.max(0, Math.min(budget - used - 1, rng.between(2, 5)));
    used += c;
    if (!supplement(w, rng, c, 'abandon')) return;
  }
  w.go(rng.weighted({ decide: 5, settle: 3, dismiss: 2 }), 'officer', budget - used);
};

const mediation: Path = (w, rng) => {
  if (rng.chance(0.1)) return void w.go('reject', 'officer', w.budget(5));
  if (rng.chance(0.04)) return void w.go('withdraw', 'applicant', rng.between(1, 10));
  if (!w.go('accept', 'officer', w.budget(5)) || !w.go('schedule', 'officer', rng.between(1, 5))) return;
  if (rng.chance(0.2) && !w.go('reschedule', 'officer', rng.between(2, 5))) return;
  if (rng.chance(0.08)) return void w.go('record_no_agreement', 'officer', rng.between(2, 6));
  if (!w.go('begin', 'officer', rng.between(2, 7))) return;
  if (rng.chance(0.15)) {
    const again =
      w.go('adjourn', 'officer', rng.between(0, 1)) &&
      w.go('reschedule', 'officer', rng.between(1, 3)) &&
      w.go('begin', 'officer', rng.between(2, 6));
    if (!again) return;
  }
  w.go(rng.chance(0.65) ? 'record_agreement' : 'record_no_agreement', 'officer', rng.between(0, 2));
};

const ecommerceTakedown: Path = (w, rng) => {
  if (rng.chance(0.02)) return void w.go('withdraw', 'applicant', rng.between(1, 5));
  const budget = w.budget(7, 2);
  const a = rng.between(0, 2);
  if (!w.go('start_review', 'officer', a)) return;
  let used = a;
  if (rng.chance(0.15)) {
    const c = Math.max(0, Math.min(budget - used - 1, rng.between(1, 2)));
    used += c;
    if (!supplement(w, rng, c, 'reject')) return;
  }
  if (rng.chance(0.1)) return void w.go('reject', 'officer', Math.max(0, budget - used));
  if (!w.go('forward', 'officer', Math.max(0, budget - used))) return;
  if (rng.chance(0.8)) w.go('record_takedown', 'system', rng.between(1, 5));
  else w.go('record_refusal', 'officer', rng.between(2, 8));
};

const overseasGuidance: Path = (w, rng) => {
  if (rng.chance(0.05)) return void w.go('reject', 'officer', w.budget(5));
  if (rng.chance(0.03)) return void w.go('withdraw', 'applicant', rng.between(1, 10));
  if (!w.go('accept', 'officer', w.budget(5))) return;
  const budget = w.budget(15, 5);
  let used = 0;
  if (rng.chance(0.2)) {
    used = Math.min(budget - 1, rng.between(2, 6));
    if (!supplement(w, rng, used, 'abandon')) return;
  }
  w.go('give_guidance', 'officer', budget - used);
};

const consultation: Path = (w, rng) => {
  if (rng.chance(0.01)) return void w.go('withdraw', 'applicant', rng.between(0, 3));
  const kind = rng.weighted({ answer: 5, take: 4, refer: 1 });
  if (kind !== 'take')
    return void w.go(kind, 'officer', w.pace === 'normal' ? rng.between(0, 3) : w.budget(5));
  const budget = w.budget(5, 1);
  if (!w.go('take', 'officer', rng.between(0, 1))) return;
  if (rng.chance(0.08) && !supplement(w, rng, 0, 'abandon')) return;
  w.go('answer', 'officer', Math.max(0, budget - 1));
};

const PATHS: Record<CaseType, Path> = {
  pre_examination: preExamination,
  rights_protection: rightsProtection,
  mediation,
  ecommerce_takedown: ecommerceTakedown,
  overseas_guidance: overseasGuidance,
  consultation,
};

export function walkCase(
  type: CaseType,
  submittedOn: IsoDate,
  to: IsoDate,
  matter: CaseMatter | null,
  cal: WorkingCalendar,
  rng: DemoRng,
): Walk {
  const pace = rng.weighted<Pace>({ normal: 90, slow: 8, stuck: 2 });
  const w = new Walk(type, submittedOn, to, cal, pace, rng);
  PATHS[type](w, rng, matter);
  return w;
}
