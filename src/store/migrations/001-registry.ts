import { type Kysely, sql } from 'kysely';
import { idColumn, withoutRowid } from './helpers.js';

/** The registry: rights, their numbers, holders over time and legal events with both dates. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const id = idColumn(db);
  await db.schema
    .createTable('rights')
    .addColumn('id', id.type, id.build)
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('office', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('application_number', 'text', (c) => c.notNull())
    .addColumn('publication_number', 'text')
    .addColumn('grant_number', 'text')
    .addColumn('filing_date', 'text')
    .addColumn('publication_date', 'text')
    .addColumn('grant_date', 'text')
    .addColumn('title', 'text')
    .addColumn('abstract', 'text')
    .addColumn('ipc', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('locarno', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('nice', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('stub', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Any of a right's numbers finds it: the base form (no office prefix, punctuation, kind code or
  // check digit) of its application, publication and grant/registration numbers.
  await db.schema
    .createTable('right_numbers')
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('office', 'text', (c) => c.notNull())
    .addColumn('right_id', 'integer', (c) => c.notNull().references('rights.id'))
    .addPrimaryKeyConstraint('right_numbers_pk', ['number', 'office', 'right_id'])
    .$call(withoutRowid(db))
    .execute();

  await db.schema
    .createTable('holders')
    .addColumn('id', id.type, id.build)
    .addColumn('holder_key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('region_code', 'text')
    .addColumn('region_confidence', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('region_source', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .execute();
  await db.schema.createIndex('holders_name').on('holders').column('name').execute();

  await db.schema
    .createTable('legal_events')
    .addColumn('id', id.type, id.build)
    .addColumn('right_id', 'integer', (c) => c.notNull().references('rights.id'))
    .addColumn('event_key', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('office', 'text')
    .addColumn('code', 'text')
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('recorded_date', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addUniqueConstraint('legal_events_right_key', ['right_id', 'event_key'])
    .execute();

  await db.schema
    .createTable('right_holders')
    .addColumn('right_id', 'integer', (c) => c.notNull().references('rights.id'))
    .addColumn('event_id', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('holder_id', 'integer', (c) => c.notNull().references('holders.id'))
    .addPrimaryKeyConstraint('right_holders_pk', ['right_id', 'event_id', 'position'])
    .$call(withoutRowid(db))
    .execute();
  await db.schema.createIndex('right_holders_holder').on('right_holders').column('holder_id').execute();

  await db.schema
    .createTable('ingest_runs')
    .addColumn('id', id.type, id.build)
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('files', 'text', (c) => c.notNull())
    .addColumn('accepted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('ingest_rejects')
    .addColumn('id', id.type, id.build)
    .addColumn('run_id', 'integer', (c) => c.notNull().references('ingest_runs.id'))
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('line', 'integer')
    .addColumn('byte_offset', 'bigint')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('excerpt', 'text')
    .execute();

  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into meta (key, value) values ('data_version', '0')`.execute(db);
}
