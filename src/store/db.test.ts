import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine, freshStore } from '../../test/engines.js';
import { migrate, schemaFromUrl } from './db.js';
import { migrations } from './migrations/index.js';

describeEachEngine('store', (engine) => {
  let store: Awaited<ReturnType<typeof freshStore>>;
  beforeAll(async () => {
    store = await freshStore(engine);
  });
  afterAll(async () => store.drop());

  it('applies every migration once and records it', async () => {
    const rows = await sql<{ name: string }>`select name from ipregion_migrations order by name`.execute(
      store.db,
    );
    expect(rows.rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
    expect(await migrate(store.db, store.schema ?? undefined)).toEqual([]);
  });

  it('generates ids and keeps the unique key of a right', async () => {
    const now = '2026-01-01T00:00:00Z';
    const row = {
      key: 'CN/invention/X1',
      office: 'CN',
      kind: 'invention',
      application_number: 'X1',
      content_hash: 'h',
      created_at: now,
      updated_at: now,
    };
    const a = await store.db.insertInto('rights').values(row).returning('id').executeTakeFirstOrThrow();
    expect(a.id).toBeGreaterThan(0);
    await expect(store.db.insertInto('rights').values(row).execute()).rejects.toThrow();
  });

  it('starts the data version at 0', async () => {
    const v = await store.db
      .selectFrom('meta')
      .select('value')
      .where('key', '=', 'data_version')
      .executeTakeFirst();
    expect(v?.value).toBe('0');
  });
});

describe('schemaFromUrl', () => {
  it('takes the schema parameter out of a PostgreSQL URL, and refuses one that is not an identifier', () => {
    expect(schemaFromUrl('postgres://u@h:5432/db?schema=bench_1&sslmode=disable')).toEqual({
      url: 'postgres://u@h:5432/db?sslmode=disable',
      schema: 'bench_1',
    });
    expect(schemaFromUrl('postgres://u@h/db')).toEqual({ url: 'postgres://u@h/db' });
    expect(() => schemaFromUrl('postgres://u@h/db?schema=a;drop')).toThrow(/plain identifier/);
  });
});
