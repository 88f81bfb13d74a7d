import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { errors } from '../../core/index.js';
import { type DayInfo, parseCalendarOverrides, WorkingCalendar } from '../../reference/index.js';
import { type Context, EXIT, type GlobalOptions } from '../context.js';
import { print, printError } from '../output.js';

interface CalendarOptions {
  overrides?: string;
}

/**
 * `ipregion calendar …`: official working-day arithmetic. It needs no database: the administrator's
 * overrides can be given as a JSON file (a list of `{ date, working, reason }`, or
 * `{ overrides: [...], coveredYears: [2027] }` when the file loads a whole year's schedule).
 */
export function registerCalendar(program: Command, ctx: Context): void {
  const cmd = program
    .command('calendar')
    .description('official working days (State Council holidays and adjusted working days, 调休)')
    .option(
      '--overrides <file>',
      'JSON file of overrides { date, working, reason } that win over the schedule',
    );
  cmd
    .command('add-working-days')
    .description('the date N working days after DATE (counting starts the day after DATE)')
    .argument('<date>', 'YYYY-MM-DD')
    .argument('<n>', 'number of working days (0 or more)')
    .action((date: string, n: string, _opts: unknown, c: Command) =>
      runCalendar(ctx, c, (cal, json) => {
        if (!/^\d{1,6}$/.test(n)) throw errors.usage(`N must be a whole number of working days, not ${n}`);
        const r = cal.addWorkingDays(date, Number(n));
        print(ctx.io, json, { date: r.date, provisional: r.provisional }, () =>
          r.provisional ? `${r.date} (provisional: ${PROVISIONAL})` : r.date,
        );
      }),
    );
  cmd
    .command('working-day')
    .description('whether DATE is a working day, and why (weekend, holiday, adjusted working day, override)')
    .argument('<date>', 'YYYY-MM-DD')
    .action((date: string, _opts: unknown, c: Command) =>
      runCalendar(ctx, c, (cal, json) => {
        const day = cal.day(date);
        print(ctx.io, json, { ...day, provisional: !day.covered }, () => describeDay(day));
      }),
    );
  cmd
    .command('between')
    .description('working days from A to B: those after A, up to and including B')
    .argument('<a>', 'YYYY-MM-DD')
    .argument('<b>', 'YYYY-MM-DD')
    .action((a: string, b: string, _opts: unknown, c: Command) =>
      runCalendar(ctx, c, (cal, json) => {
        const workingDays = cal.workingDaysBetween(a, b);
        const provisional = !cal.covers(a, b);
        print(ctx.io, json, { from: a, to: b, workingDays, provisional }, () => {
          const line = `${workingDays} working day${Math.abs(workingDays) === 1 ? '' : 's'} from ${a} to ${b}`;
          return provisional ? `${line} (provisional: ${PROVISIONAL})` : line;
        });
      }),
    );
}

const PROVISIONAL = 'the official schedule of a year in the count is not loaded; weekends only were used';

const overridesFileSchema = z.union([
  z.array(z.unknown()),
  z.object({
    overrides: z.array(z.unknown()).default([]),
    coveredYears: z.array(z.number().int().min(1949).max(2200)).default([]),
  }),
]);

function runCalendar(ctx: Context, cmd: Command, body: (cal: WorkingCalendar, json: boolean) => void): void {
  const opts = cmd.optsWithGlobals<GlobalOptions & CalendarOptions>();
  const json = Boolean(opts.json);
  try {
    body(calendarFrom(opts.overrides), json);
    ctx.exitCode = EXIT.ok;
  } catch (e) {
    ctx.exitCode = printError(ctx.io, json, e);
  }
}

function calendarFrom(file: string | undefined): WorkingCalendar {
  if (!file) return new WorkingCalendar();
  if (!existsSync(file)) throw errors.fileNotFound(file);
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw errors.invalidInput(`${file}: not a readable JSON file (${(e as Error).message})`);
  }
  const parsed = overridesFileSchema.safeParse(input);
  if (!parsed.success) {
    throw errors.invalidInput(`${file}: expected a list of overrides or { overrides, coveredYears }`);
  }
  const content = Array.isArray(parsed.data) ? { overrides: parsed.data, coveredYears: [] } : parsed.data;
  return new WorkingCalendar({
    overrides: parseCalendarOverrides(content.overrides),
    coveredYears: content.coveredYears,
  });
}

function describeDay(day: DayInfo): string {
  const is = day.working ? 'is a working day' : 'is not a working day';
  const festival = day.holiday ? ` (${day.holiday.en} ${day.holiday.zh})` : '';
  const why: Record<DayInfo['kind'], string> = {
    workday: 'a weekday',
    weekend: 'weekend',
    holiday: `holiday${festival}`,
    adjusted_working_day: `adjusted working day, 调休${festival}`,
    override: `override: ${day.reason ?? ''}`,
  };
  const note = day.covered ? '' : ` (provisional: ${day.date.slice(0, 4)}'s official schedule is not loaded)`;
  return `${day.date} ${is}: ${why[day.kind]}${note}`;
}
