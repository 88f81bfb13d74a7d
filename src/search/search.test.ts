import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine, freshStore } from '../../test/engines.js';
import { CATEGORY_OF_TYPE, type Holder, type LegalEvent, type RightRecord } from '../core/index.js';
import { firstHolderOn, inForceOn, loadRight } from '../registry/index.js';
import { buildHolder, buildRight } from '../registry/test-factories.js';
import { RegistryWriter } from '../registry/writer.js';
import { regionWithin } from '../stats/index.js';
import { randomRegistry } from '../stats/random-registry.js';
import { parseIpc } from './filters.js';
import { type RightSearchQuery, refreshSearchIndex, searchRights } from './index.js';

type Fresh = Awaited<ReturnType<typeof freshStore>>;
type Query = Omit<RightSearchQuery, 'limit' | 'cursor'>;

function event(type: LegalEvent['type'], date: string, extra: Partial<LegalEvent> = {}): LegalEvent {
  return {
    type,
    category: CATEGORY_OF_TYPE[type],
    code: null,
    office: 'CN',
    effectiveDate: date,
    recordedDate: date,
    description: null,
    ...extra,
  };
}

const holder = (name: string, regionCode: string, extra: Partial<Holder> = {}) =>
  buildHolder({ name, regionCode, ...extra });

/** Named rights, each there for the filters a test is about. */
const fixture = {
  cathode: buildRight({
    title: '一种锂电池正极材料及其制备方法',
    ipc: ['H01M 4/525', 'H01M 10/0525'],
    holders: [holder('合肥国轩高科动力能源有限公司', '340104')],
    filingDate: '2016-03-01',
    grantDate: '2018-05-08',
  }),
  pack: buildRight({
    kind: 'utility_model',
    title: 'Lithium Battery Pack with Liquid Cooling',
    ipc: ['H01M 10/613'],
    holders: [holder('Wuhu Example Energy Co., Ltd.', '340202')],
    filingDate: '2019-01-10',
    grantDate: '2019-08-20',
  }),
  box: buildRight({
    kind: 'design',
    title: '电池盒',
    ipc: [],
    locarno: ['13-02'],
    holders: [holder('中国科学技术大学', '340100', { type: 'university' })],
    filingDate: '2020-01-02',
    grantDate: '2020-06-09',
  }),
  mark: buildRight({
    kind: 'trademark',
    applicationNumber: 'TM12345678',
    publicationNumber: null,
    grantNumber: '12345678',
    title: '锂享',
    ipc: [],
    nice: [9],
    holders: [holder('郑州锂享商贸有限公司', '410105')],
    filingDate: '2014-02-01',
    grantDate: '2015-01-07',
  }),
  magnet: buildRight({
    title: '一种稀土永磁材料',
    ipc: ['H01F 1/057'],
    holders: [holder('赣州稀土集团有限公司', '360702')],
    filingDate: '2005-01-04',
    grantDate: '2010-01-05',
    events: [
      event('lapse', '2015-06-01'),
      event('transfer', '2012-03-01', { newHolders: [holder('Nanchang Transfer Co', '360102')] }),
    ],
  }),
  electrode: buildRight({
    title: '一种电极组件',
    ipc: ['H01M 10/05', 'H01M 100/20'],
    holders: [holder('合肥包河电极有限公司', '340111')],
    filingDate: '2008-01-04',
    grantDate: '2012-01-05',
  }),
};
type Name = keyof typeof fixture;

/** 45 alike rights in Hubei, to page through. */
const bulk = Array.from({ length: 45 }, (_, i) =>
  buildRight({
    title: `一种批量测试装置 ${i}`,
    ipc: ['G06F 16/35'],
    holders: [holder(`武汉批量${i % 5}有限公司`, '420111')],
    grantDate: i % 2 === 0 ? '2021-01-05' : '2023-01-05',
  }),
);

async function write(store: Fresh, records: RightRecord[]): Promise<void> {
  const outcomes = await new RegistryWriter(store).write(
    records.map((record) => ({ type: 'right', record })),
  );
  expect(outcomes.filter((o) => typeof o === 'object')).toEqual([]);
}

/** Every hit of a query, walking its pages. */
async function all(store: Fresh, q: Query, limit = 200): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await searchRights(store, { ...q, cursor, limit });
    ids.push(...page.items.map((h) => h.id));
    cursor = page.nextCursor;
    if (!cursor) return ids;
  }
  throw new Error('too many pages');
}

describeEachEngine('registry search', (engine) => {
  let store: Fresh;
  const id = {} as Record<Name, number>;
  let bulkIds: number[] = [];
  const names = async (q: Query) => {
    const byId = new Map(Object.entries(id).map(([k, v]) => [v, k]));
    return (await all(store, q)).map((i) => byId.get(i) ?? `#${i}`).sort();
  };

  beforeAll(async () => {
    store = await freshStore(engine);
    await write(store, Object.values(fixture));
    await write(store, bulk);
    for (const [name, record] of Object.entries(fixture)) {
      const [found] = await searchRights(store, { number: record.applicationNumber, limit: 1 }).then(
        (p) => p.items,
      );
      id[name as Name] = found!.id;
    }
    bulkIds = (await all(store, { q: '批量测试装置' })).sort((a, b) => b - a);
  });
  afterAll(async () => store.drop());

  it('returns every right newest first without filters, with the hit fields', async () => {
    const ids = await all(store, {});
    expect(ids).toHaveLength(Object.keys(fixture).length + bulk.length);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const [hit] = (await searchRights(store, { number: fixture.magnet.grantNumber!, limit: 5 })).items;
    expect(hit).toEqual({
      id: id.magnet,
      kind: 'invention',
      office: 'CN',
      number: fixture.magnet.grantNumber,
      title: '一种稀土永磁材料',
      filingDate: '2005-01-04',
      grantDate: '2010-01-05',
      holder: 'Nanchang Transfer Co',
      holderType: 'enterprise',
      region: '360102',
    });
  });

  it('finds a right by any form of its numbers', async () => {
    const serial = fixture.cathode.applicationNumber.replace(/^CN/, '');
    for (const n of [fixture.cathode.grantNumber!, `ZL${serial}`, serial.replace('.', ''), `CN${serial}`]) {
      expect(await names({ number: n }), n).toEqual(['cathode']);
    }
    expect(await names({ number: 'TM12345678' })).toEqual(['mark']);
    expect(await names({ number: 'CN999999999A' })).toEqual([]);
  });

  it('matches Chinese title substrings of one, two and more characters', async () => {
    expect(await names({ q: '电池' })).toEqual(['box', 'cathode']);
    expect(await names({ q: '锂电池' })).toEqual(['cathode']);
    expect(await names({ q: '正极材料 制备' })).toEqual(['cathode']);
    expect(await names({ q: '锂' })).toEqual(['cathode', 'mark']);
    expect(await names({ q: '材料' })).toEqual(['cathode', 'magnet']);
    expect(await names({ q: '锂电池 永磁' })).toEqual([]);
  });

  it('matches English words case-insensitively, all of them', async () => {
    expect(await names({ q: 'lithium battery' })).toEqual(['pack']);
    expect(await names({ q: 'LITHIUM  cooling' })).toEqual(['pack']);
    expect(await names({ q: 'batt' })).toEqual(['pack']);
    expect(await names({ q: 'battery anode' })).toEqual([]);
    expect(await names({ q: '100% _x' })).toEqual([]);
  });

  it('matches any holder the right ever had, by part of the name', async () => {
    expect(await names({ holder: '国轩' })).toEqual(['cathode']);
    expect(await names({ holder: '国轩高科动力' })).toEqual(['cathode']);
    expect(await names({ holder: 'wuhu example' })).toEqual(['pack']);
    // The magnet patent was transferred: its first holder still finds it, and so does the new one.
    expect(await names({ holder: '赣州稀土' })).toEqual(['magnet']);
    expect(await names({ holder: 'nanchang' })).toEqual(['magnet']);
    expect(await names({ holder: '合肥' })).toEqual(['cathode', 'electrode']);
  });

  it('reads an IPC subclass or main group as a prefix and a full symbol exactly', async () => {
    expect(await names({ ipc: 'H01M' })).toEqual(['cathode', 'electrode', 'pack']);
    expect(await names({ ipc: 'H01M10' })).toEqual(['cathode', 'electrode', 'pack']);
    expect(await names({ ipc: 'h01m 10' })).toEqual(['cathode', 'electrode', 'pack']);
    expect(await names({ ipc: 'H01M 100' })).toEqual(['electrode']);
    expect(await names({ ipc: 'H01M 10/05' })).toEqual(['electrode']);
    expect(await names({ ipc: 'H01M10/05*' })).toEqual(['cathode', 'electrode']);
    expect(await names({ ipc: 'H01M 10/0525' })).toEqual(['cathode']);
    expect(await names({ ipc: 'H01' })).toEqual(['cathode', 'electrode', 'magnet', 'pack']);
    expect(await names({ ipc: 'H02' })).toEqual([]);
    await expect(searchRights(store, { ipc: 'lithium', limit: 5 })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('selects the current first holder’s province, city (with its districts) or district', async () => {
    expect(await names({ regions: ['34'] })).toEqual(['box', 'cathode', 'electrode', 'pack']);
    expect(await names({ regions: ['340100'] })).toEqual(['box', 'cathode', 'electrode']);
    expect(await names({ regions: ['340104'] })).toEqual(['cathode']);
    expect(await names({ regions: ['340104', '410105'] })).toEqual(['cathode', 'mark']);
    // Transferred from Ganzhou (360702) to Nanchang (360102).
    expect(await names({ regions: ['360702'] })).toEqual([]);
    expect(await names({ regions: ['360100'] })).toEqual(['magnet']);
    expect(await all(store, { regions: ['42'] })).toEqual(bulkIds);
  });

  it('filters by kind', async () => {
    expect(await names({ kinds: ['design', 'trademark'] })).toEqual(['box', 'mark']);
    expect(await names({ kinds: ['utility_model'] })).toEqual(['pack']);
  });

  it('keeps the rights in force on a date', async () => {
    const fixed = { regions: ['34', '36', '41'] };
    expect(await names({ ...fixed, inForceOn: '2011-01-01' })).toEqual(['magnet']);
    expect(await names({ ...fixed, inForceOn: '2016-01-01' })).toEqual(['electrode', 'mark']);
    expect(await names({ ...fixed, inForceOn: '2019-06-01' })).toEqual(['cathode', 'electrode', 'mark']);
    expect(await names({ ...fixed, inForceOn: '2025-06-01' })).toEqual([
      'box',
      'cathode',
      'electrode',
      'pack',
    ]);
    expect(await all(store, { regions: ['42'], inForceOn: '2022-01-01' }, 4)).toHaveLength(23);
  });

  it('combines filters', async () => {
    expect(await names({ q: '电池', kinds: ['invention'], regions: ['34'] })).toEqual(['cathode']);
    expect(await names({ q: '材料', holder: '赣州', ipc: 'H01F', inForceOn: '2012-06-01' })).toEqual([
      'magnet',
    ]);
    expect(await names({ q: '材料', holder: '赣州', ipc: 'H01F', inForceOn: '2016-06-01' })).toEqual([]);
    expect(await names({ number: fixture.pack.grantNumber!, q: 'lithium', regions: ['340200'] })).toEqual([
      'pack',
    ]);
  });

  it('pages through every hit once, in order, with or without the in-force filter', async () => {
    for (const limit of [1, 7, 45, 200]) {
      expect(await all(store, { q: '批量测试装置' }, limit)).toEqual(bulkIds);
    }
    const inForce = await all(store, { q: '批量测试', inForceOn: '2022-01-01' }, 200);
    expect(inForce).toHaveLength(23);
    for (const limit of [1, 4, 22, 23]) {
      expect(await all(store, { q: '批量测试', inForceOn: '2022-01-01' }, limit)).toEqual(inForce);
    }
    const last = await searchRights(store, { q: '批量测试装置', limit: 45 });
    expect(last.nextCursor).toBeNull();
  });

  it('refuses a bad cursor, a cursor of another query, and a bad limit or filter', async () => {
    const first = await searchRights(store, { q: '批量', limit: 5 });
    const cases: RightSearchQuery[] = [
      { q: '批量', cursor: 'not-a-cursor', limit: 5 },
      { q: '批量', cursor: Buffer.from('{"after":-3}').toString('base64url'), limit: 5 },
      { q: '装置', cursor: first.nextCursor, limit: 5 },
      { limit: 0 },
      { limit: 201 },
      { limit: 2.5 },
      { regions: ['anhui'], limit: 5 },
      { kinds: ['patent' as 'invention'], limit: 5 },
      { inForceOn: '2024-02-30', limit: 5 },
      { q: 'x'.repeat(201), limit: 5 },
    ];
    for (const q of cases) {
      await expect(searchRights(store, q), JSON.stringify(q)).rejects.toMatchObject({
        code: 'invalid_input',
      });
    }
    const next = await searchRights(store, { q: '批量', cursor: first.nextCursor, limit: 5 });
    expect(next.items).toHaveLength(5);
  });

  it('indexes rights ingested after the last search', async () => {
    expect(await refreshSearchIndex(store)).toBe(false);
    expect(await names({ q: '钠离子' })).toEqual([]);
    const more = buildRight({
      title: '一种钠离子电池负极',
      holders: [holder('安庆新能源有限公司', '340800')],
    });
    await write(store, [more]);
    const [hit] = (await searchRights(store, { q: '钠离子', limit: 5 })).items;
    expect(hit).toMatchObject({
      title: '一种钠离子电池负极',
      holder: '安庆新能源有限公司',
      region: '340800',
    });
    expect(await refreshSearchIndex(store)).toBe(false);
  });

  it('follows a right whose title, holder and IPC change on re-ingest, and a transfer', async () => {
    const changed: RightRecord = {
      ...fixture.electrode,
      title: '一种固态电解质组件',
      ipc: ['H01M 10/0562'],
      holders: [holder('芜湖固态科技有限公司', '340202')],
    };
    await write(store, [changed]);
    expect(await names({ q: '电极组件' })).toEqual([]);
    expect(await names({ q: '固态电解质' })).toEqual(['electrode']);
    expect(await names({ holder: '包河电极' })).toEqual([]);
    expect(await names({ holder: '芜湖固态' })).toEqual(['electrode']);
    expect(await names({ ipc: 'H01M 10/05' })).toEqual([]);
    expect(await names({ ipc: 'H01M 10/0562' })).toEqual(['electrode']);
    expect(await names({ regions: ['340100'] })).toEqual(['box', 'cathode']);

    const outcomes = await new RegistryWriter(store).write([
      {
        type: 'events',
        events: {
          office: 'CN',
          number: fixture.box.grantNumber!,
          events: [event('transfer', '2022-02-02', { newHolders: [holder('郑州盒子有限公司', '410105')] })],
        },
      },
    ]);
    expect(outcomes).toEqual(['accepted']);
    expect(await names({ regions: ['410105'] })).toEqual(['box', 'mark']);
    expect(await names({ holder: '郑州盒子' })).toEqual(['box']);
    expect(await names({ holder: '中国科学技术大学' })).toEqual(['box']);
  });
});

describeEachEngine('registry search against the validity rules', (engine) => {
  let store: Fresh;
  let ids: number[] = [];
  beforeAll(async () => {
    store = await freshStore(engine);
    const records = randomRegistry(5, 300);
    for (let i = 0; i < records.length; i += 60) {
      await new RegistryWriter(store).write(
        records.slice(i, i + 60).map((record) => ({ type: 'right', record })),
      );
    }
    ids = await all(store, {});
    expect(ids).toHaveLength(300);
  });
  afterAll(async () => store.drop());

  it('finds exactly the rights the registry says are in force, and in the region of their holder', async () => {
    const rights = (await Promise.all(ids.map((i) => loadRight(store, i)))).map((r) => r!);
    for (const date of ['2003-03-03', '2010-01-01', '2016-02-29', '2024-06-30']) {
      const expected = rights.filter((r) => inForceOn(r, date)).map((r) => r.id);
      expect(await all(store, { inForceOn: date }, 37), date).toEqual(expected);
    }
    for (const region of ['34', '340100', '340104', '42', '420111', '110108']) {
      const expected = rights
        .filter((r) => regionWithin(firstHolderOn(r, '9999-12-31')?.regionCode ?? '', region))
        .map((r) => r.id);
      expect(await all(store, { regions: [region] }), region).toEqual(expected);
    }
  });
});

describe('IPC symbols', () => {
  it('normalises spacing and case and tells a prefix from an exact symbol', () => {
    expect(parseIpc('H01M')).toEqual({ prefix: 'H01M' });
    expect(parseIpc('h01m 10')).toEqual({ prefix: 'H01M10/' });
    expect(parseIpc('H01M 10/')).toEqual({ prefix: 'H01M10/' });
    expect(parseIpc('H01M 10/0525')).toEqual({ exact: 'H01M10/0525' });
    expect(parseIpc('H01M 10/05 *')).toEqual({ prefix: 'H01M10/05' });
    expect(() => parseIpc('H01M 10/0525/1')).toThrow(/not an IPC symbol/);
  });
});
