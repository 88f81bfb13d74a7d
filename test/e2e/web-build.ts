import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The web app's folder and its build output (what the server serves). */
export const WEB_DIR = fileURLToPath(new URL('../../web', import.meta.url));
export const WEB_DIST = join(WEB_DIR, 'dist');

const LOCK = join(WEB_DIR, '.build-lock');
const STALE_LOCK_MS = 5 * 60_000;

function newestSource(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newestSource(join(path, f))));
}

function builtAt(): number {
  try {
    return statSync(join(WEB_DIST, 'index.html')).mtimeMs;
  } catch {
    return 0;
  }
}

/** True when web/dist is missing or older than any file of the app's sources. */
export function webBuildIsStale(): boolean {
  const sources = ['src', 'index.html', 'vite.config.ts'].map((f) => newestSource(join(WEB_DIR, f)));
  return builtAt() < Math.max(...sources);
}

function tryLock(): boolean {
  try {
    mkdirSync(LOCK);
    return true;
  } catch {
    // A lock left by a process that died long ago does not block for ever.
    const age = Date.now() - statSync(LOCK, { throwIfNoEntry: false })!.mtimeMs;
    if (age > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
    return false;
  }
}

/**
 * Builds the web app with Vite's JS API when web/dist is missing or stale. Test files run in
 * parallel processes: a lock directory (mkdir is atomic) lets one build while the others wait.
 */
export async function ensureWebBuilt(): Promise<{ built: boolean; ms: number }> {
  const started = Date.now();
  for (;;) {
    if (!webBuildIsStale()) return { built: false, ms: Date.now() - started };
    if (tryLock()) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  try {
    if (!webBuildIsStale()) return { built: false, ms: Date.now() - started };
    const { build } = await import('vite');
    // Vitest sets NODE_ENV=test, with which Vite would bundle React's development build.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ configFile: join(WEB_DIR, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    return { built: true, ms: Date.now() - started };
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
