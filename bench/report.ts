/** One figure of a benchmark: ours beside the baseline measured in the same run, and the target. */
export interface BenchFigure {
  bench: string;
  metric: string;
  unit: string;
  ours: number;
  baseline: number | null;
  baselineName: string | null;
  /** The target, and whether higher or lower is better. */
  target: number | null;
  better: 'higher' | 'lower';
  note?: string;
}

export function passes(f: BenchFigure): boolean | null {
  if (f.target === null) return null;
  return f.better === 'higher' ? f.ours >= f.target : f.ours <= f.target;
}

function fmt(n: number | null): string {
  if (n === null) return '-';
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2);
}

export function printFigures(figures: BenchFigure[]): void {
  const rows = [['bench', 'metric', 'ipregion', 'baseline', 'baseline is', 'target', 'met']];
  for (const f of figures) {
    const ok = passes(f);
    rows.push([
      f.bench,
      `${f.metric} (${f.unit})`,
      fmt(f.ours),
      fmt(f.baseline),
      f.baselineName ?? '-',
      f.target === null ? '-' : `${f.better === 'higher' ? '≥' : '≤'} ${fmt(f.target)}`,
      ok === null ? '-' : ok ? 'yes' : 'NO',
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  for (const f of figures) if (f.note) console.log(`  ${f.bench} / ${f.metric}: ${f.note}`);
}

/** Samples the process's resident set size until stopped; returns the peak in MB. */
export function rssSampler(intervalMs = 50): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const t = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, intervalMs);
  return {
    stop() {
      clearInterval(t);
      peak = Math.max(peak, process.memoryUsage().rss);
      return peak / 1024 / 1024;
    },
  };
}
