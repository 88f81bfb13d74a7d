import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';

/** The processes whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** GET over a connection of its own (the cluster hands out connections, not requests). */
function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers: { connection: 'close' } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => {
        body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function until<T>(what: string, check: () => T | undefined | false, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const found = check();
    if (found) return found;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('ipregion serve --workers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ipregion-workers-'));
  let server: ChildProcess | null = null;
  afterAll(() => {
    if (server?.pid && alive(server.pid)) server.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves from two processes on one port, replaces one that dies, and stops them all on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', '--db', join(dir, 'w.db'), '--json', 'serve'].concat([
        '--port',
        '0',
        '--demo-scale',
        '0.0005',
        '--workers',
        '2',
        '--notify-every',
        'off',
      ]),
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    server = child;
    const stderr: string[] = [];
    child.stderr!.on('data', (c: Buffer) => stderr.push(c.toString()));
    // stdout: the request log (one JSON line per request, with the process id) and the summary.
    const answeredBy = new Set<number>();
    let summary = '';
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{"level"')) {
        summary += line;
        return;
      }
      const entry = JSON.parse(line) as { pid: number; url?: string };
      if (entry.url === '/api/meta') answeredBy.add(entry.pid);
    });
    const started = await until('the server to start', () => {
      try {
        return JSON.parse(summary) as { url: string; workers: number };
      } catch {
        return undefined;
      }
    });
    expect(started.workers).toBe(2);
    const workers = childrenOf(child.pid!).filter((pid) =>
      readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('main.ts'),
    );
    expect(workers).toHaveLength(2);

    for (let i = 0; i < 8; i++) {
      const res = await get(`${started.url}/api/meta`);
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body).rights).toBeGreaterThan(1000);
    }
    await until('both workers to answer', () => answeredBy.size === 2);
    expect([...answeredBy].sort()).toEqual([...workers].sort());

    process.kill(workers[1]!, 'SIGKILL');
    const replacement = await until('a replacement worker', () =>
      childrenOf(child.pid!).find(
        (pid) => !workers.includes(pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('main.ts'),
      ),
    );
    expect(stderr.join('')).toContain('stopped (SIGKILL); starting another');
    answeredBy.clear();
    for (let i = 0; i < 50 && !answeredBy.has(replacement); i++) {
      expect((await get(`${started.url}/api/meta`)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(answeredBy.has(replacement)).toBe(true);

    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect(code).toBe(0);
    expect(alive(workers[0]!)).toBe(false);
    expect(alive(replacement)).toBe(false);
  }, 120_000);
});
