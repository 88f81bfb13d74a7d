import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, freshStore } from '../../test/engines.js';
import type { LegalEvent } from '../core/index.js';
import { ingestSources } from '../registry/index.js';
import { checkItem } from '../registry/ingest/check.js';
import { buildHolder, buildRight } from '../registry/test-factories.js';
import { flows } from './flows.js';

const hefei = buildHolder({ name: '合肥甲公司', regionCode: '340104' });
const wuhan = buildHolder({ name: '武汉乙公司', regionCode: '420111' });

function ev(type: LegalEvent['type'], date: string, extra: Partial<LegalEvent> = {}): LegalEvent {
  return {
    type,
    category: null,
    code: null,
    office: 'CN',
    effectiveDate: date,
    recordedDate: date,
    description: null,
    ...extra,
  };
}

describeEachEngine('flows over a period', (engine) => {
  let store: Awaited<ReturnType<typeof freshStore>>;
  beforeAll(async () => {
    store = await freshStore(engine);
    const records = [
      buildRight({
        applicationNumber: 'F1',
        filingDate: '2021-01-01',
        grantDate: '2024-02-01',
        holders: [hefei],
      }),
      buildRight({
        applicationNumber: 'F2',
        filingDate: '2018-01-01',
        grantDate: '2020-01-01',
        holders: [hefei],
        events: [ev('lapse', '2024-03-01')],
      }),
      buildRight({
        applicationNumber: 'F3',
        filingDate: '2017-01-01',
        grantDate: '2019-01-01',
        holders: [wuhan],
        events: [ev('transfer', '2024-04-01', { newHolders: [hefei] })],
      }),
      buildRight({
        applicationNumber: 'F4',
        filingDate: '2017-01-01',
        grantDate: '2019-01-01',
        holders: [hefei],
        events: [ev('transfer', '2024-05-01', { newHolders: [wuhan] })],
      }),
      buildRight({
        applicationNumber: 'F5',
        filingDate: '2017-01-01',
        grantDate: '2023-12-31',
        holders: [hefei],
      }),
    ];
    await ingestSources(store, [
      {
        name: 'flows',
        format: 'generated',
        bytesTotal: records.length,
        items: () =>
          records.map((record, i) => checkItem({ type: 'right', record, position: { offset: i } })),
      },
    ]);
  });
  afterAll(async () => store.drop());

  it('counts grants, lapses and moves into and out of a city in the period', async () => {
    const f = await flows(store, { from: '2024-01-01', to: '2024-06-30', regions: ['340100'] });
    expect(f).toMatchObject({ grant: 1, lapse: 1, transferIn: 1, transferOut: 1, expiry: 0 });
    const wuhanFlows = await flows(store, { from: '2024-01-01', to: '2024-06-30', regions: ['420100'] });
    expect(wuhanFlows).toMatchObject({ grant: 0, lapse: 0, transferIn: 1, transferOut: 1 });
    const everywhere = await flows(store, { from: '2023-12-31', to: '2024-06-30' });
    expect(everywhere).toMatchObject({ grant: 2, lapse: 1, transferIn: 0, transferOut: 0 });
  });
});
