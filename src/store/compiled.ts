import type { Compilable, CompiledQuery } from 'kysely';
import type { Store } from './db.js';

/** Stands for the parameter while the query is compiled; never sent. */
const PLACEHOLDER = '\u0000ipregion-parameter\u0000';

/**
 * A query that differs from one execution to the next only in one parameter (a case page by its
 * id), compiled once per database: Kysely builds and compiles a query on every execution, which for
 * the API's most frequent reads is a noticeable share of a request's CPU. `build` must use its
 * `value` as the query's only parameter; if the compiled query has any other, every execution
 * builds it afresh (correct, just not faster).
 */
export function compiledOnce<R, V>(
  build: (store: Pick<Store, 'db' | 'engine'>, value: V | typeof PLACEHOLDER) => Compilable<R>,
): (store: Pick<Store, 'db' | 'engine'>, value: V) => Promise<R[]> {
  const compiled = new WeakMap<object, CompiledQuery<R> | null>();
  return async (store, value) => {
    let query = compiled.get(store.db);
    if (query === undefined) {
      const c = build(store, PLACEHOLDER).compile();
      query = c.parameters.length === 1 && c.parameters[0] === PLACEHOLDER ? c : null;
      compiled.set(store.db, query);
    }
    const run = query ? { ...query, parameters: [value] } : build(store, value).compile();
    return (await store.db.executeQuery<R>(run)).rows;
  };
}
