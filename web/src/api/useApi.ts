import { useEffect, useState } from 'react';
import { ApiError, apiUrl, getFresh, getJson, type Params } from './client.js';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
}

export interface ApiOptions {
  /** Ask the server every time, never the session's cache (what changes as people work). */
  fresh?: boolean;
  /** Changing it loads the answer again (with `fresh`). */
  reload?: number;
}

/** Loads `path` with `params` (nothing while `path` is null) and reloads when the URL changes. */
export function useApi<T>(path: string | null, params: Params = {}, options: ApiOptions = {}): ApiState<T> {
  const url = path === null ? null : apiUrl(path, params);
  const fresh = options.fresh ?? false;
  const reload = options.reload ?? 0;
  const [state, setState] = useState<ApiState<T> & { url: string | null }>({
    data: undefined,
    error: undefined,
    loading: url !== null,
    url: null,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `reload` is a trigger, a new value asks again
  useEffect(() => {
    if (url === null) return;
    let live = true;
    // A reload keeps showing the answer it replaces until the new one is there.
    setState((s) => ({ ...s, loading: true, error: undefined, url }));
    (fresh ? getFresh<T>(url) : getJson<T>(url)).then(
      (data) => live && setState({ data, error: undefined, loading: false, url }),
      (e: unknown) =>
        live &&
        setState({
          data: undefined,
          error: e instanceof ApiError ? e : new ApiError(String(e), 0, 'unknown'),
          loading: false,
          url,
        }),
    );
    return () => {
      live = false;
    };
  }, [url, fresh, reload]);
  if (url === null) return { data: undefined, error: undefined, loading: false };
  // Until the effect runs for a new URL, report loading rather than the previous URL's answer.
  if (state.url !== url) return { data: undefined, error: undefined, loading: true };
  return state;
}
