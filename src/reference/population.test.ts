import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IpregionError } from '../core/index.js';
import { populationOf, populationOfRegions, populationOn, populationYearFor } from './population.js';
import { citiesOf, NAMED_REGIONS } from './regions.js';

const YEARS = [2022, 2023, 2024];
const CENTRAL = NAMED_REGIONS.central;

const facts = z
  .object({
    provinces: z.array(z.object({ code: z.string(), population10k: z.record(z.string(), z.number()) })),
  })
  .parse(JSON.parse(readFileSync(new URL('./data/central-region-2024.json', import.meta.url), 'utf8')));

/** The figure for exactly `year`, failing when the table would have fallen back to an earlier one. */
function exact(code: string, year: number): number {
  const f = populationOf(code, year);
  expect(f?.year, `${code} ${year}`).toBe(year);
  return f!.value;
}

describe('population table', () => {
  it('has a figure for every province and city of the central region, 2022 to 2024', () => {
    for (const province of CENTRAL) {
      for (const year of YEARS) expect(exact(province, year)).toBeGreaterThan(0);
      for (const city of citiesOf(province)) {
        for (const year of YEARS)
          expect(exact(city.code, year), `${city.code} ${city.nameZh}`).toBeGreaterThan(0);
      }
    }
  });

  it("adds each province's cities up to the province within 1% every year", () => {
    for (const province of CENTRAL) {
      for (const year of YEARS) {
        const total = exact(province, year);
        const sum = citiesOf(province).reduce((s, c) => s + exact(c.code, year), 0);
        expect(Math.abs(sum - total) / total, `${province} ${year}: ${sum} vs ${total}`).toBeLessThan(0.01);
      }
    }
  });

  it("holds central-region-2024.json's province figures, Anhui 2023 added as published", () => {
    for (const p of facts.provinces) {
      for (const [year, value] of Object.entries(p.population10k)) {
        expect(populationOf(p.code, Number(year))).toMatchObject({
          year: Number(year),
          value,
          quality: 'published',
        });
      }
    }
    expect(populationOf('34', 2023)).toMatchObject({ year: 2023, value: 6121, quality: 'published' });
    expect(populationOf('34', 2023)?.source).toContain('2023年安徽省人口变动情况抽样调查主要数据公报');
  });

  it('records the well-known capital figures as published', () => {
    const known: [string, number, number][] = [
      ['420100', 2023, 1377.4],
      ['410100', 2023, 1300.8],
      ['340100', 2023, 985.3],
      ['430100', 2023, 1051.31],
      ['360100', 2023, 656.82],
      ['340100', 2024, 1000.2],
      ['420100', 2022, 1373.9],
      ['410100', 2022, 1282.8],
    ];
    for (const [code, year, value] of known) {
      const f = populationOf(code, year);
      expect(f, `${code} ${year}`).toMatchObject({ year, value, quality: 'published' });
      expect(f?.source).toMatch(/公报|年鉴|主要指标/);
    }
  });

  it('says how each estimate was made and names a document for each published figure', () => {
    for (const province of CENTRAL) {
      for (const code of [province, ...citiesOf(province).map((c) => c.code)]) {
        for (const year of YEARS) {
          const f = populationOf(code, year)!;
          if (f.quality === 'estimate') expect(f.source, `${code} ${year}`).toMatch(/^estimate: /);
          else expect(f.source, `${code} ${year}`).not.toMatch(/^estimate/);
        }
      }
    }
  });

  it("reproduces the offices' own per-10,000 figures with the year-end rule", () => {
    // Zhengzhou 2023-06-30 and Hunan 2025-07-31 (central-region-2024.json) divide by the previous
    // year-end. Hefei's 2023-04-30 figure (60.8) still divides by year-end 2021 (946.5), published
    // before year-end 2022 was: the rule does not model publication lag, and says so.
    expect(34278 / populationOn('410100', '2023-06-30')!.value).toBeCloseTo(26.72, 2);
    expect(129829 / populationOn('43', '2025-07-31')!.value).toBeCloseTo(19.85, 2);
  });
});

describe('populationOf', () => {
  it('falls back to the latest earlier year-end and says which', () => {
    expect(populationOf('420100', 2026)).toMatchObject({ year: 2024, code: '420100' });
    expect(populationOf('42', 2030)).toMatchObject({ year: 2024, value: 5834 });
    expect(populationOf('42', 2021)).toBeNull();
  });

  it('reads a six-digit province code as the province', () => {
    expect(populationOf('420000', 2023)).toMatchObject({ code: '42', value: 5838 });
  });

  it('has nothing for districts, unknown codes and regions outside the table', () => {
    expect(populationOf('420102', 2023)).toBeNull();
    expect(populationOf('999999', 2023)).toBeNull();
    expect(populationOf('11', 2023)).toBeNull();
    expect(populationOf('440100', 2023)).toBeNull();
  });

  it('refuses a year that is not a whole number', () => {
    expect(() => populationOf('42', 2023.5)).toThrow(IpregionError);
  });
});

describe('populationOn', () => {
  it('uses the latest year-end on or before the date', () => {
    expect(populationYearFor('2024-06-30')).toBe(2023);
    expect(populationYearFor('2024-01-01')).toBe(2023);
    expect(populationYearFor('2024-12-30')).toBe(2023);
    expect(populationYearFor('2024-12-31')).toBe(2024);
    expect(populationOn('340100', '2024-06-30')).toMatchObject({ year: 2023, value: 985.3 });
    expect(populationOn('340100', '2024-12-31')).toMatchObject({ year: 2024, value: 1000.2 });
  });

  it('falls back past the last year-end in the table', () => {
    expect(populationOn('340100', '2026-03-01')).toMatchObject({ year: 2024, value: 1000.2 });
    expect(populationOn('340100', '2022-06-30')).toBeNull();
  });

  it('refuses what is not a date', () => {
    expect(() => populationOn('34', '2024-02-30')).toThrow(IpregionError);
    expect(() => populationOn('34', '30/06/2024')).toThrow(IpregionError);
  });
});

describe('populationOfRegions', () => {
  it('sums the central region from the province figures', () => {
    const central = populationOfRegions(CENTRAL, 2024)!;
    const expected = facts.provinces.reduce((s, p) => s + (p.population10k['2024'] ?? 0), 0);
    expect(central.value).toBeCloseTo(expected, 2);
    expect(central).toMatchObject({ year: 2024, quality: 'published' });
    expect(central.parts.map((p) => p.code)).toEqual([...CENTRAL]);
  });

  it('says estimate when one part is, and gives the oldest year used', () => {
    const r = populationOfRegions(['420100', '420200'], 2025)!;
    expect(r).toMatchObject({ year: 2024, quality: 'estimate' });
    expect(r.value).toBeCloseTo(exact('420100', 2024) + exact('420200', 2024), 2);
  });

  it('is null when a region has no figure, and refuses to count a region twice', () => {
    expect(populationOfRegions(['42', '11'], 2023)).toBeNull();
    expect(populationOfRegions([], 2023)).toBeNull();
    expect(() => populationOfRegions(['42', '420100'], 2023)).toThrow(IpregionError);
    expect(() => populationOfRegions(['42', '42'], 2023)).toThrow(IpregionError);
  });
});
