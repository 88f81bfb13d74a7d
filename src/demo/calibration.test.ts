import { beforeAll, describe, expect, it } from 'vitest';
import type { RightKind, RightRecord } from '../core/index.js';
import { NAMED_REGIONS } from '../reference/index.js';
import { firstHolderOn, inForceOn, intervalsContain, validity } from '../registry/validity.js';
import { generateRegistry } from './index.js';
import { centralRegionFacts, kindTargets, RATIO_TO_INVENTIONS } from './targets.js';

/**
 * Calibration at scale 0.02 (about 380,000 rights, a few seconds): the counts the statistics module
 * will make, made here by brute force with `inForceOn` and `firstHolderOn`.
 */
const SCALE = 0.02;
const NOW = '2024-06-30';
const YEAR_BEFORE = '2023-06-30';
const CENTRAL: readonly string[] = NAMED_REGIONS.central;

interface Point {
  kind: RightKind;
  /** Province code or the first four digits of a city code. */
  prefix: string;
  date: string;
  value: number;
  count: number;
}

const counts = new Map<string, number>();
const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
const count = (key: string) => counts.get(key) ?? 0;
const points: Point[] = [];

function dataPoints(): Point[] {
  const out: Point[] = [];
  for (const p of centralRegionFacts().provincialDataPoints) {
    const prefix = p.province ?? p.city?.slice(0, 4);
    if (!prefix) continue;
    if (p.validInventionPatents) {
      out.push({ kind: 'invention', prefix, date: p.date, value: p.validInventionPatents, count: 0 });
    }
    if (p.validTrademarks)
      out.push({ kind: 'trademark', prefix, date: p.date, value: p.validTrademarks, count: 0 });
  }
  return out;
}

function tally(r: RightRecord): void {
  for (const [date, tag] of [
    [NOW, 'now'],
    [YEAR_BEFORE, 'before'],
  ] as const) {
    if (!inForceOn(r, date)) continue;
    const code = firstHolderOn(r, date)?.regionCode ?? '';
    if (!CENTRAL.includes(code.slice(0, 2))) continue;
    bump(`${r.kind}/${tag}`);
    if (tag === 'now') {
      bump(`${r.kind}/now/${code.slice(0, 2)}`);
      bump(`${r.kind}/now/${code.slice(0, 4)}`);
    }
  }
  const mine = points.filter((p) => p.kind === r.kind);
  if (mine.length === 0) return;
  const { intervals } = validity(r);
  for (const p of mine) {
    if (intervalsContain(intervals, p.date) && firstHolderOn(r, p.date)?.regionCode?.startsWith(p.prefix))
      p.count++;
  }
}

beforeAll(() => {
  points.push(...dataPoints());
  for (const r of generateRegistry({ scale: SCALE, seed: 2024 })) tally(r);
});

describe(`calibration at scale ${SCALE}`, () => {
  const targets = kindTargets();

  it.each([
    ['invention', 0.05, 0.03],
    ['trademark', 0.05, 0.02],
  ] as const)(
    'valid %s rights in the region meet the published figure and its growth',
    (kind, tol, yoyTol) => {
      const t = targets[kind];
      const now = count(`${kind}/now`);
      expect(Math.abs(now / (t.value * SCALE) - 1)).toBeLessThan(tol);
      expect(Math.abs(now / count(`${kind}/before`) - 1 - t.yoy)).toBeLessThan(yoyTol);
    },
  );

  it('has utility models and designs in the documented proportion to inventions', () => {
    const inv = count('invention/now');
    expect(count('utility_model/now') / inv).toBeCloseTo(RATIO_TO_INVENTIONS.utility_model, 0);
    expect(Math.abs(count('design/now') / inv - RATIO_TO_INVENTIONS.design)).toBeLessThan(0.06);
  });

  it.each([
    [
      'invention',
      {
        '34': [0.25, 0.35],
        '42': [0.21, 0.31],
        '43': [0.14, 0.21],
        '41': [0.11, 0.18],
        '36': [0.05, 0.1],
        '14': [0.03, 0.08],
      },
    ],
    [
      'trademark',
      {
        '41': [0.23, 0.32],
        '34': [0.17, 0.24],
        '43': [0.14, 0.2],
        '42': [0.13, 0.19],
        '36': [0.09, 0.14],
        '14': [0.05, 0.1],
      },
    ],
  ] as const)('spreads valid %s rights over the provinces plausibly', (kind, bands) => {
    const all = count(`${kind}/now`);
    for (const [province, [lo, hi]] of Object.entries(bands)) {
      const share = count(`${kind}/now/${province}`) / all;
      expect(share, province).toBeGreaterThan(lo);
      expect(share, province).toBeLessThan(hi);
    }
  });

  it('gives provincial capitals their share of inventions', () => {
    const share = (city: string) =>
      count(`invention/now/${city}`) / count(`invention/now/${city.slice(0, 2)}`);
    expect(share('3401')).toBeGreaterThan(0.3);
    expect(share('3401')).toBeLessThan(0.42);
    expect(share('4201')).toBeGreaterThan(0.42);
    expect(share('4301')).toBeGreaterThan(0.38);
    expect(share('1401')).toBeGreaterThan(0.6);
    expect(share('3601')).toBeGreaterThan(0.28);
    expect(share('4101')).toBeGreaterThan(0.35);
  });

  it('agrees with the provincial and city data points of the reference file', () => {
    expect(points.length).toBeGreaterThan(5);
    for (const p of points) {
      // Cities are small samples at this scale and their published figures are rougher.
      const tol = p.prefix.length === 2 ? 0.12 : 0.2;
      expect(Math.abs(p.count / (p.value * SCALE) - 1), `${p.kind} ${p.prefix} ${p.date}`).toBeLessThan(tol);
    }
  });
});
