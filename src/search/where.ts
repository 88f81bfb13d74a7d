import { type RawBuilder, sql } from 'kysely';
import type { Store } from '../store/index.js';
import type { Filters } from './filters.js';

/**
 * The SQL conditions of a search on `search_docs d`. Title words and holder names are substrings:
 * on SQLite, parts of three characters or more go to the FTS5 trigram index and shorter ones to
 * LIKE; on PostgreSQL all go to (I)LIKE, which the pg_trgm index (when there is one) serves.
 */
export function conditions(engine: Store['engine'], f: Filters, ids: number[] | null): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  if (ids) out.push(sql`d.right_id in (${sql.join(ids)})`);
  out.push(...textConditions(engine, f));
  if (f.ipc) {
    const codes =
      'exact' in f.ipc
        ? sql`i.code = ${f.ipc.exact}`
        : sql`i.code >= ${f.ipc.prefix} and i.code < ${nextPrefix(f.ipc.prefix)}`;
    out.push(sql`d.right_id in (select i.right_id from search_ipc i where ${codes})`);
  }
  if (f.regions.length > 0) out.push(sql`(${sql.join(f.regions.map(regionCondition), sql` or `)})`);
  if (f.kinds.length > 0) out.push(sql`d.kind in (${sql.join(f.kinds)})`);
  return out;
}

function textConditions(engine: Store['engine'], f: Filters): RawBuilder<unknown>[] {
  const parts = [
    ...f.words.map((w) => ({ column: 'title', value: w })),
    ...(f.holder ? [{ column: 'holders', value: f.holder }] : []),
  ];
  const like = (column: string, value: string) => {
    const ref = sql.ref(column === 'title' ? 'd.title' : 'd.holder_names');
    // SQLite's LIKE ignores (ASCII) case already. PostgreSQL's ILIKE costs twice LIKE per row: use
    // it only for words that have a case at all (not for Chinese).
    const caseless = value.toLowerCase() === value.toUpperCase();
    const op = engine === 'postgres' && !caseless ? sql`ilike` : sql`like`;
    return sql`${ref} ${op} ${`%${value.replace(/[\\%_]/g, '\\$&')}%`} escape '\\'`;
  };
  if (engine === 'postgres') return parts.map((p) => like(p.column, p.value));
  // A trigram index cannot find what is shorter than a trigram.
  const indexed = parts.filter((p) => [...p.value].length >= 3);
  const out = parts.filter((p) => [...p.value].length < 3).map((p) => like(p.column, p.value));
  if (indexed.length > 0) {
    const match = indexed.map((p) => `${p.column} : "${p.value.replaceAll('"', '""')}"`).join(' AND ');
    out.push(sql`d.right_id in (select rowid from search_fts where search_fts match ${match})`);
  }
  return out;
}

/** Where a holder's region lies inside the selected code, as `regionWithin` in stats reads it. */
function regionCondition(code: string): RawBuilder<unknown> {
  if (code.length === 2) return sql`(d.region >= ${code} and d.region < ${nextPrefix(code)})`;
  if (code.endsWith('00')) {
    const city = code.slice(0, 4);
    return sql`(length(d.region) = 6 and d.region >= ${city} and d.region < ${nextPrefix(city)})`;
  }
  return sql`d.region = ${code}`;
}

/** The least string greater than every string starting with `prefix` (byte order; ASCII prefixes). */
function nextPrefix(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}
