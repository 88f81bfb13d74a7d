import type { Kysely } from 'kysely';

/** Industries an administrator defines, beside the shipped schemes: one validated definition (JSON) each. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('custom_industries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
