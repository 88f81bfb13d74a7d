import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assemble } from '../src/assemble.js';
import { generateInto } from '../src/cli/commands/generate.js';
import { citiesOf, NAMED_REGIONS } from '../src/reference/index.js';
import { bruteForceCounts, figures, StatsEngine } from '../src/stats/index.js';
import { openStore } from '../src/store/index.js';
import type { BenchFigure } from './report.js';
import { duckdbBaseline } from './stats-duckdb.js';

const CENTRAL: string[] = [...NAMED_REGIONS.central];
const DATE = '2024-06-30';

function p50(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timeMs<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await f();
  return { ms: performance.now() - t, value };
}

/**
 * Point-in-time statistics on a demo registry: the structure's answer beside brute-force SQL on
 * SQLite and DuckDB over an export of the same rows, measured in the same run, with the three
 * answers checked equal. `db` is an existing database (the scale-1.0 registry); without it a demo
 * registry of `scale` is generated first.
 */
export async function benchStats(opts: { db?: string; scale: number; runs: number }): Promise<BenchFigure[]> {
  assemble();
  const dir = opts.db ? null : mkdtempSync(join(tmpdir(), 'ipregion-bench-stats-'));
  const file = opts.db ?? join(dir!, 'stats.db');
  try {
    const store = await openStore(file);
    if (!opts.db) {
      const io = { out: () => {}, err: () => {}, tty: false };
      await generateInto(store, opts.scale, 1, io, true);
    }
    const rights = Number(
      (
        await store.db
          .selectFrom('rights')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    console.log(`stats: ${rights} rights, database ${(statSync(file).size / 1e9).toFixed(2)} GB`);
    const engine = new StatsEngine(store);
    const warm = await timeMs(() =>
      engine.count({ date: DATE, regions: CENTRAL, groupBy: ['province', 'kind'] }),
    );
    console.log(
      `stats: first query (builds the running totals of this data version) ${warm.ms.toFixed(0)} ms`,
    );

    const sixByFour: number[] = [];
    const cityYoy: number[] = [];
    let ours = new Map<string, number>();
    for (let i = 0; i < opts.runs; i++) {
      const a = await timeMs(() =>
        engine.count({ date: DATE, regions: CENTRAL, groupBy: ['province', 'kind'] }),
      );
      sixByFour.push(a.ms);
      ours = new Map(a.value.map((r) => [`${r.group.province}|${r.group.kind}`, r.value]));
      const b = await timeMs(() => figures(engine, { date: DATE, regions: CENTRAL, groupBy: ['city'] }));
      cityYoy.push(b.ms);
    }
    const cities = CENTRAL.flatMap((p) => citiesOf(p)).length;

    const sqliteRun = await timeMs(() => bruteForceCounts(store, DATE));
    const fromSqlite = new Map<string, number>();
    for (const r of sqliteRun.value) {
      if (!CENTRAL.includes(r.region.slice(0, 2))) continue;
      const k = `${r.region.slice(0, 2)}|${r.kind}`;
      fromSqlite.set(k, (fromSqlite.get(k) ?? 0) + r.n);
    }
    const duck = await duckdbBaseline(store.sqlite!);
    const duckRun = await timeMs(() => duck.byProvinceKind(DATE));
    const fromDuck = new Map([...duckRun.value].filter(([k]) => CENTRAL.includes(k.split('|')[0]!)));
    duck.close();
    await store.close();

    const same = (a: Map<string, number>, b: Map<string, number>) =>
      a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
    const agree = same(ours, fromSqlite) && same(ours, fromDuck);
    if (!agree) console.log('stats: ANSWERS DIFFER', { ours, fromSqlite, fromDuck });
    const faster = Math.min(sqliteRun.ms, duckRun.ms);
    const fasterName = sqliteRun.ms <= duckRun.ms ? 'brute-force SQL on SQLite' : 'DuckDB brute force';
    const ours6x4 = p50(sixByFour);
    return [
      {
        bench: 'stats',
        metric: 'six provinces × four kinds, p50',
        unit: 'ms',
        ours: ours6x4,
        baseline: faster,
        baselineName: fasterName,
        target: 5,
        better: 'lower',
        note: `SQLite brute force ${sqliteRun.ms.toFixed(0)} ms, DuckDB ${duckRun.ms.toFixed(0)} ms (+${duck.loadSeconds.toFixed(0)} s export and load); ipregion ${Math.round(faster / ours6x4)}× faster than the faster; answers ${agree ? 'equal' : 'DIFFER'}`,
      },
      {
        bench: 'stats',
        metric: `YoY for all ${cities} cities, p50`,
        unit: 'ms',
        ours: p50(cityYoy),
        baseline: null,
        baselineName: null,
        target: 20,
        better: 'lower',
      },
      {
        bench: 'stats',
        metric: 'speed-up over the faster brute force',
        unit: '×',
        ours: faster / ours6x4,
        baseline: null,
        baselineName: fasterName,
        target: 20,
        better: 'higher',
        note: agree ? 'the three answers are equal' : 'THE ANSWERS DIFFER',
      },
    ];
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
