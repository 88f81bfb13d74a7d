import { useEffect, useState } from 'react';
import { ApiError, apiUrl, getJson, type Params } from './client.js';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
}

/** Loads `path` with `params` (nothing while `path` is null) and reloads when the URL changes. */
export function useApi<T>(path: string | null, params: Params = {}): ApiState<T> {
  const url = path === null ? null : apiUrl(path, params);
  const [state, setState] = useState<ApiState<T> & { url: string | null }>({
    data: undefined,
    error: undefined,
    loading: url !== null,
    url: null,
  });
  useEffect(() => {
    if (url === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true, error: undefined, url }));
    getJson<T>(url).then(
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
  }, [url]);
  if (url === null) return { data: undefined, error: undefined, loading: false };
  // Until the effect runs for a new URL, report loading rather than the previous URL's answer.
  if (state.url !== url) return { data: undefined, error: undefined, loading: true };
  return state;
}
