import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { assemble } from '../../src/assemble.js';
import { setPublicStatistics } from '../../src/auth/index.js';
import { loadDemo } from '../../src/demo/index.js';
import { checkItem, ingestSources } from '../../src/registry/index.js';
import { buildRight } from '../../src/registry/test-factories.js';
import { buildApp } from '../../src/server/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { describePostgres, freshStore, TEST_PG_URL } from '../engines.js';

/**
 * DESIGN.md: API processes are stateless; two of them over one PostgreSQL database answer the same,
 * including right after one of them (or an ingest anywhere) changed the data.
 */
describePostgres('two API processes on one PostgreSQL database', () => {
  let first: Awaited<ReturnType<typeof freshStore>>;
  let second: Store;
  let a: FastifyInstance;
  let b: FastifyInstance;

  beforeAll(async () => {
    first = await freshStore('postgres');
    assemble();
    await loadDemo(first, { scale: 0.001, seed: 5 });
    await setPublicStatistics(first, true);
    second = await openStore(TEST_PG_URL, { schema: first.schema! });
    a = await buildApp({ store: first, webRoot: null });
    b = await buildApp({ store: second, webRoot: null });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await second?.close();
    await first?.drop();
  });

  const url = '/api/stats/figures?date=2024-06-30&region=340100&kind=invention';
  const value = async (app: FastifyInstance) => (await app.inject(url)).json().figures[0].value as number;

  it('answer the same, and both see a change made through either store', async () => {
    const before = await value(a);
    expect(await value(b)).toBe(before);
    const drill = (
      await a.inject('/api/stats/drill?date=2024-06-30&region=340100&kind=invention&limit=200')
    ).json();
    const other = (
      await b.inject('/api/stats/drill?date=2024-06-30&region=340100&kind=invention&limit=200')
    ).json();
    expect(other).toEqual(drill);

    const record = buildRight({ grantDate: '2023-05-05' });
    await ingestSources(second, [
      {
        name: 'one more',
        format: 'generated',
        bytesTotal: 1,
        items: () => [checkItem({ type: 'right', record, position: { offset: 0 } })],
      },
    ]);
    expect(await value(a)).toBe(before + 1);
    expect(await value(b)).toBe(before + 1);
  });
});
