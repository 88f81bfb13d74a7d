import type { Problem } from './types.js';

/** One field's problem in an `invalid_input` answer. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** An API error in words: the problem+json `detail` (or `title`), its status and stable code. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly errors: readonly FieldProblem[] = [],
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

function fieldProblems(body: unknown): FieldProblem[] {
  if (typeof body !== 'object' || body === null || !('errors' in body) || !Array.isArray(body.errors))
    return [];
  return body.errors.filter(
    (e): e is FieldProblem =>
      typeof e === 'object' && e !== null && typeof e.path === 'string' && typeof e.message === 'string',
  );
}

// The session's CSRF token (from the login answer or GET /api/auth/me), kept in memory only: it goes
// with every write as `x-csrf-token`. The session itself is the httpOnly cookie the browser keeps.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const signedOutListeners = new Set<() => void>();

/** Called whenever the API answers `401 unauthenticated`: the session ended or never was. */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function fetchJson(url: string, init: RequestInit = {}): Promise<unknown> {
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = new Headers(init.headers);
  headers.set('accept', 'application/json');
  if (WRITES.has(method) && csrfToken) headers.set('x-csrf-token', csrfToken);
  let res: Response;
  try {
    res = await fetch(url, { ...init, method, headers, credentials: 'same-origin' });
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
    if (res.status === 401 && code === 'unauthenticated') for (const l of signedOutListeners) l();
    throw new ApiError(
      detail ?? `${res.status} ${res.statusText || 'error'} (${url})`,
      res.status,
      code,
      fieldProblems(body),
    );
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

/** GET a JSON answer afresh, never from the cache (cases, users: what changes as people work). */
export function getFresh<T>(path: string, params: Params = {}): Promise<T> {
  return fetchJson(apiUrl(path, params), { cache: 'no-store' }) as Promise<T>;
}

/** Forgets every kept answer (after signing in or out, what the API may show changes). */
export function clearCache(): void {
  cache.clear();
}

/** A write (POST, PUT, PATCH, DELETE) with a JSON body, sent with the session's CSRF token. */
export function sendJson<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  return fetchJson(path, {
    method,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  }) as Promise<T>;
}

/**
 * One file as the request body (the server streams it to disk while hashing): its media type in
 * `content-type` (`application/octet-stream` when the browser does not know it: the server then
 * goes by the name's extension) and its name in `?fileName=`, sent with the session's CSRF token.
 */
export function uploadFile<T>(path: string, file: Blob, fileName: string): Promise<T> {
  return fetchJson(apiUrl(path, { fileName }), {
    method: 'POST',
    body: file,
    headers: { 'content-type': file.type || 'application/octet-stream' },
  }) as Promise<T>;
}
