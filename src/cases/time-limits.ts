import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { RightKind } from '../core/index.js';
import type { CaseType } from './types.js';

/**
 * The time limits of each case type. The published figures come from the reference file
 * (`serviceTimeLimits` in central-region-2024.json); where nothing is published, the limit is an
 * ipregion default, marked as such. How units are counted:
 *
 * - `working_days`: official working days (the State Council schedule), counting from the day
 *   after the clock starts.
 * - `days`: calendar days from the day after; a period that ends on a day off ends on the next
 *   working day, as Chinese procedure counts periods.
 * - `months`: to the same day of the month n months later (the month's last day when it has no
 *   such day), moved to the next working day if it is a day off. When the clock starts, that span
 *   is converted into the number of working days it holds, so that a stopped clock and extensions
 *   work in working days exactly as for the other limits.
 *
 * The clock of a limit runs in its `runs` states, stops (and waits) in its `pauses` states, and is
 * done once the case reaches any other state after it started.
 */

export type LimitId = 'intake' | 'handling' | 'filing';
export type LimitUnit = 'working_days' | 'days' | 'months';

export interface TimeLimit {
  id: LimitId;
  /** Who must act before the limit: the center, or the applicant. */
  party: 'center' | 'applicant';
  amount: number;
  unit: LimitUnit;
  runs: readonly string[];
  pauses: readonly string[];
  source: 'central-region-2024' | 'ipregion-default';
}

/** What a rights-protection case is about: a patent kind, a trademark, or patent counterfeiting (假冒专利). */
export type CaseMatter = RightKind | 'counterfeit';

const FACTS_FILE = new URL('../reference/data/central-region-2024.json', import.meta.url);

const months = z
  .string()
  .regex(/^\d+ months?$/, 'expected "<n> month(s)"')
  .transform((s) => Number.parseInt(s, 10));

const limitsSchema = z.object({
  serviceTimeLimits: z.object({
    preExaminationWorkingDays: z.number().int().positive(),
    fileWithCnipaAfterPassDays: z.number().int().positive(),
    infringementCaseCounterfeitOrDesignDays: z.number().int().positive(),
    infringementCaseInventionOrUtilityModel: months,
    ecommerceComplaintReviewWorkingDays: z.number().int().positive(),
  }),
});
type Published = z.infer<typeof limitsSchema>['serviceTimeLimits'];

let published: Published | null = null;

function publishedLimits(): Published {
  published ??= limitsSchema.parse(JSON.parse(readFileSync(FACTS_FILE, 'utf8'))).serviceTimeLimits;
  return published;
}

/**
 * ipregion's defaults where no figure is published. The intake limit follows the 5 working days
 * within which a patent administration must decide whether to accept an infringement request
 * (专利行政执法办法).
 */
export const DEFAULT_LIMITS = {
  intakeWorkingDays: 5,
  trademarkInfringementMonths: 1,
  mediationMonths: 1,
  overseasGuidanceWorkingDays: 15,
  consultationWorkingDays: 5,
} as const;

const WAITING = ['awaiting_applicant'] as const;

function intake(): TimeLimit {
  return {
    id: 'intake',
    party: 'center',
    amount: DEFAULT_LIMITS.intakeWorkingDays,
    unit: 'working_days',
    runs: ['submitted'],
    pauses: [],
    source: 'ipregion-default',
  };
}

function rightsProtectionHandling(matter: CaseMatter | undefined, p: Published): TimeLimit {
  const base = {
    id: 'handling',
    party: 'center',
    runs: ['accepted', 'investigating'],
    pauses: WAITING,
  } as const;
  if (matter === 'design' || matter === 'counterfeit') {
    return {
      ...base,
      amount: p.infringementCaseCounterfeitOrDesignDays,
      unit: 'working_days',
      source: 'central-region-2024',
    };
  }
  if (matter === 'trademark') {
    return {
      ...base,
      amount: DEFAULT_LIMITS.trademarkInfringementMonths,
      unit: 'months',
      source: 'ipregion-default',
    };
  }
  // An invention or a utility model; a case whose matter is not known yet gets the longer limit.
  return {
    ...base,
    amount: p.infringementCaseInventionOrUtilityModel,
    unit: 'months',
    source: 'central-region-2024',
  };
}

/** The limits that apply to a case of `type` (about `matter`, for rights protection). */
export function timeLimitsFor(type: CaseType, matter?: CaseMatter): TimeLimit[] {
  const p = publishedLimits();
  switch (type) {
    case 'pre_examination':
      return [
        {
          id: 'handling',
          party: 'center',
          amount: p.preExaminationWorkingDays,
          unit: 'working_days',
          runs: ['submitted', 'accepted', 'under_examination'],
          pauses: WAITING,
          source: 'central-region-2024',
        },
        {
          id: 'filing',
          party: 'applicant',
          amount: p.fileWithCnipaAfterPassDays,
          unit: 'days',
          runs: ['passed'],
          pauses: [],
          source: 'central-region-2024',
        },
      ];
    case 'rights_protection':
      return [intake(), rightsProtectionHandling(matter, p)];
    case 'mediation':
      return [
        intake(),
        {
          id: 'handling',
          party: 'center',
          amount: DEFAULT_LIMITS.mediationMonths,
          unit: 'months',
          runs: ['accepted', 'scheduled', 'mediating'],
          pauses: [],
          source: 'ipregion-default',
        },
      ];
    case 'ecommerce_takedown':
      return [
        {
          id: 'handling',
          party: 'center',
          amount: p.ecommerceComplaintReviewWorkingDays,
          unit: 'working_days',
          runs: ['submitted', 'reviewing'],
          pauses: WAITING,
          source: 'central-region-2024',
        },
      ];
    case 'overseas_guidance':
      return [
        intake(),
        {
          id: 'handling',
          party: 'center',
          amount: DEFAULT_LIMITS.overseasGuidanceWorkingDays,
          unit: 'working_days',
          runs: ['advising'],
          pauses: WAITING,
          source: 'ipregion-default',
        },
      ];
    case 'consultation':
      return [
        {
          id: 'handling',
          party: 'center',
          amount: DEFAULT_LIMITS.consultationWorkingDays,
          unit: 'working_days',
          runs: ['submitted', 'in_progress'],
          pauses: WAITING,
          source: 'ipregion-default',
        },
      ];
  }
}
