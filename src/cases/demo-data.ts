import { CREDIT_CODE_CHARS, withCheck } from '../core/index.js';
import { children, getRegion } from '../reference/index.js';
import type { Center } from './centers.js';

/**
 * The demo's seeded randomness and the names, codes and numbers it makes up. Everything here is a
 * pure function of the seed, so the same seed gives the same enterprises and cases.
 */
export class DemoRng {
  private s: number;

  constructor(seed: number, stream = '') {
    let h = (seed >>> 0) ^ 0x9e3779b9;
    for (let i = 0; i < stream.length; i++) h = Math.imul(h ^ stream.charCodeAt(i), 0x01000193) >>> 0;
    this.s = h >>> 0;
  }

  /** mulberry32: small, fast, and good enough for made-up records. */
  float(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** A key of `weights`, drawn in proportion to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let x = this.float() * total;
    for (const [k, w] of entries) {
      x -= w;
      if (x < 0) return k;
    }
    return entries.at(-1)![0];
  }

  /** A UUID-shaped id (version 4 layout) from the stream, so ids repeat with the seed. */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(16).toString(16));
    hex[12] = '4';
    hex[16] = '89ab'[this.int(4)]!;
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }

  code(length: number, chars: string): string {
    let out = '';
    for (let i = 0; i < length; i++) out += chars[this.int(chars.length)];
    return out;
  }
}

const BRAND = [
  '华',
  '创',
  '科',
  '达',
  '信',
  '润',
  '恒',
  '泰',
  '瑞',
  '联',
  '盛',
  '新',
  '源',
  '德',
  '丰',
  '宏',
  '博',
  '卓',
  '嘉',
  '鼎',
  '汇',
  '腾',
  '昌',
  '隆',
  '光',
  '晟',
  '远',
  '航',
  '安',
  '凯',
  '明',
  '睿',
];
const SUFFIX = ['有限公司', '科技有限公司', '股份有限公司', '技术有限公司'];
const SHOP = ['旗舰店', '专营店', '工厂店', '精品店'];

/** A place's name as companies carry it: 武汉 for 武汉市, 浏阳 for 浏阳市. */
export function shortName(regionCode: string): string {
  const zh = getRegion(regionCode)?.nameZh ?? '';
  return zh.length > 2 ? zh.replace(/(市|县|区)$/, '') : zh;
}

function trade(industryZh: string): string {
  return industryZh.replace(/（.*?）/g, '').slice(0, 4);
}

export function companyName(rng: DemoRng, regionCode: string, industryZh: string): string {
  return `${shortName(regionCode)}${rng.pick(BRAND)}${rng.pick(BRAND)}${trade(industryZh)}${rng.pick(SUFFIX)}`;
}

export function shopName(rng: DemoRng, industryZh: string): string {
  return `${rng.pick(BRAND)}${rng.pick(BRAND)}${trade(industryZh)}${rng.pick(SHOP)}（电商平台店铺）`;
}

/** A unified social credit code of an enterprise registered in the region, check character included. */
export function creditCode(rng: DemoRng, regionCode: string): string {
  return withCheck(`91${regionCode}${rng.code(9, CREDIT_CODE_CHARS)}`);
}

/** Where an enterprise of the center's area sits: the center's city or a district of it, or any city of its province. */
export function enterpriseRegion(rng: DemoRng, center: Pick<Center, 'city' | 'area'>): string {
  const city =
    center.area === center.city || rng.chance(0.5) ? center.city : rng.pick(children(center.area)).code;
  const districts = children(city);
  return districts.length > 0 && rng.chance(0.8) ? rng.pick(districts).code : city;
}

const KIND_DIGIT = { invention: '1', utility_model: '2', design: '3' } as const;

/**
 * A Chinese patent number in the ZL form (`ZL202210123456.7`), check digit included (weights
 * 2–9 over the 12 digits, modulo 11, 10 written X), for cases when the registry holds no rights.
 */
export function patentNumber(rng: DemoRng, kind: keyof typeof KIND_DIGIT, year: number): string {
  const digits = `${year}${KIND_DIGIT[kind]}${String(rng.int(10_000_000)).padStart(7, '0')}`;
  const sum = [...digits].reduce((s, d, i) => s + Number(d) * (2 + (i % 8)), 0);
  const check = sum % 11 === 10 ? 'X' : String(sum % 11);
  return `ZL${digits}.${check}`;
}

export function trademarkNumber(rng: DemoRng): string {
  return String(rng.between(10_000_000, 79_999_999));
}
