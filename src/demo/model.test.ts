import { describe, expect, it } from 'vitest';
import type { Holder, RightKind } from '../core/index.js';
import { firstHolderOn, inForceOn } from '../registry/validity.js';
import { dayFromIso, iso } from './calendar.js';
import { patentEvents, trademarkEvents } from './events.js';
import { patentInForce, trademarkInForce } from './lifetimes.js';
import { cohortSurvival, demoModel, MONTHS } from './model.js';
import { type DemoHolderType, PATENT_PARAMS, type PatentKind, TRADEMARK_PARAMS } from './params.js';
import { Rng } from './random.js';
import { kindTargets } from './targets.js';

const END = dayFromIso('2026-06-30');
const DESIGN_RULE = dayFromIso('2021-06-01');
const holderIn = (regionCode: string): Holder => ({
  name: 'x',
  type: 'enterprise',
  country: 'CN',
  regionCode,
  regionConfidence: 1,
  regionSource: 'record',
  address: null,
});
const inside = holderIn('420111');
const outside = holderIn('110108');

/** Share of sampled rights in force on `day` with the first holder in the region. */
function sampledShare(
  n: number,
  draw: (rng: Rng) => Pick<Parameters<typeof inForceOn>[0], 'kind' | 'filingDate' | 'grantDate' | 'events'>,
  day: string,
): number {
  const rng = new Rng(99);
  let hits = 0;
  for (let i = 0; i < n; i++) {
    const r = draw(rng);
    if (!inForceOn(r, day)) continue;
    if (firstHolderOn({ holders: [inside], events: r.events }, day)?.regionCode === '420111') hits++;
  }
  return hits / n;
}

describe('the cohort model', () => {
  it('meets every target in expectation', () => {
    const model = demoModel();
    const targets = kindTargets();
    for (const kind of ['invention', 'utility_model', 'design', 'trademark'] as RightKind[]) {
      const t = targets[kind];
      const now = cohortSurvival(kind, dayFromIso(t.asOf));
      const before = cohortSurvival(kind, dayFromIso(t.asOf) - 366);
      let a = 0;
      let b = 0;
      for (let m = 0; m < MONTHS; m++) {
        a += model.monthly(kind, m) * now[m]!;
        b += model.monthly(kind, m) * before[m]!;
      }
      expect(a / t.value).toBeCloseTo(1, 6);
      expect(a / b - 1).toBeCloseTo(t.yoy, 2);
    }
  });

  it('solves plausible growth rates', () => {
    const { kinds } = demoModel();
    expect(kinds.invention.growth).toBeGreaterThan(1.1);
    expect(kinds.invention.growth).toBeLessThan(1.3);
    expect(kinds.trademark.growth).toBeGreaterThan(1.05);
    expect(kinds.trademark.growth).toBeLessThan(1.2);
  });

  // The model's survival law and the sampler's event draws are written apart; they must agree.
  const patentCases: Array<[PatentKind, DemoHolderType, string, number]> = [
    ['invention', 'enterprise', '2014-03-15', 900],
    ['invention', 'university', '2018-08-01', 700],
    ['utility_model', 'individual', '2019-05-20', 240],
    ['design', 'enterprise', '2021-09-10', 150],
  ];
  it.each(patentCases)(
    'samples %s lifetimes (%s, granted %s) as the model expects',
    (kind, holder, grant, lag) => {
      const p = PATENT_PARAMS[kind];
      const grantDay = dayFromIso(grant);
      const filingDay = grantDay - lag;
      const on = '2024-06-30';
      const expected = patentInForce(
        { kind, params: p, holder, grantDay, filingDay },
        dayFromIso(on),
        END,
        DESIGN_RULE,
      );
      const n = 20_000;
      const got = sampledShare(
        n,
        (rng) => ({
          kind,
          filingDate: iso(filingDay),
          grantDate: grant,
          events: patentEvents(
            { kind, params: p, holder, filingDay, publicationDay: null, grantDay },
            rng,
            (out) => (out ? outside : inside),
          ),
        }),
        on,
      );
      expect(Math.abs(got - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / n) + 0.002);
    },
  );

  it.each([
    ['enterprise', '2012-04-01'],
    ['individual', '2003-11-11'],
  ] as Array<[DemoHolderType, string]>)(
    'samples trademark lifetimes (%s, registered %s) as the model expects',
    (holder, grant) => {
      const grantDay = dayFromIso(grant);
      const on = '2024-06-30';
      const expected = trademarkInForce(TRADEMARK_PARAMS, holder, grantDay, dayFromIso(on), END);
      const n = 20_000;
      const got = sampledShare(
        n,
        (rng) => ({
          kind: 'trademark',
          filingDate: null,
          grantDate: grant,
          events: trademarkEvents(TRADEMARK_PARAMS, holder, grantDay, rng, (out) => (out ? outside : inside)),
        }),
        on,
      );
      expect(Math.abs(got - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / n) + 0.002);
    },
  );
});
