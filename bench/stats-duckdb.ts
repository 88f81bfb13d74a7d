import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type SQLite from 'better-sqlite3';

/**
 * The DuckDB baseline: the registry tables exported from SQLite to CSV, loaded into DuckDB, and the
 * same brute-force rules as `bruteForceCounts` written in DuckDB's SQL. Returns a function that
 * answers "in force on D, by province and kind" and the seconds the export and load took.
 */
export async function duckdbBaseline(sqlite: SQLite.Database) {
  const dir = mkdtempSync(join(tmpdir(), 'ipregion-duckdb-'));
  const started = performance.now();
  const tables: Array<[string, string]> = [
    ['rights', 'select id, kind, filing_date, grant_date from rights'],
    ['legal_events', 'select id, right_id, type, effective_date, recorded_date from legal_events'],
    ['right_holders', 'select right_id, event_id, position, holder_id from right_holders'],
    ['holders', 'select id, region_code, type from holders'],
  ];
  for (const [name, query] of tables) await exportCsv(sqlite, query, join(dir, `${name}.csv`));
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  for (const [name] of tables) {
    await db.run(
      `create table ${name} as select * from read_csv('${join(dir, `${name}.csv`)}', header = true, all_varchar = false)`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
  const loadSeconds = (performance.now() - started) / 1000;

  async function byProvinceKind(date: string): Promise<Map<string, number>> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`bad date ${date}`);
    const D = `'${date}'`;
    const plus = (d: string, years: string) =>
      `strftime(cast(${d} as date) + to_years(cast(${years} as integer)), '%Y-%m-%d')`;
    const termEnd = `case when b.kind = 'trademark' then ${plus('b.start', '10 * (1 + b.renewals)')}
      when b.filing_date is null then null else ${plus('b.filing_date', `case b.kind when 'invention' then 20 when 'utility_model' then 10 else case when b.filing_date >= '2021-06-01' then 15 else 10 end end`)} end`;
    const reader = await db.runAndReadAll(`
      with b as (
        select r.id, r.kind, cast(r.filing_date as varchar) as filing_date,
          coalesce(cast(r.grant_date as varchar), (select min(cast(e.effective_date as varchar)) from legal_events e where e.right_id = r.id and e.type = 'grant')) as start,
          coalesce((select min(cast(e.recorded_date as varchar)) from legal_events e where e.right_id = r.id and e.type = 'grant'), cast(r.grant_date as varchar)) as grant_known,
          (select count(*) from legal_events e where e.right_id = r.id and e.type = 'renewal') as renewals,
          (select max(cast(e.effective_date as varchar)) from legal_events e where e.right_id = r.id and e.type = 'restoration') as last_restoration
        from rights r
        where not exists (select 1 from legal_events e where e.right_id = r.id and e.type = 'invalidation')
      ),
      f as (
        select b.id, b.kind from b
        where b.start is not null and cast(b.start as varchar) <= ${D}
          and (${termEnd} is null or ${D} < ${termEnd})
          and not exists (select 1 from legal_events e
            where e.right_id = b.id and e.type in ('lapse', 'expiry', 'surrender', 'cessation')
              and cast(e.effective_date as varchar) >= cast(b.start as varchar) and cast(e.effective_date as varchar) <= ${D}
              and not (e.type in ('lapse', 'cessation') and b.last_restoration is not null and b.last_restoration >= cast(e.effective_date as varchar)))
      ),
      h as (
        select f.id, f.kind, coalesce((select arg_max(e.id, (cast(e.effective_date as varchar), cast(e.recorded_date as varchar), e.id))
          from legal_events e where e.right_id = f.id and cast(e.effective_date as varchar) <= ${D}
            and exists (select 1 from right_holders x where x.right_id = e.right_id and x.event_id = e.id)), 0) as holder_set
        from f
      )
      select substr(cast(hd.region_code as varchar), 1, 2) as province, h.kind, count(*) as n
      from h
      left join right_holders rh on rh.right_id = h.id and rh.event_id = h.holder_set and rh.position = 0
      left join holders hd on hd.id = rh.holder_id
      group by 1, 2`);
    const out = new Map<string, number>();
    for (const row of reader.getRowObjects()) out.set(`${row.province ?? ''}|${row.kind}`, Number(row.n));
    return out;
  }
  return { byProvinceKind, loadSeconds, close: () => db.closeSync() };
}

async function exportCsv(db: SQLite.Database, query: string, file: string): Promise<void> {
  const out = createWriteStream(file);
  const stmt = db.prepare(query);
  out.write(
    `${stmt
      .columns()
      .map((c) => c.name)
      .join(',')}\n`,
  );
  for (const row of stmt.raw().iterate() as IterableIterator<unknown[]>) {
    const line = `${row.map((v) => (v === null ? '' : String(v))).join(',')}\n`;
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
}
