import type { Command } from 'commander';
import { FORMATS, type FormatName, type IngestSummary, ingestFiles } from '../../registry/index.js';
import { type Context, EXIT, withStore } from '../context.js';
import { print, table } from '../output.js';
import { progress } from '../progress.js';

interface IngestOpts {
  format?: FormatName;
  batchSize?: string;
  rejects?: string;
}

export function registerIngest(program: Command, ctx: Context): void {
  program
    .command('ingest')
    .description(
      'load files into the registry (format detected: canonical JSON Lines or CSV, EPO OPS biblio or legal XML, USPTO grant or trademark XML)',
    )
    .argument('<files...>', 'files to load')
    .option('--format <format>', `skip detection: one of ${FORMATS.join(', ')}`)
    .option('--batch-size <n>', 'records per transaction', '1000')
    .option('--rejects <path>', 'where to write the reject report (JSON Lines)')
    .action(async (files: string[], opts: IngestOpts, cmd: Command) => {
      await withStore(ctx, cmd, async (store, json) => {
        if (opts.format && !FORMATS.includes(opts.format)) {
          ctx.io.err(`ipregion: --format must be one of ${FORMATS.join(', ')}\n`);
          return EXIT.usage;
        }
        const batchSize = Number(opts.batchSize);
        if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) {
          ctx.io.err('ipregion: --batch-size must be a whole number from 1 to 100000\n');
          return EXIT.usage;
        }
        const bar = progress(ctx.io, 'ingest');
        const summary = await ingestFiles(store, files, {
          batchSize,
          ...(opts.format ? { format: opts.format } : {}),
          ...(opts.rejects ? { rejectReport: opts.rejects } : {}),
          onProgress: (p) => bar.update(p.done, p.total, `${p.records} records`),
        });
        bar.stop();
        print(ctx.io, json, summary, () => describe(summary));
        return summary.rejected > 0 ? EXIT.rejects : EXIT.ok;
      });
    });
}

function describe(s: IngestSummary): string {
  const rows = [['file', 'format', 'accepted', 'unchanged', 'rejected']];
  for (const f of s.files)
    rows.push([f.file, f.format, String(f.accepted), String(f.unchanged), String(f.rejected)]);
  const lines = [
    table(rows),
    `accepted ${s.accepted}, unchanged ${s.unchanged}, rejected ${s.rejected} in ${s.seconds.toFixed(1)} s`,
  ];
  for (const r of s.rejects.slice(0, 10)) {
    const where = r.line !== undefined ? `line ${r.line}` : `byte ${r.offset}`;
    lines.push(`  rejected ${r.file} ${where}: ${r.reason}`);
  }
  if (s.rejected > 10) lines.push(`  … ${s.rejected - 10} more`);
  if (s.rejectReport) lines.push(`reject report: ${s.rejectReport}`);
  return lines.join('\n');
}
