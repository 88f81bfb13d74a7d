import {
  addDays,
  CATEGORY_OF_TYPE,
  type EventType,
  type Holder,
  type LegalEvent,
  RIGHT_KINDS,
  type RightRecord,
} from '../core/index.js';

/**
 * Random registries with random event histories, for the property test of the statistics
 * structure against the brute-force reference. Deterministic for a seed; deliberately unkind:
 * late-recorded lapses, restorations, retroactive invalidations, transfers between regions, renewals,
 * rights without a grant date, holders without a region.
 */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const REGIONS = ['340104', '340100', '34', '420111', '420102', '430104', '410105', '360702', '110108', null];
const TYPES = ['enterprise', 'university', 'institute', 'individual'] as const;
const EVENT_TYPES: EventType[] = [
  'lapse',
  'restoration',
  'surrender',
  'expiry',
  'cessation',
  'invalidation',
  'transfer',
  'renewal',
  'licence',
  'grant',
];

export function randomRegistry(seed: number, n: number): RightRecord[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const date = (from: string, maxDays: number) => addDays(from, Math.floor(r() * maxDays));
  const holder = (): Holder => {
    const regionCode = pick(REGIONS);
    return {
      name: `持有人${Math.floor(r() * 40)}`,
      type: pick(TYPES),
      country: 'CN',
      regionCode,
      regionConfidence: regionCode ? 1 : 0,
      regionSource: regionCode ? 'record' : 'unknown',
      address: null,
    };
  };
  const out: RightRecord[] = [];
  for (let i = 0; i < n; i++) {
    const kind = pick(RIGHT_KINDS);
    const filingDate = r() < 0.03 ? null : date('1998-01-01', 9000);
    const base = filingDate ?? '2005-01-01';
    const grant = date(base, 1500);
    const grantInRecord = r() < 0.85;
    const events: LegalEvent[] = [];
    const ev = (type: EventType, effective: string, recorded: string, extra: Partial<LegalEvent> = {}) =>
      events.push({
        type,
        category: CATEGORY_OF_TYPE[type],
        code: null,
        office: 'CN',
        effectiveDate: effective,
        recordedDate: recorded,
        description: null,
        ...extra,
      });
    if (!grantInRecord || r() < 0.5) ev('grant', grant, date(grant, r() < 0.8 ? 1 : 60));
    const count = Math.floor(r() * 5);
    for (let j = 0; j < count; j++) {
      const type = pick(EVENT_TYPES);
      const effective = date(grant, 9000);
      const recorded = date(effective, r() < 0.5 ? 30 : 900);
      ev(
        type,
        effective,
        recorded,
        type === 'transfer' ? { newHolders: [holder(), ...(r() < 0.3 ? [holder()] : [])] } : {},
      );
    }
    out.push({
      office: 'CN',
      kind,
      applicationNumber: `RND${seed}-${i}`,
      publicationNumber: null,
      grantNumber: null,
      filingDate,
      publicationDate: null,
      grantDate: grantInRecord ? grant : null,
      title: null,
      abstract: null,
      ipc: [],
      locarno: [],
      nice: [],
      holders: r() < 0.05 ? [] : [holder(), ...(r() < 0.2 ? [holder()] : [])],
      events: events.sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate)),
    });
  }
  return out;
}
