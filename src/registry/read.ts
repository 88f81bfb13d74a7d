import type { Kysely } from 'kysely';
import type { Database, Store } from '../store/index.js';
import { baseNumber } from './numbers.js';
import { presentRight, type StoredRight } from './present.js';

export type { StoredRight } from './present.js';

/**
 * The ids of rights known by a number in any of its forms. A leading two-letter office code narrows
 * the search to that office when it finds anything (`TM…` is not an office, `CN…` is).
 */
export async function findRightIds(store: Store, number: string): Promise<number[]> {
  const base = baseNumber(number);
  if (!base) return [];
  const office = /^\s*([A-Z]{2})(?=[A-Z]?\d)/i.exec(number)?.[1]?.toUpperCase();
  const query = (withOffice: boolean) => {
    let q = store.db.selectFrom('right_numbers').select('right_id').distinct().where('number', '=', base);
    if (withOffice && office) q = q.where('office', '=', office);
    return q.execute();
  };
  let rows = office ? await query(true) : [];
  if (rows.length === 0) rows = await query(false);
  return rows.map((r) => r.right_id).sort((a, b) => a - b);
}

/** A stored right with its first holders and all its events (transfers with their new holders). */
export function loadRight(store: Store, id: number): Promise<StoredRight | null> {
  return loadRightFrom(store.db, id);
}

/** `loadRight` on a database or a transaction. */
export async function loadRightFrom(db: Kysely<Database>, id: number): Promise<StoredRight | null> {
  const row = await db.selectFrom('rights').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const holderRows = await db
    .selectFrom('right_holders as rh')
    .innerJoin('holders as h', 'h.id', 'rh.holder_id')
    .select([
      'rh.event_id',
      'rh.position',
      'h.name',
      'h.type',
      'h.country',
      'h.region_code',
      'h.region_confidence',
      'h.region_source',
      'h.address',
    ])
    .where('rh.right_id', '=', id)
    .orderBy('rh.event_id')
    .orderBy('rh.position')
    .execute();
  const eventRows = await db
    .selectFrom('legal_events')
    .selectAll()
    .where('right_id', '=', id)
    .orderBy('effective_date')
    .orderBy('recorded_date')
    .orderBy('id')
    .execute();
  return presentRight(row, holderRows, eventRows);
}
