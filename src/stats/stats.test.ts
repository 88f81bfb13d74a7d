import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, freshStore } from '../../test/engines.js';
import type { IsoDate } from '../core/index.js';
import { ingestSources } from '../registry/index.js';
import { checkItem } from '../registry/ingest/check.js';
import { RegistryWriter } from '../registry/writer.js';
import { bruteForceCounts } from './brute.js';
import { StatsEngine } from './engine.js';
import { randomRegistry } from './random-registry.js';

type Fresh = Awaited<ReturnType<typeof freshStore>>;

/** `derive`: whether the items carry a record's keys and contributions (else the writer derives them). */
async function load(
  store: Fresh,
  records: ReturnType<typeof randomRegistry>,
  name: string,
  derive: (i: number) => boolean = () => true,
) {
  return ingestSources(
    store,
    [
      {
        name,
        format: 'generated',
        bytesTotal: records.length,
        items: () =>
          records.map((record, i) => {
            const checked = checkItem({ type: 'right', record, position: { offset: i } });
            if (derive(i) || !('item' in checked) || checked.item.type !== 'right') return checked;
            const { keys: _k, contributions: _c, ...bare } = checked.item;
            return { ...checked, item: bare };
          }),
      },
    ],
    { batchSize: 37 },
  );
}

/** region|kind|holderType → count, from the engine and from the brute-force SQL. */
async function compare(store: Fresh, engine: StatsEngine, date: IsoDate, knownOn: IsoDate | null) {
  const fromEngine = new Map<string, number>();
  for (const row of await engine.count({ date, knownOn, groupBy: ['district', 'kind', 'holderType'] })) {
    fromEngine.set(`${row.group.district}|${row.group.kind}|${row.group.holderType}`, row.value);
  }
  const fromSql = new Map<string, number>();
  for (const row of await bruteForceCounts(store, date, knownOn)) {
    fromSql.set(`${row.region}|${row.kind}|${row.holderType}`, row.n);
  }
  expect(fromEngine, `${date} as known on ${knownOn ?? 'now'}`).toEqual(fromSql);
  // Not vacuous: from 2008 on the random registries always have rights in force.
  if (date >= '2008' && (knownOn ?? '9999') >= '2010') expect(fromSql.size).toBeGreaterThan(3);
}

const DATES = [
  '2001-06-30',
  '2008-02-29',
  '2012-12-31',
  '2016-03-01',
  '2019-07-15',
  '2023-06-30',
  '2024-06-30',
  '2030-01-01',
];
const KNOWN = [null, '2010-01-01', '2019-12-31', '2024-07-01'];

describeEachEngine('statistics structure against brute-force SQL', (engineName) => {
  let store: Fresh;
  let engine: StatsEngine;
  beforeAll(async () => {
    store = await freshStore(engineName);
    engine = new StatsEngine(store);
  });
  afterAll(async () => store.drop());

  it('agrees on random registries for random dates and knowledge dates', async () => {
    await load(store, randomRegistry(11, 400), 'first');
    for (const date of DATES) for (const knownOn of KNOWN) await compare(store, engine, date, knownOn);
  });

  it('still agrees after late events, changed records and a re-ingest of the same records', async () => {
    const changed = randomRegistry(11, 400).map((r, i) =>
      i % 3 === 0
        ? {
            ...r,
            holders: randomRegistry(99, 400)[i]!.holders,
            events: [...r.events, ...randomRegistry(98, 400)[i]!.events],
          }
        : r,
    );
    await load(store, changed, 'second');
    await load(store, changed, 'again');
    // Some records as a reading thread busier than the writer hands them over: the writer derives
    // their keys and contributions itself.
    await load(store, randomRegistry(12, 200), 'more', (i) => i % 3 !== 1);
    for (const date of DATES) for (const knownOn of KNOWN) await compare(store, engine, date, knownOn);
  });

  it('still agrees when events for a right come in the same batch as the right', async () => {
    const records = randomRegistry(21, 60);
    const items = records.flatMap((record, i) => [
      checkItem({
        type: 'right',
        record: { ...record, events: record.events.slice(0, 1) },
        position: { offset: i },
      }),
      checkItem({
        type: 'events',
        events: { office: 'CN', number: record.applicationNumber, events: record.events.slice(1) },
        position: { offset: i },
      }),
    ]);
    const s = await ingestSources(
      store,
      [{ name: 'mixed', format: 'generated', bytesTotal: items.length, items: () => items }],
      {
        batchSize: 50,
      },
    );
    expect(s.rejected).toBe(0);
    for (const date of DATES.slice(3))
      for (const knownOn of KNOWN) await compare(store, engine, date, knownOn);
  });

  it('agrees while deltas wait in the journal, after a fold in the middle, and after the last fold', async () => {
    const journalRows = async () =>
      Number(
        (
          await store.db
            .selectFrom('stat_journal')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    // Every other batch as the reading thread sends it (with its base contribution), the others bare.
    const records = randomRegistry(31, 300);
    // The first half folded after every batch, the second left in the journal.
    const folding = new RegistryWriter(store, { foldEvery: 1 });
    const writer = new RegistryWriter(store);
    for (let i = 0; i < records.length; i += 25) {
      const items = records.slice(i, i + 25).map((record, j) => {
        const checked = checkItem({ type: 'right', record, position: { offset: i + j } });
        if (!('item' in checked) || checked.item.type !== 'right') throw new Error('not a right');
        return (i / 25) % 2 === 0 ? checked.item : { type: 'right' as const, record: checked.item.record };
      });
      await (i < records.length / 2 ? folding : writer).write(items);
    }
    if (engineName === 'sqlite') expect(await journalRows()).toBeGreaterThan(0);
    for (const date of DATES.slice(2))
      for (const knownOn of KNOWN) await compare(store, engine, date, knownOn);
    await writer.finish();
    expect(await journalRows()).toBe(0);
    for (const date of DATES.slice(2))
      for (const knownOn of KNOWN) await compare(store, engine, date, knownOn);
  });

  it('filters by region, kind and holder type as the sum of the groups', async () => {
    const all = await engine.count({ date: '2020-01-01', groupBy: ['province', 'kind'] });
    const anhui = await engine.count({ date: '2020-01-01', regions: ['34'], kinds: ['invention'] });
    const expected = all
      .filter((r) => r.group.province === '34' && r.group.kind === 'invention')
      .reduce((s, r) => s + r.value, 0);
    expect(anhui[0]!.value).toBe(expected);
    const hefei = await engine.count({ date: '2020-01-01', regions: ['340100'] });
    const district = await engine.count({ date: '2020-01-01', regions: ['340104'] });
    expect(hefei[0]!.value).toBeGreaterThanOrEqual(district[0]!.value);
  });
});
