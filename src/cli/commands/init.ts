import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { migrate, openStore } from '../../store/index.js';
import { type Context, EXIT, globals } from '../context.js';
import { print, printError } from '../output.js';

export function registerInit(program: Command, ctx: Context): void {
  program
    .command('init')
    .description('create the database (or bring its schema up to date) and say where it is')
    .action(async (_opts, cmd: Command) => {
      const { db, json } = globals(cmd);
      try {
        const config = loadConfig({ db });
        const store = await openStore(config.database, { migrate: false });
        try {
          const applied = await migrate(store.db);
          print(ctx.io, Boolean(json), { database: store.location, engine: store.engine, applied }, () =>
            applied.length
              ? `${store.location} (${store.engine}): applied ${applied.join(', ')}`
              : `${store.location} (${store.engine}): schema is up to date`,
          );
          ctx.exitCode = EXIT.ok;
        } finally {
          await store.close();
        }
      } catch (e) {
        ctx.exitCode = printError(ctx.io, Boolean(json), e);
      }
    });
}
