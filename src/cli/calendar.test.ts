import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './main.js';
import { EXIT, type Io } from './output.js';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => void out.push(t), err: (t) => void err.push(t), tty: false };
  const code = await run(args, io);
  const stdout = out.join('');
  return { code, stdout, stderr: err.join(''), json: () => JSON.parse(stdout) };
}

const dir = mkdtempSync(join(tmpdir(), 'ipregion-calendar-'));

describe('ipregion calendar', () => {
  it('adds working days across National Day and the Spring Festival', async () => {
    const r = await cli(['calendar', 'add-working-days', '2026-09-30', '5', '--json']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.json()).toEqual({ date: '2026-10-13', provisional: false });
    const spring = await cli(['--json', 'calendar', 'add-working-days', '2026-02-13', '7']);
    expect(spring.json()).toEqual({ date: '2026-03-02', provisional: false });
    const human = await cli(['calendar', 'add-working-days', '2026-09-30', '5']);
    expect(human.stdout).toBe('2026-10-13\n');
  });

  it('says when the answer is provisional', async () => {
    const r = await cli(['calendar', 'add-working-days', '2026-12-30', '3', '--json']);
    expect(r.json()).toEqual({ date: '2027-01-04', provisional: true });
    const human = await cli(['calendar', 'add-working-days', '2026-12-30', '3']);
    expect(human.stdout).toMatch(/^2027-01-04 \(provisional: /);
  });

  it('says whether a day is a working day and why', async () => {
    const holiday = await cli(['calendar', 'working-day', '2026-10-01']);
    expect(holiday.code).toBe(EXIT.ok);
    expect(holiday.stdout).toContain('is not a working day: holiday (National Day 国庆节)');
    const adjusted = await cli(['calendar', 'working-day', '2026-10-10', '--json']);
    expect(adjusted.json()).toMatchObject({
      date: '2026-10-10',
      working: true,
      kind: 'adjusted_working_day',
      holiday: { zh: '国庆节' },
      provisional: false,
    });
    const weekend = await cli(['calendar', 'working-day', '2026-10-11']);
    expect(weekend.stdout).toContain('is not a working day: weekend');
  });

  it('counts working days between two dates', async () => {
    const r = await cli(['calendar', 'between', '2026-09-30', '2026-10-13', '--json']);
    expect(r.json()).toEqual({ from: '2026-09-30', to: '2026-10-13', workingDays: 5, provisional: false });
    const human = await cli(['calendar', 'between', '2026-02-13', '2026-03-02']);
    expect(human.stdout).toBe('7 working days from 2026-02-13 to 2026-03-02\n');
  });

  it('applies an overrides file', async () => {
    const file = join(dir, 'overrides.json');
    writeFileSync(file, JSON.stringify([{ date: '2026-10-10', working: false, reason: 'typhoon' }]));
    const r = await cli(['calendar', '--overrides', file, 'add-working-days', '2026-09-30', '5', '--json']);
    expect(r.json()).toEqual({ date: '2026-10-14', provisional: false });
    const why = await cli(['calendar', '--overrides', file, 'working-day', '2026-10-10']);
    expect(why.stdout).toContain('is not a working day: override: typhoon');
    const year = join(dir, 'year.json');
    writeFileSync(year, JSON.stringify({ coveredYears: [2027], overrides: [] }));
    const loaded = await cli([
      'calendar',
      '--overrides',
      year,
      'add-working-days',
      '2026-12-30',
      '3',
      '--json',
    ]);
    expect(loaded.json()).toEqual({ date: '2027-01-04', provisional: false });
  });

  it('refuses bad input with the usage exit code', async () => {
    const badDate = await cli(['calendar', 'add-working-days', '2026-02-30', '1', '--json']);
    expect(badDate.code).toBe(EXIT.usage);
    expect(badDate.json().error.code).toBe('invalid_input');
    const badN = await cli(['calendar', 'add-working-days', '2026-09-30', 'five']);
    expect(badN.code).toBe(EXIT.usage);
    expect(badN.stderr).toContain('N must be a whole number');
    expect((await cli(['calendar', 'add-working-days', '2026-09-30', '-1'])).code).toBe(EXIT.usage);
    expect((await cli(['calendar', 'between', '2026-09-30'])).code).toBe(EXIT.usage);
    const badFile = join(dir, 'bad.json');
    writeFileSync(badFile, JSON.stringify([{ date: '2026-10-10', working: 'no' }]));
    const refused = await cli(['calendar', '--overrides', badFile, 'working-day', '2026-10-10']);
    expect(refused.code).toBe(EXIT.usage);
    const missing = await cli([
      'calendar',
      '--overrides',
      join(dir, 'none.json'),
      'working-day',
      '2026-10-10',
    ]);
    expect(missing.code).toBe(EXIT.failure);
  });
});
