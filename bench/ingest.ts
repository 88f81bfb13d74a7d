import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import SQLite from 'better-sqlite3';
import { assemble } from '../src/assemble.js';
import type { RightRecord } from '../src/core/index.js';
import { generateRegistry } from '../src/demo/index.js';
import { ingestFiles, toCanonicalLine } from '../src/registry/index.js';
import { openStore } from '../src/store/index.js';
import type { BenchFigure } from './report.js';

/** Writes the demo registry at `scale` as canonical JSON Lines; returns the number of rights. */
export async function writeDemoJsonl(file: string, scale: number, seed = 7): Promise<number> {
  const out = createWriteStream(file);
  let n = 0;
  for (const r of generateRegistry({ scale, seed })) {
    if (!out.write(`${toCanonicalLine(r)}\n`))
      await new Promise<void>((res) => out.once('drain', () => res()));
    n += 1;
  }
  await new Promise<void>((res) => out.end(() => res()));
  return n;
}

/**
 * The baseline: the same lines parsed with JSON.parse and written with raw better-sqlite3 prepared
 * statements in one transaction per 1000 lines — rights, one holder row per link, events — with no
 * validation, no holder de-duplication, no idempotency. What a hand-written loader would do.
 */
async function baselineLoad(file: string, dbFile: string): Promise<number> {
  const db = new SQLite(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`create table rights (id integer primary key, key text unique, office text, kind text, application_number text,
    publication_number text, grant_number text, filing_date text, grant_date text, title text, ipc text, nice text);
    create table holders (id integer primary key, right_id integer, position integer, name text, type text, region_code text);
    create table events (id integer primary key, right_id integer, type text, code text, effective_date text, recorded_date text)`);
  const insRight = db.prepare(
    'insert into rights (key, office, kind, application_number, publication_number, grant_number, filing_date, grant_date, title, ipc, nice) values (?,?,?,?,?,?,?,?,?,?,?)',
  );
  const insHolder = db.prepare(
    'insert into holders (right_id, position, name, type, region_code) values (?,?,?,?,?)',
  );
  const insEvent = db.prepare(
    'insert into events (right_id, type, code, effective_date, recorded_date) values (?,?,?,?,?)',
  );
  const write = db.transaction((batch: RightRecord[]) => {
    for (const r of batch) {
      const id = insRight.run(
        `${r.office}/${r.kind}/${r.applicationNumber}`,
        r.office,
        r.kind,
        r.applicationNumber,
        r.publicationNumber,
        r.grantNumber,
        r.filingDate,
        r.grantDate,
        r.title,
        JSON.stringify(r.ipc),
        JSON.stringify(r.nice),
      ).lastInsertRowid;
      for (const [i, h] of r.holders.entries()) insHolder.run(id, i, h.name, h.type, h.regionCode);
      for (const e of r.events) insEvent.run(id, e.type, e.code, e.effectiveDate, e.recordedDate);
    }
  });
  let batch: RightRecord[] = [];
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    batch.push(JSON.parse(line) as RightRecord);
    n += 1;
    if (batch.length === 1000) {
      write(batch);
      batch = [];
    }
  }
  write(batch);
  db.close();
  return n;
}

const RUNS = 3;

/**
 * The first 20,000 rights of `file` as 100 files of 200 in one ingest run, against the same rights
 * as one file: what each file costs beyond its records.
 */
async function manySmallFiles(dir: string, file: string) {
  const files = 100;
  const each = 200;
  const lines: string[] = [];
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    lines.push(line);
    if (lines.length === files * each) break;
  }
  const parts = Array.from({ length: files }, (_, k) => {
    const part = join(dir, `part-${k}.jsonl`);
    writeFileSync(part, `${lines.slice(k * each, (k + 1) * each).join('\n')}\n`);
    return part;
  });
  const whole = join(dir, 'parts-whole.jsonl');
  writeFileSync(whole, `${lines.join('\n')}\n`);
  const rate = async (name: string, inputs: string[]) => {
    const store = await openStore(join(dir, `${name}.db`));
    const t = performance.now();
    const s = await ingestFiles(store, inputs);
    const perSecond = s.accepted / ((performance.now() - t) / 1000);
    await store.close();
    return perSecond;
  };
  return { files, each, split: await rate('split', parts), whole: await rate('whole', [whole]) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function benchIngest(opts: { scale: number }): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ipregion-bench-ingest-'));
  try {
    const file = join(dir, 'demo.jsonl');
    const rights = await writeDemoJsonl(file, opts.scale);
    const mb = statSync(file).size / 1e6;
    console.log(
      `ingest: ${rights} rights, ${mb.toFixed(0)} MB of canonical JSON Lines (demo scale ${opts.scale})`,
    );

    let t = performance.now();
    await baselineLoad(file, join(dir, 'baseline.db'));
    const baseline = rights / ((performance.now() - t) / 1000);

    assemble();
    // Without and with the statistics structure, in turn, three times each: the slowdown is a ratio
    // of two rates, and one run of each on a shared 2-core machine is too noisy to compare.
    const rates = { without: [] as number[], with: [] as number[] };
    let store: Awaited<ReturnType<typeof openStore>> | null = null;
    for (let round = 0; round < RUNS; round++) {
      const bare = await openStore(join(dir, `no-stats-${round}.db`));
      t = performance.now();
      const plain = await ingestFiles(bare, [file], { skipStatistics: true });
      rates.without.push(plain.accepted / ((performance.now() - t) / 1000));
      await bare.close();
      rmSync(join(dir, `no-stats-${round}.db`), { force: true });

      if (store) {
        await store.close();
        rmSync(join(dir, `ipregion-${round - 1}.db`), { force: true });
      }
      store = await openStore(join(dir, `ipregion-${round}.db`));
      t = performance.now();
      const first = await ingestFiles(store, [file]);
      rates.with.push(first.accepted / ((performance.now() - t) / 1000));
    }
    const withoutStats = median(rates.without);
    const ours = median(rates.with);
    t = performance.now();
    const again = await ingestFiles(store!, [file]);
    const reload = again.unchanged / ((performance.now() - t) / 1000);
    await store!.close();
    const many = await manySmallFiles(dir, file);
    return [
      {
        bench: 'ingest',
        metric: 'canonical JSONL → SQLite',
        unit: 'rights/s',
        ours,
        baseline,
        baselineName: 'raw better-sqlite3 inserts, no checks',
        target: 50_000,
        better: 'higher',
      },
      {
        bench: 'ingest',
        metric: 'slowdown from keeping the statistics up to date',
        unit: '%',
        ours: (1 - ours / withoutStats) * 100,
        baseline: null,
        baselineName: null,
        target: 25,
        better: 'lower',
        note: `median of ${RUNS} runs each, in turn: ${Math.round(withoutStats)} rights/s without the statistics structure (${rates.without.map(Math.round).join(', ')}), ${Math.round(ours)} with it (${rates.with.map(Math.round).join(', ')})`,
      },
      {
        bench: 'ingest',
        metric: `${many.files} files of ${many.each} rights in one run`,
        unit: 'rights/s',
        ours: many.split,
        baseline: many.whole,
        baselineName: 'the same rights as one file',
        target: null,
        better: 'higher',
        note: 'what reading many small files (OPS responses, daily files) costs beyond their records',
      },
      {
        bench: 'ingest',
        metric: 'same file again (all unchanged)',
        unit: 'rights/s',
        ours: reload,
        baseline: null,
        baselineName: null,
        target: null,
        better: 'higher',
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whole ingest (read, check, write to SQLite) of USPTO bulk XML built from the real samples. */
export async function benchXmlIngest(opts: { documents: number }): Promise<BenchFigure[]> {
  const { writeGrantFile, writeTrademarkFile, writeOpsBiblioFile, writeOpsLegalFile } = await import(
    './xml-readers.js'
  );
  const dir = mkdtempSync(join(tmpdir(), 'ipregion-bench-xml-ingest-'));
  try {
    const figures: BenchFigure[] = [];
    for (const [name, write] of [
      ['uspto-grant', writeGrantFile],
      ['uspto-trademark', writeTrademarkFile],
      ['ops-biblio', writeOpsBiblioFile],
      ['ops-legal', writeOpsLegalFile],
    ] as const) {
      const file = join(dir, `${name}.xml`);
      await write(file, opts.documents);
      const store = await openStore(join(dir, `${name}.db`));
      const t = performance.now();
      const s = await ingestFiles(store, [file]);
      const docsPerSecond = (s.accepted + s.rejected) / ((performance.now() - t) / 1000);
      await store.close();
      figures.push({
        bench: 'ingest',
        metric: `${name} XML → SQLite`,
        unit: 'documents/s',
        ours: docsPerSecond,
        baseline: null,
        baselineName: 'see xml-readers for the parse baseline',
        target: 10_000,
        better: 'higher',
        note: `${s.accepted} accepted, ${s.rejected} rejected`,
      });
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
