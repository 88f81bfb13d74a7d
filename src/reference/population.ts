import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { errors, type IsoDate, isIsoDate } from '../core/index.js';
import { getRegion, regionContains } from './regions.js';

/**
 * Year-end resident population (常住人口, in 10,000 persons) of the six central provinces and of
 * their prefecture-level cities and province-administered county-level units, 2022–2024: the
 * denominator of density figures such as invention patents per 10,000 population
 * (每万人口发明专利拥有量). `data/population.json` names the source of every value; `estimate`
 * values say in their source how they were derived. Districts have no figures.
 */
export type PopulationQuality = 'published' | 'estimate';

export interface PopulationFigure {
  /** The province (`42`) or city (`420100`) the figure is for. */
  code: string;
  /** The year whose year-end (31 December) the figure describes: the latest on or before the year asked. */
  year: number;
  /** 10,000 persons. */
  value: number;
  source: string;
  quality: PopulationQuality;
}

/** A sum over several regions; `year` is the oldest year-end among the parts. */
export interface RegionsPopulation {
  value: number;
  year: number;
  /** `estimate` as soon as one part is. */
  quality: PopulationQuality;
  parts: readonly PopulationFigure[];
}

const FILE = new URL('./data/population.json', import.meta.url);

const fileSchema = z.object({
  about: z.string(),
  unit: z.string(),
  notes: z.array(z.string()),
  entries: z.array(
    z.object({
      code: z.string().regex(/^\d{2}(\d{4})?$/),
      year: z.number().int(),
      value: z.number().positive(),
      source: z.string().min(1),
      quality: z.enum(['published', 'estimate']),
    }),
  ),
});

/** Region code → its figures, newest year first. */
let table: Map<string, PopulationFigure[]> | null = null;

function load(): Map<string, PopulationFigure[]> {
  const file = fileSchema.parse(JSON.parse(readFileSync(FILE, 'utf8')));
  const byCode = new Map<string, PopulationFigure[]>();
  for (const e of file.entries) {
    const list = byCode.get(e.code) ?? [];
    // A second figure for the same region and year means the file was edited by hand wrongly.
    if (list.some((f) => f.year === e.year)) throw new Error(`population.json: ${e.code} ${e.year} twice`);
    list.push(Object.freeze({ ...e }));
    byCode.set(e.code, list);
  }
  for (const list of byCode.values()) list.sort((a, b) => b.year - a.year);
  return byCode;
}

function figures(code: string): readonly PopulationFigure[] {
  table ??= load();
  const r = getRegion(code);
  if (!r || r.level === 'district') return [];
  return table.get(r.code) ?? [];
}

/**
 * The population of a province or city at the end of `year`, or, when that year has no figure, at
 * the latest earlier year-end that has one (the result's `year` says which). Null for districts,
 * for regions outside the table and for years before its first figure.
 */
export function populationOf(code: string, year: number): PopulationFigure | null {
  if (!Number.isInteger(year)) throw errors.invalidInput(`${year} is not a year`, { year });
  return figures(code).find((f) => f.year <= year) ?? null;
}

/**
 * The year-end whose population applies to a figure as of `date`: the latest year-end on or before
 * it, so 2024-06-30 → 2023 and 2024-12-31 → 2024. This is how the offices compute densities: the
 * Zhengzhou (2023-06-30) and Hunan (2025-07-31) per-10,000 figures of central-region-2024.json
 * divide by the previous year-end, year-end densities by the same year-end. Publication dates
 * (February to April, yearbooks later) are not modelled: a figure for early in a year may use a
 * year-end published only after that date.
 */
export function populationYearFor(date: IsoDate): number {
  if (!isIsoDate(date)) throw errors.invalidInput(`${date} is not a date (YYYY-MM-DD)`, { date });
  const year = Number(date.slice(0, 4));
  return date.endsWith('-12-31') ? year : year - 1;
}

/** The population to divide by for a figure as of `date` (see `populationYearFor`), with fallback. */
export function populationOn(code: string, date: IsoDate): PopulationFigure | null {
  return populationOf(code, populationYearFor(date));
}

/**
 * The summed population of several regions (a named region such as `central`), each with the
 * fallback of `populationOf`. Null when one of them has no figure; throws `invalid_input` when one
 * region lies inside another, as it would be counted twice.
 */
export function populationOfRegions(codes: readonly string[], year: number): RegionsPopulation | null {
  for (const [i, a] of codes.entries()) {
    const inside = codes.find((b, j) => j !== i && regionContains(b, a));
    if (inside !== undefined) {
      throw errors.invalidInput(`${a} lies inside ${inside}: it would be counted twice`, { codes });
    }
  }
  const parts: PopulationFigure[] = [];
  for (const code of codes) {
    const f = populationOf(code, year);
    if (!f) return null;
    parts.push(f);
  }
  if (parts.length === 0) return null;
  return {
    // Values carry two decimals; rounding the sum keeps floating-point noise out of reports.
    value: Math.round(parts.reduce((sum, f) => sum + f.value, 0) * 100) / 100,
    year: Math.min(...parts.map((f) => f.year)),
    quality: parts.every((f) => f.quality === 'published') ? 'published' : 'estimate',
    parts,
  };
}
