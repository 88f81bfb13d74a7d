import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { IsoDate, RightKind } from '../core/index.js';

/**
 * What the demo is calibrated to. The invention and trademark figures are the published ones, read
 * from the reference file; utility models and designs have no published regional figure, so they
 * follow from the invention figure by the national ratios below.
 */
const FACTS_FILE = new URL('../reference/data/central-region-2024.json', import.meta.url);

const factsSchema = z.object({
  asOf: z.string(),
  provinces: z.array(
    z.object({ code: z.string(), nameZh: z.string(), population10k: z.record(z.string(), z.number()) }),
  ),
  pressConference2024H1: z.object({
    validInventionPatents: z.object({ value: z.number().positive(), yoy: z.number() }),
    validRegisteredTrademarks: z.object({ value: z.number().positive(), yoy: z.number() }),
  }),
  provincialDataPoints: z.array(
    z.object({
      province: z.string().optional(),
      city: z.string().optional(),
      date: z.string(),
      validInventionPatents: z.number().optional(),
      validTrademarks: z.number().optional(),
    }),
  ),
});
export type CentralRegionFacts = z.infer<typeof factsSchema>;

let facts: CentralRegionFacts | null = null;

/** The reference file's facts, checked against the fields the demo reads (the file has more). */
export function centralRegionFacts(): CentralRegionFacts {
  facts ??= factsSchema.parse(JSON.parse(readFileSync(FACTS_FILE, 'utf8')));
  return facts;
}

/**
 * Valid utility models and designs per valid invention. CNIPA's "国内外有效专利统计表" for October
 * 2023 gives, for domestic holders, 3,970,872 valid inventions, 11,869,975 utility models (2.99×) and
 * 3,039,546 designs (0.77×). The central provinces file fewer designs than Zhejiang and Guangdong,
 * which dominate the national design count, and a little more in utility models relative to their
 * smaller invention base; hence 2.6× and 0.6× (the brief's bands: 2–3× and 0.5–0.8×).
 */
export const RATIO_TO_INVENTIONS = { utility_model: 2.6, design: 0.6 } as const;
/**
 * Year-on-year growth of the valid stock assumed for utility models and designs: national utility
 * model and design grants peaked in 2021 and fell since, so their stock grows more slowly than the
 * invention stock.
 */
export const ASSUMED_YOY = { utility_model: 0.09, design: 0.07 } as const;

export interface KindTarget {
  /** Valid rights with the first holder in the region on `asOf`. */
  value: number;
  /** Growth on the same date a year earlier. */
  yoy: number;
  asOf: IsoDate;
}

export function kindTargets(): Record<RightKind, KindTarget> {
  const f = centralRegionFacts();
  const inv = f.pressConference2024H1.validInventionPatents;
  const tm = f.pressConference2024H1.validRegisteredTrademarks;
  return {
    invention: { value: inv.value, yoy: inv.yoy, asOf: f.asOf },
    utility_model: {
      value: inv.value * RATIO_TO_INVENTIONS.utility_model,
      yoy: ASSUMED_YOY.utility_model,
      asOf: f.asOf,
    },
    design: { value: inv.value * RATIO_TO_INVENTIONS.design, yoy: ASSUMED_YOY.design, asOf: f.asOf },
    trademark: { value: tm.value, yoy: tm.yoy, asOf: f.asOf },
  };
}
