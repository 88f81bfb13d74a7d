import { children, citiesOf, getRegion, NAMED_REGIONS, requireRegion } from '../reference/index.js';
import { CITY_WEIGHTS, districtWeight, OUTSIDE_DISTRICTS } from './places-data.js';
import { Weighted } from './random.js';

/** A district with the start of its postal address (省 + 市 + 区). */
export interface Place {
  code: string;
  /** `安徽省合肥市蜀山区`: addresses start with it. */
  address: string;
  /** The city's short name (`合肥`), with which firms are named. */
  cityShort: string;
  cityName: string;
  provinceName: string;
}

export interface City {
  index: number;
  code: string;
  province: string;
  short: string;
  places: Weighted<Place>;
  patents: number;
  marks: number;
  design: number;
}

export interface Geography {
  provinces: readonly string[];
  cities: readonly City[];
  cityByCode: ReadonlyMap<string, City>;
  citiesOf: ReadonlyMap<string, readonly City[]>;
  /** Any district by code (for institutions and known firms). */
  place(code: string): Place;
  /** Where rights transferred out of the region go. */
  outside: Weighted<Place>;
}

function shortName(nameZh: string): string {
  return nameZh.replace(/(土家族苗族自治州|林区|市)$/, '');
}

function placeOf(code: string): Place {
  const r = requireRegion(code);
  const chain = [r];
  while (chain[0]!.parent !== null) chain.unshift(requireRegion(chain[0]!.parent!));
  const province = chain[0]!;
  const city = chain[1] ?? r;
  // Municipalities have a city entry named like the province: 北京市海淀区, not 北京市北京市海淀区.
  const names = chain.map((x) => x.nameZh).filter((n, i) => i === 0 || n !== chain[i - 1]!.nameZh);
  return {
    code,
    address: names.join(''),
    cityShort: shortName(city.nameZh),
    cityName: city.nameZh,
    provinceName: province.nameZh,
  };
}

function build(): Geography {
  const provinces = [...NAMED_REGIONS.central];
  const cities: City[] = [];
  const byProvince = new Map<string, City[]>();
  for (const p of provinces) {
    const known = new Set(citiesOf(p).map((c) => c.code));
    const list: City[] = [];
    for (const [code, patents, marks, design] of CITY_WEIGHTS[p] ?? []) {
      if (!known.has(code)) throw new RangeError(`demo city ${code} is not a city of province ${p}`);
      const districts = children(code).filter((d) => d.level === 'district');
      const places = districts.length > 0 ? districts.map((d) => placeOf(d.code)) : [placeOf(code)];
      const city: City = {
        index: cities.length,
        code,
        province: p,
        short: shortName(requireRegion(code).nameZh),
        places: new Weighted(
          places,
          places.map((pl) => (pl.code === code ? 1 : districtWeight(pl.code))),
        ),
        patents,
        marks,
        design: design ?? 1,
      };
      cities.push(city);
      list.push(city);
    }
    byProvince.set(p, list);
  }
  const cache = new Map<string, Place>();
  const place = (code: string): Place => {
    let pl = cache.get(code);
    if (!pl) {
      pl = placeOf(code);
      cache.set(code, pl);
    }
    return pl;
  };
  const outside = new Weighted(
    OUTSIDE_DISTRICTS.map(([code]) => place(code)),
    OUTSIDE_DISTRICTS.map(([, w]) => w),
  );
  return {
    provinces,
    cities,
    cityByCode: new Map(cities.map((c) => [c.code, c])),
    citiesOf: byProvince,
    place,
    outside,
  };
}

let geo: Geography | null = null;

export function geography(): Geography {
  geo ??= build();
  return geo;
}

/** True when `code` is a district (or county-level city) of one of the region's provinces. */
export function isRegionDistrict(code: string): boolean {
  const r = getRegion(code);
  return r !== null && r.code.length === 6 && geography().provinces.includes(code.slice(0, 2));
}
