import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { assemble } from '../../src/assemble.js';
import { setPublicStatistics } from '../../src/auth/index.js';
import { loadDemo } from '../../src/demo/index.js';
import { buildApp } from '../../src/server/index.js';
import { bruteForceCounts } from '../../src/stats/index.js';
import type { Store } from '../../src/store/index.js';
import { describeEachEngine, freshStore } from '../engines.js';

/** Every API route: good input, bad input (problem+json with a code), and not found. */
describeEachEngine('HTTP API', (engine) => {
  let store: Store & { drop(): Promise<void> };
  let app: FastifyInstance;
  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    store = await freshStore(engine);
    assemble();
    await loadDemo(store, { scale: 0.001, seed: 3 });
    // These tests are about the answers, asked without a session (test/api/permissions.test.ts is about who may ask).
    await setPublicStatistics(store, true);
    app = await buildApp({ store, webRoot: null });
  });
  afterAll(async () => {
    await app?.close();
    await store?.drop();
  });

  function expectProblem(res: Awaited<ReturnType<typeof get>>, status: number, code: string) {
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = res.json();
    expect(body).toMatchObject({ status, code, type: `https://ipregion.dev/problems/${code}` });
    expect(body.detail.length).toBeGreaterThan(0);
    return body;
  }

  it('health and readiness', async () => {
    expect((await get('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = (await get('/readyz')).json();
    expect(ready.status).toBe('ready');
    expect(Number(ready.dataVersion)).toBeGreaterThan(0);
  });

  it('meta says what the database holds', async () => {
    const meta = (await get('/api/meta')).json();
    expect(meta.engine).toBe(engine);
    expect(meta.rights).toBe(
      Object.values(meta.rightsByKind as Record<string, number>).reduce((a, b) => a + b),
    );
    expect(meta.defaultDate).toMatch(/^\d{4}-(06-30|12-31)$/);
  });

  it('figures agree with the brute-force count, by province and kind', async () => {
    const res = await get('/api/stats/figures?date=2024-06-30&region=central&groupBy=province,kind');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const brute = await bruteForceCounts(store, '2024-06-30');
    const central = ['14', '41', '34', '42', '43', '36'];
    for (const f of body.figures as Array<{ group: { province: string; kind: string }; value: number }>) {
      const expected = brute
        .filter((b) => b.region.startsWith(f.group.province) && b.kind === f.group.kind)
        .reduce((a, b) => a + b.n, 0);
      expect(central).toContain(f.group.province);
      expect(f.value).toBe(expected);
    }
    expect(body.figures.length).toBeGreaterThan(6);
  });

  it('a figure without a breakdown equals the sum of its breakdown, on any date', async () => {
    for (const date of ['2012-03-04', '2019-12-31', '2024-06-30']) {
      const total = (
        await get(`/api/stats/figures?date=${date}&region=central&kind=invention,design`)
      ).json();
      const parts = (
        await get(`/api/stats/figures?date=${date}&region=central&kind=invention,design&groupBy=city`)
      ).json();
      const sum = (parts.figures as Array<{ value: number }>).reduce((a, f) => a + f.value, 0);
      expect(total.figures[0].value).toBe(sum);
      expect(sum).toBeGreaterThan(0);
    }
  });

  it('figures give density per 10,000 people and YoY', async () => {
    const body = (
      await get('/api/stats/figures?date=2024-06-30&region=34&kind=invention&density=true')
    ).json();
    const f = body.figures[0];
    expect(f.population).toBeGreaterThan(5000);
    expect(f.perTenThousand).toBeCloseTo(f.value / f.population, 2);
    expect(f.yoy).toBeCloseTo((f.value - f.previousYear) / f.previousYear, 10);
  });

  it('statistics carry an ETag and answer 304 when nothing changed', async () => {
    const url = '/api/stats/figures?date=2024-06-30&kind=trademark';
    const first = await get(url);
    expect(first.headers.etag).toBeTruthy();
    expect(first.headers['cache-control']).toContain('max-age');
    const again = await get(url, { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('bad statistics questions are problem+json naming the parameter', async () => {
    const body = expectProblem(
      await get('/api/stats/figures?date=2024-13-01&kind=patent'),
      400,
      'invalid_input',
    );
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'querystring.date',
      'querystring.kind',
    ]);
    expect(body.detail).toContain('"2024-13-01" is not a date');
    expectProblem(await get('/api/stats/figures'), 400, 'invalid_input');
    expectProblem(await get('/api/stats/figures?date=2024-06-30&region=atlantis'), 400, 'invalid_input');
    expectProblem(await get('/api/stats/figures?date=2024-06-30&groupBy=planet'), 400, 'invalid_input');
    expectProblem(
      await get('/api/stats/figures?date=2024-06-30&groupBy=industry&industry=x y'),
      400,
      'invalid_input',
    );
  });

  it('trend gives a value per date, and refuses too many dates', async () => {
    const body = (await get('/api/stats/trend?dates=2022-12-31,2023-12-31&kind=invention')).json();
    expect(body.points.map((p: { date: string }) => p.date)).toEqual(['2022-12-31', '2023-12-31']);
    const fig = (await get('/api/stats/figures?date=2023-12-31&kind=invention')).json();
    expect(body.points[1].value).toBe(fig.figures[0].value);
    const many = Array.from({ length: 41 }, (_, i) => `${1990 + i}-12-31`).join(',');
    expectProblem(await get(`/api/stats/trend?dates=${many}`), 400, 'invalid_input');
    expectProblem(await get('/api/stats/trend?dates=2022-12-31,yesterday'), 400, 'invalid_input');
  });

  it('flows over a period, and a period that ends before it starts', async () => {
    const body = (await get('/api/stats/flows?from=2023-01-01&to=2023-12-31')).json();
    expect(body.flows.grant).toBeGreaterThan(0);
    expectProblem(await get('/api/stats/flows?from=2024-01-01&to=2023-01-01'), 400, 'invalid_input');
  });

  it('drills a figure down to exactly its rights, page by page', async () => {
    const fig = (await get('/api/stats/figures?date=2024-06-30&region=34&kind=invention')).json();
    const total = fig.figures[0].value as number;
    const seen = new Set<number>();
    let cursor: string | null = null;
    do {
      const res = await get(
        `/api/stats/drill?date=2024-06-30&region=34&kind=invention&limit=7${cursor ? `&cursor=${cursor}` : ''}`,
      );
      const page = res.json();
      for (const item of page.items) {
        expect(item.kind).toBe('invention');
        expect(item.region.startsWith('34')).toBe(true);
        seen.add(item.id);
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.size).toBe(total);
    const csv = await get('/api/stats/drill.csv?date=2024-06-30&region=34&kind=invention');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.trim().split('\n')).toHaveLength(total + 1);
    expectProblem(await get('/api/stats/drill?date=2024-06-30&cursor=abc'), 400, 'invalid_input');
    expectProblem(await get('/api/stats/drill?date=2024-06-30&limit=0'), 400, 'invalid_input');
    expectProblem(await get('/api/stats/drill?date=2024-06-30&industry=*'), 400, 'invalid_input');
  });

  it('the regional report in JSON, HTML and Markdown', async () => {
    const json = (await get('/api/stats/report?date=2024-06-30')).json();
    expect(json.regionCodes).toEqual(['14', '41', '34', '42', '43', '36']);
    expect(json.headline).toHaveLength(4);
    const html = await get('/api/stats/report?date=2024-06-30&region=34&format=html');
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.body).toContain('安徽');
    const md = await get('/api/stats/report?date=2024-06-30&format=md');
    expect(md.body).toContain('| figure | value |');
    expectProblem(await get('/api/stats/report?date=2024-06-30&format=pdf'), 400, 'invalid_input');
    expectProblem(await get('/api/stats/report?date=2024-06-30&region=nowhere'), 400, 'invalid_input');
  });

  it('a right with its holders, timeline and validity; unknown and malformed ids', async () => {
    const drill = (await get('/api/stats/drill?date=2024-06-30&kind=invention&limit=1')).json();
    const id = drill.items[0].id as number;
    const right = (await get(`/api/rights/${id}?asOf=2024-06-30`)).json();
    expect(right.id).toBe(id);
    expect(right.status.inForce).toBe(true);
    expect(right.events.some((e: { type: string }) => e.type === 'grant')).toBe(true);
    expect(right.validity.intervals[0].from <= '2024-06-30').toBe(true);
    expect(right.firstHolderOnDate.regionCode).toBe(drill.items[0].region);
    expectProblem(await get('/api/rights/999999999'), 404, 'not_found');
    expectProblem(await get('/api/rights/abc'), 400, 'invalid_input');
    expectProblem(await get(`/api/rights/${id}?asOf=soon`), 400, 'invalid_input');
  });

  it('searches the registry by number, words and filters, page by page', async () => {
    const drill = (await get('/api/stats/drill?date=2024-06-30&kind=invention&region=42&limit=1')).json();
    const target = drill.items[0];
    const byNumber = (await get(`/api/rights?number=${encodeURIComponent(target.number)}`)).json();
    expect(byNumber.items.map((h: { id: number }) => h.id)).toContain(target.id);
    const word = String(target.title).slice(2, 5);
    const byWords = (
      await get(
        `/api/rights?q=${encodeURIComponent(word)}&region=42&kind=invention&inForceOn=2024-06-30&limit=200`,
      )
    ).json();
    expect(byWords.items.map((h: { id: number }) => h.id)).toContain(target.id);
    for (const h of byWords.items) {
      expect(h.title).toContain(word);
      expect(h.region.startsWith('42')).toBe(true);
    }
    const first = (await get('/api/rights?kind=design&limit=3')).json();
    expect(first.items).toHaveLength(3);
    const next = (await get(`/api/rights?kind=design&limit=3&cursor=${first.nextCursor}`)).json();
    expect(next.items[0].id).toBeLessThan(first.items[2].id);
    expectProblem(await get('/api/rights?cursor=not-a-cursor'), 400, 'invalid_input');
    expectProblem(await get('/api/rights?limit=500'), 400, 'invalid_input');
    expectProblem(await get('/api/rights?inForceOn=2024-02-30'), 400, 'invalid_input');
  });

  it('reference data: regions, IPC, Nice, industries', async () => {
    const tree = (await get('/api/reference/regions?root=central&depth=1')).json();
    expect(tree.map((r: { code: string }) => r.code)).toEqual(['14', '41', '34', '42', '43', '36']);
    expect(tree[2].children.some((c: { name: string }) => c.name === '合肥市')).toBe(true);
    const hefei = (await get('/api/reference/regions/340100')).json();
    expect(hefei.ancestors.map((a: { code: string }) => a.code)).toEqual(['34']);
    expect(hefei.population.value).toBeGreaterThan(900);
    expectProblem(await get('/api/reference/regions/999999'), 404, 'not_found');
    expectProblem(await get('/api/reference/regions/3401'), 400, 'invalid_input');
    expect(
      (await get('/api/reference/ipc?prefix=H01')).json().some((e: { code: string }) => e.code === 'H01M'),
    ).toBe(true);
    expect((await get('/api/reference/ipc')).json()).toHaveLength(8);
    expectProblem(await get('/api/reference/ipc?prefix=Z99'), 400, 'invalid_input');
    expectProblem(await get('/api/reference/ipc?prefix=A02'), 404, 'not_found');
    expect((await get('/api/reference/nice')).json()).toHaveLength(45);
    const schemes = (await get('/api/industries')).json();
    expect(schemes.map((s: { id: string }) => s.id)).toContain('sei-2021');
  });

  it('unknown routes are problem+json, and the OpenAPI document lists every route', async () => {
    expectProblem(await get('/api/nothing-here'), 404, 'route_not_found');
    const doc = (await get('/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    const documented = Object.keys(doc.paths).map((p) => p.replace(/\{(\w+)\}/g, ':$1'));
    const registered = app
      .printRoutes({ commonPrefix: false })
      .split('\n')
      .filter((l) => l.includes('/api/'));
    expect(registered.length).toBeGreaterThan(0);
    for (const path of [
      '/api/stats/figures',
      '/api/stats/drill',
      '/api/rights/:id',
      '/api/meta',
      '/healthz',
    ]) {
      expect(documented).toContain(path);
    }
    expect((await get('/docs/')).statusCode).toBe(200);
  });
});
