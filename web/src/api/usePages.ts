import { useCallback, useEffect, useState } from 'react';
import { ApiError, getFresh, getJson, type Params } from './client.js';
import type { Page } from './types.js';

export interface Pages<T> {
  rows: T[];
  loading: boolean;
  error: ApiError | undefined;
  hasMore: boolean;
  more(): void;
}

interface State<T> {
  key: string | null;
  rows: T[];
  cursor: string | null;
  error?: ApiError;
}

/**
 * A cursor-paged list: the first page for `params`, then each next page appended on `more()`.
 * `fresh` asks the server every time (not the session's cache); a new `reload` value starts over.
 */
export function usePages<T>(
  path: string | null,
  params: Params,
  options: { fresh?: boolean; reload?: number } = {},
): Pages<T> {
  const fresh = options.fresh ?? false;
  const key = path === null ? null : JSON.stringify([path, params, options.reload ?? 0]);
  const [state, setState] = useState<State<T>>({ key: null, rows: [], cursor: null });
  const [loading, setLoading] = useState(false);

  const load = useCallback(
    (cursor: string | null, append: boolean) => {
      if (path === null) return () => {};
      let live = true;
      // A next page that arrives after the question changed belongs to no list shown any more.
      const apply = (next: (s: State<T>) => State<T>) =>
        setState((s) => (append && s.key !== key ? s : next(s)));
      setLoading(true);
      const get = fresh ? getFresh : getJson;
      get<Page<T>>(path, { ...params, cursor }).then(
        (page) => {
          if (!live) return;
          apply((s) => ({
            key,
            rows: append ? [...s.rows, ...page.items] : page.items,
            cursor: page.nextCursor,
          }));
          setLoading(false);
        },
        (e: unknown) => {
          if (!live) return;
          const error = e instanceof ApiError ? e : new ApiError(String(e), 0, 'unknown');
          apply((s) => ({ ...s, key, error }));
          setLoading(false);
        },
      );
      return () => {
        live = false;
      };
    },
    [key, path, params, fresh],
  );

  useEffect(() => load(null, false), [load]);

  const current = state.key === key;
  return {
    rows: current ? state.rows : [],
    loading: loading || !current,
    error: current ? state.error : undefined,
    hasMore: current && state.cursor !== null && !state.error,
    more: () => {
      if (state.cursor) load(state.cursor, true);
    },
  };
}
