import { beforeAll, describe, expect, it } from 'vitest';
import { isIsoDate, type LegalEvent, RIGHT_KINDS, type RightKind, type RightRecord } from '../core/index.js';
import {
  classifyHolderType,
  getRegion,
  isKnownSubclass,
  lookupEventCode,
  lookupTrademarkEventCode,
  NAMED_REGIONS,
} from '../reference/index.js';
import { inForceOn, validity } from '../registry/validity.js';
import { generateRegistry } from './index.js';
import { cnCheckDigit } from './numbers.js';

const CENTRAL: readonly string[] = NAMED_REGIONS.central;
const take = (n: number, scale: number, seed: number): string[] => {
  const out: string[] = [];
  for (const r of generateRegistry({ scale, seed })) {
    out.push(JSON.stringify(r));
    if (out.length === n) break;
  }
  return out;
};

describe('determinism', () => {
  it('gives the same records for the same scale and seed, other records for another seed', () => {
    const a = take(3000, 0.01, 7);
    expect(take(3000, 0.01, 7)).toEqual(a);
    const b = take(3000, 0.01, 8);
    expect(b).not.toEqual(a);
    expect(b.filter((x, i) => x === a[i]).length).toBe(0);
  });

  it('refuses scales and seeds it cannot honour', () => {
    expect(() => generateRegistry({ scale: 0, seed: 1 }).next()).toThrow(/scale/);
    expect(() => generateRegistry({ scale: 2, seed: 1 }).next()).toThrow(/scale/);
    expect(() => generateRegistry({ scale: 0.01, seed: 1.5 }).next()).toThrow(/seed/);
  });
});

const LAG_DAYS: Record<RightKind, readonly [number, number]> = {
  invention: [540, 1465],
  utility_model: [180, 368],
  design: [118, 248],
  trademark: [240, 430],
};
const NUMBER = {
  invention: /^CN(\d{4})1\d{7}\.[\dX]$/,
  utility_model: /^CN(\d{4})2\d{7}\.[\dX]$/,
  design: /^CN(\d{4})3\d{7}\.[\dX]$/,
} as const;
const KIND_CODE = { invention: 'B', utility_model: 'U', design: 'S' } as const;
const KIND_DIGIT = { invention: 1, utility_model: 2, design: 3 } as const;
const ENDINGS = new Set(['lapse', 'expiry', 'surrender', 'cessation']);

function daysBetween(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / 86_400_000;
}

function eventProblems(r: RightRecord): string[] {
  const p: string[] = [];
  let prev: LegalEvent | null = null;
  for (const e of r.events) {
    const info =
      r.kind === 'trademark' ? lookupTrademarkEventCode(e.code ?? '') : lookupEventCode('CN', e.code ?? '');
    if (!info) p.push(`unknown code ${e.code}`);
    else if (info.type !== e.type || info.category !== e.category || info.description !== e.description) {
      p.push(`${e.code} disagrees with the code table`);
    }
    if (!isIsoDate(e.effectiveDate) || !isIsoDate(e.recordedDate)) p.push(`${e.code} has a bad date`);
    if (e.recordedDate < e.effectiveDate) p.push(`${e.code} recorded before it took effect`);
    if (e.recordedDate > '2026-06-30') p.push(`${e.code} recorded after the end of the data`);
    if (prev && prev.effectiveDate > e.effectiveDate) p.push('events out of order');
    if ((e.type === 'transfer') !== (e.newHolders !== undefined)) p.push(`${e.code} and newHolders disagree`);
    prev = e;
  }
  const v = validity(r);
  const last = v.intervals.at(-1);
  if (!v.invalidatedBy && r.grantDate && r.grantDate <= '2026-06-30' && !last) p.push('never in force');
  if (!v.invalidatedBy && last?.to) {
    // Nothing happens to a right after it has ended, but an invalidation.
    const after = r.events.filter((e) => e.effectiveDate > last.to! && e.type !== 'invalidation');
    if (after.length > 0) p.push(`${after[0]!.code} after the end on ${last.to}`);
  }
  // An ending is final unless a restoration follows it before the next ending.
  const finals = r.events.filter((e, i) => {
    if (!ENDINGS.has(e.type)) return false;
    const next = r.events.slice(i + 1).find((x) => ENDINGS.has(x.type) || x.type === 'restoration');
    return next?.type !== 'restoration';
  });
  if (finals.length > 1) p.push('more than one final ending');
  for (const e of r.events.filter((x) => x.type === 'renewal')) {
    const dayBefore = new Date(Date.parse(e.effectiveDate) - 86_400_000).toISOString().slice(0, 10);
    if (!inForceOn(r, dayBefore)) p.push(`renewal on ${e.effectiveDate} of a mark not in force`);
  }
  return p;
}

function recordProblems(r: RightRecord): string[] {
  const p: string[] = [];
  if (r.office !== 'CN' || !RIGHT_KINDS.includes(r.kind)) p.push('office or kind');
  for (const d of [r.filingDate, r.publicationDate, r.grantDate]) if (!isIsoDate(d)) p.push(`date ${d}`);
  const [lo, hi] = LAG_DAYS[r.kind];
  const lag = daysBetween(r.filingDate!, r.grantDate!);
  if (lag < lo || lag > hi) p.push(`filing-to-grant lag ${lag} days`);
  if (!(r.filingDate! <= r.publicationDate! && r.publicationDate! <= r.grantDate!))
    p.push('dates out of order');
  if (r.grantDate! < '2000-01-01' || r.grantDate! > '2026-06-30') p.push(`grant ${r.grantDate}`);
  if (r.kind === 'trademark') {
    if (!/^\d{7,8}$/.test(r.grantNumber ?? '') || r.applicationNumber !== `TM${r.grantNumber}`)
      p.push('mark number');
    if (r.nice.length < 1 || r.nice.length > 3 || r.nice.some((c) => c < 1 || c > 45)) p.push('nice');
    if (r.ipc.length + r.locarno.length > 0) p.push('classes of a mark');
  } else {
    const m = NUMBER[r.kind].exec(r.applicationNumber);
    if (!m || m[1] !== r.filingDate!.slice(0, 4)) p.push(`application number ${r.applicationNumber}`);
    else if (r.applicationNumber.slice(-1) !== cnCheckDigit(r.applicationNumber.slice(2, 14)))
      p.push('check digit');
    const grant = r.grantNumber ?? '';
    if (!new RegExp(`^CN${KIND_DIGIT[r.kind]}\\d{8}${KIND_CODE[r.kind]}$`).test(grant))
      p.push(`grant ${grant}`);
    const pub = r.kind === 'invention' ? `${grant.slice(0, -1)}A` : grant;
    if (r.publicationNumber !== pub) p.push('publication number');
    if (r.kind === 'design') {
      if (r.ipc.length > 0 || !/^\d{2}-\d{2}$/.test(r.locarno[0] ?? '')) p.push('design classes');
    } else if (r.ipc.length === 0) p.push('no IPC');
    for (const c of r.ipc) {
      if (!/^[A-H]\d{2}[A-Z] \d{1,4}\/\d{2,6}$/.test(c) || !isKnownSubclass(c.slice(0, 4)))
        p.push(`IPC ${c}`);
    }
    if (!r.title || !r.abstract) p.push('text');
  }
  if (r.holders.length < 1 || r.holders.length > 3) p.push(`${r.holders.length} holders`);
  for (const h of [...r.holders, ...r.events.flatMap((e) => e.newHolders ?? [])]) {
    const region = getRegion(h.regionCode ?? '');
    if (!region || h.regionCode!.length !== 6) p.push(`region ${h.regionCode}`);
    if (h.type !== classifyHolderType(h.name)) p.push(`${h.name} is not a ${h.type}`);
    if (h.country !== 'CN' || h.regionConfidence !== 1 || h.regionSource !== 'record')
      p.push('holder source');
    if (region && !h.address?.includes(region.nameZh)) p.push(`address ${h.address}`);
  }
  for (const h of r.holders)
    if (!CENTRAL.includes(h.regionCode!.slice(0, 2))) p.push(`holder outside: ${h.name}`);
  return [...p, ...eventProblems(r)];
}

describe('the records', () => {
  const records: RightRecord[] = [];
  beforeAll(() => {
    for (const r of generateRegistry({ scale: 0.003, seed: 11 })) records.push(r);
  });

  it('are all well-formed and consistent with validity()', () => {
    const problems = new Map<string, number>();
    for (const r of records) {
      for (const p of recordProblems(r)) problems.set(p, (problems.get(p) ?? 0) + 1);
    }
    expect([...problems.entries()].slice(0, 20)).toEqual([]);
  });

  it('have unique numbers', () => {
    expect(new Set(records.map((r) => r.applicationNumber)).size).toBe(records.length);
    expect(new Set(records.map((r) => `${r.kind}${r.grantNumber}`)).size).toBe(records.length);
  });

  it('cover every kind and the kinds of event the registry must handle', () => {
    const codes = new Set(records.flatMap((r) => r.events.map((e) => e.code)));
    for (const c of ['PB01', 'GR01', 'CF01', 'RR01', 'CX01', 'AV01', 'IW01', 'TR01', 'EE01', 'PE01']) {
      expect(codes).toContain(c);
    }
    for (const c of ['TMRG', 'TMRN', 'TMEX', 'TMCN', 'TMRV', 'TMIV', 'TMTR', 'TMLC', 'TMPL'])
      expect(codes).toContain(c);
    const out = records.flatMap((r) => r.events.flatMap((e) => e.newHolders ?? []));
    expect(out.some((h) => !CENTRAL.includes(h.regionCode!.slice(0, 2)))).toBe(true);
  });

  it('lapse utility models and designs more than inventions, and universities more than firms', () => {
    // Share lapsed within five years of grant (a lapse ends the right unless a restoration follows).
    const lapsed = (pred: (r: RightRecord) => boolean) => {
      const sel = records.filter((r) => pred(r) && r.grantDate! < '2018-01-01');
      const early = sel.filter((r) =>
        r.events.some(
          (e, i) =>
            e.code === 'CF01' &&
            r.events.slice(i + 1).find((x) => x.code === 'RR01' || x.code === 'CF01')?.code !== 'RR01' &&
            daysBetween(r.grantDate!, e.effectiveDate) < 5 * 365,
        ),
      );
      return early.length / sel.length;
    };
    const inv = lapsed((r) => r.kind === 'invention');
    expect(lapsed((r) => r.kind === 'utility_model')).toBeGreaterThan(inv);
    expect(lapsed((r) => r.kind === 'design')).toBeGreaterThan(inv);
    const firms = lapsed((r) => r.kind === 'invention' && r.holders[0]!.type === 'enterprise');
    expect(lapsed((r) => r.kind === 'invention' && r.holders[0]!.type === 'university')).toBeGreaterThan(
      firms,
    );
  });
});
