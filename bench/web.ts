import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { browserProblem, launchChromium, startWebServer } from '../test/e2e/browser.js';
import { WEB_DIST } from '../test/e2e/web-build.js';
import type { BenchFigure } from './report.js';

const TARGET_KB = 600;
const TARGET_MS = 1500;

/** True in the page once the KPI cards show numbers and the map has drawn; then the time since navigation. */
const READY = `(() => {
  const kpi = document.querySelector('[data-testid=kpi-invention] [data-testid=kpi-value]');
  const map = document.querySelector('[data-testid=map-chart][data-chart-drawn=true] svg path');
  return kpi && map && /\\d/.test(kpi.textContent || '') ? performance.now() : false;
})()`;

interface Load {
  ms: number;
  scripts: Map<string, number>;
}

/**
 * One cold load of the dashboard in a fresh context (empty cache): render time and, when `measure`,
 * the gzip size of each script it fetched (reading bodies costs time, so timed loads do not).
 */
async function loadOnce(browser: Browser, url: string, measure: boolean): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    const bodies: Array<Promise<[string, number]>> = [];
    page.on('response', (res) => {
      if (!measure) return;
      const type = res.headers()['content-type'] ?? '';
      if (!/javascript/.test(type) && !res.url().endsWith('.js')) return;
      bodies.push(res.body().then((b) => [res.url(), gzipSync(b).length]));
    });
    await page.goto(url);
    const handle = await page.waitForFunction(READY, undefined, { polling: 'raf', timeout: 60_000 });
    const ms = Number(await handle.jsonValue());
    return { ms, scripts: new Map(await Promise.all(bodies)) };
  } finally {
    await context.close();
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Every JavaScript file of the build, gzipped: what the first load would cost without lazy loading. */
function allScriptsKb(): number {
  const dir = join(WEB_DIST, 'assets');
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f))).length, 0) / 1024;
}

/**
 * The dashboard in headless Chromium against a local server over the demo region: the gzip size of
 * the JavaScript fetched by a first load (from the network log) beside the whole build's, and the
 * time from navigation until the KPI cards show figures and the map has drawn (median of `loads`
 * cold loads).
 */
export async function benchWeb(o: { loads?: number; scale?: number } = {}): Promise<BenchFigure[]> {
  if (browserProblem) {
    console.log(`web: skipped — ${browserProblem}`);
    return [];
  }
  const loads = o.loads ?? 5;
  const server = await startWebServer({ scale: o.scale ?? 0.002 });
  const browser = await launchChromium();
  try {
    // The first load measures the scripts, and warms the server so its first answers are not counted.
    const first = await loadOnce(browser, server.url, true);
    const runs: Load[] = [];
    for (let i = 0; i < loads; i++) runs.push(await loadOnce(browser, server.url, false));
    const kb = [...first.scripts.values()].reduce((a, b) => a + b, 0) / 1024;
    return [
      {
        bench: 'web',
        metric: 'JS on first dashboard load, gzip',
        unit: 'KB',
        ours: kb,
        baseline: allScriptsKb(),
        baselineName: 'every chunk of the build, gzip',
        target: TARGET_KB,
        better: 'lower',
        note: `${first.scripts.size} scripts fetched before the dashboard was drawn`,
      },
      {
        bench: 'web',
        metric: `dashboard drawn (KPIs + map), median of ${loads} cold loads`,
        unit: 'ms',
        ours: median(runs.map((r) => r.ms)),
        baseline: null,
        baselineName: null,
        target: TARGET_MS,
        better: 'lower',
        note: `loads: ${runs.map((r) => Math.round(r.ms)).join(', ')} ms (headless Chromium, loopback)`,
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
