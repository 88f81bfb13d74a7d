import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { addDays, IpregionError } from '../core/index.js';
import { officialCalendar, parseCalendarOverrides, WorkingCalendar } from './calendar.js';

const cal = officialCalendar();

describe('the official working-day calendar', () => {
  it('answers the examples the issue names', () => {
    expect(cal.addWorkingDays('2026-09-30', 5)).toEqual({ date: '2026-10-13', provisional: false });
    expect(cal.addWorkingDays('2026-02-13', 7)).toEqual({ date: '2026-03-02', provisional: false });
  });

  it('skips the 2026 National Day holiday and counts its Saturday working day', () => {
    expect(cal.isWorkingDay('2026-10-01')).toBe(false);
    expect(cal.isWorkingDay('2026-10-07')).toBe(false);
    expect(cal.isWorkingDay('2026-10-10')).toBe(true); // Saturday, adjusted working day
    expect(cal.isWorkingDay('2026-10-11')).toBe(false);
    expect(cal.isWorkingDay('2026-09-20')).toBe(true); // Sunday, adjusted working day
    expect(cal.addWorkingDays('2026-09-30', 1).date).toBe('2026-10-08');
    expect(cal.addWorkingDays('2026-09-30', 3).date).toBe('2026-10-10');
    expect(cal.addWorkingDays('2026-09-18', 1).date).toBe('2026-09-20');
  });

  it('counts the Spring Festival 2026 and its two Saturday working days', () => {
    expect(cal.addWorkingDays('2026-02-13', 1).date).toBe('2026-02-14');
    expect(cal.addWorkingDays('2026-02-13', 2).date).toBe('2026-02-24');
    expect(cal.addWorkingDays('2026-02-13', 6).date).toBe('2026-02-28');
  });

  it('crosses a year end with the New Year holiday and its Sunday working day', () => {
    expect(cal.addWorkingDays('2025-12-30', 1)).toEqual({ date: '2025-12-31', provisional: false });
    expect(cal.addWorkingDays('2025-12-30', 2)).toEqual({ date: '2026-01-04', provisional: false });
    expect(cal.addWorkingDays('2025-12-31', 2).date).toBe('2026-01-05');
  });

  it('says why a day is or is not a working day', () => {
    expect(cal.day('2026-10-01')).toMatchObject({
      working: false,
      kind: 'holiday',
      holiday: { en: 'National Day', zh: '国庆节' },
      covered: true,
    });
    expect(cal.day('2026-10-10')).toMatchObject({
      working: true,
      kind: 'adjusted_working_day',
      holiday: { zh: '国庆节' },
    });
    expect(cal.day('2026-10-11')).toMatchObject({ working: false, kind: 'weekend', holiday: null });
    expect(cal.day('2026-10-12')).toMatchObject({ working: true, kind: 'workday' });
    expect(cal.day('2027-01-01')).toMatchObject({ working: true, kind: 'workday', covered: false });
  });

  it('counts working days between two dates as addWorkingDays does', () => {
    expect(cal.workingDaysBetween('2026-09-30', '2026-10-13')).toBe(5);
    expect(cal.workingDaysBetween('2026-02-13', '2026-03-02')).toBe(7);
    expect(cal.workingDaysBetween('2026-10-13', '2026-09-30')).toBe(-5);
    expect(cal.workingDaysBetween('2026-10-01', '2026-10-01')).toBe(0);
    for (const n of [0, 1, 9, 30, 250]) {
      const { date } = cal.addWorkingDays('2025-12-20', n);
      expect(cal.workingDaysBetween('2025-12-20', date)).toBe(n);
    }
  });

  it('marks a count that runs into an uncovered year provisional, using weekends only there', () => {
    expect(cal.coveredYears()).toContain(2026);
    expect(cal.coveredYears()).not.toContain(2027);
    expect(cal.coveredYears()[0]).toBe(2004);
    expect(cal.addWorkingDays('2026-12-30', 1)).toEqual({ date: '2026-12-31', provisional: false });
    // 2027-01-01 is a Friday: without a schedule it counts as a working day.
    expect(cal.addWorkingDays('2026-12-30', 2)).toEqual({ date: '2027-01-01', provisional: true });
    expect(cal.addWorkingDays('2026-12-30', 3)).toEqual({ date: '2027-01-04', provisional: true });
    expect(cal.addWorkingDays('2027-03-01', 5)).toEqual({ date: '2027-03-08', provisional: true });
    expect(cal.covers('2026-01-01', '2027-01-01')).toBe(false);
  });

  it('stops being provisional once the year is loaded through overrides', () => {
    const loaded = new WorkingCalendar({
      coveredYears: [2027],
      overrides: [{ date: '2027-01-01', working: false, reason: "New Year's Day 2027" }],
    });
    expect(loaded.coveredYears()).toContain(2027);
    expect(loaded.addWorkingDays('2026-12-30', 2)).toEqual({ date: '2027-01-04', provisional: false });
  });

  it('lets an override make a day off or a working day, and says so', () => {
    const typhoon = new WorkingCalendar({
      overrides: [{ date: '2026-10-10', working: false, reason: 'typhoon: offices closed' }],
    });
    expect(typhoon.addWorkingDays('2026-09-30', 5).date).toBe('2026-10-14');
    expect(typhoon.day('2026-10-10')).toMatchObject({
      working: false,
      kind: 'override',
      reason: 'typhoon: offices closed',
    });
    const duty = new WorkingCalendar({
      overrides: [{ date: '2026-10-03', working: true, reason: 'center on duty during the holiday' }],
    });
    expect(duty.addWorkingDays('2026-09-30', 5).date).toBe('2026-10-12');
    expect(duty.workingDaysBetween('2026-09-30', '2026-10-13')).toBe(6);
    // The shared official calendar is untouched.
    expect(cal.addWorkingDays('2026-09-30', 5).date).toBe('2026-10-13');
  });

  it("agrees with the package's own answer on every day of 2004-2026", () => {
    for (let d = '2004-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
      if (cal.isWorkingDay(d) !== chineseDays.isWorkday(d)) expect.fail(`${d} disagrees`);
    }
  });

  it('counts as walking the days one by one would, across holidays, overrides and year ends', () => {
    // The calendar counts by subtraction over per-year running counts; this walks day by day.
    const duty = new WorkingCalendar({
      overrides: [
        { date: '2025-12-31', working: false, reason: 'typhoon' },
        { date: '2026-01-03', working: true, reason: 'catch-up Saturday' },
        { date: '2026-10-09', working: false, reason: 'typhoon' },
        { date: '2027-01-01', working: true, reason: 'duty' },
      ],
    });
    const walkAdd = (c: WorkingCalendar, start: string, n: number) => {
      let d = start;
      for (let left = n; left > 0; ) {
        d = addDays(d, 1);
        if (c.isWorkingDay(d)) left--;
      }
      return d;
    };
    const walkBetween = (c: WorkingCalendar, a: string, b: string) => {
      let n = 0;
      for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (c.isWorkingDay(d)) n++;
      return n;
    };
    const walkOnOrAfter = (c: WorkingCalendar, a: string) => {
      let d = a;
      while (!c.isWorkingDay(d)) d = addDays(d, 1);
      return d;
    };
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (const c of [cal, duty]) {
      for (let i = 0; i < 400; i++) {
        const start = addDays('2023-06-01', random(1500));
        const n = random(i % 10 === 0 ? 800 : 40);
        const end = addDays(start, random(900));
        expect(c.addWorkingDays(start, n).date, `${start} + ${n}`).toBe(walkAdd(c, start, n));
        expect(c.workingDaysBetween(start, end), `${start}..${end}`).toBe(walkBetween(c, start, end));
        expect(c.workingDaysBetween(end, start)).toBe(0 - walkBetween(c, start, end));
        expect(c.workingDayOnOrAfter(start)).toBe(walkOnOrAfter(c, start));
      }
    }
  });

  it('refuses bad input with invalid_input', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof IpregionError ? e.code : 'other';
      }
      return 'none';
    };
    expect(code(() => cal.isWorkingDay('2026-02-30'))).toBe('invalid_input');
    expect(code(() => cal.addWorkingDays('2026/10/01', 1))).toBe('invalid_input');
    expect(code(() => cal.addWorkingDays('2026-10-01', -1))).toBe('invalid_input');
    expect(code(() => cal.addWorkingDays('2026-10-01', 1.5))).toBe('invalid_input');
    expect(code(() => cal.addWorkingDays('2026-10-01', 1e9))).toBe('invalid_input');
    expect(code(() => cal.workingDaysBetween('1000-01-01', '2026-01-01'))).toBe('invalid_input');
    expect(code(() => parseCalendarOverrides([{ date: '2026-10-10', working: false, reason: ' ' }]))).toBe(
      'invalid_input',
    );
    expect(code(() => parseCalendarOverrides({ date: '2026-10-10' }))).toBe('invalid_input');
    const twice = { date: '2026-10-10', working: false, reason: 'x' };
    expect(code(() => new WorkingCalendar({ overrides: [twice, twice] }))).toBe('invalid_input');
  });
});
