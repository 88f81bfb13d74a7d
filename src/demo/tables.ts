import { RIGHT_KINDS, type RightKind } from '../core/index.js';
import { cityLeanings, parseLeanings } from './city-fields.js';
import { FIELDS } from './fields.js';
import { TRADE_GROUPS, tradeGroupOf } from './holders.js';
import { INSTITUTES, type Institution, UNIVERSITIES } from './institutions.js';
import { NICE_TABLE } from './marks.js';
import {
  type ByHolder,
  DEMO_HOLDER_TYPES,
  type DemoHolderType,
  PATENT_PARAMS,
  TRADEMARK_PARAMS,
} from './params.js';
import { type City, geography } from './places.js';
import { PROVINCE_SHARES } from './places-data.js';
import { Weighted } from './random.js';

/**
 * The sampling tables of one kind, built once per run: province, holder type, city (for holders
 * other than universities and institutes, whose city is their campus), field by city and by
 * institution, and how many distinct holders each pool has at the run's scale.
 */
export interface KindTables {
  kind: RightKind;
  holderType: Weighted<DemoHolderType>;
  province: Weighted<string>;
  /** City of a firm, person or organisation, by province. */
  city: ReadonlyMap<string, Weighted<City>>;
  /** Field by city index (patents). */
  field: readonly Weighted<number>[];
  /** Field by institution name (patents). */
  institutionField: ReadonlyMap<string, Weighted<number>>;
}

/** Average rights per holder, which sets the pool sizes: firms hold several, people one or two. */
const RIGHTS_PER = { patentFirm: 6, markFirm: 3, individual: 1.3 } as const;

function mixOf(kind: RightKind): ByHolder {
  return kind === 'trademark' ? TRADEMARK_PARAMS.holderMix : PATENT_PARAMS[kind].holderMix;
}

/** The kind's overall weight of a city, before institutions are taken out. */
function cityTarget(kind: RightKind, c: City): number {
  if (kind === 'invention') return c.patents;
  if (kind === 'utility_model') return Math.sqrt(c.patents * c.marks);
  if (kind === 'design') return c.marks * c.design;
  return c.marks;
}

function normalise(xs: number[]): number[] {
  const s = xs.reduce((a, b) => a + b, 0);
  return xs.map((x) => x / s);
}

/**
 * City weights for firms, people and organisations: the city's overall share less what its
 * universities and institutes already bring, so that a capital's overall share stays the table's.
 */
function otherCityWeights(kind: RightKind, province: string, cities: readonly City[]): number[] {
  const mix = mixOf(kind);
  const target = normalise(cities.map((c) => cityTarget(kind, c)));
  const inst = cities.map(() => 0);
  const addInstitutions = (list: readonly Institution[], share: number) => {
    const total = list.reduce((a, i) => a + i.weight, 0);
    for (const i of list) {
      const k = cities.findIndex((c) => c.code === `${i.district.slice(0, 4)}00`);
      if (k >= 0) inst[k]! += (share * i.weight) / total;
    }
  };
  addInstitutions(UNIVERSITIES[province] ?? [], mix.university);
  addInstitutions(INSTITUTES[province] ?? [], mix.institute);
  return target.map((t, i) => Math.max(0.25 * t, t - inst[i]!));
}

function fieldWeights(kind: RightKind, leanings: Map<string, number>): number[] {
  if (kind === 'trademark') return FIELDS.map(() => 1);
  return FIELDS.map((f) => {
    if (kind === 'design' && f.designs.length === 0) return 0;
    return f.weights[kind] * (leanings.get(f.id) ?? 1);
  });
}

export function kindTables(kind: RightKind): KindTables {
  const geo = geography();
  const mix = mixOf(kind);
  const city = new Map<string, Weighted<City>>();
  for (const p of geo.provinces) {
    const cities = geo.citiesOf.get(p) ?? [];
    city.set(p, new Weighted(cities, otherCityWeights(kind, p, cities)));
  }
  const institutionField = new Map<string, Weighted<number>>();
  for (const list of [...Object.values(UNIVERSITIES), ...Object.values(INSTITUTES)]) {
    for (const i of list) {
      institutionField.set(
        i.name,
        new Weighted(
          FIELDS.map((_, k) => k),
          fieldWeights(kind, parseLeanings(i.profile)),
        ),
      );
    }
  }
  const shares = PROVINCE_SHARES[kind];
  return {
    kind,
    holderType: new Weighted(
      DEMO_HOLDER_TYPES,
      DEMO_HOLDER_TYPES.map((h) => mix[h]),
    ),
    province: new Weighted(
      geo.provinces,
      geo.provinces.map((p) => shares[p] ?? 0),
    ),
    city,
    field: geo.cities.map(
      (c) =>
        new Weighted(
          FIELDS.map((_, k) => k),
          fieldWeights(kind, cityLeanings(c.code)),
        ),
    ),
    institutionField,
  };
}

/** How many distinct holders each pool has, from the expected number of rights it receives. */
export interface PoolSizes {
  patentFirm(city: City, field: number): number;
  markFirm(city: City, group: number): number;
  individual(city: City): number;
}

/** `totals`: expected rights per kind over the whole run at the run's scale. */
export function poolSizes(
  tables: Record<RightKind, KindTables>,
  totals: Record<RightKind, number>,
): PoolSizes {
  const geo = geography();
  const nCities = geo.cities.length;
  const patentFirm = new Float64Array(nCities * FIELDS.length);
  const markFirm = new Float64Array(nCities * TRADE_GROUPS);
  const individual = new Float64Array(nCities);
  const groupShare = new Float64Array(TRADE_GROUPS);
  NICE_TABLE.items.forEach((c, i) => {
    groupShare[tradeGroupOf(c)]! += NICE_TABLE.share(i);
  });
  for (const kind of RIGHT_KINDS) {
    const t = tables[kind];
    const mix = mixOf(kind);
    const others = mix.enterprise + mix.individual + mix.organisation;
    geo.provinces.forEach((p, pi) => {
      const cityTable = t.city.get(p)!;
      cityTable.items.forEach((c, ci) => {
        const rights = totals[kind] * t.province.share(pi) * others * cityTable.share(ci);
        individual[c.index]! += (rights * mix.individual) / others;
        const firms = (rights * mix.enterprise) / others;
        if (kind === 'trademark') {
          for (let g = 0; g < TRADE_GROUPS; g++)
            markFirm[c.index * TRADE_GROUPS + g]! += firms * groupShare[g]!;
        } else {
          const ft = t.field[c.index]!;
          for (let f = 0; f < FIELDS.length; f++)
            patentFirm[c.index * FIELDS.length + f]! += firms * ft.share(f);
        }
      });
    });
  }
  const size = (x: number, per: number, min: number) => Math.max(min, Math.ceil(x / per));
  return {
    patentFirm: (c, f) => size(patentFirm[c.index * FIELDS.length + f]!, RIGHTS_PER.patentFirm, 3),
    markFirm: (c, g) => size(markFirm[c.index * TRADE_GROUPS + g]!, RIGHTS_PER.markFirm, 3),
    individual: (c) => size(individual[c.index]!, RIGHTS_PER.individual, 5),
  };
}
