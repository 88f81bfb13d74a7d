import type { Command } from 'commander';
import { errors, type Holder, isIsoDate, ST27_CATEGORIES, todayIso } from '../../core/index.js';
import { ancestors, getRegion } from '../../reference/index.js';
import {
  explainStatus,
  findRightIds,
  holdersOn,
  loadRight,
  type StoredRight,
  validity,
} from '../../registry/index.js';
import { type Context, EXIT, withStore } from '../context.js';
import { print, table } from '../output.js';

const KIND_LABEL = {
  invention: '发明专利',
  utility_model: '实用新型',
  design: '外观设计',
  trademark: '注册商标',
};

interface ShowOpts {
  asOf?: string;
  knownOn?: string;
}

export function registerRights(program: Command, ctx: Context): void {
  const rights = program.command('rights').description('look at rights in the registry');
  rights
    .command('show')
    .description(
      'a right, its holders, its legal-status timeline, and whether it is in force on a date and why',
    )
    .argument('<number>', 'application, publication, grant or registration number, in any usual form')
    .option('--as-of <date>', 'the date to judge validity and holders on (default today)')
    .option('--known-on <date>', 'use only events recorded on or before this date')
    .action(async (number: string, opts: ShowOpts, cmd: Command) => {
      await withStore(ctx, cmd, async (store, json) => {
        const asOf = opts.asOf ?? todayIso();
        for (const [flag, v] of [
          ['--as-of', opts.asOf],
          ['--known-on', opts.knownOn],
        ] as const) {
          if (v !== undefined && !isIsoDate(v))
            throw errors.usage(`${flag}: "${v}" is not a date (YYYY-MM-DD)`);
        }
        const ids = await findRightIds(store, number);
        if (ids.length === 0) throw errors.notFound('right', number);
        const found = await Promise.all(ids.map((id) => loadRight(store, id)));
        const views = found
          .filter((r): r is StoredRight => r !== null)
          .map((r) => view(r, asOf, opts.knownOn ?? null));
        print(ctx.io, json, views.length === 1 ? views[0] : views, () => views.map(human).join('\n\n'));
        return EXIT.ok;
      });
    });
}

/** The holder's place as a path of names, province first (安徽省 合肥市 蜀山区). */
function regionPath(code: string): string | null {
  const self = getRegion(code);
  return self ? [...ancestors(code), self].map((r) => r.nameZh).join(' ') : null;
}

function holderView(h: Holder) {
  return { ...h, region: h.regionCode ? regionPath(h.regionCode) : null };
}

/** The JSON shape of `rights show` (documented in the README). */
function view(r: StoredRight, asOf: string, knownOn: string | null) {
  const status = explainStatus(r, asOf, knownOn);
  const v = validity(r, knownOn);
  return {
    id: r.id,
    number: r.grantNumber ?? r.publicationNumber ?? r.applicationNumber,
    office: r.office,
    kind: r.kind,
    title: r.title,
    applicationNumber: r.applicationNumber,
    publicationNumber: r.publicationNumber,
    grantNumber: r.grantNumber,
    filingDate: r.filingDate,
    publicationDate: r.publicationDate,
    grantDate: r.grantDate,
    ipc: r.ipc,
    locarno: r.locarno,
    nice: r.nice,
    stub: r.stub,
    asOf,
    knownOn,
    holders: holdersOn(r, asOf, knownOn).map(holderView),
    firstHolders: r.holders.map(holderView),
    events: r.events.map((e) => ({
      category: e.category,
      categoryName: e.category ? ST27_CATEGORIES[e.category] : null,
      type: e.type,
      code: e.code,
      office: e.office,
      effectiveDate: e.effectiveDate,
      recordedDate: e.recordedDate,
      description: e.description,
      known: knownOn === null || e.recordedDate <= knownOn,
      ...(e.newHolders ? { newHolders: e.newHolders.map(holderView) } : {}),
    })),
    inForce: status.inForce,
    reason: status.reason,
    validity: { intervals: v.intervals, termEnd: v.termEnd },
  };
}

function human(v: ReturnType<typeof view>): string {
  const lines = [
    `${v.number}  ${KIND_LABEL[v.kind]} (${v.kind})${v.stub ? '  [only legal events loaded so far]' : ''}`,
    v.title ? `  ${v.title}` : '',
    `  application ${v.applicationNumber}, filed ${v.filingDate ?? '?'}; published ${v.publicationDate ?? '-'}; granted ${v.grantDate ?? '-'}`,
  ];
  if (v.ipc.length) lines.push(`  IPC ${v.ipc.join(', ')}`);
  if (v.locarno.length) lines.push(`  Locarno ${v.locarno.join(', ')}`);
  if (v.nice.length) lines.push(`  Nice classes ${v.nice.join(', ')}`);
  lines.push(`  holders on ${v.asOf}:`);
  for (const [i, h] of v.holders.entries()) {
    lines.push(
      `    ${i + 1}. ${h.name} (${h.type}${h.country ? `, ${h.country}` : ''}${h.region ? `, ${h.region}` : ''})`,
    );
  }
  lines.push(
    `  in force on ${v.asOf}${v.knownOn ? ` as known on ${v.knownOn}` : ''}: ${v.inForce ? 'yes' : 'no'} — ${v.reason}`,
  );
  if (v.events.length) {
    lines.push('  timeline:');
    const rows = [['effective', 'recorded', 'code', 'ST.27', 'type', 'description']];
    for (const e of v.events) {
      rows.push([
        e.effectiveDate,
        e.recordedDate,
        `${e.office ?? ''} ${e.code ?? ''}`.trim(),
        e.category ? `${e.category} ${e.categoryName}` : '-',
        e.type + (e.known ? '' : ' (not yet recorded)'),
        (e.description ?? '').slice(0, 60),
      ]);
    }
    lines.push(
      table(rows)
        .split('\n')
        .map((l) => `    ${l}`)
        .join('\n'),
    );
  }
  return lines.filter((l) => l !== '').join('\n');
}
