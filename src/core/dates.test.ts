import { describe, expect, it } from 'vitest';
import { addDays, dateOfDayNumber, dayNumber, weekdayOfDayNumber } from './dates.js';

describe('day numbers', () => {
  it('agree with Date on every day of 1600–2400, both ways, with the weekday', () => {
    const first = Date.UTC(1600, 0, 1) / 86_400_000;
    const last = Date.UTC(2400, 11, 31) / 86_400_000;
    for (let n = first; n <= last; n++) {
      const date = new Date(n * 86_400_000);
      const iso = date.toISOString().slice(0, 10);
      if (dayNumber(iso) !== n) expect.fail(`dayNumber(${iso}) = ${dayNumber(iso)}, not ${n}`);
      if (dateOfDayNumber(n) !== iso)
        expect.fail(`dateOfDayNumber(${n}) = ${dateOfDayNumber(n)}, not ${iso}`);
      if (weekdayOfDayNumber(n) !== date.getUTCDay()) expect.fail(`weekday of ${iso}`);
    }
  });

  it('add days across month, leap day and year ends, both ways', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('1999-12-31', 1)).toBe('2000-01-01');
    expect(addDays('2026-01-01', -366)).toBe('2024-12-31');
    expect(addDays('0999-12-31', 1)).toBe('1000-01-01');
  });
});
