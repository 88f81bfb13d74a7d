import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import type { StartOptions } from '../../server/index.js';
import { engineOf, printableLocation } from '../../store/index.js';
import { type Context, EXIT, globals } from '../context.js';
import { print, printError } from '../output.js';

interface ServeOpts {
  host?: string;
  port?: string;
  demoScale?: string;
  logLevel?: string;
  notifyEvery?: string;
  workers?: string;
}

export function registerServe(program: Command, ctx: Context): void {
  program
    .command('serve')
    .description('serve the HTTP API and the web app (creates the demo region in an empty database)')
    .option('--host <host>', 'address to listen on (default: HOST or 127.0.0.1)')
    .option('--port <port>', 'port to listen on (default: PORT or 8080; 0: any free port)')
    .option('--demo-scale <s>', 'demo region size created into an empty database, or "off" (default 0.01)')
    .option('--log-level <level>', 'request log level: info, warn, error, silent … (default info)')
    .option(
      '--notify-every <minutes>',
      'minutes between deadline passes (warnings, overdue notices, e-mail through IPREGION_SMTP_URL), or "off" (default: IPREGION_NOTIFY_EVERY or 60)',
    )
    .option(
      '--workers <n>',
      'server processes sharing the port, or "auto" for one per core (default: IPREGION_WORKERS or 1)',
    )
    .action(async (opts: ServeOpts, cmd: Command) => {
      const { db, json } = globals(cmd);
      try {
        const config = loadConfig({ db, ...opts });
        const notice = (m: string) => ctx.io.err(`${m}\n`);
        // Loaded here, not with the CLI: the other commands (a long ingest above all) do without the
        // HTTP server's modules and the memory they hold.
        const { startServer } = await import('../../server/index.js');
        const { onPrimaryStop, startCluster, workerSlot } = await import('../../server/cluster.js');
        const slot = workerSlot();
        const deadlinePass =
          config.server.deadlinePassMinutes === null || (slot !== null && slot > 0)
            ? (false as const)
            : { everyMs: config.server.deadlinePassMinutes * 60_000 };
        const start: StartOptions = {
          database: config.database,
          host: config.server.host,
          port: config.server.port,
          // A worker's primary has prepared the database already.
          demo: slot === null ? (config.server.demo ?? false) : false,
          logLevel: config.server.logLevel,
          evidenceDir: config.server.evidenceDir,
          deadlinePass,
          onNotice: notice,
        };
        const running =
          slot === null && config.server.workers > 1
            ? await startCluster({ workers: config.server.workers, start })
            : await startServer(start);
        if (slot === null) {
          const where = `${printableLocation(config.database)} (${engineOf(config.database)})`;
          const processes =
            config.server.workers > 1 ? ` with ${config.server.workers} server processes` : '';
          print(
            ctx.io,
            Boolean(json),
            {
              url: running.url,
              database: printableLocation(config.database),
              workers: config.server.workers,
            },
            () =>
              [
                `ipregion is serving ${where}${processes}`,
                `  web app:  ${running.url}/`,
                `  API docs: ${running.url}/docs`,
                'Ctrl-C stops it.',
              ].join('\n'),
          );
        }
        await new Promise<void>((resolve) => {
          let stopping = false;
          const stop = (why: string) => {
            if (stopping) return;
            stopping = true;
            if (slot === null) notice(`${why}: finishing requests in flight, then stopping…`);
            running.close().then(resolve, resolve);
          };
          process.once('SIGINT', () => stop('SIGINT'));
          process.once('SIGTERM', () => stop('SIGTERM'));
          if (slot !== null) onPrimaryStop(() => stop('stop'));
        });
        // A worker's channel to its primary would keep it running.
        if (slot !== null && process.connected) process.disconnect();
        ctx.exitCode = EXIT.ok;
      } catch (e) {
        ctx.exitCode = printError(ctx.io, Boolean(json), e);
      }
    });
}
