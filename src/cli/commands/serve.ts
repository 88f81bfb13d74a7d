import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { type Context, EXIT, globals } from '../context.js';
import { print, printError } from '../output.js';

interface ServeOpts {
  host?: string;
  port?: string;
  demoScale?: string;
  logLevel?: string;
  notifyEvery?: string;
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
    .action(async (opts: ServeOpts, cmd: Command) => {
      const { db, json } = globals(cmd);
      try {
        const config = loadConfig({ db, ...opts });
        const notice = (m: string) => ctx.io.err(`${m}\n`);
        // Loaded here, not with the CLI: the other commands (a long ingest above all) do without the
        // HTTP server's modules and the memory they hold.
        const { startServer } = await import('../../server/index.js');
        const server = await startServer({
          database: config.database,
          host: config.server.host,
          port: config.server.port,
          demo: config.server.demo ?? false,
          logLevel: config.server.logLevel,
          evidenceDir: config.server.evidenceDir,
          deadlinePass:
            config.server.deadlinePassMinutes === null
              ? false
              : { everyMs: config.server.deadlinePassMinutes * 60_000 },
          onNotice: notice,
        });
        print(ctx.io, Boolean(json), { url: server.url, database: server.store.location }, () =>
          [
            `ipregion is serving ${server.store.location} (${server.store.engine})`,
            `  web app:  ${server.url}/`,
            `  API docs: ${server.url}/docs`,
            'Ctrl-C stops it.',
          ].join('\n'),
        );
        await new Promise<void>((resolve) => {
          const stop = (signal: string) => {
            notice(`${signal}: finishing requests in flight, then stopping…`);
            server.close().then(resolve, resolve);
          };
          process.once('SIGINT', () => stop('SIGINT'));
          process.once('SIGTERM', () => stop('SIGTERM'));
        });
        ctx.exitCode = EXIT.ok;
      } catch (e) {
        ctx.exitCode = printError(ctx.io, Boolean(json), e);
      }
    });
}
