import { addYearsDay, DAYS_PER_YEAR } from './calendar.js';
import type { DemoHolderType, PatentKind, PatentParams, TrademarkParams } from './params.js';

/**
 * The survival laws of the demo, written once as probabilities (for the cohort model) next to the
 * quantities the sampler draws from, so that what is solved for is what is generated.
 */

/** The fraction of the lag span at quantile `u` of the lag distribution. */
export function lagFraction(shape: 'uniform' | 'min2', u: number): number {
  // The minimum of two uniforms has CDF 1 - (1 - x)^2: most grants come early in the span.
  return shape === 'min2' ? 1 - Math.sqrt(1 - u) : u;
}

/** Filing-to-grant lag in days at quantile `u`. */
export function lagDays(lag: PatentParams['lag'] | TrademarkParams['lag'], u: number): number {
  const shape = 'shape' in lag ? lag.shape : 'uniform';
  return Math.round((lag.min + lag.span * lagFraction(shape, u)) * DAYS_PER_YEAR);
}

/** Term in years from filing: 20, 10, and for designs 15 when filed from 2021-06-01 on. */
export function patentTermYears(kind: PatentKind, filingDay: number, designRuleDay: number): number {
  if (kind === 'invention') return 20;
  if (kind === 'utility_model') return 10;
  return filingDay >= designRuleDay ? 15 : 10;
}

/** Probability that the fee falling due at `ageYears` after grant goes unpaid. */
export function lapseProbability(p: PatentParams, h: DemoHolderType, ageYears: number): number {
  return 1 - Math.exp(-p.lapse.mult[h] * (p.lapse.a0 + p.lapse.a1 * ageYears));
}

/** Invalidations are decided between these many years after grant (registration). */
export const INVALIDATION_WINDOW = { patent: [0.5, 6], trademark: [0.5, 5] } as const;
/** Mean days from an invalidation decision to its publication. */
const INVALIDATION_RECORD_DAYS = 56;

/** Probability that an invalidation happens and is published by `endDay`. */
function invalidationKnown(p: number, window: readonly [number, number], grantDay: number, endDay: number) {
  const years = (endDay - grantDay - INVALIDATION_RECORD_DAYS) / DAYS_PER_YEAR;
  const f = Math.min(1, Math.max(0, (years - window[0]) / (window[1] - window[0])));
  return p * f;
}

export interface PatentCase {
  kind: PatentKind;
  params: PatentParams;
  holder: DemoHolderType;
  grantDay: number;
  filingDay: number;
}

/**
 * Probability that a patent is in force on `day` with its first holder still in the region, all
 * events up to `endDay` known.
 */
export function patentInForce(c: PatentCase, day: number, endDay: number, designRuleDay: number): number {
  const { params: p, holder, grantDay, filingDay } = c;
  if (day < grantDay) return 0;
  const term = patentTermYears(c.kind, filingDay, designRuleDay);
  if (day >= addYearsDay(filingDay, term)) return 0;
  let s = 1;
  for (let k = 1; k < term; k++) {
    const due = addYearsDay(filingDay, k);
    if (due > day) break;
    if (due <= grantDay) continue;
    s *= 1 - (1 - p.restore) * lapseProbability(p, holder, (due - grantDay) / DAYS_PER_YEAR);
  }
  const age = (day - grantDay) / DAYS_PER_YEAR;
  s *= Math.exp(-(p.surrender + p.transfer[holder] * p.transferOut[holder]) * age);
  return s * (1 - invalidationKnown(p.invalidation, INVALIDATION_WINDOW.patent, grantDay, endDay));
}

/** The same for a trademark registered on `grantDay`. */
export function trademarkInForce(
  p: TrademarkParams,
  holder: DemoHolderType,
  grantDay: number,
  day: number,
  endDay: number,
): number {
  if (day < grantDay) return 0;
  let s = 1;
  for (let k = 1; addYearsDay(grantDay, 10 * k) <= day; k++) s *= p.renewal[holder];
  const age = (day - grantDay) / DAYS_PER_YEAR;
  s *= Math.exp(-(p.cancel + p.transfer[holder] * p.transferOut[holder]) * age);
  s *= Math.exp(-p.revoke * Math.max(0, age - p.revokeAfterYears));
  return s * (1 - invalidationKnown(p.invalidation, INVALIDATION_WINDOW.trademark, grantDay, endDay));
}
