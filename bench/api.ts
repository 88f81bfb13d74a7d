import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import type { BenchFigure } from './report.js';

/** Starts a server process and waits for the JSON line that says its URL. */
export async function spawnServer(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ url: string; child: ChildProcess }> {
  // IPREGION_BENCH_SERVER_NODE_ARGS: extra Node flags for the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const nodeArgs = (process.env.IPREGION_BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before it listened`)));
    // `serve --json` prints one JSON object (over several lines) once it listens.
    let text = '';
    lines.on('line', (line) => {
      text += line;
      try {
        const parsed = JSON.parse(text) as { url?: string };
        if (parsed.url) resolve(parsed.url);
        text = '';
      } catch {
        if (!text.startsWith('{')) text = '';
      }
    });
  });
  child.stdout!.resume();
  return { url, child };
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const late = setTimeout(() => {
    console.error(`server ${child.pid} did not stop within 10 s of SIGTERM: killing it`);
    child.kill('SIGKILL');
  }, 10_000);
  await exited;
  clearTimeout(late);
}

async function load(url: string, paths: string[] | (() => string), seconds: number) {
  const requests =
    typeof paths === 'function'
      ? [{ method: 'GET' as const, setupRequest: (req: autocannon.Request) => ({ ...req, path: paths() }) }]
      : paths.map((path) => ({ method: 'GET' as const, path }));
  const result = await autocannon({ url, connections: 32, duration: seconds, requests });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

/**
 * A statistics endpoint under load on loopback, served by `ipregion serve` (its default request
 * log included, to /dev/null) over the demo region; beside it a bare Fastify route served the same
 * way, measured in the same run: the ceiling of this machine and this load generator. Each load is
 * bounded in time; the servers are stopped afterwards.
 */
export async function benchApi(opts: { seconds: number; scale: number }): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ipregion-bench-api-'));
  const started: ChildProcess[] = [];
  try {
    const bare = await spawnServer(['bench/bare-server.ts']);
    started.push(bare.child);
    const api = await spawnServer(
      [
        'src/cli/main.ts',
        '--json',
        '--db',
        join(dir, 'api.db'),
        'serve',
        '--port',
        '0',
        '--demo-scale',
        String(opts.scale),
      ],
      { IPREGION_LOG_LEVEL: 'info' },
    );
    started.push(api.child);
    const paths = ['central', '34', '41', '42', '43', '36', '14', '340100'].flatMap((region) => [
      `/api/stats/figures?date=2024-06-30&region=${region}&kind=invention&density=true`,
      `/api/stats/figures?date=2023-12-31&region=${region}&groupBy=kind`,
    ]);
    await load(api.url, paths, 2); // warm-up: the first question builds the running totals
    const ceiling = await load(bare.url, ['/bare'], opts.seconds);
    const ours = await load(api.url, paths, opts.seconds);
    // Every request a question not asked before (a random day and region): each one is counted.
    let n = 0;
    const regions = ['central', '34', '41', '42', '43', '36', '14', '340100', '420100', '410100'];
    const distinct = () => {
      n += 1;
      const day = new Date(Date.UTC(2010, 0, 1) + ((n * 7919) % 5800) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      return `/api/stats/figures?date=${day}&region=${regions[n % regions.length]}&kind=invention&density=true`;
    };
    const fresh = await load(api.url, distinct, opts.seconds);
    const note = `${opts.seconds} s, 32 connections, ${paths.length} figure questions in turn; errors ${ours.errors}`;
    const freshNote = `${opts.seconds} s, 32 connections, a new date/region question each request (${n.toLocaleString('en-US')} asked); errors ${fresh.errors}`;
    return [
      {
        bench: 'api',
        metric: 'statistics endpoint throughput',
        unit: 'requests/s',
        ours: ours.rps,
        baseline: ceiling.rps,
        baselineName: 'bare Fastify route',
        target: 5000,
        better: 'higher',
        note,
      },
      {
        bench: 'api',
        metric: 'statistics endpoint p99 latency',
        unit: 'ms',
        ours: ours.p99,
        baseline: ceiling.p99,
        baselineName: 'bare Fastify route',
        target: 50,
        better: 'lower',
        note,
      },
      {
        bench: 'api',
        metric: 'statistics endpoint throughput, every question new',
        unit: 'requests/s',
        ours: fresh.rps,
        baseline: ceiling.rps,
        baselineName: 'bare Fastify route',
        target: 5000,
        better: 'higher',
        note: freshNote,
      },
      {
        bench: 'api',
        metric: 'statistics endpoint p99 latency, every question new',
        unit: 'ms',
        ours: fresh.p99,
        baseline: ceiling.p99,
        baselineName: 'bare Fastify route',
        target: 50,
        better: 'lower',
        note: freshNote,
      },
    ];
  } finally {
    for (const c of started) await stop(c);
    rmSync(dir, { recursive: true, force: true });
  }
}
