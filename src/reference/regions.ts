import { errors } from '../core/index.js';
import { shortPlaceName } from './place-names.js';
import { type RegionsFile, readRegionsFile } from './regions-file.js';

/**
 * China's administrative regions (GB/T 2260) as three levels: province (`34`), city (`340100`),
 * district (`340104`). See data/regions.json `notes` for how municipalities and the county-level
 * units administered directly by a province are placed (both as cities).
 */
export type RegionLevel = 'province' | 'city' | 'district';

export interface Region {
  code: string;
  level: RegionLevel;
  nameZh: string;
  /** Conventional English name for provinces, pinyin for cities; null for districts. */
  nameEn: string | null;
  parent: string | null;
}

/** Regions the product refers to by name. China's central region: Shanxi, Henan, Anhui, Hubei, Hunan, Jiangxi. */
export const NAMED_REGIONS = {
  central: ['14', '41', '34', '42', '43', '36'],
} as const satisfies Record<string, readonly string[]>;
export type NamedRegion = keyof typeof NAMED_REGIONS;

interface Index {
  source: RegionsFile['source'];
  all: readonly Region[];
  byCode: Map<string, Region>;
  children: Map<string, Region[]>;
  provinces: readonly Region[];
}

let index: Index | null = null;

function build(): Index {
  const file = readRegionsFile();
  const all: Region[] = [
    ...file.provinces.map(([code, nameZh, nameEn]) => ({
      code,
      level: 'province' as const,
      nameZh,
      nameEn,
      parent: null,
    })),
    ...file.cities.map(([code, parent, nameZh, nameEn]) => ({
      code,
      level: 'city' as const,
      nameZh,
      nameEn,
      parent,
    })),
    ...file.districts.map(([code, parent, nameZh]) => ({
      code,
      level: 'district' as const,
      nameZh,
      nameEn: null,
      parent,
    })),
  ].map((r) => Object.freeze(r));
  const byCode = new Map(all.map((r) => [r.code, r]));
  const children = new Map<string, Region[]>();
  for (const r of all) {
    if (r.parent === null) continue;
    const list = children.get(r.parent);
    if (list) list.push(r);
    else children.set(r.parent, [r]);
  }
  return { source: file.source, all, byCode, children, provinces: all.filter((r) => r.level === 'province') };
}

function idx(): Index {
  index ??= build();
  return index;
}

/** Where the region table came from (package, version, data date, extraction date). */
export function regionsSource(): RegionsFile['source'] {
  return idx().source;
}

/** Every region, provinces first, then cities, then districts, each by code. */
export function allRegions(): readonly Region[] {
  return idx().all;
}

/** The region with this code, or null. A six-digit province code (`340000`) is read as `34`. */
export function getRegion(code: string): Region | null {
  const c = code.trim();
  const key = /^\d{2}0000$/.test(c) ? c.slice(0, 2) : c;
  return idx().byCode.get(key) ?? null;
}

/** The region with this code; throws `not_found` when there is none. */
export function requireRegion(code: string): Region {
  const r = getRegion(code);
  if (!r) throw errors.notFound('region', code);
  return r;
}

export function provinces(): readonly Region[] {
  return idx().provinces;
}

/** The regions one level below `code` (cities of a province, districts of a city), by code. */
export function children(code: string): readonly Region[] {
  return idx().children.get(requireRegion(code).code) ?? [];
}

export function citiesOf(province: string): readonly Region[] {
  const r = requireRegion(province);
  if (r.level !== 'province') throw errors.invalidInput(`${province} is a ${r.level}, not a province`);
  return children(r.code);
}

/** The regions above `code`, the province first; empty for a province. */
export function ancestors(code: string): Region[] {
  const out: Region[] = [];
  let r = requireRegion(code);
  while (r.parent !== null) {
    r = requireRegion(r.parent);
    out.unshift(r);
  }
  return out;
}

function atLevel(code: string, level: RegionLevel): string | null {
  let r = getRegion(code);
  while (r && r.level !== level) r = r.parent === null ? null : getRegion(r.parent);
  return r?.code ?? null;
}

/** The province containing `code` (itself for a province); null for an unknown code. */
export function provinceOf(code: string): string | null {
  return atLevel(code, 'province');
}

/** The city containing `code` (itself for a city); null for a province or an unknown code. */
export function cityOf(code: string): string | null {
  return atLevel(code, 'city');
}

/** True when `code` is `ancestorCode` or lies inside it; false when either is unknown. */
export function regionContains(ancestorCode: string, code: string): boolean {
  const a = getRegion(ancestorCode);
  let r = getRegion(code);
  if (!a) return false;
  while (r) {
    if (r.code === a.code) return true;
    r = r.parent === null ? null : getRegion(r.parent);
  }
  return false;
}

/** The region's name in the language; districts have no English name and show their Chinese one. */
export function regionLabel(code: string, lang: 'zh' | 'en'): string {
  const r = requireRegion(code);
  return lang === 'en' ? (r.nameEn ?? r.nameZh) : r.nameZh;
}

/** Case, spaces, apostrophes and tone marks do not matter in a selector: `Ma'anshan` = `maanshan`. */
function nameKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s'’.\-_]/g, '');
}

const EXTRA_NAMES: Record<string, string[]> = { '54': ['Tibet'], '82': ['Macau'] };

let selectorNames: Map<string, string[]>[] | null = null;

/**
 * Name → codes in three tiers, searched in order, so that a province wins over a city of the same
 * name (吉林, Jilin, 北京) and a full city name over a short one.
 */
function buildSelectorNames(): Map<string, string[]>[] {
  const tiers = [new Map<string, string[]>(), new Map<string, string[]>(), new Map<string, string[]>()];
  const add = (tier: number, name: string | null, code: string) => {
    if (!name) return;
    for (const key of new Set([nameKey(name), nameKey(name.replace(/ü/g, 'v'))])) {
      const map = tiers[tier]!;
      const codes = map.get(key) ?? [];
      if (!codes.includes(code)) map.set(key, [...codes, code]);
    }
  };
  for (const r of allRegions()) {
    if (r.level === 'province') {
      for (const n of [r.nameZh, shortPlaceName(r.nameZh), r.nameEn, ...(EXTRA_NAMES[r.code] ?? [])]) {
        add(0, n, r.code);
      }
    } else if (r.level === 'city') {
      add(1, r.nameZh, r.code);
      add(2, shortPlaceName(r.nameZh), r.code);
      add(2, r.nameEn, r.code);
      add(2, r.nameEn?.replace(/ (Prefecture|League|County|Forestry District)$/, '') ?? null, r.code);
    }
  }
  return tiers;
}

/**
 * Codes named by a selector: a region code (`34`, `340100`), a named region (`central`), or the
 * Chinese or English name of a province or city (`安徽`, `合肥市`, `Hefei`). Throws `invalid_input`
 * saying what was wrong when nothing, or more than one place, fits.
 */
export function resolveRegionSelector(selector: string): string[] {
  const s = selector.trim();
  if (!s) throw errors.invalidInput('the region selector is empty');
  if (/^\d+$/.test(s)) {
    const r = getRegion(s);
    if (!r) throw errors.invalidInput(`no region has the code ${s}`, { selector });
    return [r.code];
  }
  const named = Object.entries(NAMED_REGIONS).find(([name]) => name === s.toLowerCase());
  if (named) return [...named[1]];
  selectorNames ??= buildSelectorNames();
  const key = nameKey(s);
  for (const tier of selectorNames) {
    const codes = tier.get(key);
    if (!codes) continue;
    if (codes.length === 1) return [...codes];
    const which = codes.map((c) => `${c} ${regionLabel(c, 'zh')}`).join(', ');
    throw errors.invalidInput(`"${s}" names more than one region (${which}): use a code`, {
      selector,
      codes,
    });
  }
  throw errors.invalidInput(
    `"${s}" is not a region code, a named region (${Object.keys(NAMED_REGIONS).join(', ')}) or the name of a province or city`,
    { selector },
  );
}
