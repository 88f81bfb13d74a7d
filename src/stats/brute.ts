import { type RawBuilder, sql } from 'kysely';
import type { HolderType, IsoDate, RightKind } from '../core/index.js';
import type { Store } from '../store/index.js';

/**
 * The reference the statistics structure is checked against: rights in force on D as known on K,
 * counted straight from the registry tables by SQL, by the rules of DESIGN.md — the same rules as
 * `validity()`, written as predicates: granted by D (and the grant known by K), not invalidated,
 * D before the term's end, and no ending by D that a later restoration does not undo. The first
 * holder on D is the first holder of the last holder set in effect by D. Slow by design (it reads
 * every right); tests and benchmarks use it.
 */
export interface BruteRow {
  region: string;
  kind: RightKind;
  holderType: HolderType;
  n: number;
}

const FAR_FUTURE = '9999-12-31';

/** `date + n years` as ISO text, clamping 29 February like `addYears` (SQLite would roll to 1 March). */
function plusYears(
  engine: Store['engine'],
  date: RawBuilder<unknown>,
  years: RawBuilder<unknown>,
): RawBuilder<string> {
  if (engine === 'postgres') {
    return sql<string>`to_char(${date}::date + make_interval(years => (${years})::int), 'YYYY-MM-DD')`;
  }
  const shifted = sql`date(${date}, '+' || (${years}) || ' years')`;
  return sql<string>`case when substr(${date}, 6, 5) = '02-29' and substr(${shifted}, 6, 2) = '03' then date(${shifted}, '-1 day') else ${shifted} end`;
}

/**
 * The rights in force on D as known on K (all data known when K is omitted) with their first holder
 * on D, as SQL common table expressions ending in `h` (id, kind, holder_set); shared by the counts,
 * the drill-down and search's `inForceOn` filter. `within`, a condition on `rights r`, narrows the
 * rights looked at (search checks a page of candidates rather than the whole registry).
 */
export function inForceCte(store: Store, D: IsoDate, K: IsoDate = FAR_FUTURE, within?: RawBuilder<unknown>) {
  const start = sql.ref('b.start');
  const termYears = sql`case b.kind when 'invention' then 20 when 'utility_model' then 10
    when 'design' then case when b.filing_date >= '2021-06-01' then 15 else 10 end end`;
  const termEnd = sql`case when b.kind = 'trademark' then ${plusYears(store.engine, start, sql`10 * (1 + b.renewals)`)}
    when b.filing_date is null then null else ${plusYears(store.engine, sql.ref('b.filing_date'), termYears)} end`;
  return sql`
    b as (
      select r.id, r.kind, r.filing_date,
        coalesce(r.grant_date, (select min(e.effective_date) from legal_events e
          where e.right_id = r.id and e.type = 'grant' and e.recorded_date <= ${K})) as start,
        coalesce((select min(e.recorded_date) from legal_events e where e.right_id = r.id and e.type = 'grant'),
          r.grant_date) as grant_known,
        (select count(*) from legal_events e
          where e.right_id = r.id and e.type = 'renewal' and e.recorded_date <= ${K}) as renewals,
        (select max(e.effective_date) from legal_events e
          where e.right_id = r.id and e.type = 'restoration' and e.recorded_date <= ${K}) as last_restoration
      from rights r
      where ${within ? sql`${within} and ` : sql``}not exists (select 1 from legal_events e
        where e.right_id = r.id and e.type = 'invalidation' and e.recorded_date <= ${K})
    ),
    f as (
      select b.id, b.kind from b
      where b.start is not null and b.start <= ${D} and b.grant_known <= ${K}
        and (${termEnd} is null or ${D} < ${termEnd})
        and not exists (select 1 from legal_events e
          where e.right_id = b.id and e.type in ('lapse', 'expiry', 'surrender', 'cessation')
            and e.recorded_date <= ${K} and e.effective_date >= b.start and e.effective_date <= ${D}
            and not (e.type in ('lapse', 'cessation') and b.last_restoration is not null
              and b.last_restoration >= e.effective_date))
    ),
    h as (
      select f.id, f.kind, coalesce((select e.id from legal_events e
          where e.right_id = f.id and e.effective_date <= ${D} and e.recorded_date <= ${K}
            and exists (select 1 from right_holders x where x.right_id = e.right_id and x.event_id = e.id)
          order by e.effective_date desc, e.recorded_date desc, e.id desc limit 1), 0) as holder_set
      from f
    )`;
}

export async function bruteForceCounts(
  store: Store,
  date: IsoDate,
  knownOn?: IsoDate | null,
): Promise<BruteRow[]> {
  const result = await sql<{ region: string | null; kind: RightKind; holder_type: string | null; n: number }>`
    with ${inForceCte(store, date, knownOn ?? FAR_FUTURE)}
    select hd.region_code as region, h.kind, hd.type as holder_type, count(*) as n
    from h
    left join right_holders rh on rh.right_id = h.id and rh.event_id = h.holder_set and rh.position = 0
    left join holders hd on hd.id = rh.holder_id
    group by hd.region_code, h.kind, hd.type`.execute(store.db);
  return result.rows.map((r) => ({
    region: r.region ?? '',
    kind: r.kind,
    holderType: (r.holder_type ?? 'unknown') as HolderType,
    n: Number(r.n),
  }));
}

export interface DrillQuery {
  date: IsoDate;
  knownOn?: IsoDate | null;
  /** Region prefixes as `regionWithin` reads them; empty: everywhere. */
  regions?: readonly string[];
  kinds?: readonly RightKind[];
  holderTypes?: readonly HolderType[];
  industry?: string | null;
  /** Rights with an id above this (the cursor of the previous page). */
  after?: number;
  limit: number;
}

export interface DrillRow {
  id: number;
  kind: RightKind;
  number: string;
  title: string | null;
  holder: string | null;
  holderType: HolderType;
  region: string;
}

/** The rights behind a figure, a page at a time in id order (keyset pagination: `after` = last id). */
export async function drillDown(store: Store, q: DrillQuery): Promise<DrillRow[]> {
  const regionSql = (q.regions ?? []).map((r) =>
    r.length === 2
      ? sql`hd.region_code like ${`${r}%`}`
      : r.endsWith('00')
        ? sql`(length(hd.region_code) = 6 and hd.region_code like ${`${r.slice(0, 4)}%`})`
        : sql`hd.region_code = ${r}`,
  );
  const where = [
    sql`h.id > ${q.after ?? 0}`,
    ...(regionSql.length ? [sql`(${sql.join(regionSql, sql` or `)})`] : []),
    ...(q.kinds?.length ? [sql`h.kind in (${sql.join([...q.kinds])})`] : []),
    ...(q.holderTypes?.length
      ? [sql`coalesce(hd.type, 'unknown') in (${sql.join([...q.holderTypes])})`]
      : []),
    ...(q.industry
      ? [
          sql`exists (select 1 from right_industries ri where ri.right_id = h.id and ri.industry = ${q.industry})`,
        ]
      : []),
  ];
  const result = await sql<{
    id: number;
    kind: RightKind;
    number: string;
    title: string | null;
    holder: string | null;
    holder_type: string | null;
    region: string | null;
  }>`
    with ${inForceCte(store, q.date, q.knownOn ?? FAR_FUTURE)}
    select h.id, h.kind, coalesce(r.grant_number, r.publication_number, r.application_number) as number, r.title,
      hd.name as holder, hd.type as holder_type, hd.region_code as region
    from h
    join rights r on r.id = h.id
    left join right_holders rh on rh.right_id = h.id and rh.event_id = h.holder_set and rh.position = 0
    left join holders hd on hd.id = rh.holder_id
    where ${sql.join(where, sql` and `)}
    order by h.id
    limit ${q.limit}`.execute(store.db);
  return result.rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    number: r.number,
    title: r.title,
    holder: r.holder,
    holderType: (r.holder_type ?? 'unknown') as HolderType,
    region: r.region ?? '',
  }));
}
