import type { Store } from '../store/index.js';
import { authDb } from './tables.js';

/** How long a process trusts the setting it read: every process sees a change within this. */
export const SETTINGS_CACHE_MS = 5000;

const cache = new WeakMap<object, { value: boolean; at: number }>();

/**
 * Whether the statistics, reference and registry reads are open without a session. Read from the
 * database (so every API process agrees) and remembered for at most SETTINGS_CACHE_MS.
 */
export async function publicStatistics(store: Store, now = Date.now()): Promise<boolean> {
  const hit = cache.get(store.db);
  if (hit && now - hit.at < SETTINGS_CACHE_MS) return hit.value;
  const row = await authDb(store)
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'public_statistics')
    .executeTakeFirst();
  const value = row?.value === 'true';
  cache.set(store.db, { value, at: now });
  return value;
}

/** Opens the statistics to the public, or closes them again. This process sees it at once. */
export async function setPublicStatistics(store: Store, on: boolean): Promise<void> {
  const value = on ? 'true' : 'false';
  await authDb(store)
    .insertInto('settings')
    .values({ key: 'public_statistics', value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
  cache.set(store.db, { value: on, at: Date.now() });
}
