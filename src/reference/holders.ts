import type { RegionSource } from '../core/index.js';
import { classifyHolderType } from './holder-type.js';
import { KNOWN_HOLDER_CITIES } from './known-holders.js';
import { type PlaceHit, placeFromAddress, placeFromName } from './place-match.js';
import { getRegion } from './regions.js';

export { classifyHolderType } from './holder-type.js';

export interface HolderRegion {
  regionCode: string | null;
  confidence: number;
  source: RegionSource;
}

export interface HolderRegionInput {
  name: string;
  address: string | null;
  /** WIPO ST.3 code; null when the record does not say. */
  country: string | null;
  /** A region code the record gives, if any: it is taken as is when it is a known code. */
  regionCode?: string | null;
}

/**
 * How much each way of placing a holder is trusted. A province read from an address is certain
 * about the province but says less than a city, hence between a city and a known name.
 */
export const REGION_CONFIDENCE = {
  record: 1,
  addressDistrict: 0.95,
  addressCity: 0.9,
  addressProvince: 0.85,
  knownName: 0.9,
  cityInName: 0.7,
  provinceInName: 0.6,
} as const;

const UNKNOWN: HolderRegion = { regionCode: null, confidence: 0, source: 'unknown' };

/** ST.3 codes of the Chinese regions that patent offices report as countries of their own. */
const COUNTRY_REGIONS: Record<string, string> = { HK: '81', MO: '82', TW: '71' };

const HAN = /\p{Script=Han}/u;

/** The Chinese Academy of Sciences names its institutes after their seat (中国科学院武汉病毒研究所). */
const SEAT_IN_NAME = /^中国科学院/;

function fromAddress(address: string): HolderRegion | null {
  const hit = placeFromAddress(address);
  if (!hit) return null;
  const confidence =
    hit.level === 'district'
      ? REGION_CONFIDENCE.addressDistrict
      : hit.level === 'city'
        ? REGION_CONFIDENCE.addressCity
        : REGION_CONFIDENCE.addressProvince;
  return { regionCode: hit.code, confidence, source: 'address' };
}

function named(hit: PlaceHit, seatInName: boolean): HolderRegion {
  if (hit.level === 'province')
    return { regionCode: hit.code, confidence: REGION_CONFIDENCE.provinceInName, source: 'name' };
  const confidence = seatInName ? REGION_CONFIDENCE.knownName : REGION_CONFIDENCE.cityInName;
  return { regionCode: hit.code, confidence, source: 'name' };
}

/**
 * The longest known holder the name starts with. A sub-unit or campus that names a place of its
 * own (华中科技大学无锡研究院, 合肥工业大学(宣城校区)) is placed there instead; any other campus in
 * parentheses must be in the table itself (中国矿业大学(北京) is not 中国矿业大学).
 */
function fromKnownName(name: string): HolderRegion | null {
  for (let len = name.length; len >= 2; len--) {
    const code = KNOWN_HOLDER_CITIES[name.slice(0, len)];
    if (!code) continue;
    const rest = name.slice(len);
    const own = rest ? placeFromName(rest) : null;
    if (own) return named(own, false);
    if (rest.startsWith('(')) continue;
    return { regionCode: code, confidence: REGION_CONFIDENCE.knownName, source: 'name' };
  }
  return null;
}

/**
 * Where a Chinese holder is, when the record gives no region code: from the address (district,
 * city or province), else from the name (a table of known holders, then the names of cities and
 * provinces in it). "Unknown" rather than a guess: foreign holders, names without a place, places
 * that disagree, and people (a person called 黄山 does not live in Huangshan).
 */
export function resolveHolderRegion(holder: HolderRegionInput): HolderRegion {
  if (holder.regionCode) {
    const r = getRegion(holder.regionCode);
    if (r) return { regionCode: r.code, confidence: REGION_CONFIDENCE.record, source: 'record' };
  }
  const country = holder.country?.trim().toUpperCase() || null;
  const region = country ? COUNTRY_REGIONS[country] : undefined;
  if (region) return { regionCode: region, confidence: REGION_CONFIDENCE.record, source: 'record' };
  if (country && country !== 'CN') return UNKNOWN;
  if (!country && !HAN.test(holder.name) && !HAN.test(holder.address ?? '')) return UNKNOWN;

  const byAddress = holder.address ? fromAddress(holder.address) : null;
  if (byAddress) return byAddress;

  const name = holder.name.normalize('NFKC').replace(/\s+/g, '');
  if (!HAN.test(name) || classifyHolderType(name) === 'individual') return UNKNOWN;
  const known = fromKnownName(name);
  if (known) return known;
  const hit = placeFromName(name);
  return hit ? named(hit, SEAT_IN_NAME.test(name)) : UNKNOWN;
}
