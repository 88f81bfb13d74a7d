import { errors, type IsoDate } from '../core/index.js';
import type { Store } from '../store/index.js';
import { requireDate } from './actors.js';
import { casesDb } from './tables.js';
import type { CaseType } from './types.js';
import { type Cell, csv, xlsx } from './xlsx.js';

/**
 * The center reports: per period, center and case type, the cases received (submitted in the
 * period) and handled (concluded in the period — see handling.ts for the definition), the
 * processing time of the handled ones in official working days from submission to conclusion
 * (median and 90th percentile, interpolated between the nearest ranks as Excel's PERCENTILE.INC),
 * the on-time rate (handled with every limit of the center kept / handled) and, for
 * pre-examination, the pass rate (passed / (passed + failed): of the cases examined to a decision;
 * cases rejected at intake or closed for want of a reply are not examined).
 */
export const REPORT_PERIODS = ['month', 'quarter', 'half', 'year', 'total'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

export interface ReportQuery {
  from: IsoDate;
  to: IsoDate;
  by?: ReportPeriod;
  centerId?: string;
}

export interface Figures {
  received: number;
  handled: number;
  medianDays: number | null;
  p90Days: number | null;
  onTimeRate: number | null;
  /** Pre-examination only; null where no pre-examination was decided. */
  passRate: number | null;
}

export interface ReportRow extends Figures {
  period: string;
  centerId: string;
  centerName: string;
  centerKind: string;
  type: CaseType;
}

export interface CaseReport {
  from: IsoDate;
  to: IsoDate;
  by: ReportPeriod;
  rows: ReportRow[];
  /** Every center and type together, over the whole span. */
  totals: Figures & { centers: number };
  byCenter: (Figures & { centerId: string; centerName: string })[];
  byType: (Figures & { type: CaseType })[];
}

/** The p-th percentile (0–1) of the values, linearly interpolated between the nearest ranks. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * p;
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

export function periodOf(day: IsoDate, by: ReportPeriod, q: Pick<ReportQuery, 'from' | 'to'>): string {
  const y = day.slice(0, 4);
  const m = Number(day.slice(5, 7));
  switch (by) {
    case 'month':
      return day.slice(0, 7);
    case 'quarter':
      return `${y}-Q${Math.ceil(m / 3)}`;
    case 'half':
      return `${y}-H${m <= 6 ? 1 : 2}`;
    case 'year':
      return y;
    case 'total':
      return `${q.from}..${q.to}`;
  }
}

interface Handled {
  days: number | null;
  onTime: number | null;
  outcome: string | null;
}

class Group {
  received = 0;
  handled: Handled[] = [];

  figures(): Figures {
    const days = this.handled.map((h) => h.days).filter((d): d is number => d !== null);
    const timed = this.handled.filter((h) => h.onTime !== null);
    const passed = this.handled.filter((h) => h.outcome === 'passed').length;
    const examined = passed + this.handled.filter((h) => h.outcome === 'failed').length;
    return {
      received: this.received,
      handled: this.handled.length,
      medianDays: round(percentile(days, 0.5)),
      p90Days: round(percentile(days, 0.9)),
      onTimeRate: timed.length ? round(timed.filter((h) => h.onTime === 1).length / timed.length) : null,
      passRate: examined ? round(passed / examined) : null,
    };
  }
}

function round(v: number | null): number | null {
  return v === null ? null : Math.round(v * 10_000) / 10_000;
}

function groupIn<K>(map: Map<K, Group>, key: K): Group {
  let g = map.get(key);
  if (!g) {
    g = new Group();
    map.set(key, g);
  }
  return g;
}

export async function caseReport(store: Store, query: ReportQuery): Promise<CaseReport> {
  const from = requireDate(query.from, 'from');
  const to = requireDate(query.to, 'to');
  if (to < from) throw errors.invalidInput(`the report ends (${to}) before it starts (${from})`);
  const by = query.by ?? 'total';
  if (!REPORT_PERIODS.includes(by)) throw errors.invalidInput(`by: one of ${REPORT_PERIODS.join(', ')}`);
  const db = casesDb(store);
  const centers = new Map(
    (await db.selectFrom('centers').select(['id', 'name_zh', 'kind']).execute()).map((c) => [c.id, c]),
  );
  let received = db
    .selectFrom('cases')
    .select(['center_id', 'type', 'submitted_on'])
    .where('submitted_on', '>=', from)
    .where('submitted_on', '<=', to);
  let handled = db
    .selectFrom('cases')
    .select(['center_id', 'type', 'handled_on', 'handling_days', 'on_time', 'outcome'])
    .where('handled_on', '>=', from)
    .where('handled_on', '<=', to);
  if (query.centerId) {
    received = received.where('center_id', '=', query.centerId);
    handled = handled.where('center_id', '=', query.centerId);
  }
  const rowsGroups = new Map<string, Group>();
  const total = new Group();
  const byCenter = new Map<string, Group>();
  const byType = new Map<CaseType, Group>();
  const groupsOf = (center: string, type: CaseType, day: IsoDate) => [
    groupIn(rowsGroups, `${periodOf(day, by, { from, to })}|${center}|${type}`),
    total,
    groupIn(byCenter, center),
    groupIn(byType, type),
  ];
  for (const r of await received.execute()) {
    for (const g of groupsOf(r.center_id, r.type as CaseType, r.submitted_on)) g.received += 1;
  }
  for (const r of await handled.execute()) {
    const h = { days: r.handling_days, onTime: r.on_time, outcome: r.outcome };
    for (const g of groupsOf(r.center_id, r.type as CaseType, r.handled_on!)) g.handled.push(h);
  }

  const name = (id: string) => centers.get(id)?.name_zh ?? id;
  const rows = [...rowsGroups.entries()]
    .map(([key, g]) => {
      const [period, centerId, type] = key.split('|') as [string, string, CaseType];
      const kind = centers.get(centerId)?.kind ?? '';
      return { period, centerId, centerName: name(centerId), centerKind: kind, type, ...g.figures() };
    })
    .sort(
      (a, b) =>
        a.period.localeCompare(b.period) ||
        a.centerId.localeCompare(b.centerId) ||
        a.type.localeCompare(b.type),
    );
  return {
    from,
    to,
    by,
    rows,
    totals: { ...total.figures(), centers: byCenter.size },
    byCenter: [...byCenter.entries()]
      .map(([centerId, g]) => ({ centerId, centerName: name(centerId), ...g.figures() }))
      .sort((a, b) => a.centerId.localeCompare(b.centerId)),
    byType: [...byType.entries()]
      .map(([type, g]) => ({ type, ...g.figures() }))
      .sort((a, b) => a.type.localeCompare(b.type)),
  };
}

export const REPORT_COLUMNS = [
  'period',
  'center_id',
  'center',
  'center_kind',
  'type',
  'received',
  'handled',
  'median_working_days',
  'p90_working_days',
  'on_time_rate',
  'pre_examination_pass_rate',
] as const;

/** The report's rows as a table: a header, then one line per period, center and type. */
export function reportTable(report: CaseReport): Cell[][] {
  return [
    [...REPORT_COLUMNS],
    ...report.rows.map((r) => [
      r.period,
      r.centerId,
      r.centerName,
      r.centerKind,
      r.type,
      r.received,
      r.handled,
      r.medianDays,
      r.p90Days,
      r.onTimeRate,
      r.passRate,
    ]),
  ];
}

export function reportCsv(report: CaseReport): string {
  return csv(reportTable(report));
}

/** The report as an Excel workbook: the rows, then the totals by center and by type. */
export function reportXlsx(report: CaseReport): Uint8Array {
  const figures = [
    'received',
    'handled',
    'median_working_days',
    'p90_working_days',
    'on_time_rate',
    'pass_rate',
  ];
  const values = (f: Figures): Cell[] => [
    f.received,
    f.handled,
    f.medianDays,
    f.p90Days,
    f.onTimeRate,
    f.passRate,
  ];
  return xlsx([
    { name: 'cases', rows: reportTable(report) },
    {
      name: 'by center',
      rows: [
        ['center_id', 'center', ...figures],
        ...report.byCenter.map((c) => [c.centerId, c.centerName, ...values(c)]),
        ['', 'total', ...values(report.totals)],
      ],
    },
    { name: 'by type', rows: [['type', ...figures], ...report.byType.map((t) => [t.type, ...values(t)])] },
  ]);
}
