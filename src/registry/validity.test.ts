import { describe, expect, it } from 'vitest';
import type { EventType, LegalEvent, RightKind } from '../core/index.js';
import { buildHolder } from './test-factories.js';
import { firstHolderOn, holdersOn, inForceOn, termEnd, validity } from './validity.js';

function ev(
  type: EventType,
  effectiveDate: string,
  recordedDate = effectiveDate,
  extra: Partial<LegalEvent> = {},
): LegalEvent {
  return {
    type,
    category: null,
    code: null,
    office: 'CN',
    effectiveDate,
    recordedDate,
    description: null,
    ...extra,
  };
}

function right(
  kind: RightKind,
  filingDate: string | null,
  grantDate: string | null,
  events: LegalEvent[] = [],
) {
  return { kind, filingDate, grantDate, events };
}

describe('terms by kind and filing date', () => {
  it('gives an invention 20 years from filing, ending the day before the anniversary', () => {
    const r = right('invention', '2004-03-15', '2008-01-09');
    expect(termEnd('invention', '2004-03-15', null, 0)).toBe('2024-03-15');
    expect(inForceOn(r, '2024-03-14')).toBe(true);
    expect(inForceOn(r, '2024-03-15')).toBe(false);
  });

  it('gives a utility model 10 years', () => {
    const r = right('utility_model', '2014-07-01', '2015-02-11');
    expect(inForceOn(r, '2024-06-30')).toBe(true);
    expect(inForceOn(r, '2024-07-01')).toBe(false);
  });

  it('gives a design 10 years if filed before 2021-06-01 and 15 years from that day on', () => {
    expect(termEnd('design', '2021-05-31', null, 0)).toBe('2031-05-31');
    expect(termEnd('design', '2021-06-01', null, 0)).toBe('2036-06-01');
    expect(inForceOn(right('design', '2021-06-01', '2021-12-01'), '2035-01-01')).toBe(true);
    expect(inForceOn(right('design', '2021-05-31', '2021-12-01'), '2035-01-01')).toBe(false);
  });

  it('counts a term from 29 February to 28 February of a common year', () => {
    expect(termEnd('invention', '2004-02-29', null, 0)).toBe('2024-02-29');
    expect(termEnd('utility_model', '2004-02-29', null, 0)).toBe('2014-02-28');
  });

  it('leaves the end open for a right whose filing date is unknown', () => {
    expect(validity(right('invention', null, '2010-01-01')).intervals).toEqual([
      { from: '2010-01-01', to: null },
    ]);
  });
});

describe('grant', () => {
  it('is in force from the grant date, not before', () => {
    const r = right('invention', '2018-05-02', '2021-09-10');
    expect(inForceOn(r, '2021-09-09')).toBe(false);
    expect(inForceOn(r, '2021-09-10')).toBe(true);
  });

  it('takes the grant date from a grant event when the record has none', () => {
    const r = right('invention', '2018-05-02', null, [ev('grant', '2021-09-10', '2021-09-10')]);
    expect(inForceOn(r, '2021-09-10')).toBe(true);
  });

  it('is not known before its grant was recorded', () => {
    const r = right('invention', '2018-05-02', null, [ev('grant', '2021-09-10', '2021-10-01')]);
    expect(inForceOn(r, '2021-09-20', '2021-09-30')).toBe(false);
    expect(inForceOn(r, '2021-09-20', '2021-10-01')).toBe(true);
  });

  it('is never in force without a grant', () => {
    expect(validity(right('invention', '2018-05-02', null)).intervals).toEqual([]);
  });
});

describe('lapse for non-payment, surrender, restoration', () => {
  const lapse = ev('lapse', '2020-05-02', '2020-09-15', { code: 'CF01' });

  it('ends the right on the lapse date: a patent lapsing on D is not in force on D', () => {
    const r = right('invention', '2012-05-02', '2015-01-01', [lapse]);
    expect(inForceOn(r, '2020-05-01')).toBe(true);
    expect(inForceOn(r, '2020-05-02')).toBe(false);
  });

  it('counts a lapse only once it is recorded when asked as known on an earlier date', () => {
    const r = right('invention', '2012-05-02', '2015-01-01', [lapse]);
    expect(inForceOn(r, '2020-06-30', '2020-07-01')).toBe(true);
    expect(inForceOn(r, '2020-06-30', '2020-09-15')).toBe(false);
  });

  it('undoes a lapse on restoration, as if the right had never stopped', () => {
    const r = right('invention', '2012-05-02', '2015-01-01', [
      lapse,
      ev('restoration', '2020-11-20', '2020-12-04'),
    ]);
    expect(inForceOn(r, '2020-06-30')).toBe(true);
    expect(validity(r).intervals).toEqual([{ from: '2015-01-01', to: '2032-05-02' }]);
    expect(inForceOn(r, '2020-06-30', '2020-10-01')).toBe(false);
  });

  it('ends on surrender and is not restored by a later restoration', () => {
    const r = right('utility_model', '2016-03-03', '2016-10-10', [
      ev('surrender', '2019-01-04'),
      ev('restoration', '2019-03-01'),
    ]);
    expect(inForceOn(r, '2019-01-03')).toBe(true);
    expect(inForceOn(r, '2019-06-01')).toBe(false);
  });

  it('ends at a surrender made while lapsed, even if the lapse is then restored', () => {
    const r = right('invention', '2012-05-02', '2015-01-01', [
      lapse,
      ev('surrender', '2020-07-01'),
      ev('restoration', '2020-11-20'),
    ]);
    expect(validity(r).intervals).toEqual([{ from: '2015-01-01', to: '2020-07-01' }]);
  });

  it('restores only the lapses before the restoration, not a later one', () => {
    const r = right('invention', '2012-05-02', '2015-01-01', [
      lapse,
      ev('restoration', '2020-11-20'),
      ev('lapse', '2023-05-02', '2023-09-01', { code: 'CF01' }),
    ]);
    expect(validity(r).intervals).toEqual([{ from: '2015-01-01', to: '2023-05-02' }]);
  });

  it('ignores a second ending once the right has ended', () => {
    const r = right('invention', '2012-05-02', '2015-01-01', [lapse, ev('expiry', '2032-05-02')]);
    expect(validity(r).endedBy?.code).toBe('CF01');
  });
});

describe('invalidation is retroactive', () => {
  const r = right('invention', '2010-01-01', '2013-01-01', [ev('invalidation', '2019-06-01', '2019-07-10')]);

  it('removes the right on every date once recorded', () => {
    expect(inForceOn(r, '2015-01-01')).toBe(false);
    expect(validity(r).intervals).toEqual([]);
  });

  it('keeps the figures published before it was recorded', () => {
    expect(inForceOn(r, '2015-01-01', '2019-07-09')).toBe(true);
    expect(inForceOn(r, '2015-01-01', '2019-07-10')).toBe(false);
  });

  it('leaves a partial invalidation in force', () => {
    const partial = right('invention', '2010-01-01', '2013-01-01', [
      ev('partial_invalidation', '2019-06-01'),
    ]);
    expect(inForceOn(partial, '2020-01-01')).toBe(true);
  });
});

describe('trademarks', () => {
  it('are registered for 10 years', () => {
    const r = right('trademark', '2013-02-01', '2014-05-07');
    expect(inForceOn(r, '2024-05-06')).toBe(true);
    expect(inForceOn(r, '2024-05-07')).toBe(false);
  });

  it('are extended by 10 years with each renewal', () => {
    const r = right('trademark', '2003-02-01', '2004-05-07', [
      ev('renewal', '2014-05-07', '2014-03-01'),
      ev('renewal', '2024-05-07', '2024-06-20'),
    ]);
    expect(termEnd('trademark', null, '2004-05-07', 2)).toBe('2034-05-07');
    expect(inForceOn(r, '2030-01-01')).toBe(true);
    // Known on 2024-06-01 the second renewal was not yet recorded: the mark had expired on 2024-05-07.
    expect(inForceOn(r, '2024-05-31', '2024-06-01')).toBe(false);
  });

  it('end on cancellation and are removed entirely by invalidation', () => {
    const cancelled = right('trademark', '2010-01-01', '2011-01-01', [ev('surrender', '2015-03-03')]);
    expect(inForceOn(cancelled, '2015-03-02')).toBe(true);
    expect(inForceOn(cancelled, '2015-03-03')).toBe(false);
    const invalid = right('trademark', '2010-01-01', '2011-01-01', [ev('invalidation', '2015-03-03')]);
    expect(inForceOn(invalid, '2012-01-01')).toBe(false);
  });
});

describe('holders over time', () => {
  const hefei = buildHolder({ name: '合肥甲科技有限公司', regionCode: '340104' });
  const wuhan = buildHolder({ name: '武汉乙光电有限公司', regionCode: '420111' });
  const r = {
    holders: [hefei],
    events: [ev('transfer', '2021-03-01', '2021-04-09', { code: 'TR01', newHolders: [wuhan, hefei] })],
  };

  it('moves the right to the new first holder on the transfer’s effective date', () => {
    expect(firstHolderOn(r, '2021-02-28')?.regionCode).toBe('340104');
    expect(firstHolderOn(r, '2021-03-01')?.regionCode).toBe('420111');
    expect(holdersOn(r, '2022-01-01').map((h) => h.name)).toEqual([wuhan.name, hefei.name]);
  });

  it('keeps the old holder as known before the transfer was recorded', () => {
    expect(firstHolderOn(r, '2021-03-15', '2021-04-08')?.regionCode).toBe('340104');
  });
});
