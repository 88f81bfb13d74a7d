import { type RawBuilder, sql } from 'kysely';
import type { HolderType, RightKind } from '../core/index.js';
import { findRightIds } from '../registry/index.js';
import { inForceCte } from '../stats/index.js';
import type { Store } from '../store/index.js';
import { decodeCursor, encodeCursor, fingerprint } from './cursor.js';
import { checkLimit, type Filters, parseFilters } from './filters.js';
import { refreshSearchIndex } from './refresh.js';
import type { RightSearchHit, RightSearchPage, RightSearchQuery } from './types.js';
import { conditions } from './where.js';

interface HitRow {
  id: number;
  kind: string;
  office: string;
  number: string;
  title: string | null;
  filing_date: string | null;
  grant_date: string | null;
  holder: string | null;
  holder_type: string;
  region: string;
}

/** Candidates checked for validity per round: from twice the page up to this many. */
const MAX_ROUND = 2000;

/**
 * Searches the registry: every filter given must match. Hits come newest right first (descending
 * id), a page at a time; `nextCursor` (null on the last page) continues the same query. Rights
 * ingested while paging have higher ids, so they do not shift the pages still to come.
 */
export async function searchRights(store: Store, query: RightSearchQuery): Promise<RightSearchPage> {
  const limit = checkLimit(query.limit);
  const filters = parseFilters(query);
  const print = fingerprint(filters);
  const after = query.cursor ? decodeCursor(query.cursor, print) : null;
  let ids: number[] | null = null;
  if (filters.number !== null) {
    ids = await findRightIds(store, filters.number);
    if (ids.length === 0) return { items: [], nextCursor: null };
  }
  await refreshSearchIndex(store);

  const where = conditions(store.engine, filters, ids);
  const rows = filters.inForceOn
    ? await inForcePage(store, where, filters.inForceOn, after, limit + 1)
    : await select(store, after === null ? where : [...where, sql`d.right_id < ${after}`], limit + 1);
  const items = rows.slice(0, limit).map(present);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.id, print) : null };
}

function select(store: Store, where: RawBuilder<unknown>[], limit: number): Promise<HitRow[]> {
  return sql<HitRow>`select d.right_id as id, d.kind, d.office, d.number, d.title, d.filing_date,
      d.grant_date, d.holder, d.holder_type, d.region
    from search_docs d
    ${where.length > 0 ? sql`where ${sql.join(where, sql` and `)}` : sql``}
    order by d.right_id desc
    limit ${limit}`
    .execute(store.db)
    .then((r) => r.rows);
}

/**
 * The in-force filter applies the statistics' SQL rules (stats `inForceCte`) to rounds of candidates
 * that match everything else, in page order, until the page is full: each round reads a bounded set
 * of rights by id, where one query over the whole registry would leave the plan to chance.
 */
async function inForcePage(
  store: Store,
  where: RawBuilder<unknown>[],
  date: NonNullable<Filters['inForceOn']>,
  after: number | null,
  want: number,
): Promise<HitRow[]> {
  // Granted after the date (the record's grant date): not in force on it, whatever the events say.
  const candidates = [...where, sql`(d.grant_date is null or d.grant_date <= ${date})`];
  const out: HitRow[] = [];
  let below = after;
  let size = Math.max(50, 2 * want);
  for (;;) {
    const rows = await select(
      store,
      below === null ? candidates : [...candidates, sql`d.right_id < ${below}`],
      size,
    );
    if (rows.length === 0) return out;
    const within = sql`r.id in (${sql.join(rows.map((r) => r.id))})`;
    const live = await sql<{
      id: number;
    }>`with ${inForceCte(store, date, undefined, within)} select id from h`.execute(store.db);
    const inForce = new Set(live.rows.map((r) => Number(r.id)));
    for (const r of rows) {
      if (!inForce.has(Number(r.id))) continue;
      out.push(r);
      if (out.length === want) return out;
    }
    if (rows.length < size) return out;
    below = Number(rows.at(-1)!.id);
    size = Math.min(2 * size, MAX_ROUND);
  }
}

function present(r: HitRow): RightSearchHit {
  return {
    id: Number(r.id),
    kind: r.kind as RightKind,
    office: r.office,
    number: r.number,
    title: r.title,
    filingDate: r.filing_date,
    grantDate: r.grant_date,
    holder: r.holder,
    holderType: r.holder_type as HolderType,
    region: r.region,
  };
}
