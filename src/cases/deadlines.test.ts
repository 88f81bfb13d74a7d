import { describe, expect, it } from 'vitest';
import { IpregionError } from '../core/index.js';
import { WorkingCalendar } from '../reference/index.js';
import {
  addMonths,
  CASE_TYPES,
  type CaseDeadlinesInput,
  caseDeadlines,
  type Deadline,
  deadlineStatus,
  type LimitId,
  type StateEntry,
  timeLimitsFor,
  validateExtension,
  workflowOf,
} from './index.js';

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return e instanceof IpregionError ? e.code : 'not an IpregionError';
  }
  return 'none';
}

/** A history from `[state, date]` pairs. */
const h = (...entries: [string, string][]): StateEntry[] => entries.map(([state, at]) => ({ state, at }));

function deadline(input: CaseDeadlinesInput, asOf: string, limit: LimitId = 'handling'): Deadline {
  const d = caseDeadlines(input, asOf).find((x) => x.limit === limit);
  if (!d) throw new Error(`no ${limit} limit`);
  return d;
}

describe('time limits', () => {
  it('use the published figures', () => {
    const [preExam, filing] = timeLimitsFor('pre_examination');
    expect(preExam).toMatchObject({ amount: 7, unit: 'working_days', source: 'central-region-2024' });
    expect(filing).toMatchObject({ id: 'filing', party: 'applicant', amount: 10, unit: 'days' });
    expect(timeLimitsFor('ecommerce_takedown')[0]).toMatchObject({ amount: 7, unit: 'working_days' });
    const handling = (m: Parameters<typeof timeLimitsFor>[1]) =>
      timeLimitsFor('rights_protection', m).find((l) => l.id === 'handling');
    expect(handling('design')).toMatchObject({ amount: 10, unit: 'working_days' });
    expect(handling('counterfeit')).toMatchObject({ amount: 10, unit: 'working_days' });
    expect(handling('invention')).toMatchObject({ amount: 1, unit: 'months' });
    expect(handling('utility_model')).toMatchObject({ amount: 1, unit: 'months' });
  });

  it.each(CASE_TYPES)('of %s name states of its workflow, and the clock waits for the applicant', (type) => {
    const wf = workflowOf(type);
    const limits = timeLimitsFor(type);
    expect(new Set(limits.map((l) => l.id)).size).toBe(limits.length);
    expect(limits.some((l) => l.id === 'handling')).toBe(true);
    for (const l of limits) {
      for (const s of [...l.runs, ...l.pauses]) expect(wf.states).toContain(s);
      expect(l.runs).not.toContain('awaiting_applicant');
    }
  });

  it('count months to the same day, or the month end', () => {
    expect(addMonths('2026-09-15', 1)).toBe('2026-10-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });
});

describe('deadlines across holidays', () => {
  it('pre-examination across National Day 2026: 7 working days from 30 September', () => {
    const d = deadline({ type: 'pre_examination', history: h(['submitted', '2026-09-30']) }, '2026-10-08');
    expect(d).toMatchObject({ clock: 'running', due: '2026-10-15', provisional: false, allowed: 7, used: 1 });
    expect(d.left).toBe(6);
    expect(d.status).toBe('ok');
  });

  it('e-commerce review across the Spring Festival 2026: 13 February + 7 = 2 March', () => {
    const input = {
      type: 'ecommerce_takedown',
      history: h(['submitted', '2026-02-13'], ['reviewing', '2026-02-24']),
    };
    expect(deadline(input as CaseDeadlinesInput, '2026-02-24')).toMatchObject({
      due: '2026-03-02',
      used: 2,
      left: 5,
      status: 'ok',
    });
    expect(deadline(input as CaseDeadlinesInput, '2026-02-27').status).toBe('due_soon');
    expect(deadline(input as CaseDeadlinesInput, '2026-03-02')).toMatchObject({
      left: 0,
      status: 'due_soon',
    });
    expect(deadline(input as CaseDeadlinesInput, '2026-03-03')).toMatchObject({
      left: -1,
      status: 'overdue',
    });
  });

  it('rights protection: design 10 working days; invention one month, moved past a holiday', () => {
    const at = (matter: 'design' | 'invention', accepted: string) =>
      deadline(
        { type: 'rights_protection', matter, history: h(['submitted', accepted], ['accepted', accepted]) },
        accepted,
      );
    expect(at('design', '2026-09-30')).toMatchObject({ due: '2026-10-20', allowed: 10 });
    expect(at('invention', '2026-09-15')).toMatchObject({
      due: '2026-10-15',
      allowed: 18,
      unit: 'working_days',
    });
    // 15 February 2026 is in the Spring Festival holiday: the month ends on the next working day.
    expect(at('invention', '2026-01-15').due).toBe('2026-02-24');
  });

  it("the applicant's 10 days to file with CNIPA end on the next working day after National Day", () => {
    const history = h(
      ['submitted', '2026-09-16'],
      ['accepted', '2026-09-16'],
      ['under_examination', '2026-09-17'],
      ['passed', '2026-09-24'],
    );
    const d = caseDeadlines({ type: 'pre_examination', history }, '2026-09-24');
    expect(d.find((x) => x.limit === 'handling')).toMatchObject({
      clock: 'done',
      doneOn: '2026-09-24',
      onTime: true,
    });
    expect(d.find((x) => x.limit === 'filing')).toMatchObject({
      party: 'applicant',
      unit: 'days',
      clock: 'running',
      due: '2026-10-08',
    });
  });

  it('is provisional when it runs into a year without a schedule, until that year is loaded', () => {
    const input = { type: 'pre_examination', history: h(['submitted', '2026-12-28']) } as const;
    expect(deadline(input, '2026-12-28')).toMatchObject({ due: '2027-01-06', provisional: true });
    const calendar = new WorkingCalendar({
      coveredYears: [2027],
      overrides: [{ date: '2027-01-01', working: false, reason: "New Year's Day 2027" }],
    });
    expect(deadline({ ...input, calendar }, '2026-12-28')).toMatchObject({
      due: '2027-01-07',
      provisional: false,
    });
  });

  it('follows calendar overrides', () => {
    const calendar = new WorkingCalendar({
      overrides: [{ date: '2026-10-12', working: false, reason: 'typhoon' }],
    });
    const history = h(['submitted', '2026-09-30']);
    expect(deadline({ type: 'pre_examination', history, calendar }, '2026-09-30').due).toBe('2026-10-16');
  });
});

describe('the stopped clock', () => {
  const type = 'pre_examination';
  const asked = h(
    ['submitted', '2026-03-02'],
    ['accepted', '2026-03-02'],
    ['under_examination', '2026-03-03'],
    ['awaiting_applicant', '2026-03-04'],
  );
  const replied = [...asked, ...h(['under_examination', '2026-03-16'])];

  it('stops while the case waits for the applicant', () => {
    expect(deadline({ type, history: asked.slice(0, 3) }, '2026-03-03').due).toBe('2026-03-11');
    expect(deadline({ type, history: asked }, '2026-03-10')).toMatchObject({
      clock: 'paused',
      due: null,
      used: 2,
      left: 5,
      status: 'ok',
    });
  });

  it('restarts the day after the reply with the working days that were left', () => {
    expect(deadline({ type, history: replied }, '2026-03-17')).toMatchObject({
      clock: 'running',
      due: '2026-03-23',
      used: 3,
      left: 4,
      status: 'ok',
    });
    expect(deadline({ type, history: replied }, '2026-03-20')).toMatchObject({ left: 1, status: 'due_soon' });
    expect(deadline({ type, history: replied }, '2026-03-24')).toMatchObject({ left: -1, status: 'overdue' });
  });

  it('ignores history after the date asked about', () => {
    expect(deadline({ type, history: replied }, '2026-03-10')).toMatchObject({ clock: 'paused', used: 2 });
  });

  it('records whether the case was done in time, and stops warning once it is', () => {
    const onTime = [...replied, ...h(['passed', '2026-03-20'])];
    expect(deadline({ type, history: onTime }, '2026-04-01')).toMatchObject({
      clock: 'done',
      doneOn: '2026-03-20',
      onTime: true,
      status: 'ok',
    });
    const late = [...replied, ...h(['failed', '2026-03-25'])];
    expect(deadline({ type, history: late }, '2026-04-01')).toMatchObject({ onTime: false, status: 'ok' });
  });

  it('is done on the day the case left the limit, not on its latest change', () => {
    const history = h(
      ['submitted', '2024-04-15'],
      ['reviewing', '2024-04-15'],
      ['forwarded_to_platform', '2024-04-24'],
      ['taken_down', '2024-04-28'],
    );
    expect(deadline({ type: 'ecommerce_takedown', history }, '2024-05-06')).toMatchObject({
      due: '2024-04-24',
      doneOn: '2024-04-24',
      onTime: true,
    });
  });

  it('counts a month-long limit in working days across a wait', () => {
    const history = h(
      ['submitted', '2026-09-15'],
      ['accepted', '2026-09-15'],
      ['investigating', '2026-09-15'],
      ['awaiting_applicant', '2026-09-17'],
      ['investigating', '2026-09-28'],
    );
    const d = deadline({ type: 'rights_protection', matter: 'invention', history }, '2026-09-28');
    expect(d).toMatchObject({ allowed: 18, used: 2, due: '2026-10-26' });
  });
});

describe('intake and warnings', () => {
  it('warns about a complaint not accepted within 5 working days', () => {
    const input = { type: 'rights_protection', history: h(['submitted', '2026-09-01']) } as const;
    const all = caseDeadlines(input, '2026-09-10');
    expect(all.find((d) => d.limit === 'intake')).toMatchObject({ due: '2026-09-08', status: 'overdue' });
    expect(all.find((d) => d.limit === 'handling')).toMatchObject({ clock: 'not_started', due: null });
    expect(deadlineStatus(all)).toBe('overdue');
    expect(deadlineStatus(caseDeadlines(input, '2026-09-07'))).toBe('due_soon');
    expect(deadlineStatus(caseDeadlines(input, '2026-09-02'))).toBe('ok');
  });
});

describe('extensions', () => {
  const history = h(['submitted', '2026-09-30']);

  it('add working days to the limit', () => {
    const extensions = [{ days: 3, reason: 'an expert opinion is needed' }];
    expect(deadline({ type: 'pre_examination', history, extensions }, '2026-09-30')).toMatchObject({
      due: '2026-10-20',
      allowed: 10,
    });
  });

  it('are refused without a reason, with a bad number of days, or for a limit the case does not have', () => {
    const refused = (extensions: { days: number; reason: string; limit?: LimitId }[]) =>
      codeOf(() => caseDeadlines({ type: 'ecommerce_takedown', history, extensions }, '2026-09-30'));
    expect(refused([{ days: 3, reason: '' }])).toBe('invalid_input');
    expect(refused([{ days: 3, reason: '   ' }])).toBe('invalid_input');
    expect(refused([{ days: 0, reason: 'more time' }])).toBe('invalid_input');
    expect(refused([{ days: 1.5, reason: 'more time' }])).toBe('invalid_input');
    expect(refused([{ days: 2, reason: 'more time', limit: 'intake' }])).toBe('invalid_input');
    expect(codeOf(() => validateExtension({ days: 2, reason: undefined as unknown as string }))).toBe(
      'invalid_input',
    );
    expect(validateExtension({ days: 2, reason: ' more time ' })).toEqual({
      limit: 'handling',
      days: 2,
      reason: 'more time',
    });
  });
});

describe('bad histories', () => {
  it('are refused as invalid input', () => {
    const refused = (history: StateEntry[]) =>
      codeOf(() => caseDeadlines({ type: 'pre_examination', history }, '2026-10-01'));
    expect(refused([])).toBe('invalid_input');
    expect(refused(h(['submitted', '2026-09-30'], ['accepted', '2026-09-29']))).toBe('invalid_input');
    expect(refused(h(['submitted', '2026-09-31']))).toBe('invalid_input');
    expect(refused(h(['investigating', '2026-09-30']))).toBe('invalid_input');
  });
});
