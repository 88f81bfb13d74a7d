import cliProgress from 'cli-progress';
import type { Io } from './output.js';

export interface Progress {
  update(done: number, total: number, label?: string): void;
  stop(): void;
}

/** A progress bar on a terminal; elsewhere a plain line every few seconds, on stderr. */
export function progress(io: Io, title: string, quiet = false): Progress {
  if (quiet) return { update: () => {}, stop: () => {} };
  if (io.tty) {
    const bar = new cliProgress.SingleBar(
      { format: `${title} [{bar}] {percentage}% {value}/{total} {label}`, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total, label = '') {
        if (!started) {
          bar.start(total, done, { label });
          started = true;
        }
        bar.setTotal(total);
        bar.update(done, { label });
      },
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  return {
    update(done, total, label = '') {
      const now = Date.now();
      if (now - last < 2000) return;
      last = now;
      io.err(`${title}: ${done}/${total} ${label}\n`);
    },
    stop: () => {},
  };
}
