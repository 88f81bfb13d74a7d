import type { Kysely } from 'kysely';

/**
 * The statistics journal: deltas appended by bulk ingest on SQLite as they are computed, and folded
 * into `stat_deltas` (summed by cell, day and known-from day) every so many rows and at the end of
 * each ingest. Appending to a table without a key costs a fraction of adding into `stat_deltas`'s
 * b-tree row by row, whose pages a batch touches all over. Readers add the journal to the deltas, so
 * answers never depend on whether it was folded. PostgreSQL's writer adds into `stat_deltas`
 * directly and leaves the journal empty.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stat_journal')
    .addColumn('cell_id', 'integer', (c) => c.notNull())
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('known_from', 'integer', (c) => c.notNull())
    .addColumn('delta', 'integer', (c) => c.notNull())
    .execute();
}
