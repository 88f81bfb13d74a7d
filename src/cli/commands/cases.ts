import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  type CaseAlert,
  type CaseReport,
  caseReport,
  chinaToday,
  DEMO_FROM,
  generateDemoCases,
  mailTransportFromEnv,
  notifyDeadlines,
  overdueCases,
  REPORT_PERIODS,
  type ReportPeriod,
  reportCsv,
  reportXlsx,
} from '../../cases/index.js';
import { errors, isIsoDate } from '../../core/index.js';
import { type Context, EXIT, withStore } from '../context.js';
import { print, table } from '../output.js';

interface DemoOpts {
  seed: string;
  from: string;
  to?: string;
}

interface ReportOpts {
  from: string;
  to: string;
  by: string;
  center?: string;
  format: string;
  out?: string;
}

function date(flag: string, v: string): string {
  if (!isIsoDate(v)) throw errors.usage(`${flag}: "${v}" is not a date (YYYY-MM-DD)`);
  return v;
}

/** `ipregion cases …`: the protection centers' demo cases, their report and the overdue list. */
export function registerCases(program: Command, ctx: Context): void {
  const cmd = program
    .command('cases')
    .description("protection centers' cases: demo data, reports, deadlines");
  cmd
    .command('demo')
    .description(
      'put the 18 demo centers, their registered enterprises and cases into an empty cases database',
    )
    .option('--seed <n>', 'any whole number; the same seed gives the same cases', '1')
    .option('--from <date>', 'first day of cases', DEMO_FROM)
    .option('--to <date>', 'last day of cases (default: today in China)')
    .action(async (opts: DemoOpts, c: Command) => {
      await withStore(ctx, c, async (store, json) => {
        if (!/^-?\d{1,9}$/.test(opts.seed))
          throw errors.usage(`--seed: "${opts.seed}" is not a whole number`);
        const to = date('--to', opts.to ?? chinaToday());
        const started = performance.now();
        const r = await generateDemoCases(store, {
          seed: Number(opts.seed),
          from: date('--from', opts.from),
          to,
        });
        const seconds = Math.round(performance.now() - started) / 1000;
        print(ctx.io, json, { ...r, seconds }, () =>
          [
            `${r.cases} cases of ${r.centers} centers from ${r.from} to ${r.to} (${r.openCases} still open), ` +
              `${r.enterprises} registered enterprises, ${r.auditEntries} audit entries, in ${seconds} s`,
            r.handledH1_2024 === null ? '' : `handled in the first half of 2024: ${r.handledH1_2024}`,
            r.sample ? `public status lookup to try: number ${r.sample.number}, code ${r.sample.code}` : '',
          ]
            .filter(Boolean)
            .join('\n'),
        );
        return EXIT.ok;
      });
    });

  cmd
    .command('report')
    .description(
      'cases received and handled per center, type and period; processing time, on-time and pass rates',
    )
    .requiredOption('--from <date>', 'first day')
    .requiredOption('--to <date>', 'last day')
    .option('--by <period>', `${REPORT_PERIODS.join(', ')}`, 'total')
    .option('--center <id>', 'one center only')
    .option('--format <f>', 'table, csv or xlsx', 'table')
    .option('--out <file>', 'write to this file (required for xlsx)')
    .action(async (opts: ReportOpts, c: Command) => {
      await withStore(ctx, c, async (store, json) => {
        if (!REPORT_PERIODS.includes(opts.by as ReportPeriod)) {
          throw errors.usage(`--by: "${opts.by}" is not one of ${REPORT_PERIODS.join(', ')}`);
        }
        if (!['table', 'csv', 'xlsx'].includes(opts.format)) {
          throw errors.usage(`--format: "${opts.format}" is not table, csv or xlsx`);
        }
        if (opts.format === 'xlsx' && !opts.out) throw errors.usage('--format xlsx needs --out FILE');
        const report = await caseReport(store, {
          from: date('--from', opts.from),
          to: date('--to', opts.to),
          by: opts.by as ReportPeriod,
          ...(opts.center ? { centerId: opts.center } : {}),
        });
        if (json && !opts.out) {
          print(ctx.io, true, report, () => '');
          return EXIT.ok;
        }
        const body: string | Uint8Array =
          opts.format === 'xlsx'
            ? reportXlsx(report)
            : opts.format === 'csv'
              ? reportCsv(report)
              : `${humanReport(report)}\n`;
        if (opts.out) {
          writeFileSync(opts.out, body);
          print(
            ctx.io,
            json,
            { out: opts.out, format: opts.format, rows: report.rows.length, totals: report.totals },
            () => `${report.rows.length} rows written to ${opts.out}`,
          );
        } else ctx.io.out(typeof body === 'string' ? body : '');
        return EXIT.ok;
      });
    });

  cmd
    .command('overdue')
    .description('open cases past a deadline, most urgent first')
    .option('--as-of <date>', 'the day (default: today in China)')
    .option('--center <id>', 'one center only')
    .action(async (opts: { asOf?: string; center?: string }, c: Command) => {
      await withStore(ctx, c, async (store, json) => {
        const asOf = date('--as-of', opts.asOf ?? chinaToday());
        const alerts = await overdueCases(store, asOf, opts.center ? { centerId: opts.center } : {});
        const items = alerts.map(present);
        print(ctx.io, json, { asOf, count: items.length, cases: items }, () => humanOverdue(asOf, items));
        return EXIT.ok;
      });
    });

  cmd
    .command('notify')
    .description(
      'the deadline pass: warnings before a deadline and overdue notices, in the app and by e-mail (IPREGION_SMTP_URL); `serve` runs it by itself',
    )
    .option('--as-of <date>', 'the day (default: today in China)')
    .action(async (opts: { asOf?: string }, c: Command) => {
      await withStore(ctx, c, async (store, json) => {
        const asOf = date('--as-of', opts.asOf ?? chinaToday());
        const result = await notifyDeadlines(store, asOf, mailTransportFromEnv());
        print(ctx.io, json, { asOf, ...result }, () =>
          [
            `deadline pass of ${asOf}: ${result.created} new notification(s)`,
            `  e-mails sent: ${result.emailed}, failed (tried again next time): ${result.failed}`,
          ].join('\n'),
        );
        return result.failed > 0 ? EXIT.failure : EXIT.ok;
      });
    });
}

function present(a: CaseAlert) {
  return {
    number: a.case.number,
    centerId: a.case.centerId,
    type: a.case.type,
    state: a.case.state,
    officerId: a.case.officerId,
    deadlines: a.deadlines.map((d) => ({
      limit: d.limit,
      party: d.party,
      due: d.due,
      left: d.left,
      status: d.status,
    })),
  };
}

function humanOverdue(asOf: string, items: ReturnType<typeof present>[]): string {
  if (items.length === 0) return `no case is overdue on ${asOf}`;
  const rows = items.map((i) => {
    const d = i.deadlines.find((x) => x.status === 'overdue') ?? i.deadlines[0]!;
    return [i.number, i.centerId, i.type, i.state, `${d.limit} (${d.party})`, d.due ?? '', String(-d.left)];
  });
  return `${items.length} cases overdue on ${asOf}\n${table([['case', 'center', 'type', 'state', 'limit', 'due', 'days late'], ...rows])}`;
}

const fmt = (v: number | null, pct = false) =>
  v === null ? '—' : pct ? `${(v * 100).toFixed(1)}%` : String(v);

function humanReport(r: CaseReport): string {
  const head = [
    'period',
    'center',
    'type',
    'received',
    'handled',
    'median wd',
    'p90 wd',
    'on time',
    'pass rate',
  ];
  const rows = r.rows.map((x) => [
    x.period,
    x.centerId,
    x.type,
    String(x.received),
    String(x.handled),
    fmt(x.medianDays),
    fmt(x.p90Days),
    fmt(x.onTimeRate, true),
    fmt(x.passRate, true),
  ]);
  const t = r.totals;
  const total = [
    'total',
    `${t.centers} centers`,
    '',
    String(t.received),
    String(t.handled),
    fmt(t.medianDays),
    fmt(t.p90Days),
    fmt(t.onTimeRate, true),
    fmt(t.passRate, true),
  ];
  return `cases from ${r.from} to ${r.to}\n${table([head, ...rows, total])}`;
}
