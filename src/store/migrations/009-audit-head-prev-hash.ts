import { type Kysely, sql } from 'kysely';

/**
 * The audit chain's head (006-cases) also keeps the prev_hash of the last entry. On PostgreSQL one
 * entry is then appended in one statement (src/cases/audit.ts): the head's update moves its hash
 * into prev_hash and computes the new hash, and its RETURNING (which sees only new values) hands
 * both to the audit_log insert. Existing heads take the prev_hash of their last entry (null while
 * the chain is empty).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_head').addColumn('prev_hash', 'text').execute();
  await sql`update audit_head set prev_hash =
    (select l.prev_hash from audit_log l where l.seq = audit_head.seq)`.execute(db);
}
