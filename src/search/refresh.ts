import { type RawBuilder, sql } from 'kysely';
import type { Store } from '../store/index.js';
import { searchDb } from './tables.js';

/**
 * Keeping the search index up to date, lazily: nothing happens on ingest; a search first compares the
 * data version the index reflects with the registry's and, when it moved, re-indexes what changed:
 *
 * - rights whose content hash differs from the indexed one (new rights, re-ingested records whose
 *   title, numbers or first holders changed), looked for among rights updated since the last refresh
 *   less a margin (a writer stamps `updated_at` when its transaction starts, not when it commits);
 * - rights that gained a holder set (a transfer) since the last legal event the index has read.
 *
 * A refresh is one transaction that first locks `search_state`, so concurrent refreshes (several API
 * processes) run one after the other and the second finds nothing left to do.
 */

/**
 * How far before the newest `updated_at` seen the next refresh looks again: longer than a write
 * transaction lasts from its stamp to its commit (a batch of 1,000 records takes about a second,
 * plus up to SQLite's 10 s busy timeout spent waiting for the write lock).
 */
const MARGIN_MS = 60 * 1000;

/** Re-indexed rights from which a PostgreSQL refresh updates the planner's statistics. */
const ANALYZE_AFTER = 10_000;

type Rows = Array<Record<string, unknown>>;
/** A refresh as a sequence of statements, each yielded to a runner that sends its rows back. */
type Steps = Generator<RawBuilder<unknown>, boolean, Rows>;

interface StateRow {
  data_version: string;
  rights_seen: string;
  events_seen: number;
  current: string;
}

/** Brings the search index up to date with the registry; true if it had to re-index anything. */
export async function refreshSearchIndex(store: Store): Promise<boolean> {
  const state = await searchDb(store)
    .selectFrom('search_state as s')
    .innerJoin('meta as m', (j) => j.on('m.key', '=', 'data_version'))
    .select(['s.data_version', 'm.value as current'])
    .where('s.id', '=', 1)
    .executeTakeFirst();
  if (state && state.data_version === state.current) return false;
  return store.sqlite
    ? runSqlite(store, refreshSteps(store.engine))
    : runKysely(store, refreshSteps(store.engine));
}

/**
 * SQLite: synchronously, in one `begin immediate` transaction on the driver's handle, so that no
 * other write of this process (the ingest's prepared statements) can interleave with it.
 */
function runSqlite(store: Store, steps: Steps): boolean {
  const sqlite = store.sqlite!;
  return sqlite
    .transaction(() => {
      let next = steps.next();
      while (!next.done) {
        const compiled = next.value.compile(store.db);
        const statement = sqlite.prepare(compiled.sql);
        const params = compiled.parameters as unknown[];
        if (statement.reader) {
          next = steps.next(statement.all(...params) as Rows);
        } else {
          statement.run(...params);
          next = steps.next([]);
        }
      }
      return next.value;
    })
    .immediate();
}

async function runKysely(store: Store, steps: Steps): Promise<boolean> {
  return store.db.transaction().execute(async (trx) => {
    let next = steps.next();
    while (!next.done) next = steps.next((await next.value.execute(trx)).rows as Rows);
    return next.value;
  });
}

function* refreshSteps(engine: Store['engine']): Steps {
  // Lock first (a write): concurrent refreshes queue here, then see each other's work.
  yield sql`update search_state set events_seen = events_seen where id = 1`;
  const [state] = (yield sql`select s.data_version, s.rights_seen, s.events_seen, m.value as current
    from search_state s, meta m where s.id = 1 and m.key = 'data_version'`) as unknown as StateRow[];
  if (!state || state.data_version === state.current) return false;
  const [top] = yield sql`select max(id) as events_max from legal_events`;
  const eventsMax = Number(top?.events_max ?? 0);
  const eventsSeen = Number(state.events_seen);
  const since = state.rights_seen ? new Date(Date.parse(state.rights_seen) - MARGIN_MS).toISOString() : '';

  yield sql`insert into search_pending (right_id)
    select r.id from rights r
    where r.updated_at >= ${since}
      and not exists (select 1 from search_docs d where d.right_id = r.id and d.content_hash = r.content_hash)
    union
    select e.right_id from legal_events e
    where e.id > ${eventsSeen} and e.id <= ${eventsMax}
      and exists (select 1 from right_holders x where x.right_id = e.right_id and x.event_id = e.id)`;
  const [seen] = yield sql`select max(r.updated_at) as updated_at, count(*) as n
    from search_pending p join rights r on r.id = p.right_id`;

  const pending = sql`(select right_id from search_pending)`;
  yield sql`delete from search_ipc where right_id in ${pending}`;
  yield sql`delete from search_docs where right_id in ${pending}`;
  if (engine === 'sqlite') yield sql`delete from search_fts where rowid in ${pending}`;
  yield insertDocs(engine);
  if (engine === 'sqlite') {
    yield sql`insert into search_fts (rowid, title, holders)
      select right_id, coalesce(title, ''), holder_names from search_docs where right_id in ${pending}`;
  }
  yield insertIpc(engine);
  yield sql`delete from search_pending`;
  // PostgreSQL plans by its statistics: after a bulk change, let it see the new shape of the index
  // and of the registry tables a search reads now, rather than whenever autovacuum (if it runs) gets
  // round to it. A fresh table looks empty and gets plans that scan the whole of legal_events.
  if (engine === 'postgres' && Number(seen?.n ?? 0) >= ANALYZE_AFTER) {
    yield sql`analyze search_docs, search_ipc, rights, legal_events, right_holders`;
  }

  let rightsSeen = state.rights_seen;
  if (typeof seen?.updated_at === 'string' && seen.updated_at > rightsSeen) rightsSeen = seen.updated_at;
  yield sql`update search_state set data_version = ${state.current},
    rights_seen = ${rightsSeen}, events_seen = ${Math.max(eventsSeen, eventsMax)}
    where id = 1`;
  return true;
}

/**
 * One row per pending right. The holder shown and filtered by region is the first holder of the
 * last holder set in effect (the first holders, or the last transfer's), as the statistics read it
 * for a date far ahead; the holder names searched are every holder the right ever had.
 */
function insertDocs(engine: Store['engine']): RawBuilder<unknown> {
  const names =
    engine === 'sqlite'
      ? sql`group_concat(n.name, char(10))`
      : sql`string_agg(n.name, E'\n' order by x.event_id, x.position)`;
  return sql`insert into search_docs (right_id, kind, office, number, title, filing_date, grant_date,
      holder, holder_type, region, holder_names, content_hash)
    select r.id, r.kind, r.office, coalesce(r.grant_number, r.publication_number, r.application_number),
      r.title, r.filing_date, r.grant_date, hd.name, coalesce(hd.type, 'unknown'), coalesce(hd.region_code, ''),
      coalesce((select ${names} from right_holders x join holders n on n.id = x.holder_id
        where x.right_id = r.id), ''),
      r.content_hash
    from search_pending p
    join rights r on r.id = p.right_id
    left join right_holders rh on rh.right_id = r.id and rh.position = 0 and rh.event_id = coalesce((
      select e.id from right_holders x join legal_events e on e.id = x.event_id
      where x.right_id = r.id and x.event_id > 0 and x.position = 0
      order by e.effective_date desc, e.recorded_date desc, e.id desc limit 1), 0)
    left join holders hd on hd.id = rh.holder_id`;
}

/** IPC codes of the pending rights, upper case without spaces (`H01M10/0525`). */
function insertIpc(engine: Store['engine']): RawBuilder<unknown> {
  const codes =
    engine === 'sqlite'
      ? sql`json_each(r.ipc) j`
      : sql`lateral jsonb_array_elements_text(r.ipc::jsonb) as j(value)`;
  return sql`insert into search_ipc (code, right_id)
    select distinct upper(replace(j.value, ' ', '')), r.id
    from search_pending p join rights r on r.id = p.right_id cross join ${codes}
    where j.value is not null and j.value <> ''`;
}
