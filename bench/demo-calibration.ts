import { pathToFileURL } from 'node:url';
import type { RightKind, RightRecord } from '../src/core/index.js';
import { centralRegionFacts, demoModel, generateRegistry, kindTargets } from '../src/demo/index.js';
import { NAMED_REGIONS } from '../src/reference/index.js';
import { firstHolderOn, inForceOn, intervalsContain, validity } from '../src/registry/validity.js';
import { type BenchFigure, printFigures } from './report.js';

/**
 * The demo generator at a larger scale than the unit tests afford (default 0.1, about 1.9 million
 * rights): generation speed beside the cost of serialising the same records (JSON.stringify, which
 * every writer pays), then the calibration figures beside the published ones.
 * Run: `npx tsx bench/demo-calibration.ts [scale]`.
 */
const NOW = '2024-06-30';
const BEFORE = '2023-06-30';
const CENTRAL: readonly string[] = NAMED_REGIONS.central;

function inRegion(r: RightRecord, date: string, prefix?: string): boolean {
  const code = firstHolderOn(r, date)?.regionCode ?? '';
  return prefix ? code.startsWith(prefix) : CENTRAL.includes(code.slice(0, 2));
}

export function demoCalibration(scale = 0.1): BenchFigure[] {
  demoModel();
  let n = 0;
  let t0 = performance.now();
  for (const _ of generateRegistry({ scale, seed: 7 })) n++;
  const genSeconds = (performance.now() - t0) / 1000;

  const c = new Map<string, number>();
  const bump = (k: string) => c.set(k, (c.get(k) ?? 0) + 1);
  const points = centralRegionFacts().provincialDataPoints.flatMap((p) => {
    const prefix = p.province ?? p.city?.slice(0, 4) ?? '';
    const out: Array<{ kind: RightKind; prefix: string; date: string; value: number; count: number }> = [];
    if (p.validInventionPatents)
      out.push({ kind: 'invention', prefix, date: p.date, value: p.validInventionPatents, count: 0 });
    if (p.validTrademarks)
      out.push({ kind: 'trademark', prefix, date: p.date, value: p.validTrademarks, count: 0 });
    return out;
  });
  let bytes = 0;
  t0 = performance.now();
  let jsonSeconds = 0;
  for (const r of generateRegistry({ scale, seed: 7 })) {
    const s = performance.now();
    bytes += JSON.stringify(r).length;
    jsonSeconds += (performance.now() - s) / 1000;
    for (const [d, tag] of [
      [NOW, 'now'],
      [BEFORE, 'before'],
    ] as const) {
      if (inForceOn(r, d) && inRegion(r, d)) {
        bump(`${r.kind}/${tag}`);
        if (tag === 'now') bump(`${r.kind}/${firstHolderOn(r, d)!.regionCode!.slice(0, 2)}`);
      }
    }
    const mine = points.filter((p) => p.kind === r.kind);
    if (mine.length === 0) continue;
    const { intervals } = validity(r);
    for (const p of mine) if (intervalsContain(intervals, p.date) && inRegion(r, p.date, p.prefix)) p.count++;
  }

  const targets = kindTargets();
  const model = demoModel();
  console.log(
    `demo at scale ${scale}: ${n.toLocaleString('en-US')} rights, ${(bytes / 1e6).toFixed(0)} MB as JSON`,
  );
  console.log(
    'kind            valid 2024-06-30 (÷scale)   target      YoY     target YoY  growth  grants/yr',
  );
  for (const kind of ['invention', 'utility_model', 'design', 'trademark'] as const) {
    const now = c.get(`${kind}/now`) ?? 0;
    const yoy = now / (c.get(`${kind}/before`) ?? 1) - 1;
    const m = model.kinds[kind];
    console.log(
      `${kind.padEnd(15)} ${String(now).padStart(9)} ${Math.round(now / scale)
        .toLocaleString('en-US')
        .padStart(
          12,
        )}  ${Math.round(targets[kind].value).toLocaleString('en-US').padStart(10)}  ${(yoy * 100).toFixed(1).padStart(5)}%  ${(targets[kind].yoy * 100).toFixed(1).padStart(5)}%     ${m.growth.toFixed(4)}  ${Math.round(m.volume).toLocaleString('en-US')}`,
    );
    const shares = CENTRAL.map((p) => `${p} ${((c.get(`${kind}/${p}`) ?? 0) / now).toFixed(3)}`).join('  ');
    console.log(`                provinces: ${shares}`);
  }
  console.log('data points (reference file)          published   demo ÷ scale');
  for (const p of points) {
    console.log(
      `  ${p.kind.padEnd(10)} ${p.prefix.padEnd(5)} ${p.date}  ${p.value.toLocaleString('en-US').padStart(10)}  ${Math.round(
        p.count / scale,
      )
        .toLocaleString('en-US')
        .padStart(10)}`,
    );
  }
  return [
    {
      bench: 'demo',
      metric: 'generation',
      unit: 'rights/s',
      ours: n / genSeconds,
      baseline: n / jsonSeconds,
      baselineName: 'JSON.stringify of the same rights',
      target: 200_000,
      better: 'higher',
      note: `${n} rights in ${genSeconds.toFixed(1)} s`,
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printFigures(demoCalibration(Number(process.argv[2] ?? 0.1)));
}
