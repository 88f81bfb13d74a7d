import { sql } from 'kysely';
import type { IsoDate, RightKind } from '../core/index.js';
import type { Store } from '../store/index.js';

/**
 * Flows over a period: how many rights were granted, lapsed, expired, were surrendered or
 * invalidated, renewed, licensed, pledged, and moved into or out of the region, between two dates
 * (inclusive), as known on K. Each event counts in the region of the right's first holder on the
 * event's effective date (a transfer: the holders before and after it). Computed from the registry
 * tables: its cost grows with the events of the period, not with the registry.
 */
export interface FlowQuery {
  from: IsoDate;
  to: IsoDate;
  knownOn?: IsoDate | null;
  /** Region prefixes as `regionWithin` reads them; empty: everywhere. */
  regions?: readonly string[];
  kinds?: readonly RightKind[];
}

export const FLOW_TYPES = [
  'grant',
  'lapse',
  'expiry',
  'surrender',
  'cessation',
  'invalidation',
  'restoration',
  'renewal',
  'licence',
  'pledge',
  'transferIn',
  'transferOut',
] as const;
export type FlowType = (typeof FLOW_TYPES)[number];

const FAR_FUTURE = '9999-12-31';

function regionPredicate(column: string, regions: readonly string[]) {
  if (regions.length === 0) return sql`1 = 1`;
  return sql`(${sql.join(
    regions.map((r) =>
      r.length === 2
        ? sql`${sql.ref(column)} like ${`${r}%`}`
        : r.endsWith('00')
          ? sql`(length(${sql.ref(column)}) = 6 and ${sql.ref(column)} like ${`${r.slice(0, 4)}%`})`
          : sql`${sql.ref(column)} = ${r}`,
    ),
    sql` or `,
  )})`;
}

/** The first holder's region of a right on a date as known on K (the holder set in effect then). */
function regionOn(rightId: string, date: string, strictlyBefore: boolean, K: string) {
  const cmp = strictlyBefore ? sql`<` : sql`<=`;
  return sql`(select hd.region_code from right_holders rh join holders hd on hd.id = rh.holder_id
    where rh.right_id = ${sql.ref(rightId)} and rh.position = 0 and rh.event_id = coalesce((select x.id from legal_events x
      where x.right_id = ${sql.ref(rightId)} and x.effective_date ${cmp} ${sql.ref(date)} and x.recorded_date <= ${K}
        and exists (select 1 from right_holders y where y.right_id = x.right_id and y.event_id = x.id)
      order by x.effective_date desc, x.recorded_date desc, x.id desc limit 1), 0))`;
}

export async function flows(store: Store, q: FlowQuery): Promise<Record<FlowType, number>> {
  const K = q.knownOn ?? FAR_FUTURE;
  const regions = q.regions ?? [];
  const kinds = q.kinds?.length ? sql`r.kind in (${sql.join([...q.kinds])})` : sql`1 = 1`;
  const out = Object.fromEntries(FLOW_TYPES.map((t) => [t, 0])) as Record<FlowType, number>;

  // Grants: by the right's grant date, in the region of its first holder on that date.
  const g = await sql<{ n: number }>`
    select count(*) as n from (
      select t.id, t.g, ${regionOn('t.id', 't.g', false, K)} as rg from (
        select r.id, coalesce(r.grant_date, (select min(e.effective_date) from legal_events e
          where e.right_id = r.id and e.type = 'grant' and e.recorded_date <= ${K})) as g
        from rights r where ${kinds}) t
      where t.g >= ${q.from} and t.g <= ${q.to}) s
    where ${regionPredicate('s.rg', regions)}`.execute(store.db);
  out.grant = Number(g.rows[0]?.n ?? 0);

  const events = await sql<{ type: string; n: number }>`
    select s.type, count(*) as n from (
      select e.type, ${regionOn('e.right_id', 'e.effective_date', false, K)} as rg
      from legal_events e join rights r on r.id = e.right_id
      where e.type in ('lapse', 'expiry', 'surrender', 'cessation', 'invalidation', 'restoration', 'renewal', 'licence', 'pledge')
        and e.effective_date >= ${q.from} and e.effective_date <= ${q.to} and e.recorded_date <= ${K} and ${kinds}) s
    where ${regionPredicate('s.rg', regions)}
    group by s.type`.execute(store.db);
  for (const r of events.rows) out[r.type as FlowType] = Number(r.n);

  if (regions.length > 0) {
    const moves = await sql<{ before: string | null; after: string | null }>`
      select ${regionOn('e.right_id', 'e.effective_date', true, K)} as before, ${regionOn('e.right_id', 'e.effective_date', false, K)} as after
      from legal_events e join rights r on r.id = e.right_id
      where e.effective_date >= ${q.from} and e.effective_date <= ${q.to} and e.recorded_date <= ${K} and ${kinds}
        and exists (select 1 from right_holders y where y.right_id = e.right_id and y.event_id = e.id)`.execute(
      store.db,
    );
    const inside = (code: string | null) =>
      code !== null &&
      regions.some((r) =>
        r.length === 2
          ? code.startsWith(r)
          : r.endsWith('00')
            ? code.length === 6 && code.startsWith(r.slice(0, 4))
            : code === r,
      );
    for (const m of moves.rows) {
      if (!inside(m.before) && inside(m.after)) out.transferIn += 1;
      if (inside(m.before) && !inside(m.after)) out.transferOut += 1;
    }
  }
  return out;
}
