import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { startServer } from '../../src/server/index.js';
import { ensureWebBuilt, WEB_DIST } from './web-build.js';

/**
 * Browser tests run in Debian's Chromium (`apt-get install chromium fonts-wqy-microhei`). Where it
 * is missing they are skipped with the reason — except in CI (CI=true) or with
 * IPREGION_REQUIRE_BROWSER=1, where a missing browser fails the run (as test/engines.ts does for
 * PostgreSQL).
 */
export const CHROMIUM = process.env.IPREGION_CHROMIUM ?? '/usr/bin/chromium';
const required = process.env.CI === 'true' || process.env.IPREGION_REQUIRE_BROWSER === '1';

export const browserProblem: string | null = existsSync(CHROMIUM)
  ? null
  : `${CHROMIUM} not found (install Debian's chromium and fonts-wqy-microhei)`;
if (browserProblem && required) {
  throw new Error(`A browser is required here (CI) but ${browserProblem}`);
}

export const ARTIFACTS = fileURLToPath(new URL('./artifacts', import.meta.url));

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The web app built if needed, served with the API by the real server over a fresh SQLite file
 * holding a small demo region.
 */
export async function startWebServer(o: { scale?: number; seed?: number } = {}): Promise<WebServer> {
  await ensureWebBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'ipregion-e2e-'));
  const server = await startServer({
    database: join(dir, 'e2e.db'),
    port: 0,
    demo: { scale: o.scale ?? 0.002, seed: o.seed ?? 1 },
    webRoot: WEB_DIST,
  });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
