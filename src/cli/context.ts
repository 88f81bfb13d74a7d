import type { Command } from 'commander';
import { assemble } from '../assemble.js';
import { loadConfig } from '../config.js';
import { customIndustries } from '../industries/index.js';
import { openStore, type Store } from '../store/index.js';
import { EXIT, type Io, printError } from './output.js';

export interface GlobalOptions {
  db?: string;
  json?: boolean;
}

/** What every command gets: the I/O, and a way to set the process's exit code. */
export interface Context {
  io: Io;
  exitCode: number;
}

export function globals(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals<GlobalOptions>();
}

/**
 * Runs a command's body with the store open, turning any error into the one error output and its
 * exit code. The body returns the exit code it wants.
 */
export async function withStore(
  ctx: Context,
  cmd: Command,
  body: (store: Store, json: boolean) => Promise<number>,
): Promise<void> {
  const g = globals(cmd);
  const json = Boolean(g.json);
  let store: Store | null = null;
  try {
    const config = loadConfig({ db: g.db });
    store = await openStore(config.database);
    assemble(await customIndustries(store.db));
    ctx.exitCode = await body(store, json);
  } catch (e) {
    ctx.exitCode = printError(ctx.io, json, e);
  } finally {
    await store?.close();
  }
}

export { EXIT };
