import { errors, type RightKind } from '../core/index.js';
import { findRightIds } from '../registry/index.js';
import { chunks, type Store } from '../store/index.js';

/** A registry right a case concerns: its id, kind and the number people know it by. */
export interface LinkedRight {
  id: number;
  kind: RightKind;
  number: string;
}

/**
 * Resolves the rights a case names — registry ids, or numbers in any of their forms — to registry
 * rights. Anything that is not in the registry is refused by name: a case is linked to records,
 * not to strings.
 */
export async function resolveRights(
  store: Store,
  refs: readonly (number | string)[],
): Promise<LinkedRight[]> {
  const ids = new Set<number>();
  for (const ref of refs) {
    if (typeof ref === 'number') {
      ids.add(ref);
      continue;
    }
    const found = await findRightIds(store, ref);
    if (found.length === 0) throw errors.notFound('right', ref);
    for (const id of found) ids.add(id);
  }
  const wanted = [...ids];
  const out: LinkedRight[] = [];
  for (const part of chunks(wanted, 500)) {
    const rows = await store.db
      .selectFrom('rights')
      .select(['id', 'kind', 'application_number', 'publication_number', 'grant_number'])
      .where('id', 'in', part)
      .execute();
    for (const r of rows) {
      out.push({
        id: r.id,
        kind: r.kind as RightKind,
        number: r.grant_number ?? r.publication_number ?? r.application_number,
      });
    }
  }
  const missing = wanted.find((id) => !out.some((r) => r.id === id));
  if (missing !== undefined) throw errors.notFound('right', String(missing));
  return wanted.map((id) => out.find((r) => r.id === id)!);
}

/** Registry rights by id with their numbers and titles, for a case page; ids no longer in the registry are left out. */
export async function rightTitles(
  store: Store,
  ids: readonly number[],
): Promise<{ id: number; number: string; title: string | null }[]> {
  const found = new Map<number, { id: number; number: string; title: string | null }>();
  for (const part of chunks([...new Set(ids)], 500)) {
    const rows = await store.db
      .selectFrom('rights')
      .select(['id', 'application_number', 'publication_number', 'grant_number', 'title'])
      .where('id', 'in', part)
      .execute();
    for (const r of rows) {
      found.set(r.id, {
        id: r.id,
        number: r.grant_number ?? r.publication_number ?? r.application_number,
        title: r.title,
      });
    }
  }
  return ids.flatMap((id) => found.get(id) ?? []);
}
