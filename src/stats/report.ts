import type { IsoDate, RightKind } from '../core/index.js';
import {
  citiesOf,
  getRegion,
  populationOfRegions,
  populationYearFor,
  resolveRegionSelector,
} from '../reference/index.js';
import type { Dimension, StatsEngine } from './engine.js';
import { type Figure, figures } from './figures.js';

/**
 * The regional report: the press-conference figures for a region and a date, each with what it
 * counts (in words), the data version it was computed on and the drill-down that lists its rights.
 */
export interface ReportFigure {
  label: { zh: string; en: string };
  value: number;
  previousYear: number | null;
  yoy: number | null;
  /** Per 10,000 population, where the figure is a count for a region with a population. */
  per10k?: number | null;
  definition: string;
  drill: string;
}

export interface ReportRow {
  code: string;
  name: { zh: string; en: string | null };
  inventions: number;
  inventionsYoy: number | null;
  per10k: number | null;
  trademarks: number;
  trademarksYoy: number | null;
}

export interface ReportSection<R> {
  title: { zh: string; en: string };
  definition: string;
  rows: R[];
}

export interface RegionalReport {
  region: string;
  regionCodes: string[];
  regionName: { zh: string; en: string };
  asOf: IsoDate;
  knownOn: IsoDate | null;
  dataVersion: string;
  generatedAt: string;
  population: { value: number; year: number; quality: string } | null;
  headline: ReportFigure[];
  provinces: ReportSection<ReportRow>;
  topCities: ReportSection<ReportRow>;
  pilotZones: ReportSection<ReportRow>;
  holderTypes: ReportSection<{
    holderType: string;
    label: { zh: string; en: string };
    value: number;
    share: number;
    yoy: number | null;
  }>;
  industries: ReportSection<{ industry: string; value: number; yoy: number | null; drill: string }>;
}

export const PILOT_ZONE_CITIES = ['340100', '410100', '420100', '430100'];

const KINDS: Array<{ kind: RightKind; zh: string; en: string }> = [
  { kind: 'invention', zh: '有效发明专利', en: 'valid invention patents' },
  { kind: 'trademark', zh: '有效注册商标', en: 'valid registered trademarks' },
  { kind: 'utility_model', zh: '有效实用新型专利', en: 'valid utility models' },
  { kind: 'design', zh: '有效外观设计专利', en: 'valid design patents' },
];

const HOLDER_LABELS: Record<string, { zh: string; en: string }> = {
  enterprise: { zh: '企业', en: 'enterprises' },
  university: { zh: '大专院校', en: 'universities' },
  institute: { zh: '科研单位', en: 'research institutes' },
  individual: { zh: '个人', en: 'individuals' },
  organisation: { zh: '机关团体', en: 'government bodies and organisations' },
  unknown: { zh: '未知', en: 'unknown' },
};

function counted(kind: string, asOf: IsoDate, knownOn: IsoDate | null, where: string): string {
  return `${kind} in force on ${asOf}${knownOn ? ` as recorded by ${knownOn}` : ''} whose first holder on that date is located in ${where}; year-on-year against the same date a year earlier`;
}

function drillCommand(asOf: IsoDate, knownOn: IsoDate | null, region: string, extra = ''): string {
  return `ipregion stats drill --region ${region} --as-of ${asOf}${knownOn ? ` --known-on ${knownOn}` : ''}${extra}`;
}

function per10k(value: number, codes: readonly string[], asOf: IsoDate): number | null {
  const pop = populationOfRegions(codes, populationYearFor(asOf));
  return pop && pop.value > 0 ? Math.round((value / pop.value) * 100) / 100 : null;
}

export interface ReportOptions {
  region: string;
  asOf: IsoDate;
  knownOn?: IsoDate | null;
}

export async function buildReport(engine: StatsEngine, o: ReportOptions): Promise<RegionalReport> {
  const codes = resolveRegionSelector(o.region);
  const knownOn = o.knownOn ?? null;
  const base = { date: o.asOf, knownOn, regions: codes };
  const by = async (groupBy: Dimension[], extra: Partial<Parameters<typeof figures>[1]> = {}) =>
    figures(engine, { ...base, groupBy, ...extra });

  const byKind = await by(['kind']);
  const kindFig = (k: RightKind): Figure | undefined => byKind.find((f) => f.group.kind === k);
  const name = regionNameOf(o.region, codes);
  const pop = populationOfRegions(codes, populationYearFor(o.asOf));
  const headline: ReportFigure[] = KINDS.map(({ kind, zh, en }) => {
    const f = kindFig(kind);
    return {
      label: { zh, en },
      value: f?.value ?? 0,
      previousYear: f?.previousYear ?? 0,
      yoy: f?.yoy ?? null,
      ...(kind === 'invention' ? { per10k: per10k(f?.value ?? 0, codes, o.asOf) } : {}),
      definition: counted(en, o.asOf, knownOn, name.en),
      drill: drillCommand(o.asOf, knownOn, o.region, ` --kind ${kind}`),
    };
  });

  const rowsFor = async (
    groupBy: 'province' | 'city',
    regionCodes: readonly string[],
  ): Promise<ReportRow[]> => {
    const inv = await figures(engine, {
      date: o.asOf,
      knownOn,
      regions: regionCodes,
      kinds: ['invention'],
      groupBy: [groupBy],
    });
    const tm = await figures(engine, {
      date: o.asOf,
      knownOn,
      regions: regionCodes,
      kinds: ['trademark'],
      groupBy: [groupBy],
    });
    const tmBy = new Map(tm.map((f) => [f.group[groupBy], f]));
    return inv
      .filter((f) => f.group[groupBy])
      .map((f) => {
        const code = f.group[groupBy]!;
        const r = getRegion(code);
        const t = tmBy.get(code);
        return {
          code,
          name: { zh: r?.nameZh ?? code, en: r?.nameEn ?? null },
          inventions: f.value,
          inventionsYoy: f.yoy,
          per10k: per10k(f.value, [code], o.asOf),
          trademarks: t?.value ?? 0,
          trademarksYoy: t?.yoy ?? null,
        };
      });
  };

  const provinceCodes = codes.filter((c) => c.length === 2);
  const provinces = (await rowsFor('province', codes)).filter(
    (r) => provinceCodes.length === 0 || provinceCodes.includes(r.code),
  );
  const cityCodes = codes.flatMap((c) => (c.length === 2 ? citiesOf(c).map((x) => x.code) : [c]));
  const topCities = (await rowsFor('city', codes)).filter((r) => cityCodes.includes(r.code)).slice(0, 10);
  const pilots = await rowsFor('city', PILOT_ZONE_CITIES);

  const holders = await by(['holderType'], { kinds: ['invention'] });
  const totalInventions = holders.reduce((s, f) => s + f.value, 0);
  const industries = await by(['industry'], { kinds: ['invention'], industry: '*' });

  return {
    region: o.region,
    regionCodes: codes,
    regionName: name,
    asOf: o.asOf,
    knownOn,
    dataVersion: await engine.version(),
    generatedAt: new Date().toISOString(),
    population: pop ? { value: pop.value, year: pop.year, quality: pop.quality } : null,
    headline,
    provinces: {
      title: { zh: '各省情况', en: 'By province' },
      definition: `${counted('valid invention patents and valid registered trademarks', o.asOf, knownOn, 'each province')}; per 10,000 resident population at the previous year-end`,
      rows: provinces,
    },
    topCities: {
      title: { zh: '有效发明专利前十城市', en: 'Top cities by valid invention patents' },
      definition: counted('valid invention patents', o.asOf, knownOn, 'each city'),
      rows: topCities,
    },
    pilotZones: {
      title: { zh: '国家知识产权保护示范区城市', en: 'IP protection pilot-zone cities' },
      definition: counted(
        'valid invention patents and trademarks',
        o.asOf,
        knownOn,
        'Hefei, Zhengzhou, Wuhan and Changsha',
      ),
      rows: PILOT_ZONE_CITIES.map((c) => pilots.find((r) => r.code === c)).filter(
        (r): r is ReportRow => r !== undefined,
      ),
    },
    holderTypes: {
      title: { zh: '有效发明专利权人类型', en: 'Valid invention patents by holder type' },
      definition: `${counted('valid invention patents', o.asOf, knownOn, name.en)}, by the type of the first holder`,
      rows: holders.map((f) => ({
        holderType: f.group.holderType ?? 'unknown',
        label: HOLDER_LABELS[f.group.holderType ?? 'unknown'] ?? { zh: '', en: '' },
        value: f.value,
        share: totalInventions ? f.value / totalInventions : 0,
        yoy: f.yoy,
      })),
    },
    industries: {
      title: { zh: '产业分布（有效发明专利）', en: 'Valid invention patents by industry' },
      definition: `${counted('valid invention patents', o.asOf, knownOn, name.en)}, in each industry whose IPC rules match the patent (a patent may count in several)`,
      rows: industries.map((f) => ({
        industry: f.group.industry ?? '',
        value: f.value,
        yoy: f.yoy,
        drill: drillCommand(o.asOf, knownOn, o.region, ` --kind invention --industry ${f.group.industry}`),
      })),
    },
  };
}

function regionNameOf(selector: string, codes: string[]): { zh: string; en: string } {
  if (selector.toLowerCase() === 'central') return { zh: '中部地区', en: 'the central region' };
  const names = codes.map((c) => getRegion(c));
  return {
    zh: names.map((r) => r?.nameZh ?? '').join('、'),
    en: names.map((r) => r?.nameEn ?? r?.nameZh ?? '').join(', '),
  };
}
