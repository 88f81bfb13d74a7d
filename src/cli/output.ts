import { IpregionError } from '../core/index.js';

/** Exit codes: 0 success, 1 failure, 2 usage error, 3 finished with rejects. */
export const EXIT = { ok: 0, failure: 1, usage: 2, rejects: 3 } as const;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** True when stderr is a terminal: progress bars instead of plain lines. */
  tty: boolean;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  tty: Boolean(process.stderr.isTTY),
};

/** Prints a result: JSON for scripts, or the human text for people. */
export function print(io: Io, json: boolean, value: unknown, human: () => string): void {
  io.out(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}

/** Prints an error the same way every command does; returns its exit code. */
export function printError(io: Io, json: boolean, e: unknown): number {
  const err = e instanceof IpregionError ? e : null;
  const code = err?.code === 'usage' || err?.code === 'invalid_input' ? EXIT.usage : EXIT.failure;
  const message = e instanceof Error ? e.message : String(e);
  if (json)
    io.out(`${JSON.stringify({ error: { code: err?.code ?? 'internal', message, ...err?.detail } })}\n`);
  else io.err(`ipregion: ${message}\n`);
  return code;
}

/** A table of rows for people: columns padded to the widest cell (CJK counted double). */
export function table(rows: string[][]): string {
  const width = (s: string) =>
    [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const widths: number[] = [];
  for (const r of rows) {
    for (const [i, c] of r.entries()) widths[i] = Math.max(widths[i] ?? 0, width(c));
  }
  return rows
    .map((r) =>
      r
        .map((c, i) => c + ' '.repeat((widths[i] ?? 0) - width(c)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
