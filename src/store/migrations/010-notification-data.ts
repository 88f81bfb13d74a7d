import type { Kysely } from 'kysely';

/**
 * What a notification says, as data (JSON text) beside its English `message`: the web app words it
 * in the reader's language (a state's and an action's names, a limit's) instead of showing the
 * server's English. Null for notifications written before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('notifications').addColumn('data', 'text').execute();
}
