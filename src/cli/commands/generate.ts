import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { errors } from '../../core/index.js';
import { generateRegistry, loadDemo, RIGHTS_PER_SCALE } from '../../demo/index.js';
import { toCanonicalLine } from '../../registry/index.js';
import type { Store } from '../../store/index.js';
import { type Context, EXIT, withStore } from '../context.js';
import type { Io } from '../output.js';
import { print } from '../output.js';
import { progress } from '../progress.js';

interface GenerateOpts {
  scale: string;
  seed: string;
  out?: string;
}

export function parseScaleSeed(opts: { scale: string; seed: string }): { scale: number; seed: number } {
  const scale = Number(opts.scale);
  const seed = Number(opts.seed);
  if (!(scale > 0 && scale <= 1)) throw errors.usage(`--scale: "${opts.scale}" is not a number in (0, 1]`);
  if (!Number.isInteger(seed) || seed < 0)
    throw errors.usage(`--seed: "${opts.seed}" is not a whole number ≥ 0`);
  return { scale, seed };
}

export function registerGenerate(program: Command, ctx: Context): void {
  program
    .command('generate')
    .description(
      'create the deterministic demo registry of the six central provinces (scale 1.0: 19.1 million rights)',
    )
    .option(
      '--scale <s>',
      'size: 1.0 is calibrated to the published 2024 figures; 0.001–0.05 for tests and demos',
      '0.01',
    )
    .option('--seed <n>', 'random seed: the same scale and seed give the same registry', '1')
    .option('--out <file>', 'write canonical JSON Lines to this file instead of the database')
    .action(async (opts: GenerateOpts, cmd: Command) => {
      await withStore(ctx, cmd, async (store, json) => {
        const { scale, seed } = parseScaleSeed(opts);
        const started = Date.now();
        const result = opts.out
          ? { file: opts.out, rights: await writeJsonl(opts.out, scale, seed, ctx.io) }
          : await generateInto(store, scale, seed, ctx.io);
        const seconds = (Date.now() - started) / 1000;
        print(
          ctx.io,
          json,
          { scale, seed, ...result, seconds },
          () =>
            `generated ${result.rights} rights (scale ${scale}, seed ${seed}) into ${'file' in result ? result.file : store.location} in ${seconds.toFixed(1)} s`,
        );
        return EXIT.ok;
      });
    });
}

/** Generates the demo registry into the store, with a progress bar. */
export async function generateInto(store: Store, scale: number, seed: number, io: Io, quiet = false) {
  const bar = progress(io, 'generate', quiet);
  const result = await loadDemo(store, {
    scale,
    seed,
    onProgress: (done, total) => bar.update(done, total, 'rights'),
  });
  bar.stop();
  return result;
}

async function writeJsonl(file: string, scale: number, seed: number, io: Io): Promise<number> {
  const out = createWriteStream(file);
  const bar = progress(io, 'generate');
  let n = 0;
  for (const record of generateRegistry({ scale, seed })) {
    if (!out.write(`${toCanonicalLine(record)}\n`))
      await new Promise<void>((r) => out.once('drain', () => r()));
    n += 1;
    if (n % 10_000 === 0) bar.update(n, Math.max(n, RIGHTS_PER_SCALE * scale), 'rights');
  }
  bar.stop();
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return n;
}
