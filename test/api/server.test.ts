import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/index.js';

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
});
