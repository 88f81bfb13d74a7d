import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { casesDb } from '../../src/cases/tables.js';
import { registeredEnterprise, seedCase, seedCenter } from '../../src/cases/test-factories.js';
import { startServer } from '../../src/server/index.js';
import { openStore } from '../../src/store/index.js';

describe('startServer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ipregion-server-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the demo region in an empty database, says so, and serves it on 127.0.0.1', async () => {
    const notices: string[] = [];
    const server = await startServer({
      database: join(dir, 'a.db'),
      port: 0,
      demo: { scale: 0.0005, seed: 2 },
      webRoot: null,
      onNotice: (m) => notices.push(m),
    });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(notices[0]).toContain('is empty: creating the demo region');
      const meta = (await (await fetch(`${server.url}/api/meta`)).json()) as { rights: number };
      expect(meta.rights).toBeGreaterThan(1000);
    } finally {
      await server.close();
    }
    const again = await startServer({
      database: join(dir, 'a.db'),
      port: 0,
      demo: { scale: 0.0005, seed: 2 },
      webRoot: null,
    });
    await again.close();
  });

  it('finishes requests in flight when it stops, then refuses new ones', async () => {
    const server = await startServer({ database: join(dir, 'a.db'), port: 0, demo: false, webRoot: null });
    // The answer has begun (headers in) and its body is still streaming when the server is told to stop.
    const res = await fetch(`${server.url}/api/stats/drill.csv?date=2024-06-30`);
    const closing = server.close();
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body.split('\n')[0]).toBe('id,kind,number,title,holder,holderType,region,regionName');
    expect(body.trim().split('\n').length).toBeGreaterThan(100);
    await closing;
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it('runs the deadline pass by itself: notices for a case past its deadline, once a day, and none after it stops', async () => {
    const file = join(dir, 'deadlines.db');
    const seed = await openStore(file);
    await seedCenter(seed);
    const { creditCode } = await registeredEnterprise(seed, '2024-01-02');
    // Filed in January 2024 and never touched: its intake deadline is long past.
    const { case: c } = await seedCase(seed, creditCode, '2024-01-08');
    await seed.close();

    const server = await startServer({
      database: file,
      port: 0,
      demo: false,
      webRoot: null,
      logLevel: 'silent',
      deadlinePass: { everyMs: 20, firstAfterMs: 0 },
    });
    const notices = () =>
      casesDb(server.store)
        .selectFrom('notifications')
        .select(['recipient', 'kind', 'on_date'])
        .where('case_id', '=', c.id)
        .where('kind', '=', 'overdue')
        .execute();
    let found: Awaited<ReturnType<typeof notices>> = [];
    for (let i = 0; i < 200 && found.length < 2; i++) {
      await new Promise((r) => setTimeout(r, 25));
      found = await notices();
    }
    // Several passes have run by now (every 20 ms): still one notice per recipient for the day.
    await new Promise((r) => setTimeout(r, 100));
    found = await notices();
    await server.close();
    expect(found.map((n) => n.recipient).sort()).toEqual(
      [`center:${c.centerId}`, `user:${c.applicant.userId}`].sort(),
    );

    const after = await openStore(file);
    const count = await casesDb(after).selectFrom('notifications').select('id').execute();
    await new Promise((r) => setTimeout(r, 100));
    expect(await casesDb(after).selectFrom('notifications').select('id').execute()).toHaveLength(
      count.length,
    );
    await after.close();
  });
});
