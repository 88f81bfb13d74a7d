import { addYears, type RightKind } from '../core/index.js';
import { DAYS_PER_YEAR, dayFromIso, monthStart } from './calendar.js';
import { lagDays, patentInForce, trademarkInForce } from './lifetimes.js';
import { DATA_END, DATA_START_YEAR, DEMO_HOLDER_TYPES, PATENT_PARAMS, TRADEMARK_PARAMS } from './params.js';
import { type KindTarget, kindTargets } from './targets.js';

/**
 * The cohort model. Grants of a kind arrive at a rate growing geometrically,
 * `volume * growth^(t - t0)` a year with t0 = the target date, and each cohort survives by the laws in
 * lifetimes.ts. The expected count in force on D is then `volume * F(D; growth)`; the YoY target fixes
 * `growth` (F(D)/F(D - 1 year) grows with it, so bisection finds it) and the level target `volume`.
 * Nothing per year is tabulated by hand: change a hazard and the solved volumes follow.
 */
export interface KindModel {
  kind: RightKind;
  target: KindTarget;
  /** Grants per year at the target date, at scale 1. */
  volume: number;
  /** Yearly growth factor of grants. */
  growth: number;
}

export const MONTHS = (Number(DATA_END.slice(0, 4)) - DATA_START_YEAR) * 12 + Number(DATA_END.slice(5, 7));
const DESIGN_RULE_DAY = dayFromIso('2021-06-01');
const END_DAY = dayFromIso(DATA_END);
/** Quantiles of the filing-to-grant lag the model averages over. */
const LAG_POINTS = 12;

/** Years from the target date to the middle of month `m` (0 = January 2000). */
function monthOffset(m: number, asOf: number): number {
  return (monthStart(m) + 15 - asOf) / DAYS_PER_YEAR;
}

/** Per month, the probability that a right granted mid-month is in force (and in the region) on `day`. */
export function cohortSurvival(kind: RightKind, day: number): Float64Array {
  const out = new Float64Array(MONTHS);
  for (let m = 0; m < MONTHS; m++) {
    const grantDay = monthStart(m) + 14;
    if (grantDay > day) continue;
    let sum = 0;
    if (kind === 'trademark') {
      const p = TRADEMARK_PARAMS;
      for (const h of DEMO_HOLDER_TYPES)
        sum += p.holderMix[h] * trademarkInForce(p, h, grantDay, day, END_DAY);
    } else {
      const p = PATENT_PARAMS[kind];
      for (const h of DEMO_HOLDER_TYPES) {
        let s = 0;
        for (let i = 0; i < LAG_POINTS; i++) {
          const filingDay = grantDay - lagDays(p.lag, (i + 0.5) / LAG_POINTS);
          s += patentInForce(
            { kind, params: p, holder: h, grantDay, filingDay },
            day,
            END_DAY,
            DESIGN_RULE_DAY,
          );
        }
        sum += (p.holderMix[h] * s) / LAG_POINTS;
      }
    }
    out[m] = sum;
  }
  return out;
}

/** Expected grants per month at growth `g`, per unit of yearly volume. */
function monthlyWeights(g: number, asOf: number): Float64Array {
  const w = new Float64Array(MONTHS);
  const lg = Math.log(g);
  for (let m = 0; m < MONTHS; m++) w[m] = Math.exp(lg * monthOffset(m, asOf)) / 12;
  return w;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Solves growth and volume of one kind so that the expected counts meet its target. */
export function solveKind(kind: RightKind, target: KindTarget): KindModel {
  const asOf = dayFromIso(target.asOf);
  const now = cohortSurvival(kind, asOf);
  const before = cohortSurvival(kind, dayFromIso(addYears(target.asOf, -1)));
  const ratio = (g: number) => {
    const w = monthlyWeights(g, asOf);
    return dot(w, now) / dot(w, before);
  };
  let lo = 0.8;
  let hi = 2.5;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (ratio(mid) < 1 + target.yoy) lo = mid;
    else hi = mid;
  }
  const growth = (lo + hi) / 2;
  const volume = target.value / dot(monthlyWeights(growth, asOf), now);
  return { kind, target, volume, growth };
}

export interface DemoModel {
  kinds: Record<RightKind, KindModel>;
  /** Expected grants of `kind` in month `m` at scale 1. */
  monthly(kind: RightKind, m: number): number;
}

let solved: DemoModel | null = null;

/** The solved model (computed once per process: a few tens of milliseconds). */
export function demoModel(): DemoModel {
  if (solved) return solved;
  const targets = kindTargets();
  const kinds = {
    invention: solveKind('invention', targets.invention),
    utility_model: solveKind('utility_model', targets.utility_model),
    design: solveKind('design', targets.design),
    trademark: solveKind('trademark', targets.trademark),
  };
  const tables = new Map<RightKind, Float64Array>();
  for (const k of Object.values(kinds)) {
    const w = monthlyWeights(k.growth, dayFromIso(k.target.asOf));
    tables.set(
      k.kind,
      w.map((x) => x * k.volume),
    );
  }
  const model: DemoModel = { kinds, monthly: (kind, m) => tables.get(kind)![m]! };
  solved = model;
  return model;
}

/** Expected number of rights of `kind` at scale 1 over the whole demo period. */
export function expectedTotal(model: DemoModel, kind: RightKind): number {
  let s = 0;
  for (let m = 0; m < MONTHS; m++) s += model.monthly(kind, m);
  return s;
}
