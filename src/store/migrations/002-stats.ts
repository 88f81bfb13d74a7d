import type { Kysely } from 'kysely';
import { idColumn, withoutRowid } from './helpers.js';

/**
 * The statistics structure: cells (region of the first holder × kind × holder type × industry, ''
 * for all industries) and their changes by effective day and by the day the change became known.
 * Its size grows with distinct cells and days, not with rights. `right_industries` records which
 * industries each right was classified into, for drill-down and for the brute-force reference.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const id = idColumn(db);
  await db.schema
    .createTable('stat_cells')
    .addColumn('id', id.type, id.build)
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('holder_type', 'text', (c) => c.notNull())
    .addColumn('industry', 'text', (c) => c.notNull())
    .addUniqueConstraint('stat_cells_key', ['region_code', 'kind', 'holder_type', 'industry'])
    .execute();

  // day and known_from are YYYYMMDD integers: compact, ordered, readable.
  await db.schema
    .createTable('stat_deltas')
    .addColumn('cell_id', 'integer', (c) => c.notNull())
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('known_from', 'integer', (c) => c.notNull())
    .addColumn('delta', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stat_deltas_pk', ['cell_id', 'day', 'known_from'])
    .$call(withoutRowid(db))
    .execute();

  await db.schema
    .createTable('right_industries')
    .addColumn('right_id', 'integer', (c) => c.notNull())
    .addColumn('industry', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('right_industries_pk', ['right_id', 'industry'])
    .$call(withoutRowid(db))
    .execute();
  await db.schema
    .createIndex('right_industries_industry')
    .on('right_industries')
    .column('industry')
    .execute();
}
