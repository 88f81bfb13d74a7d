import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { errors, isIsoDate } from '../../core/index.js';
import { industryById } from '../../industries/index.js';
import { buildReport, reportHtml, reportMarkdown, StatsEngine } from '../../stats/index.js';
import { type Context, EXIT, withStore } from '../context.js';

interface ReportOpts {
  region: string;
  asOf: string;
  knownOn?: string;
  format: string;
  out?: string;
}

const industryName = (id: string) => industryById(id)?.name ?? null;

export function registerReport(program: Command, ctx: Context): void {
  program
    .command('report')
    .description(
      'the regional report: headline figures with YoY, provinces, top cities, industries, holder types, pilot zones',
    )
    .option('--region <r>', 'a GB/T 2260 code, a province or city name, or a named region', 'central')
    .requiredOption('--as-of <date>', 'the date of the figures')
    .option('--known-on <date>', 'as the data stood on this date: re-runs give the figures published then')
    .option('--format <f>', 'md, html or json', 'md')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (opts: ReportOpts, cmd: Command) => {
      await withStore(ctx, cmd, async (store, json) => {
        for (const [flag, v] of [
          ['--as-of', opts.asOf],
          ['--known-on', opts.knownOn],
        ] as const) {
          if (v !== undefined && !isIsoDate(v))
            throw errors.usage(`${flag}: "${v}" is not a date (YYYY-MM-DD)`);
        }
        const format = json ? 'json' : opts.format;
        if (!['md', 'html', 'json'].includes(format))
          throw errors.usage(`--format: "${format}" is not md, html or json`);
        const report = await buildReport(new StatsEngine(store), {
          region: opts.region,
          asOf: opts.asOf,
          knownOn: opts.knownOn ?? null,
        });
        const text =
          format === 'json'
            ? `${JSON.stringify(report, null, 2)}\n`
            : format === 'html'
              ? reportHtml(report, industryName)
              : `${reportMarkdown(report, industryName)}\n`;
        if (opts.out) {
          writeFileSync(opts.out, text);
          ctx.io.err(`report written to ${opts.out}\n`);
        } else ctx.io.out(text);
        return EXIT.ok;
      });
    });
}
