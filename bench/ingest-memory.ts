import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeDemoJsonl } from './ingest.js';
import type { BenchFigure } from './report.js';

/**
 * Peak resident memory of `ipregion ingest` on a canonical JSON Lines file of about `gigabytes` GB,
 * measured in a child process (its own peak, `maxRSS`), beside the peak of the same child reading
 * the file line by line and doing nothing else — the floor any streaming reader pays.
 */
export async function benchIngestMemory(opts: { gigabytes: number }): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ipregion-bench-mem-'));
  try {
    const file = join(dir, 'big.jsonl');
    // The demo's canonical lines average about 0.9 KB; scale 0.1 is about 1.46 GB.
    const rights = await writeDemoJsonl(file, Math.min(1, 0.07 * opts.gigabytes));
    const gb = statSync(file).size / 1e9;
    console.log(`ingest-memory: ${rights} rights, ${gb.toFixed(2)} GB`);
    const floor = await child(['read', file]);
    const ours = await child(['ingest', file, join(dir, 'mem.db')]);
    return [
      {
        bench: 'ingest-memory',
        metric: `peak RSS, ${gb.toFixed(2)} GB canonical JSONL`,
        unit: 'MB',
        ours: ours.maxRssMb,
        baseline: floor.maxRssMb,
        baselineName: 'read the file line by line only',
        target: 400,
        better: 'lower',
        note: `ingested ${ours.records} rights at ${Math.round(ours.records / ours.seconds)} rights/s`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface ChildResult {
  maxRssMb: number;
  records: number;
  seconds: number;
}

function child(args: string[]): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (d) => {
      out += String(d);
    });
    p.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as ChildResult) : reject(new Error(`child ${code}`)),
    );
  });
}

async function childMain(mode: string, file: string, db?: string): Promise<void> {
  const started = performance.now();
  let records = 0;
  if (mode === 'read') {
    const { createReadStream } = await import('node:fs');
    const { createInterface } = await import('node:readline');
    for await (const _ of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity }))
      records += 1;
  } else {
    const { openStore } = await import('../src/store/index.js');
    const { ingestFiles } = await import('../src/registry/index.js');
    const store = await openStore(db!);
    records = (await ingestFiles(store, [file])).accepted;
    await store.close();
  }
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024, records, seconds }));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.argv[2]) {
  await childMain(process.argv[2], process.argv[3]!, process.argv[4]);
}
