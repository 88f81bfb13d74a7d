import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

/**
 * The data version: bumped by every write that changes what the registry or its statistics say,
 * inside that write's transaction, so caches keyed by it (the statistics' running totals, ETags)
 * know when to start over.
 */
export async function bumpDataVersion(db: Kysely<Database>): Promise<void> {
  // One statement, so two writers committing at once never end on the same version.
  await db
    .updateTable('meta')
    .set({ value: sql<string>`cast(cast(value as bigint) + 1 as text)` })
    .where('key', '=', 'data_version')
    .execute();
}

/** Splits rows for multi-row statements that must stay under the engines' bound-parameter limits. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
