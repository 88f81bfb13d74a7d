import type { Kysely } from 'kysely';
import { idColumn } from './helpers.js';

/**
 * Failed public case-status lookups (owned by src/cases), counted per address so that every API
 * process refuses the same guessers: the lookup takes a secret code and needs no session.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const id = idColumn(db);
  await db.schema
    .createTable('case_status_lookups')
    .addColumn('id', id.type, id.build)
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_status_lookups_ip')
    .on('case_status_lookups')
    .columns(['ip', 'at'])
    .execute();
  await db.schema.createIndex('case_status_lookups_at').on('case_status_lookups').column('at').execute();
}
