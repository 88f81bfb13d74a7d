import { pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { assemble } from '../assemble.js';
import { registerAudit } from './commands/audit.js';
import { registerCalendar } from './commands/calendar.js';
import { registerCases } from './commands/cases.js';
import { registerDemo } from './commands/demo.js';
import { registerGenerate } from './commands/generate.js';
import { registerIndustries } from './commands/industries.js';
import { registerIngest } from './commands/ingest.js';
import { registerInit } from './commands/init.js';
import { registerReport } from './commands/report.js';
import { registerRights } from './commands/rights.js';
import { registerServe } from './commands/serve.js';
import { registerStats } from './commands/stats.js';
import { registerUsers } from './commands/users.js';
import type { Context } from './context.js';
import { EXIT, type Io, processIo } from './output.js';

export function buildProgram(ctx: Context): Command {
  const program = new Command('ipregion')
    .description("ipregion: a region's intellectual-property registry, statistics and services")
    .option(
      '--db <path|url>',
      'SQLite file or postgres:// URL (default: IPREGION_DB, DATABASE_URL, or data/ipregion.db)',
    )
    .option('--json', 'print results as JSON for scripts')
    .exitOverride()
    .configureOutput({ writeOut: ctx.io.out, writeErr: ctx.io.err })
    .showHelpAfterError();
  registerInit(program, ctx);
  registerGenerate(program, ctx);
  registerIngest(program, ctx);
  registerRights(program, ctx);
  registerStats(program, ctx);
  registerReport(program, ctx);
  registerIndustries(program, ctx);
  registerDemo(program, ctx);
  registerCalendar(program, ctx);
  registerCases(program, ctx);
  registerAudit(program, ctx);
  registerUsers(program, ctx);
  registerServe(program, ctx);
  return program;
}

function overrideExits(cmd: Command): void {
  for (const c of cmd.commands) {
    c.exitOverride();
    c.configureOutput({
      writeOut: (t) => cmd.configureOutput().writeOut?.(t),
      writeErr: (t) => cmd.configureOutput().writeErr?.(t),
    });
    overrideExits(c);
  }
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function run(argv: string[], io: Io = processIo): Promise<number> {
  assemble();
  const ctx: Context = { io, exitCode: EXIT.ok };
  const program = buildProgram(ctx);
  overrideExits(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
      ) {
        return EXIT.ok;
      }
      return EXIT.usage;
    }
    throw e;
  }
  return ctx.exitCode;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`ipregion: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = EXIT.failure;
    },
  );
}
