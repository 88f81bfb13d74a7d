import { mkdirSync, writeFileSync } from 'node:fs';
import { benchApi } from './api.js';
import { benchCases } from './cases.js';
import { demoCalibration } from './demo-calibration.js';
import { benchIndustries } from './industries.js';
import { benchIngest, benchXmlIngest } from './ingest.js';
import { benchIngestMemory } from './ingest-memory.js';
import { type BenchFigure, printFigures } from './report.js';
import { benchStats } from './stats.js';
import { benchWeb } from './web.js';
import { benchXmlReaders } from './xml-readers.js';

/**
 * `npm run bench [-- --quick] [-- --only NAME,...]`: every benchmark prints ipregion's figure beside a
 * baseline measured in the same run, and the target. `--quick` uses small inputs (a smoke run);
 * the figures in docs/benchmarks.md come from the full run. Results also go to bench/out/results.json.
 */
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args[args.indexOf('--only') + 1];
const only = args.includes('--only') && onlyArg ? onlyArg.split(',') : null;
/** `--stats-db PATH`: run the statistics bench on an existing registry (the scale-1.0 one). */
const statsDb = args.includes('--stats-db') ? args[args.indexOf('--stats-db') + 1] : undefined;
/** `--workers N`: server processes of the cases bench's server (`ipregion serve --workers`; default 1). */
const workers = args.includes('--workers') ? Number(args[args.indexOf('--workers') + 1]) : 1;

const benches: Record<string, () => Promise<BenchFigure[]> | BenchFigure[]> = {
  ingest: () => benchIngest({ scale: quick ? 0.002 : 0.02 }),
  'xml-ingest': () => benchXmlIngest({ documents: quick ? 500 : 10_000 }),
  'xml-readers': () => benchXmlReaders(quick ? { grants: 1000, caseFiles: 1000 } : {}),
  'ingest-memory': () => benchIngestMemory({ gigabytes: quick ? 0.05 : 1.05 }),
  industries: () => benchIndustries(quick ? { inputs: 10_000, minMs: 600 } : {}),
  'demo-calibration': () => demoCalibration(quick ? 0.01 : 0.1),
  api: () => benchApi({ seconds: quick ? 3 : 15, scale: quick ? 0.002 : 0.01 }),
  stats: () =>
    benchStats({ ...(statsDb ? { db: statsDb } : {}), scale: quick ? 0.005 : 0.05, runs: quick ? 20 : 200 }),
  web: () => benchWeb({ loads: quick ? 3 : 5 }),
  cases: () => benchCases({ seconds: quick ? 5 : 30, clients: 200, workers }),
};

const figures: BenchFigure[] = [];
for (const [name, run] of Object.entries(benches)) {
  if (only && !only.includes(name)) continue;
  console.log(`\n== ${name}`);
  const result = await run();
  printFigures(result);
  figures.push(...result);
}
console.log('\n== all figures');
printFigures(figures);
mkdirSync('bench/out', { recursive: true });
writeFileSync(
  'bench/out/results.json',
  `${JSON.stringify({ at: new Date().toISOString(), quick, figures }, null, 2)}\n`,
);
