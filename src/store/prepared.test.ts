import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describePostgres, freshStore } from '../../test/engines.js';
import { StatementNames } from './prepared.js';

describe('which statements are prepared', () => {
  it('names a text from its third sending on, always the same name', () => {
    const names = new StatementNames();
    expect(names.nameOf('select 1')).toBeUndefined();
    expect(names.nameOf('select 1')).toBeUndefined();
    const name = names.nameOf('select 1');
    expect(name).toMatch(/^ipr_[0-9a-f]{24}$/);
    expect(names.nameOf('select 1')).toBe(name);
    expect(names.nameOf('select 2')).toBeUndefined();
  });

  it('never names more than a thousand texts, and forgets one it was told to refuse', () => {
    const names = new StatementNames();
    for (let i = 0; i < 1200; i++) for (let k = 0; k < 3; k++) names.nameOf(`select ${i}`);
    expect(names.size).toBe(1000);
    expect(names.nameOf('select 1100')).toBeUndefined();
    names.refuse('select 5');
    expect(names.nameOf('select 5')).toBeUndefined();
    expect(names.size).toBe(999);
  });
});

describePostgres('prepared statements on PostgreSQL', () => {
  let store: Awaited<ReturnType<typeof freshStore>>;
  beforeAll(async () => {
    store = await freshStore('postgres');
  });
  afterAll(async () => {
    await store?.drop();
  });

  it('runs a repeated statement prepared, and again unprepared once a migration changed its columns', async () => {
    await sql`create table prepared_probe (id integer primary key, a text)`.execute(store.db);
    await sql`insert into prepared_probe values (1, 'x')`.execute(store.db);
    const read = () =>
      sql<Record<string, unknown>>`select * from prepared_probe where id = ${1}`.execute(store.db);
    for (let i = 0; i < 5; i++) expect((await read()).rows).toEqual([{ id: 1, a: 'x' }]);
    const prepared = await sql<{
      n: number;
    }>`select count(*)::int as n from pg_prepared_statements where name like 'ipr_%'`.execute(store.db);
    expect(prepared.rows[0]!.n).toBeGreaterThan(0);
    await sql`alter table prepared_probe add column b integer default 7`.execute(store.db);
    // Each pooled connection that prepared the old shape now answers through the fallback.
    for (let i = 0; i < 8; i++) expect((await read()).rows).toEqual([{ id: 1, a: 'x', b: 7 }]);
  });
});
