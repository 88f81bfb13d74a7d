import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import pg from 'pg';
import { createUser } from '../src/auth/index.js';
import { createCenters, demoCenters, verifyAudit, workflowOf } from '../src/cases/index.js';
import { withCheck } from '../src/core/index.js';
import { openStore } from '../src/store/index.js';
import { spawnServer, stop } from './api.js';
import type { BenchFigure } from './report.js';

const PG_URL = process.env.IPREGION_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const PASSWORD = 'bench-cases-2024';
const TERMINAL = new Set(workflowOf('mediation').terminal);
/** People at their screens: 0.5–1.5 s between one request and the next (reading a page, clicking). */
const PAUSE: [number, number] = [500, 1500];

interface Answer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** One client: its own keep-alive connection from its own loopback address (the login limit counts per address). */
class Client {
  readonly agent: Agent;
  cookie = '';
  csrf = '';
  constructor(
    readonly port: number,
    readonly address: string,
    readonly latencies: number[],
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: 1, localAddress: address });
  }

  send(method: string, path: string, body?: unknown): Promise<Answer> {
    const payload = body === undefined ? null : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(payload.length);
    }
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: this.port, method, path, agent: this.agent, headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            this.latencies.push(performance.now() - started);
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString(),
              headers: res.headers,
            });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload ?? undefined);
    });
  }
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

interface Tally {
  requests: number;
  errors: number;
  errorSamples: string[];
  conflicts: number;
  created: number;
  /** Successful updates per case: all of them, and those that were workflow actions (a history row each). */
  updates: Map<string, { all: number; actions: number }>;
}

function error(t: Tally, what: string, a: Answer): void {
  t.errors += 1;
  if (t.errorSamples.length < 5) t.errorSamples.push(`${what}: ${a.status} ${a.body.slice(0, 200)}`);
}
/** How a phase's clients behave: without pause, or pausing between requests as people at their screens do. */
interface Phase {
  until: number;
  /** Milliseconds between a client's requests, drawn uniformly from [min, max]; null: none. */
  pause: [number, number] | null;
}

/** A pause between two requests; none once the phase's time is up, so that the load stops promptly. */
function pauseFor(phase: Phase): Promise<void> {
  if (phase.pause === null || Date.now() >= phase.until) return Promise.resolve();
  const [min, max] = phase.pause;
  return new Promise((r) => setTimeout(r, min + Math.random() * (max - min)));
}

/** An enterprise user: files a mediation case with its center, then opens its page, until the time is up. */
async function enterpriseLoop(
  c: Client,
  centerId: string,
  pool: Map<string, string[]>,
  t: Tally,
  phase: Phase,
) {
  let n = 0;
  while (Date.now() < phase.until) {
    n += 1;
    const made = await c.send('POST', '/api/cases', {
      type: 'mediation',
      centerId,
      title: `专利纠纷调解请求 ${n}`,
      description: 'benchmark case',
      otherParty: '某被申请人有限公司',
    });
    t.requests += 1;
    if (made.status !== 201) {
      error(t, 'create', made);
      continue;
    }
    const id = (JSON.parse(made.body) as { case: { id: string } }).case.id;
    t.created += 1;
    t.updates.set(id, { all: 0, actions: 0 });
    const list = pool.get(centerId)!;
    list.push(id);
    if (list.length > 40) list.shift();
    await pauseFor(phase);
    const page = await c.send('GET', `/api/cases/${id}`);
    t.requests += 1;
    if (page.status !== 200) error(t, 'view', page);
    await pauseFor(phase);
  }
}

interface View {
  case: { id: string; version: number };
  actions: { action: string; to: string }[];
}

/**
 * An officer: opens one of the center's recent cases and (after a pause, if the phase has them)
 * changes it on the version read — a step of the mediation workflow that does not end it, or a
 * correction of the other party. On 409 conflict it reads the case again and retries.
 */
async function officerLoop(c: Client, centerId: string, pool: Map<string, string[]>, t: Tally, phase: Phase) {
  while (Date.now() < phase.until) {
    const list = pool.get(centerId)!;
    if (list.length === 0) {
      await new Promise((r) => setTimeout(r, 5));
      continue;
    }
    const id = pick(list);
    for (let attempt = 0; attempt < 20 && Date.now() < phase.until + 5000; attempt++) {
      const page = await c.send('GET', `/api/cases/${id}`);
      t.requests += 1;
      if (page.status !== 200) {
        error(t, 'view', page);
        break;
      }
      const view = JSON.parse(page.body) as View;
      const steps = view.actions.filter((a) => !TERMINAL.has(a.to));
      const isAction = steps.length > 0 && Math.random() < 0.7;
      await pauseFor(phase);
      const res = isAction
        ? await c.send('POST', `/api/cases/${id}/actions`, {
            action: pick(steps).action,
            version: view.case.version,
          })
        : await c.send('PATCH', `/api/cases/${id}`, {
            otherParty: `被申请人 ${Math.floor(Math.random() * 1000)}`,
            version: view.case.version,
          });
      t.requests += 1;
      if (res.status === 200) {
        const u = t.updates.get(id)!;
        u.all += 1;
        if (isAction) u.actions += 1;
        break;
      }
      if (res.status === 409 && (JSON.parse(res.body) as { code: string }).code === 'conflict') {
        t.conflicts += 1;
        continue;
      }
      error(t, isAction ? 'action' : 'patch', res);
      break;
    }
    await pauseFor(phase);
  }
}

/** CPU seconds used so far by each process (`/proc/PID/stat`: user + system time, 100 ticks a second). */
function cpuSeconds(pids: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      out.set(pid, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // gone: its time is not counted
    }
  }
  return out;
}

/** The PostgreSQL server's processes on this machine (its backends, WAL writer, checkpointer…). */
function postgresPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') pids.push(Number(entry));
    } catch {
      // gone
    }
  }
  return pids;
}

/** Where the CPU went during a phase: seconds of the server, of PostgreSQL and of this load generator. */
interface CpuUse {
  server: number;
  postgres: number;
  load: number;
}

/** A process and its descendants (a server with `--workers` is a primary and its worker processes). */
function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    // gone
  }
  return [pid, ...children.flatMap(processTree)];
}

/** CPU seconds used since the snapshot by each of `pids()` (a process first seen later counts from 0). */
function cpuSince(pids: () => number[]): () => number {
  const before = cpuSeconds(pids());
  return () => {
    let used = 0;
    for (const [pid, t] of cpuSeconds(pids())) used += t - (before.get(pid) ?? 0);
    return used;
  };
}

function cpuSnapshot(serverPid: number): () => CpuUse {
  const server = cpuSince(() => processTree(serverPid));
  const postgres = cpuSince(postgresPids);
  const load = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(load);
    return { server: server(), postgres: postgres(), load: (used.user + used.system) / 1e6 };
  };
}

interface PhaseResult {
  elapsed: number;
  requests: number;
  rps: number;
  created: number;
  conflicts: number;
  p50: number;
  p90: number;
  p99: number;
}

/** One phase of load: every client at once until the time is up (the load stops by itself). */
async function runPhase(
  clients: Client[],
  roles: readonly { centerId: string; officer: boolean }[],
  pool: Map<string, string[]>,
  t: Tally,
  latencies: number[],
  seconds: number,
  pause: Phase['pause'],
): Promise<PhaseResult> {
  latencies.length = 0;
  const before = { requests: t.requests, conflicts: t.conflicts, created: t.created };
  const t0 = Date.now();
  const phase: Phase = { until: t0 + seconds * 1000, pause };
  await Promise.all(
    clients.map(async (c, i) => {
      // People do not all click at the same instant: with pauses, each client starts within the first one.
      await pauseFor(phase.pause ? { ...phase, pause: [0, phase.pause[1]] } : phase);
      const loop = roles[i]!.officer ? officerLoop : enterpriseLoop;
      await loop(c, roles[i]!.centerId, pool, t, phase);
    }),
  );
  const elapsed = (Date.now() - t0) / 1000;
  const requests = t.requests - before.requests;
  return {
    elapsed,
    requests,
    rps: requests / elapsed,
    created: t.created - before.created,
    conflicts: t.conflicts - before.conflicts,
    p50: percentile(latencies, 0.5),
    p90: percentile(latencies, 0.9),
    p99: percentile(latencies, 0.99),
  };
}

/**
 * The floor of an optimistic write on this PostgreSQL: the same number of clients each reading a
 * row's version and updating it `where id = ? and version = ?` (re-reading on a miss), over a pool of
 * the same size as the server's, for the same time. Latency per statement.
 */
async function baseline(url: string, schema: string, clients: number, seconds: number) {
  const pool = new pg.Pool({ connectionString: url, max: 4, options: `-c search_path=${schema}` });
  const rows = 18 * 40;
  await pool.query('create table bench_rows (id integer primary key, version integer not null)');
  await pool.query('insert into bench_rows select g, 1 from generate_series(1, $1) g', [rows]);
  const latencies: number[] = [];
  const timed = async (text: string, values: unknown[]) => {
    const started = performance.now();
    const r = await pool.query(text, values);
    latencies.push(performance.now() - started);
    return r;
  };
  const until = Date.now() + seconds * 1000;
  let writes = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < until) {
        const id = 1 + Math.floor(Math.random() * rows);
        for (;;) {
          const v = await timed('select version from bench_rows where id = $1', [id]);
          const u = await timed(
            'update bench_rows set version = version + 1 where id = $1 and version = $2',
            [id, v.rows[0].version],
          );
          if (u.rowCount === 1) break;
        }
        writes += 1;
      }
    }),
  );
  await pool.end();
  return {
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    rps: latencies.length / seconds,
    writes,
  };
}

/**
 * The ceiling over HTTP on this machine: a bare Fastify server (bench/bare-server.ts) doing one
 * prepared statement per request — a read of a row's version, then a write on that version — for
 * the same clients (own loopback address, own keep-alive connection, same load generator), without
 * pause. Any server that reads and writes a case over HTTP does at least this much per request.
 * Runs after `baseline` (which makes `bench_rows`).
 */
async function bareCeiling(url: string, schema: string, clients: number, seconds: number) {
  const pgUrl = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const started = await spawnServer(['bench/bare-server.ts'], { IPREGION_BENCH_BARE_PG: pgUrl });
  const port = Number(new URL(started.url).port);
  const latencies: number[] = [];
  const all = Array.from({ length: clients }, (_, i) => new Client(port, addressOf(i), latencies));
  const rows = 18 * 40;
  let requests = 0;
  let failures = 0;
  try {
    const cpu = cpuSnapshot(started.child.pid!);
    const t0 = Date.now();
    const until = t0 + seconds * 1000;
    await Promise.all(
      all.map(async (c) => {
        while (Date.now() < until) {
          const id = 1 + Math.floor(Math.random() * rows);
          const read = await c.send('GET', `/rows/${id}`);
          const { version } = JSON.parse(read.body) as { version: number };
          const write = await c.send('POST', `/rows/${id}`, { version });
          requests += 2;
          if (read.status !== 200 || (write.status !== 200 && write.status !== 409)) failures += 1;
        }
      }),
    );
    const elapsed = (Date.now() - t0) / 1000;
    const used = cpu();
    return {
      p50: percentile(latencies, 0.5),
      p99: percentile(latencies, 0.99),
      rps: requests / elapsed,
      failures,
      cpu: used,
      requests,
    };
  } finally {
    for (const c of all) c.agent.destroy();
    await stop(started.child);
  }
}

/** Every case's version is 1 + its saved updates, its history 1 + its saved actions, its audit trail 1 + its updates. */
async function lostUpdates(
  url: string,
  schema: string,
  t: Tally,
): Promise<{ lost: number; samples: string[] }> {
  const c = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await c.connect();
  try {
    const rows = await c.query<{ id: string; version: number; history: number; audit: number }>(`
      select c.id, c.version,
        (select count(*) from case_history h where h.case_id = c.id)::int as history,
        (select count(*) from audit_log a where a.entity = 'case' and a.entity_id = c.id)::int as audit
      from cases c`);
    let lost = 0;
    const samples: string[] = [];
    if (rows.rows.length !== t.updates.size) {
      lost += Math.abs(rows.rows.length - t.updates.size);
      samples.push(`${rows.rows.length} cases stored, ${t.updates.size} created`);
    }
    for (const r of rows.rows) {
      const u = t.updates.get(r.id);
      const ok = u && r.version === 1 + u.all && r.history === 1 + u.actions && r.audit === 1 + u.all;
      if (!ok) {
        lost += 1;
        if (samples.length < 5) samples.push(`${r.id}: ${JSON.stringify(r)} vs ${JSON.stringify(u)}`);
      }
    }
    return { lost, samples };
  } finally {
    await c.end();
  }
}

const addressOf = (i: number) => `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`;

/** Users straight through the auth module (half officers, half enterprise users, over the centers). */
async function createUsers(url: string, clients: number) {
  const store = await openStore(url);
  try {
    const centers = demoCenters().map((c) => c.id);
    await createCenters(store, demoCenters(), { kind: 'system', name: 'bench' });
    const officers = Math.floor(clients / 2);
    const roles = Array.from({ length: clients }, (_, i) => ({
      login: `bench-${i}`,
      centerId: centers[i % centers.length]!,
      officer: i < officers,
    }));
    for (let i = 0; i < roles.length; i += 8) {
      await Promise.all(
        roles.slice(i, i + 8).map((u, j) =>
          createUser(
            store,
            u.officer
              ? { login: u.login, role: 'officer', centerId: u.centerId, password: PASSWORD }
              : {
                  login: u.login,
                  role: 'enterprise',
                  organisation: `基准测试企业${i + j}有限公司`,
                  creditCode: withCheck(`91420100MA${String(i + j).padStart(7, '0')}`),
                  password: PASSWORD,
                },
          ),
        ),
      );
    }
    return { centers, officers, roles };
  } finally {
    await store.close();
  }
}

/**
 * `clients` signed-in clients (half officers, half enterprise users, over the 18 demo centers)
 * creating and updating cases against `ipregion serve` on PostgreSQL, in two phases of `seconds`
 * each: pausing between requests as people do, then without pause (saturation). Afterwards every
 * case is checked for lost updates and the audit chain is verified. Beside it, the floor of an
 * optimistic single-row write on the same database with the same concurrency. The server is
 * stopped and the schema dropped at the end.
 */
export async function benchCases(opts: {
  seconds: number;
  clients: number;
  /** Server processes (`ipregion serve --workers`). */
  workers?: number;
}): Promise<BenchFigure[]> {
  const schema = `bench_cases_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const url = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${schema}`;
  let server: ChildProcess | null = null;
  const agents: Agent[] = [];
  try {
    const { centers, officers, roles } = await createUsers(url, opts.clients);
    const started = await spawnServer(
      // The deadline pass off: a background job running in the middle of a phase is not what it measures.
      [
        'src/cli/main.ts',
        '--json',
        '--db',
        url,
        'serve',
        '--port',
        '0',
        '--demo-scale',
        'off',
        '--notify-every',
        'off',
        '--workers',
        String(opts.workers ?? 1),
      ],
      { IPREGION_LOG_LEVEL: 'info' },
    );
    server = started.child;
    const port = Number(new URL(started.url).port);
    const latencies: number[] = [];
    const clients = roles.map((_, i) => new Client(port, addressOf(i), latencies));
    agents.push(...clients.map((c) => c.agent));
    // Sign in through the API, each client from its own address.
    for (let i = 0; i < clients.length; i += 20) {
      await Promise.all(
        clients.slice(i, i + 20).map(async (c, j) => {
          const res = await c.send('POST', '/api/auth/login', {
            login: roles[i + j]!.login,
            password: PASSWORD,
          });
          if (res.status !== 200)
            throw new Error(`sign-in ${roles[i + j]!.login}: ${res.status} ${res.body}`);
          c.cookie = String(res.headers['set-cookie']).split(';')[0]!;
          c.csrf = (JSON.parse(res.body) as { csrfToken: string }).csrfToken;
        }),
      );
    }

    const tally: Tally = {
      requests: 0,
      errors: 0,
      errorSamples: [],
      conflicts: 0,
      created: 0,
      updates: new Map(),
    };
    const pool = new Map(centers.map((id) => [id, [] as string[]]));
    const paced = await runPhase(clients, roles, pool, tally, latencies, opts.seconds, PAUSE);
    const cpuSince = cpuSnapshot(server.pid!);
    const flat = await runPhase(clients, roles, pool, tally, latencies, opts.seconds, null);
    const cpu = cpuSince();
    const updates = [...tally.updates.values()].reduce((s, u) => s + u.all, 0);

    const check = await lostUpdates(PG_URL, schema, tally);
    const verifyStore = await openStore(url);
    const audit = await verifyAudit(verifyStore);
    await verifyStore.close();
    await stop(server);
    server = null;

    const floor = await baseline(PG_URL, schema, opts.clients, opts.seconds);
    const bare = await bareCeiling(PG_URL, schema, opts.clients, opts.seconds);
    for (const s of [...tally.errorSamples, ...check.samples]) console.log(`  ${s}`);
    const phaseNote = (p: PhaseResult) =>
      `${p.elapsed.toFixed(1)} s, ${p.requests.toLocaleString('en-US')} requests (${Math.round(p.rps)}/s), ${p.created} cases created, ${p.conflicts} conflicts (409, re-read and retried); p50 ${p.p50.toFixed(1)} ms, p90 ${p.p90.toFixed(1)} ms`;
    const who = `${opts.clients} clients (${officers} officers, ${opts.clients - officers} enterprise users, 18 centers)`;
    const baselineName = `version-guarded 1-row UPDATE via pg (pool 4, ${opts.clients} clients, no pause)`;
    return [
      {
        bench: 'cases',
        metric: 'errors (non-2xx other than 409 conflict)',
        unit: 'count',
        ours: tally.errors + (audit.ok ? 0 : 1),
        baseline: null,
        baselineName: null,
        target: 0,
        better: 'lower',
        note: `${who}, both phases: ${tally.requests.toLocaleString('en-US')} requests, ${tally.created} cases created, ${updates} updates saved, ${tally.conflicts} conflicts; audit chain ${audit.ok ? 'verifies' : 'BROKEN'} (${audit.entries} entries)`,
      },
      {
        bench: 'cases',
        metric: 'lost updates',
        unit: 'cases',
        ours: check.lost,
        baseline: null,
        baselineName: null,
        target: 0,
        better: 'lower',
        note: 'every case: version = 1 + updates saved, history rows = 1 + actions saved, audit entries = 1 + updates saved',
      },
      {
        bench: 'cases',
        metric: `p99 latency, clients pausing ${PAUSE[0] / 1000}–${PAUSE[1] / 1000} s`,
        unit: 'ms',
        ours: paced.p99,
        baseline: floor.p99,
        baselineName,
        target: 100,
        better: 'lower',
        note: phaseNote(paced),
      },
      {
        bench: 'cases',
        metric: 'p99 latency, clients without pause',
        unit: 'ms',
        ours: flat.p99,
        baseline: floor.p99,
        baselineName,
        target: 100,
        better: 'lower',
        note: phaseNote(flat),
      },
      {
        bench: 'cases',
        metric: 'p99 latency without pause, bare server ceiling',
        unit: 'ms',
        ours: flat.p99,
        baseline: bare.p99,
        baselineName: `bare Fastify + pg, 1 prepared statement a request (read, then guarded write), ${opts.clients} clients`,
        target: null,
        better: 'lower',
        note: `ceiling: ${bare.requests.toLocaleString('en-US')} requests (${Math.round(bare.rps)}/s), ${bare.failures} failures, p50 ${bare.p50.toFixed(1)} ms; CPU a request: server ${((bare.cpu.server * 1000) / bare.requests).toFixed(2)} ms, PostgreSQL ${((bare.cpu.postgres * 1000) / bare.requests).toFixed(2)} ms, load generator ${((bare.cpu.load * 1000) / bare.requests).toFixed(2)} ms`,
      },
      {
        bench: 'cases',
        metric: 'throughput, clients without pause',
        unit: 'requests/s',
        ours: flat.rps,
        baseline: floor.rps,
        baselineName: `${baselineName}, statements/s`,
        target: null,
        better: 'higher',
        note: `baseline: ${floor.writes.toLocaleString('en-US')} guarded writes in ${opts.seconds} s, p50 ${floor.p50.toFixed(1)} ms per statement`,
      },
      {
        bench: 'cases',
        metric: 'CPU per request, clients without pause: server + PostgreSQL',
        unit: 'ms',
        ours: ((cpu.server + cpu.postgres) * 1000) / flat.requests,
        baseline: null,
        baselineName: null,
        target: null,
        better: 'lower',
        note: `server ${((cpu.server * 1000) / flat.requests).toFixed(2)} ms, PostgreSQL ${((cpu.postgres * 1000) / flat.requests).toFixed(2)} ms, load generator ${((cpu.load * 1000) / flat.requests).toFixed(2)} ms a request (${cpu.server.toFixed(1)} + ${cpu.postgres.toFixed(1)} + ${cpu.load.toFixed(1)} CPU seconds in ${flat.elapsed.toFixed(1)} s on 2 cores)`,
      },
    ];
  } finally {
    for (const a of agents) a.destroy();
    if (server) await stop(server);
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}
