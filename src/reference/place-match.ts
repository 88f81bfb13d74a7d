import { shortPlaceName } from './place-names.js';
import { allRegions, getRegion, provinceOf } from './regions.js';

/**
 * Finds the region a Chinese address or organisation name points to, by the names of provinces,
 * cities and districts, full (合肥市) or short (合肥). Precision comes before recall: a short name
 * counts only where a place is expected (the start of an address, right after the larger place),
 * never before 市/省 or a word that makes it a street (合肥路, 肥西路), and two places that
 * disagree give nothing.
 */
export interface PlaceHit {
  code: string;
  level: 'province' | 'city' | 'district';
}

interface Alias {
  codes: string[];
  /** A short name: trusted only where it cannot be part of a longer word. */
  short: boolean;
}
type Aliases = Map<string, Alias>;

interface PlaceIndex {
  provinces: Aliases;
  /** Cities of the whole country, for a text that starts with one (short names that are a province's excluded). */
  cities: Aliases;
  citiesIn: Map<string, Aliases>;
  districtsIn: Map<string, Aliases>;
  /** Full names of the districts of each province, for an address that skips its city (河南省巩义市). */
  districtsOfProvince: Map<string, Aliases>;
}

/** Short city names that are ordinary words or famous in other senses (中山大学, 东方电气, 阿里巴巴). */
const NOT_A_CITY_IN_NAMES = new Set(
  '中山 东方 大同 安康 新星 双河 白沙 文昌 阿里 大理 来宾 朝阳 中卫 玉树 万宁 昆玉 北屯'.split(' '),
);

/** What may not follow a short name: the full name would have matched, or it is a street. */
const NOT_AFTER_SHORT = /^(?:市|省|路|街|大道|道|巷|弄|号)/;
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);
const MAX_NAME = 16;

let index: PlaceIndex | null = null;

function add(map: Aliases, name: string | null, code: string, short: boolean): void {
  if (!name) return;
  const a = map.get(name);
  if (!a) map.set(name, { codes: [code], short });
  else if (!a.codes.includes(code)) a.codes.push(code);
}

function within(map: Map<string, Aliases>, key: string): Aliases {
  let m = map.get(key);
  if (!m) {
    m = new Map();
    map.set(key, m);
  }
  return m;
}

function build(): PlaceIndex {
  const ix: PlaceIndex = {
    provinces: new Map(),
    cities: new Map(),
    citiesIn: new Map(),
    districtsIn: new Map(),
    districtsOfProvince: new Map(),
  };
  const provinceShort = new Set<string>();
  for (const r of allRegions()) {
    if (r.level !== 'province') continue;
    add(ix.provinces, r.nameZh, r.code, false);
    const short = shortPlaceName(r.nameZh);
    add(ix.provinces, short, r.code, true);
    if (short) provinceShort.add(short);
  }
  for (const r of allRegions()) {
    if (r.level === 'city' && r.parent && !MUNICIPALITIES.has(r.parent)) {
      const short = shortPlaceName(r.nameZh);
      add(ix.cities, r.nameZh, r.code, false);
      if (short && !provinceShort.has(short)) add(ix.cities, short, r.code, true);
      add(within(ix.citiesIn, r.parent), r.nameZh, r.code, false);
      add(within(ix.citiesIn, r.parent), short, r.code, true);
    } else if (r.level === 'district' && r.parent) {
      const province = r.code.slice(0, 2);
      // Development zones (<city>7x) have long descriptive names without a usable short form.
      const zone = /^7\d$/.test(r.code.slice(4));
      add(within(ix.districtsIn, r.parent), r.nameZh, r.code, false);
      if (!zone) add(within(ix.districtsIn, r.parent), shortPlaceName(r.nameZh), r.code, true);
      add(within(ix.districtsOfProvince, province), r.nameZh, r.code, false);
    }
  }
  return ix;
}

function places(): PlaceIndex {
  index ??= build();
  return index;
}

interface Found {
  codes: string[];
  end: number;
}

interface MatchOptions {
  /** Names not to take (short names that are ordinary words in organisation names). */
  skip?: Set<string>;
  /** Full names only, for places found away from where a place is expected. */
  fullOnly?: boolean;
}

/** The longest name of `aliases` that starts at `pos`. */
function longestAt(
  s: string,
  pos: number,
  aliases: Aliases | undefined,
  opts: MatchOptions = {},
): Found | null {
  if (!aliases) return null;
  for (let len = Math.min(MAX_NAME, s.length - pos); len >= 2; len--) {
    const name = s.slice(pos, pos + len);
    const a = aliases.get(name);
    if (!a || opts.skip?.has(name)) continue;
    if (a.short && (opts.fullOnly || NOT_AFTER_SHORT.test(s.slice(pos + len)))) continue;
    return { codes: a.codes, end: pos + len };
  }
  return null;
}

/** The first full (not short) name of `aliases` at or after `from`. */
function firstFull(s: string, from: number, aliases: Aliases | undefined): Found | null {
  if (!aliases) return null;
  for (let pos = from; pos < s.length; pos++) {
    const f = longestAt(s, pos, aliases, { fullOnly: true });
    if (f) return f;
  }
  return null;
}

function only(f: Found | null): string | null {
  return f && f.codes.length === 1 ? (f.codes[0] ?? null) : null;
}

/** Cities and districts below a city found at `pos`; the city itself when nothing finer is named. */
function below(s: string, city: string, pos: number): PlaceHit {
  const ix = places();
  const districts = ix.districtsIn.get(city);
  const d = only(longestAt(s, pos, districts) ?? firstFull(s, pos, districts));
  return d ? { code: d, level: 'district' } : { code: city, level: 'city' };
}

/** Inside a province found at `pos`: its city (and district), or a district named without its city. */
function belowProvince(s: string, province: string, pos: number): PlaceHit {
  const ix = places();
  if (MUNICIPALITIES.has(province)) return below(s, `${province}0100`, pos);
  const cities = ix.citiesIn.get(province);
  const c = longestAt(s, pos, cities) ?? firstFull(s, pos, cities);
  const city = only(c);
  if (c && city) return below(s, city, c.end);
  const d = only(firstFull(s, pos, ix.districtsOfProvince.get(province)));
  return d ? { code: d, level: 'district' } : { code: province, level: 'province' };
}

function clean(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^[\d,.、:;-]+/, '')
    .replace(/^(中华人民共和国|中国)/, '');
}

/** The region a postal address names, as finely as it names it; null when it names none for sure. */
export function placeFromAddress(address: string): PlaceHit | null {
  const s = clean(address);
  const ix = places();
  const p = longestAt(s, 0, ix.provinces);
  const c = longestAt(s, 0, ix.cities);
  if (c && (!p || c.end > p.end)) {
    const city = only(c);
    return city ? below(s, city, c.end) : null;
  }
  const province = only(p);
  if (p && province) return belowProvince(s, province, p.end);
  // Nothing at the start: trust a full city name elsewhere only if it is the only one.
  const named = new Set<string>();
  let after = 0;
  for (let pos = 0; pos < s.length; pos++) {
    const f = longestAt(s, pos, ix.cities, { fullOnly: true });
    const code = only(f);
    if (f && code) {
      named.add(code);
      after = f.end;
    }
  }
  const [city] = named;
  return named.size === 1 && city ? below(s, city, after) : null;
}

const NATIONAL_PREFIX = /^(?:中国科学院|中国人民解放军|中华人民共和国|国家电网|中国|中华|国网|国家)/;
/** After these words a sub-unit may name its own place: 清华大学合肥公共安全研究院, …有限公司长沙分公司. */
const UNIT_WORDS = /公司|集团|大学|学院|研究院|研究所|\(/g;

/**
 * The city or province an organisation's name places it in (合肥XX科技有限公司, 安徽江淮汽车…,
 * 联宝(合肥)电子…). Only cities and provinces are read from names, not districts, and only at the
 * start, after a parenthesis or after a unit word; null when none or when two disagree.
 */
export function placeFromName(name: string): PlaceHit | null {
  const s = name.normalize('NFKC').replace(/\s+/g, '');
  const ix = places();
  const starts = [NATIONAL_PREFIX.exec(s)?.[0].length ?? 0];
  for (const m of s.matchAll(UNIT_WORDS)) starts.push(m.index + m[0].length);
  const hits: PlaceHit[] = [];
  for (const pos of starts) {
    const p = longestAt(s, pos, ix.provinces);
    const c = longestAt(s, pos, ix.cities, { skip: NOT_A_CITY_IN_NAMES });
    const city = only(c);
    if (c && city && (!p || c.end > p.end)) {
      hits.push({ code: city, level: 'city' });
      continue;
    }
    const province = only(p);
    if (!p || !province) continue;
    if (MUNICIPALITIES.has(province)) {
      hits.push({ code: `${province}0100`, level: 'city' });
      continue;
    }
    const inner = only(longestAt(s, p.end, ix.citiesIn.get(province), { skip: NOT_A_CITY_IN_NAMES }));
    hits.push(inner ? { code: inner, level: 'city' } : { code: province, level: 'province' });
  }
  return agree(hits);
}

/** One place from several hits: the finest, provided every other hit contains it. */
function agree(hits: PlaceHit[]): PlaceHit | null {
  const cities = new Set(hits.filter((h) => h.level === 'city').map((h) => h.code));
  const provinceCodes = new Set(hits.map((h) => (h.level === 'province' ? h.code : provinceOf(h.code))));
  if (cities.size > 1 || provinceCodes.size > 1) return null;
  const [city] = cities;
  if (city) return { code: city, level: 'city' };
  const [province] = provinceCodes;
  return province && getRegion(province) ? { code: province, level: 'province' } : null;
}
