import { type Kysely, sql } from 'kysely';
import { idColumn } from './helpers.js';

/**
 * Protection centers, enterprise registrations (备案), cases with their history, extensions and
 * evidence, notifications, the administrator's calendar overrides and the audit trail (owned by
 * src/cases). Dates a deadline counts with are ISO dates (`2024-06-30`, the day in China); moments
 * are ISO 8601 UTC text, as in 005-auth. Lists and snapshots are JSON text, portable between the
 * engines (and hashed as written, for the audit chain). User ids are the auth module's `users.id`,
 * without a foreign key: the cases tables do not depend on how users are kept.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const id = idColumn(db);
  await db.schema
    .createTable('centers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    // The region the center serves: its city, or its province for a provincial center.
    .addColumn('area', 'text', (c) => c.notNull())
    // [{ zh, en, ipc: [subclass…], locarno: [class…], demo? }]
    .addColumn('industries', 'text', (c) => c.notNull())
    // The case types the center takes.
    .addColumn('services', 'text', (c) => c.notNull())
    // 1: invented for the demo region (name, city or industries not confirmed by a published source).
    .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('enterprise_registrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('center_id', 'text', (c) => c.notNull().references('centers.id'))
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('credit_code', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('field_ipc', 'text', (c) => c.notNull())
    .addColumn('field_locarno', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('applied_on', 'text', (c) => c.notNull())
    .addColumn('applicant_user_id', 'integer')
    .addColumn('decided_by', 'text')
    .addColumn('decided_on', 'text')
    .addColumn('expires_on', 'text')
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('registrations_enterprise')
    .on('enterprise_registrations')
    .columns(['credit_code', 'center_id', 'applied_on'])
    .execute();
  // At most one pending application per enterprise and center, even when two requests race: the
  // database refuses the second.
  await db.schema
    .createIndex('registrations_pending')
    .on('enterprise_registrations')
    .columns(['center_id', 'credit_code'])
    .unique()
    .where(sql<boolean>`status = 'applied'`)
    .execute();

  // Case numbers are `PC-420100-2024-000123`: a counter per prefix, taken in the creating transaction.
  await db.schema
    .createTable('case_counters')
    .addColumn('prefix', 'text', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('center_id', 'text', (c) => c.notNull().references('centers.id'))
    .addColumn('registration_id', 'text', (c) => c.references('enterprise_registrations.id'))
    .addColumn('applicant_organisation', 'text', (c) => c.notNull())
    .addColumn('applicant_credit_code', 'text', (c) => c.notNull())
    .addColumn('applicant_user_id', 'integer')
    .addColumn('applicant_email', 'text')
    // SHA-256 of the case number and the applicant's code for the public status lookup.
    .addColumn('public_code_hash', 'text', (c) => c.notNull())
    .addColumn('other_party', 'text')
    .addColumn('officer_id', 'integer')
    .addColumn('summary', 'text')
    .addColumn('right_ids', 'text', (c) => c.notNull())
    .addColumn('right_numbers', 'text', (c) => c.notNull())
    // What the limits depend on: a right kind or `counterfeit`.
    .addColumn('matter', 'text')
    .addColumn('submitted_on', 'text', (c) => c.notNull())
    // When the center concluded its work (see handling.ts), how long that took in working days,
    // whether every limit of the center was kept, and the state it concluded in: the reports' inputs.
    .addColumn('handled_on', 'text')
    .addColumn('handling_days', 'integer')
    .addColumn('on_time', 'integer')
    .addColumn('outcome', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cases_center').on('cases').columns(['center_id', 'submitted_on']).execute();
  await db.schema.createIndex('cases_handled').on('cases').columns(['handled_on', 'center_id']).execute();
  await db.schema.createIndex('cases_submitted').on('cases').columns(['submitted_on', 'center_id']).execute();
  await db.schema.createIndex('cases_open').on('cases').columns(['closed_on', 'center_id']).execute();
  await db.schema.createIndex('cases_applicant').on('cases').column('applicant_credit_code').execute();

  await db.schema
    .createTable('case_history')
    .addColumn('id', id.type, id.build)
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('case_history_case').on('case_history').columns(['case_id', 'id']).execute();

  await db.schema
    .createTable('case_extensions')
    .addColumn('id', id.type, id.build)
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('limit_id', 'text', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('granted_by', 'text', (c) => c.notNull())
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_extensions_case').on('case_extensions').column('case_id').execute();

  await db.schema
    .createTable('evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    // Relative to the evidence directory: `ab/ab12…` (content-addressed).
    .addColumn('storage_path', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evidence_case').on('evidence').column('case_id').execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', id.type, id.build)
    // `user:<id>`, `center:<id>` (a center's unassigned cases) or `enterprise:<credit code>`.
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    // Deadline warnings: `case|recipient|kind|day`, so that a pass run twice on a day warns once.
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('email', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('emailed_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_recipient')
    .on('notifications')
    .columns(['recipient', 'created_at'])
    .execute();

  await db.schema
    .createTable('calendar_overrides')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('working', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull())
    .addColumn('set_at', 'text', (c) => c.notNull())
    .execute();
  // Years whose whole schedule an administrator loaded as overrides: no longer provisional.
  await db.schema
    .createTable('calendar_years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('set_by', 'text', (c) => c.notNull())
    .addColumn('set_at', 'text', (c) => c.notNull())
    .execute();

  // The audit chain: seq 1, 2, 3… each hash = SHA-256(prev_hash + canonical JSON of the entry).
  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_log_entity')
    .on('audit_log')
    .columns(['entity', 'entity_id', 'seq'])
    .execute();
  // One row: the chain's tail. Appending updates it first, which serializes appenders on
  // PostgreSQL (a row lock until commit) and lets verification notice a deleted last entry.
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into audit_head (id, seq, hash) values (1, 0, ${GENESIS})`.execute(db);
}

/** The prev_hash of the first entry. */
const GENESIS = '0'.repeat(64);
