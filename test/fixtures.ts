import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The real office samples live in `shared/data/samples/` beside the repository (CI checks it out
 * there too), so tests read the files as the offices publish them.
 */
const SAMPLES = new URL('../../shared/data/samples/', import.meta.url);

export function samplePath(name: string): string {
  return fileURLToPath(new URL(name, SAMPLES));
}

let scratch: string | null = null;

/** Writes crafted input (bad records, concatenations of samples) to a file in a temporary directory. */
export function tempFile(name: string, content: string | Buffer): string {
  scratch ??= mkdtempSync(join(tmpdir(), 'ipregion-test-'));
  const file = join(scratch, name);
  writeFileSync(file, content);
  return file;
}

/** Everything an async iterable yields, in order. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
