import type { Problem } from './types.js';

/** An API error in words: the problem+json `detail` (or `title`), its status and stable code. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type ParamValue = string | number | boolean | null | undefined | readonly string[];
export type Params = Record<string, ParamValue>;

/** `path?query` with empty values left out and lists comma-joined, as the API reads them. */
export function apiUrl(path: string, params: Params = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) search.set(key, value.join(','));
      continue;
    }
    search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && ('detail' in body || 'title' in body);
}

async function fetchJson(url: string): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' } });
  } catch (e) {
    throw new ApiError(`${(e as Error).message} (${url})`, 0, 'network');
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    if (res.ok)
      throw new ApiError(
        `The server answered ${url} with something that is not JSON`,
        res.status,
        'bad_json',
      );
  }
  if (!res.ok) {
    const detail = isProblem(body) ? (body.detail ?? body.title) : undefined;
    const code = isProblem(body) && body.code ? body.code : `http_${res.status}`;
    throw new ApiError(detail ?? `${res.status} ${res.statusText || 'error'} (${url})`, res.status, code);
  }
  return body;
}

const cache = new Map<string, Promise<unknown>>();
const CACHE_SIZE = 200;

/** GET a JSON answer; answers are kept for the session (statistics change only when data changes). */
export function getJson<T>(path: string, params: Params = {}): Promise<T> {
  const url = apiUrl(path, params);
  const hit = cache.get(url);
  if (hit) return hit as Promise<T>;
  const pending = fetchJson(url);
  cache.set(url, pending);
  pending.catch(() => cache.delete(url));
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return pending as Promise<T>;
}
