import type { Engine, Store } from '../store/index.js';

export interface RegistryMeta {
  dataVersion: string;
  engine: Engine;
  rights: number;
  rightsByKind: Record<string, number>;
  latestGrantDate: string | null;
  /** The latest half-year end (30 June or 31 December) by which the data has grants: the dashboard's date. */
  defaultDate: string;
  defaultRegion: string;
}

const memo = new WeakMap<Store, RegistryMeta>();

/** The last 30 June or 31 December on or before `date`. */
export function halfYearEndOnOrBefore(date: string): string {
  const year = Number(date.slice(0, 4));
  if (date >= `${year}-12-31`) return `${year}-12-31`;
  if (date >= `${year}-06-30`) return `${year}-06-30`;
  return `${year - 1}-12-31`;
}

/** What the database holds, counted once per data version (the counts read the whole registry). */
export async function registryMeta(store: Store): Promise<RegistryMeta> {
  const version = await store.db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', 'data_version')
    .executeTakeFirst();
  const dataVersion = version?.value ?? '0';
  const known = memo.get(store);
  if (known?.dataVersion === dataVersion) return known;
  const byKind = await store.db
    .selectFrom('rights')
    .select(['kind', (eb) => eb.fn.countAll().as('n')])
    .groupBy('kind')
    .execute();
  const latest = await store.db
    .selectFrom('rights')
    .select((eb) => eb.fn.max('grant_date').as('d'))
    .executeTakeFirst();
  const today = new Date().toISOString().slice(0, 10);
  const latestGrantDate = (latest?.d as string | null | undefined) ?? null;
  const rightsByKind = Object.fromEntries(byKind.map((r) => [r.kind, Number(r.n)]));
  const meta: RegistryMeta = {
    dataVersion,
    engine: store.engine,
    rights: Object.values(rightsByKind).reduce((a, b) => a + b, 0),
    rightsByKind,
    latestGrantDate,
    defaultDate: halfYearEndOnOrBefore(latestGrantDate && latestGrantDate < today ? latestGrantDate : today),
    defaultRegion: 'central',
  };
  memo.set(store, meta);
  return meta;
}
