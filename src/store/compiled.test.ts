import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, freshStore } from '../../test/engines.js';
import { compiledOnce } from './compiled.js';

describeEachEngine('queries compiled once', (engine) => {
  let store: Awaited<ReturnType<typeof freshStore>>;
  beforeAll(async () => {
    store = await freshStore(engine);
    await store.db
      .insertInto('meta')
      .values([
        { key: 'probe-a', value: 'one' },
        { key: 'probe-b', value: 'two' },
      ])
      .execute();
  });
  afterAll(async () => store?.drop());

  it('builds the query once and runs it with each value', async () => {
    let builds = 0;
    const byKey = compiledOnce((s, key: string) => {
      builds++;
      return s.db.selectFrom('meta').select('value').where('key', '=', key);
    });
    expect(await byKey(store, 'probe-a')).toEqual([{ value: 'one' }]);
    expect(await byKey(store, 'probe-b')).toEqual([{ value: 'two' }]);
    expect(await byKey(store, 'absent')).toEqual([]);
    expect(builds).toBe(1);
  });

  it('builds it every time, and still answers right, when the value is not its only parameter', async () => {
    let builds = 0;
    const byKeyAndValue = compiledOnce((s, key: string) => {
      builds++;
      return s.db.selectFrom('meta').select('key').where('key', '=', key).where('value', '!=', 'x');
    });
    expect(await byKeyAndValue(store, 'probe-a')).toEqual([{ key: 'probe-a' }]);
    expect(await byKeyAndValue(store, 'probe-b')).toEqual([{ key: 'probe-b' }]);
    expect(builds).toBe(3);
  });
});
