import { addDays, daysInMonth, type IsoDate, withCheck } from '../core/index.js';
import type { WorkingCalendar } from '../reference/index.js';
import type { Center } from './centers.js';
import { DemoRng, patentNumber, shopName, trademarkNumber } from './demo-data.js';
import { CENTER_WEIGHT, type DemoEnterprise, registeredOn } from './demo-enterprises.js';
import { type Walk, walkCase } from './demo-walk.js';
import { type Conclusion, closedOn, conclusionOf } from './handling.js';
import type { CaseMatter } from './time-limits.js';
import type { CaseType } from './types.js';

/**
 * The demo's cases before they are written: how many a month (growing about 12 % a year, fewer in
 * the Spring Festival month), at which center, of which type (pre-examination dominant), by whom,
 * about what, and how each went.
 */
export interface PlannedCase {
  id: string;
  type: CaseType;
  center: Center;
  submittedOn: IsoDate;
  applicant: { organisation: string; creditCode: string };
  registrationId: string | null;
  otherParty: string | null;
  matter: CaseMatter | null;
  rightIds: number[];
  rightNumbers: string[];
  walk: Walk;
  conclusion: Conclusion | null;
  closedOn: IsoDate | null;
  code: string;
}

/** Registry rights the demo links cases to, by kind (empty when the registry holds none). */
export type RightPool = Record<
  'invention' | 'utility_model' | 'design' | 'trademark',
  { id: number; number: string }[]
>;

export interface PlanContext {
  centers: readonly Center[];
  enterprises: ReadonlyMap<string, readonly DemoEnterprise[]>;
  rights: RightPool;
  calendar: WorkingCalendar;
  to: IsoDate;
}

/** Cases received a month in the first half of 2024 before the seasonal factor (tuned so that H1 2024 lands near 3,136 handled). */
const BASE_PER_MONTH = 541;
const GROWTH_PER_YEAR = 1.12;
const SEASON = [0.96, 0.72, 1.08, 1.02, 1.03, 1.07, 1.02, 0.97, 1.02, 0.9, 1.04, 1.1];

export function casesInMonth(year: number, month: number): number {
  const years = year + (month - 0.5) / 12 - 2024.25;
  return Math.round(BASE_PER_MONTH * GROWTH_PER_YEAR ** years * SEASON[month - 1]!);
}

/** The working days of a month inside [from, to]. */
export function workingDaysOf(
  year: number,
  month: number,
  from: IsoDate,
  to: IsoDate,
  cal: WorkingCalendar,
): IsoDate[] {
  const out: IsoDate[] = [];
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  for (let d = 0; d < daysInMonth(year, month); d++) {
    const day = addDays(first, d);
    if (day >= from && day <= to && cal.isWorkingDay(day)) out.push(day);
  }
  return out;
}

const PROTECTION_MIX = {
  pre_examination: 58,
  rights_protection: 12,
  mediation: 6,
  ecommerce_takedown: 10,
  overseas_guidance: 4,
  consultation: 10,
} as const satisfies Record<CaseType, number>;
const RAPID_MIX = {
  pre_examination: 50,
  rights_protection: 18,
  mediation: 7,
  ecommerce_takedown: 17,
  overseas_guidance: 0,
  consultation: 8,
} as const satisfies Record<CaseType, number>;

function matterOf(rng: DemoRng, type: CaseType, rapid: boolean): CaseMatter | null {
  switch (type) {
    case 'pre_examination':
      return rapid
        ? rng.weighted({ design: 80, utility_model: 15, invention: 5 })
        : rng.weighted({ invention: 55, utility_model: 35, design: 10 });
    case 'rights_protection':
    case 'mediation':
      return rapid
        ? rng.weighted({ design: 70, utility_model: 15, trademark: 10, counterfeit: 5 })
        : rng.weighted({ invention: 30, utility_model: 25, design: 20, trademark: 10, counterfeit: 15 });
    case 'ecommerce_takedown':
      return rng.weighted({ design: 50, trademark: 30, utility_model: 20 });
    default:
      return null;
  }
}

function rightsOf(rng: DemoRng, matter: CaseMatter | null, pool: RightPool, year: number) {
  if (matter === null) return { rightIds: [], rightNumbers: [] };
  const kind = matter === 'counterfeit' ? 'invention' : matter;
  const rights = pool[kind];
  if (rights.length > 0) {
    const r = rights[rng.int(rights.length)]!;
    return { rightIds: [r.id], rightNumbers: [r.number] };
  }
  const number =
    kind === 'trademark' ? trademarkNumber(rng) : patentNumber(rng, kind, year - rng.between(1, 6));
  return { rightIds: [], rightNumbers: [number] };
}

export function pickCenter(rng: DemoRng, centers: readonly Center[]): Center {
  const weights = Object.fromEntries(centers.map((c) => [c.id, CENTER_WEIGHT[c.id] ?? 1]));
  const id = rng.weighted(weights);
  return centers.find((c) => c.id === id)!;
}

/** One case submitted on `day`: where, what, by whom, and its walk up to the demo's end. */
export function planCase(rng: DemoRng, day: IsoDate, ctx: PlanContext): PlannedCase {
  const center = pickCenter(rng, ctx.centers);
  const rapid = center.kind === 'rapid_protection_center';
  let type: CaseType = rng.weighted(rapid ? RAPID_MIX : PROTECTION_MIX);
  if (!center.services.includes(type)) type = 'consultation';
  const pool = ctx.enterprises.get(center.id) ?? [];
  let registrationId: string | null = null;
  let enterprise = pool.length > 0 ? rng.pick(pool) : null;
  if (type === 'pre_examination') {
    const registered = registeredOn(rng, pool, day);
    // Only registered enterprises may ask for pre-examination; the others ask a question instead.
    if (registered) ({ enterprise, registrationId } = registered);
    else type = 'consultation';
  }
  const matter = matterOf(rng, type, rapid);
  const industry = enterprise?.industryZh ?? '科技';
  const otherParty = ['rights_protection', 'mediation'].includes(type)
    ? `${rng.pick(['湖北', '广东', '浙江', '江苏', '河南', '湖南', '安徽'])}${rng.pick(['某', '一家'])}${industry}企业`
    : type === 'ecommerce_takedown'
      ? shopName(rng, industry)
      : null;
  const rights =
    type === 'pre_examination'
      ? { rightIds: [], rightNumbers: [] }
      : rightsOf(rng, matter, ctx.rights, Number(day.slice(0, 4)));
  const walk = walkCase(type, day, ctx.to, matter, ctx.calendar, rng);
  const history = walk.steps.map((s) => ({ state: s.state, at: s.on }));
  return {
    id: rng.uuid(),
    type,
    center,
    submittedOn: day,
    applicant: {
      organisation: enterprise?.organisation ?? '示例科技有限公司',
      creditCode: enterprise?.creditCode ?? withCheck('91420100MA4K00000'),
    },
    registrationId,
    otherParty,
    matter,
    ...rights,
    walk,
    conclusion: conclusionOf({ type, matter, history, calendar: ctx.calendar }),
    closedOn: closedOn(type, history),
    code: rng.code(12, 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'),
  };
}

/** Every month's cases from `from` to `to`, each month from its own seeded stream. */
export function planMonths(seed: number, from: IsoDate, ctx: PlanContext): PlannedCase[] {
  const plans: PlannedCase[] = [];
  for (let y = Number(from.slice(0, 4)), m = Number(from.slice(5, 7)); ; m++) {
    if (m > 12) {
      y += 1;
      m = 1;
    }
    const first = `${y}-${String(m).padStart(2, '0')}-01`;
    if (first > ctx.to) break;
    const days = workingDaysOf(y, m, from, ctx.to, ctx.calendar);
    if (days.length === 0) continue;
    const rng = new DemoRng(seed, `month:${first.slice(0, 7)}`);
    // A month cut by the demo's span gets its share of the month's cases.
    const all = workingDaysOf(y, m, first, addDays(first, 40), ctx.calendar).filter(
      (d) => d.slice(0, 7) === first.slice(0, 7),
    );
    const n = Math.round((casesInMonth(y, m) * days.length) / Math.max(all.length, 1));
    for (let i = 0; i < n; i++) plans.push(planCase(rng, rng.pick(days), ctx));
  }
  return plans;
}
