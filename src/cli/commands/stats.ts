import type { Command } from 'commander';
import {
  errors,
  HOLDER_TYPES,
  type HolderType,
  isIsoDate,
  RIGHT_KINDS,
  type RightKind,
} from '../../core/index.js';
import { resolveRegionSelector } from '../../reference/index.js';
import {
  type Dimension,
  drillDown,
  type Figure,
  figures,
  flows,
  rebuildStatistics,
  StatsEngine,
} from '../../stats/index.js';
import { type Context, EXIT, withStore } from '../context.js';
import { HOLDER_TYPE_LABEL, KIND_LABEL, regionName } from '../labels.js';
import { print, table } from '../output.js';
import { progress } from '../progress.js';

interface StatsOpts {
  region?: string;
  asOf?: string;
  kind?: string;
  holderType?: string;
  industry?: string;
  by?: string;
  vs?: string;
  knownOn?: string;
}

const BY: Record<string, Dimension> = {
  province: 'province',
  city: 'city',
  district: 'district',
  kind: 'kind',
  'holder-type': 'holderType',
  industry: 'industry',
};

function list<T extends string>(
  flag: string,
  raw: string | undefined,
  allowed: readonly T[],
): T[] | undefined {
  if (!raw) return undefined;
  const values = raw.split(',').map((s) => s.trim());
  for (const v of values) {
    if (!allowed.includes(v as T)) throw errors.usage(`${flag}: "${v}" is not one of ${allowed.join(', ')}`);
  }
  return values as T[];
}

function date(flag: string, v: string | undefined): string | undefined {
  if (v !== undefined && !isIsoDate(v)) throw errors.usage(`${flag}: "${v}" is not a date (YYYY-MM-DD)`);
  return v;
}

export function registerStats(program: Command, ctx: Context): void {
  program
    .command('stats')
    .description(
      'rights in force on a date, with year-on-year change, for a region and any breakdown; `stats drill` lists the rights behind the figure',
    )
    .argument(
      '[action]',
      'drill: list the rights behind the figure, a page at a time; flows: events over a period',
    )
    .option('--from <date>', 'flows: the first day of the period')
    .option('--to <date>', 'flows: the last day of the period (default --as-of)')
    .option('--limit <n>', 'drill: rights per page (1–1000)', '50')
    .option('--after <id>', 'drill: the cursor, the last id of the previous page')
    .option('--as-of <date>', 'the date the rights must be in force on (required, but for flows)')
    .option(
      '--region <r>',
      'a GB/T 2260 code, a province or city name, or a named region (central); comma-separated',
    )
    .option('--kind <k>', `${RIGHT_KINDS.join(', ')} (comma-separated)`)
    .option('--holder-type <t>', `${HOLDER_TYPES.join(', ')} (comma-separated)`)
    .option('--industry <id>', 'count only rights in this industry (see the industries module)')
    .option('--by <dimension>', `break down by ${Object.keys(BY).join(', ')} (comma-separated)`)
    .option('--vs <date>', 'also compare with this date')
    .option('--known-on <date>', 'as the data stood on this date (only events recorded by then)')
    .action(async (action: string | undefined, opts: DrillOpts, cmd: Command) => {
      if (action === 'drill') return drill(ctx, opts, cmd);
      if (action === 'flows') return flowsAction(ctx, opts, cmd);
      if (action === 'rebuild') return rebuild(ctx, cmd);
      if (action !== undefined) {
        ctx.io.err(`ipregion: stats takes no action "${action}" (only: drill, flows, rebuild)\n`);
        ctx.exitCode = EXIT.usage;
        return;
      }
      await withStore(ctx, cmd, async (store, json) => {
        if (!opts.asOf) throw errors.usage('--as-of <date> is required');
        const asOf = date('--as-of', opts.asOf)!;
        const vs = date('--vs', opts.vs);
        const knownOn = date('--known-on', opts.knownOn);
        const regions = opts.region
          ? opts.region.split(',').flatMap((r) => resolveRegionSelector(r))
          : undefined;
        const groupBy = (opts.by ?? '')
          .split(',')
          .filter((s) => s.trim())
          .map((s) => {
            const d = BY[s.trim()];
            if (!d) throw errors.usage(`--by: "${s}" is not one of ${Object.keys(BY).join(', ')}`);
            return d;
          });
        const engine = new StatsEngine(store);
        const rows = await figures(engine, {
          date: asOf,
          knownOn: knownOn ?? null,
          vs: vs ?? null,
          ...(regions ? { regions } : {}),
          ...(opts.kind ? { kinds: list<RightKind>('--kind', opts.kind, RIGHT_KINDS) } : {}),
          ...(opts.holderType
            ? { holderTypes: list<HolderType>('--holder-type', opts.holderType, HOLDER_TYPES) }
            : {}),
          ...(groupBy.includes('industry')
            ? { industry: opts.industry ?? '*' }
            : opts.industry
              ? { industry: opts.industry }
              : {}),
          groupBy,
        });
        const question = {
          asOf,
          knownOn: knownOn ?? null,
          region: opts.region ?? null,
          regions: regions ?? null,
          kind: opts.kind ?? null,
          holderType: opts.holderType ?? null,
          industry: opts.industry ?? null,
          dataVersion: await engine.version(),
          counts: 'rights in force on the date whose first holder on that date is located in the region',
        };
        const single = groupBy.length === 0;
        const value = single
          ? { ...question, ...withoutGroup(rows[0]!) }
          : { ...question, by: groupBy, rows };
        print(ctx.io, json, value, () => human(rows, groupBy, asOf, vs));
        return EXIT.ok;
      });
    });
}

function withoutGroup(f: Figure): Omit<Figure, 'group'> {
  const { group: _g, ...rest } = f;
  return rest;
}

function label(d: Dimension, v: string | undefined): string {
  if (v === undefined) return '';
  if (d === 'kind') return `${KIND_LABEL[v as RightKind] ?? v} ${v}`;
  if (d === 'holderType') return `${HOLDER_TYPE_LABEL[v as HolderType] ?? v} ${v}`;
  if (d === 'province' || d === 'city' || d === 'district') return regionName(v);
  return v;
}

function pct(x: number | null): string {
  return x === null ? '-' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
}

function human(rows: Figure[], groupBy: Dimension[], asOf: string, vs: string | undefined): string {
  const head = [...groupBy, `in force ${asOf}`, 'a year earlier', 'YoY', ...(vs ? [vs, 'change'] : [])];
  const body = rows.map((r) => [
    ...groupBy.map((d) => label(d, r.group[d])),
    r.value.toLocaleString('en-US'),
    r.previousYear.toLocaleString('en-US'),
    pct(r.yoy),
    ...(r.compareTo ? [r.compareTo.value.toLocaleString('en-US'), pct(r.compareTo.change)] : []),
  ]);
  return table([head, ...body]);
}

interface DrillOpts extends StatsOpts {
  limit: string;
  after?: string;
  from?: string;
  to?: string;
}

/** `stats rebuild`: recompute the statistics and industries of every right. */
async function rebuild(ctx: Context, cmd: Command): Promise<void> {
  await withStore(ctx, cmd, async (store, json) => {
    const bar = progress(ctx.io, 'rebuild');
    const result = await rebuildStatistics(store, (done, total) => bar.update(done, total, 'rights'));
    bar.stop();
    print(
      ctx.io,
      json,
      result,
      () => `recomputed the statistics of ${result.rights} rights (${result.deltas} cell changes)`,
    );
    return EXIT.ok;
  });
}

/** `stats flows`: what happened over a period in a region. */
async function flowsAction(ctx: Context, opts: DrillOpts, cmd: Command): Promise<void> {
  await withStore(ctx, cmd, async (store, json) => {
    const from = date('--from', opts.from);
    const to = date('--to', opts.to ?? opts.asOf);
    if (!from || !to) throw errors.usage('flows needs --from <date> and --to <date>');
    if (from > to) throw errors.usage(`--from ${from} is after --to ${to}`);
    const regions = opts.region ? opts.region.split(',').flatMap((r) => resolveRegionSelector(r)) : [];
    const result = await flows(store, {
      from,
      to,
      knownOn: date('--known-on', opts.knownOn) ?? null,
      regions,
      ...(opts.kind ? { kinds: list<RightKind>('--kind', opts.kind, RIGHT_KINDS) } : {}),
    });
    const value = {
      from,
      to,
      region: opts.region ?? null,
      kind: opts.kind ?? null,
      knownOn: opts.knownOn ?? null,
      flows: result,
    };
    print(ctx.io, json, value, () =>
      table([['flow', 'count'], ...Object.entries(result).map(([k, v]) => [k, v.toLocaleString('en-US')])]),
    );
    return EXIT.ok;
  });
}

/** `stats drill`: the rights behind a figure, a page at a time. */
async function drill(ctx: Context, opts: DrillOpts, cmd: Command): Promise<void> {
  await withStore(ctx, cmd, async (store, json) => {
    if (!opts.asOf) throw errors.usage('--as-of <date> is required');
    const limit = Number(opts.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      throw errors.usage('--limit: a whole number from 1 to 1000');
    const after = opts.after === undefined ? 0 : Number(opts.after);
    if (!Number.isInteger(after) || after < 0)
      throw errors.usage('--after: the id a previous page ended with');
    const rows = await drillDown(store, {
      date: date('--as-of', opts.asOf)!,
      knownOn: date('--known-on', opts.knownOn) ?? null,
      ...(opts.region ? { regions: opts.region.split(',').flatMap((r) => resolveRegionSelector(r)) } : {}),
      ...(opts.kind ? { kinds: list<RightKind>('--kind', opts.kind, RIGHT_KINDS) } : {}),
      ...(opts.holderType
        ? { holderTypes: list<HolderType>('--holder-type', opts.holderType, HOLDER_TYPES) }
        : {}),
      ...(opts.industry ? { industry: opts.industry } : {}),
      after,
      limit,
    });
    const next = rows.length === limit ? rows[rows.length - 1]!.id : null;
    print(ctx.io, json, { rows, next }, () =>
      [
        table([
          ['id', 'number', 'kind', 'title', 'first holder', 'region'],
          ...rows.map((r) => [
            String(r.id),
            r.number,
            r.kind,
            (r.title ?? '').slice(0, 30),
            r.holder ?? '',
            regionName(r.region),
          ]),
        ]),
        next === null ? '(last page)' : `next page: --after ${next}`,
      ].join('\n'),
    );
    return EXIT.ok;
  });
}
