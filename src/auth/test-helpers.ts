import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Store } from '../store/index.js';
import { createUser, type NewUser, type User } from './users.js';

/** A user with a valid password and defaults for the rest; override what a test is about. */
export function buildUser(over: Partial<NewUser> = {}): NewUser {
  return { login: 'analyst-1', role: 'analyst', password: 'river-stone-2024', ...over };
}

export function addUser(store: Store, over: Partial<NewUser> = {}): Promise<User> {
  return createUser(store, buildUser(over));
}

/** A signed-in client of an app: its cookie and CSRF token, and requests that carry them. */
export interface Client {
  cookie: string;
  csrf: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: object, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, payload?: object): Promise<LightMyRequestResponse>;
}

export async function signIn(
  app: FastifyInstance,
  login: string,
  password = 'river-stone-2024',
  headers: Record<string, string> = {},
): Promise<Client> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login, password },
    headers,
  });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${login}: ${res.statusCode} ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  const csrf = res.json().csrfToken as string;
  return {
    cookie,
    csrf,
    get: (url) => app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url, payload = {}, extra = {}) =>
      app.inject({ method: 'POST', url, payload, headers: { cookie, 'x-csrf-token': csrf, ...extra } }),
    put: (url, payload = {}) =>
      app.inject({ method: 'PUT', url, payload, headers: { cookie, 'x-csrf-token': csrf } }),
  };
}
