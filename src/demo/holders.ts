import type { Holder, HolderType } from '../core/index.js';
import { FIELDS, type Field } from './fields.js';
import { INSTITUTES, type Institution, KNOWN_ENTERPRISES, UNIVERSITIES } from './institutions.js';
import {
  BRAND_FIRST,
  BRAND_SECOND,
  COMPANY_FORMS,
  GIVEN_CHARS,
  MARK_ORGANISATIONS,
  ORGANISATIONS,
  STREETS,
  SURNAMES,
  TRADE_BY_NICE,
  TRADE_DEFAULT,
} from './names.js';
import { type City, geography, type Place } from './places.js';
import { hashInts, type Rng, Weighted } from './random.js';

/**
 * Holders are identified by (pool, index) and built from a hash of that identity, so the same firm
 * comes back with the same name and address whenever its index is drawn, without a table of firms.
 * Indices are drawn with a power law (`M * u^alpha`): a few firms hold many rights, most hold few,
 * as in every patent register. Only the few commonest holders of each pool are kept (as shared,
 * frozen objects): at scale 1 larger caches cost more in garbage collection than they save
 * (measured: 2048 per pool 205k rights/s and 800 MB, 16 per pool 317k rights/s and 185 MB).
 */
const CACHED_PER_POOL = 16;
const FORM_SLOTS = new Weighted(
  COMPANY_FORMS.map(([f]) => f),
  COMPANY_FORMS.map(([, w]) => w),
);
const SURNAME_TABLE = Weighted.of(SURNAMES);
/** Nice class → trade group of the firms that register it. */
const TRADE_GROUP = new Int8Array(46).fill(-1);
TRADE_BY_NICE.forEach(([classes], g) => {
  for (const c of classes) TRADE_GROUP[c] = g;
});
export const TRADE_GROUPS = TRADE_BY_NICE.length + 1;

export function tradeGroupOf(niceClass: number): number {
  const g = TRADE_GROUP[niceClass]!;
  return g < 0 ? TRADE_BY_NICE.length : g;
}

const unit = (h: number): number => h / 4294967296;

function holder(name: string, type: HolderType, place: Place, h: number): Holder {
  const street = STREETS[h % STREETS.length]!;
  const number = 1 + ((h >>> 8) % 399);
  return Object.freeze({
    name,
    type,
    country: 'CN',
    regionCode: place.code,
    regionConfidence: 1,
    regionSource: 'record',
    address: `${place.address}${street}${number}号`,
  });
}

/** A firm name: city + two-character brand + trade + organisational form, all from one hash. */
function firmName(cityShort: string, trades: readonly string[], h: number): string {
  const brand = BRAND_FIRST[h % BRAND_FIRST.length]! + BRAND_SECOND[(h >>> 7) % BRAND_SECOND.length]!;
  const trade = trades[(h >>> 14) % trades.length]!;
  return `${cityShort}${brand}${trade}${FORM_SLOTS.at(unit(hashInts(h)))}`;
}

function personName(h: number): string {
  const surname = SURNAME_TABLE.at(unit(h));
  const a = GIVEN_CHARS[(h >>> 5) % GIVEN_CHARS.length]!;
  // About a third of given names have one character.
  if ((h >>> 20) % 3 === 0) return surname + a;
  return surname + a + GIVEN_CHARS[(h >>> 12) % GIVEN_CHARS.length]!;
}

export class HolderFactory {
  private readonly cache = new Map<number, Holder[]>();
  private readonly universities = new Map<string, Weighted<Holder>>();
  private readonly institutes = new Map<string, Weighted<Holder>>();
  /** Institution holder → its field profile (for drawing what it patents). */
  readonly institutionOf = new Map<Holder, Institution>();
  /** Per city and field, the known firms that take a share of its rights. */
  private readonly known = new Map<number, Array<readonly [Holder, number]>>();

  constructor(private readonly seed: number) {
    const geo = geography();
    for (const p of geo.provinces) {
      this.universities.set(p, this.institutionTable(UNIVERSITIES[p] ?? [], 'university'));
      this.institutes.set(p, this.institutionTable(INSTITUTES[p] ?? [], 'institute'));
    }
    for (const k of KNOWN_ENTERPRISES) {
      const place = geo.place(k.district);
      const city = geo.cityByCode.get(`${k.district.slice(0, 4)}00`) ?? geo.cityByCode.get(k.district);
      if (!city) continue;
      const h = holder(k.name, 'enterprise', place, hashInts(seed, 7, city.index));
      for (const part of k.shares.split(' ')) {
        const [field, share] = part.split(':');
        const key = city.index * FIELDS.length + FIELDS.findIndex((f) => f.id === field);
        const list = this.known.get(key) ?? [];
        list.push([h, Number(share)]);
        this.known.set(key, list);
      }
    }
  }

  private institutionTable(list: readonly Institution[], type: HolderType): Weighted<Holder> {
    const geo = geography();
    const holders = list.map((inst, i) => {
      const h = holder(inst.name, type, geo.place(inst.district), hashInts(this.seed, 11, i, inst.weight));
      this.institutionOf.set(h, inst);
      return h;
    });
    return new Weighted(
      holders,
      list.map((i) => i.weight),
    );
  }

  university(province: string, rng: Rng): Holder {
    return this.universities.get(province)!.draw(rng);
  }

  institute(province: string, rng: Rng): Holder {
    return this.institutes.get(province)!.draw(rng);
  }

  /** A pooled holder: drawn index, then cached or built from the hash of its identity. */
  private pooled(pool: number, size: number, alpha: number, rng: Rng, build: (h: number) => Holder): Holder {
    const index = Math.floor(Math.max(1, size) * rng.float() ** alpha);
    if (index >= CACHED_PER_POOL) return build(hashInts(this.seed, pool, index));
    let list = this.cache.get(pool);
    if (!list) {
      list = [];
      this.cache.set(pool, list);
    }
    let h = list[index];
    if (!h) {
      h = build(hashInts(this.seed, pool, index));
      list[index] = h;
    }
    return h;
  }

  /** A firm of `city` working in `field` (patents), `size` firms in the pool. */
  patentFirm(city: City, fieldIdx: number, size: number, rng: Rng): Holder {
    const known = this.known.get(city.index * FIELDS.length + fieldIdx);
    if (known) {
      let u = rng.float();
      for (const [h, share] of known) {
        if (u < share) return h;
        u -= share;
      }
    }
    const f: Field = FIELDS[fieldIdx]!;
    const pool = 1_000_000 + city.index * 64 + fieldIdx;
    return this.pooled(pool, size, 2.5, rng, (h) =>
      holder(firmName(city.short, f.sector, h), 'enterprise', city.places.at(unit(hashInts(h, 1))), h),
    );
  }

  /** A firm of `city` registering marks of the trade group `group`. */
  markFirm(city: City, group: number, size: number, rng: Rng): Holder {
    const trades = TRADE_BY_NICE[group]?.[1] ?? TRADE_DEFAULT;
    const pool = 2_000_000 + city.index * 64 + group;
    return this.pooled(pool, size, 2.2, rng, (h) =>
      holder(firmName(city.short, trades, h), 'enterprise', city.places.at(unit(hashInts(h, 1))), h),
    );
  }

  individual(city: City, size: number, rng: Rng): Holder {
    return this.pooled(3_000_000 + city.index, size, 1.3, rng, (h) =>
      holder(personName(h), 'individual', city.places.at(unit(hashInts(h, 1))), h),
    );
  }

  organisation(city: City, forMarks: boolean, rng: Rng): Holder {
    const templates = forMarks ? MARK_ORGANISATIONS : ORGANISATIONS;
    const pool = (forMarks ? 4_000_000 : 5_000_000) + city.index;
    return this.pooled(pool, templates.length, 1.5, rng, (h) => {
      const place = city.places.at(unit(hashInts(h, 1)));
      const name = templates[h % templates.length]!.replace('{city}', place.cityName).replace(
        '{province}',
        place.provinceName,
      );
      return holder(name, 'organisation', place, h);
    });
  }

  /**
   * A firm outside the region (the buyer in a transfer out) working in patent field `key`, or for
   * `key` < 0 in the trademark trade group `-1 - key`.
   */
  outsideFirm(key: number, rng: Rng): Holder {
    const trades = key >= 0 ? FIELDS[key]!.sector : (TRADE_BY_NICE[-1 - key]?.[1] ?? TRADE_DEFAULT);
    return this.pooled(6_000_000 + key + 100, 400, 2, rng, (h) => {
      const place = geography().outside.at(unit(hashInts(h, 1)));
      return holder(firmName(place.cityShort, trades, h), 'enterprise', place, h);
    });
  }
}
