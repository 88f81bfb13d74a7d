import { describe, expect, it } from 'vitest';
import type { IsoDate, RightRecord } from '../core/index.js';
import { generateRegistry } from '../demo/index.js';
import { buildHolder, buildRight } from '../registry/test-factories.js';
import { firstHolderOn, inForceOn } from '../registry/validity.js';
import {
  addInto,
  baseContributions,
  contributions,
  dayNumber,
  deltaKey,
  parseDeltaKey,
  spreadBase,
} from './contributions.js';

/** Σ deltas with day ≤ D and known_from ≤ K, by "region|kind" (all-industries cells only). */
function countFromDeltas(deltas: Map<string, number>, date: IsoDate, knownOn: IsoDate): Map<string, number> {
  const d = dayNumber(date);
  const k = dayNumber(knownOn);
  const out = new Map<string, number>();
  for (const [key, v] of deltas) {
    const p = parseDeltaKey(key);
    if (p.day > d || p.knownFrom > k || p.cell.industry !== '') continue;
    const g = `${p.cell.region}|${p.cell.kind}`;
    out.set(g, (out.get(g) ?? 0) + v);
  }
  for (const [g, v] of out) if (v === 0) out.delete(g);
  return out;
}

function countDirect(rights: RightRecord[], date: IsoDate, knownOn: IsoDate): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rights) {
    if (!inForceOn(r, date, knownOn)) continue;
    const g = `${firstHolderOn(r, date, knownOn)?.regionCode ?? ''}|${r.kind}`;
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

describe('contributions', () => {
  it('add up, for any date and knowledge date, to what validity says of each right', () => {
    const rights = [...generateRegistry({ scale: 0.001, seed: 3 })];
    const all = new Map<string, number>();
    for (const r of rights) addInto(all, contributions(r, []));
    const dates = ['2005-01-01', '2015-06-30', '2020-02-29', '2023-06-30', '2024-06-30', '2026-06-30'];
    for (const date of dates) {
      for (const knownOn of ['2016-01-01', '2023-12-31', '2024-07-01', '2099-12-31']) {
        expect(countFromDeltas(all, date, knownOn), `${date} known on ${knownOn}`).toEqual(
          countDirect(rights, date, knownOn),
        );
      }
    }
  });

  it('moves a right between cells on the date of a transfer', () => {
    const r = buildRight({
      grantDate: '2022-03-08',
      holders: [buildHolder({ regionCode: '340104' })],
      events: [
        {
          type: 'transfer',
          category: 'R',
          code: 'TR01',
          office: 'CN',
          effectiveDate: '2023-05-01',
          recordedDate: '2023-05-20',
          description: null,
          newHolders: [buildHolder({ name: '武汉某公司', regionCode: '420111' })],
        },
      ],
    });
    const c = contributions(r, ['sei-2021:3']);
    expect(countFromDeltas(c, '2023-06-30', '2099-01-01')).toEqual(new Map([['420111|invention', 1]]));
    expect(countFromDeltas(c, '2023-06-30', '2023-05-19')).toEqual(new Map([['340104|invention', 1]]));
    expect(countFromDeltas(c, '2023-04-30', '2099-01-01')).toEqual(new Map([['340104|invention', 1]]));
  });

  it('spread from the all-industries cell to any industries, equal those computed with the industries', () => {
    const rights = [...generateRegistry({ scale: 0.0005, seed: 5 })];
    const choices = [[], ['ai'], ['ai', 'rare-earth'], ['new-energy', 'ai', 'biomed']];
    let nonEmpty = 0;
    for (const [i, r] of rights.entries()) {
      const industries = choices[i % choices.length]!;
      const spread = new Map<string, number>();
      spreadBase(baseContributions(r), industries, (cell, day, knownFrom, change) => {
        const k = deltaKey(cell, day, knownFrom);
        spread.set(k, (spread.get(k) ?? 0) + change);
      });
      const direct = contributions(r, industries);
      expect(spread).toEqual(direct);
      if (direct.size > 0 && industries.length > 0) nonEmpty += 1;
    }
    expect(nonEmpty).toBeGreaterThan(100);
  });
});
