import type { HolderType, RightKind } from '../core/index.js';

/**
 * The demo's behavioural assumptions, one table per kind. Volumes and growth rates are not here: the
 * cohort model (model.ts) solves for them so that the expected in-force counts meet the targets.
 */
export type DemoHolderType = Exclude<HolderType, 'unknown'>;
export const DEMO_HOLDER_TYPES: readonly DemoHolderType[] = [
  'enterprise',
  'university',
  'institute',
  'individual',
  'organisation',
];

export type PatentKind = Exclude<RightKind, 'trademark'>;
export type ByHolder = Readonly<Record<DemoHolderType, number>>;

export interface PatentParams {
  /** Filing-to-grant lag in years: `min + span * x`, x from `shape` ('min2': min of two uniforms, skewed short). */
  lag: { min: number; span: number; shape: 'uniform' | 'min2' };
  /** Share of grants by first holder's type. */
  holderMix: ByHolder;
  /**
   * Annual-fee lapse: at each filing anniversary after grant the right lapses with probability
   * 1 - exp(-m (a0 + a1 age)), age in years since grant, m by holder type. Hazards rise with age
   * because fees rise and the invention ages; universities and individuals keep fewer patents.
   */
  lapse: { a0: number; a1: number; mult: ByHolder };
  /** Probability that a lapse is undone by restoration (RR01) within months. */
  restore: number;
  /** Surrender (AV01) per year in force. */
  surrender: number;
  /** Full invalidation (IW01): probability, decided between 0.5 and 6 years after grant. */
  invalidation: number;
  /** Transfers per year in force, and the share of them that leave the region. */
  transfer: ByHolder;
  transferOut: ByHolder;
  /** Licences and pledges recorded per year in force. */
  licence: ByHolder;
  pledge: ByHolder;
  /** Share with two and with three holders. */
  coHolders: { two: number; three: number };
}

const h = (
  enterprise: number,
  university: number,
  institute: number,
  individual: number,
  organisation: number,
): ByHolder => ({ enterprise, university, institute, individual, organisation });

export const PATENT_PARAMS: Readonly<Record<PatentKind, PatentParams>> = {
  invention: {
    lag: { min: 1.5, span: 2.5, shape: 'min2' },
    holderMix: h(0.7, 0.18, 0.06, 0.05, 0.01),
    lapse: { a0: 0.035, a1: 0.011, mult: h(1, 1.6, 1.25, 2, 1.2) },
    restore: 0.04,
    surrender: 0.0015,
    invalidation: 0.002,
    transfer: h(0.022, 0.03, 0.02, 0.04, 0.01),
    transferOut: h(0.25, 0.15, 0.15, 0.2, 0.1),
    licence: h(0.004, 0.012, 0.008, 0.004, 0.002),
    pledge: h(0.012, 0, 0.001, 0.004, 0),
    coHolders: { two: 0.11, three: 0.03 },
  },
  utility_model: {
    lag: { min: 0.5, span: 0.5, shape: 'uniform' },
    holderMix: h(0.8, 0.06, 0.02, 0.11, 0.01),
    lapse: { a0: 0.07, a1: 0.025, mult: h(1, 1.5, 1.2, 1.6, 1.1) },
    restore: 0.02,
    surrender: 0.003,
    invalidation: 0.004,
    transfer: h(0.015, 0.02, 0.01, 0.03, 0.005),
    transferOut: h(0.2, 0.1, 0.1, 0.15, 0.1),
    licence: h(0.002, 0.004, 0.003, 0.002, 0.001),
    pledge: h(0.006, 0, 0, 0.002, 0),
    coHolders: { two: 0.07, three: 0.015 },
  },
  design: {
    lag: { min: 0.33, span: 0.34, shape: 'uniform' },
    holderMix: h(0.7, 0.02, 0.005, 0.27, 0.005),
    lapse: { a0: 0.12, a1: 0.03, mult: h(1, 1.5, 1.2, 1.4, 1.1) },
    restore: 0.02,
    surrender: 0.002,
    invalidation: 0.004,
    transfer: h(0.01, 0.01, 0.01, 0.02, 0.005),
    transferOut: h(0.2, 0.1, 0.1, 0.15, 0.1),
    licence: h(0.001, 0.002, 0.001, 0.001, 0),
    pledge: h(0.002, 0, 0, 0.001, 0),
    coHolders: { two: 0.04, three: 0.005 },
  },
};

export interface TrademarkParams {
  /** Filing-to-registration lag in years. */
  lag: { min: number; span: number };
  holderMix: ByHolder;
  /** Probability that the registrant renews at each 10-year term end. */
  renewal: ByHolder;
  /** Cancellation on request (TMCN) per year. */
  cancel: number;
  /** Revocation for three years' non-use (TMRV) per year, from the third year on. */
  revoke: number;
  revokeAfterYears: number;
  /** Invalidation (TMIV): probability, decided between 0.5 and 5 years after registration. */
  invalidation: number;
  transfer: ByHolder;
  transferOut: ByHolder;
  licence: ByHolder;
  pledge: ByHolder;
  coHolders: { two: number; three: number };
}

export const TRADEMARK_PARAMS: TrademarkParams = {
  lag: { min: 0.67, span: 0.5 },
  holderMix: h(0.72, 0.002, 0.001, 0.27, 0.007),
  renewal: h(0.55, 0.6, 0.6, 0.4, 0.7),
  cancel: 0.003,
  revoke: 0.004,
  revokeAfterYears: 3,
  invalidation: 0.003,
  transfer: h(0.015, 0.005, 0.005, 0.02, 0.005),
  transferOut: h(0.15, 0.1, 0.1, 0.12, 0.05),
  licence: h(0.004, 0.002, 0.002, 0.002, 0.004),
  pledge: h(0.002, 0, 0, 0.001, 0),
  coHolders: { two: 0.01, three: 0 },
};

/**
 * Pledges were rare before the 2010 pledge-registration rules and took off after the 2015
 * pledge-financing programme; a multiplier on the pledge rates by calendar year.
 */
export function pledgeYearFactor(year: number): number {
  if (year < 2010) return 0.15;
  if (year < 2016) return 0.5;
  return Math.min(2, 1 + 0.12 * (year - 2016));
}

/** The last day the data covers: nothing is granted, takes effect or is recorded after it. */
export const DATA_END = '2026-06-30';
/** The first grant month of the demo. */
export const DATA_START_YEAR = 2000;
