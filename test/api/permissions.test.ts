import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { assemble } from '../../src/assemble.js';
import { createUser, setPublicStatistics } from '../../src/auth/index.js';
import { buildApp } from '../../src/server/index.js';
import { describeEachEngine, freshStore } from '../engines.js';

interface Route {
  method: string;
  url: string;
}

/** Every route the app registered, read from Fastify's own route tree (not from the auth module). */
function registeredRoutes(app: FastifyInstance): Route[] {
  const routes: Route[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    stack.length = m[1]!.length / 4;
    const url = stack.join('') + m[2]!;
    stack.push(m[2]!);
    for (const method of m[3]?.split(', ') ?? []) routes.push({ method, url });
  }
  return routes;
}

const key = (r: Route) => `${r.method === 'HEAD' ? 'GET' : r.method} ${r.url}`;

/** Open to anyone, on purpose. Adding a route here is a decision: it is then reachable without login. */
const PUBLIC = new Set(['GET /healthz', 'GET /readyz', 'POST /api/auth/login', 'GET /api/case-status']);

/** Open without a session while an administrator has public statistics on. */
const STATISTICS = [/^GET \/api\/(stats|reference|rights|industries)(\/|$|\.)/, /^GET \/api\/meta$/];

/** Outside /api: Swagger UI and the OpenAPI document (the web app's files when it is built). */
const OUTSIDE = [/^GET \/docs(\/|$)/, /^GET \/openapi\.json$/];

const isStatistics = (k: string) => STATISTICS.some((re) => re.test(k));

function request(r: Route, headers: Record<string, string> = {}): InjectOptions {
  const url = r.url.replace(':id', '1').replace(':code', '42').replace('*', 'x');
  const method = r.method as InjectOptions['method'];
  return r.method === 'GET' || r.method === 'HEAD'
    ? { method, url, headers }
    : { method, url, headers, payload: {} };
}

/**
 * Deny by default, proved on every registered route: without a session each answers 401 unless it is
 * public on purpose (or public statistics are on and it is a statistics route); a role without the
 * route's permission gets 403; the OpenAPI document marks exactly the public operations.
 */
describeEachEngine('every route is authorized', (engine) => {
  let store: Awaited<ReturnType<typeof freshStore>>;
  let app: FastifyInstance;
  let routes: Route[];

  beforeAll(async () => {
    store = await freshStore(engine);
    assemble();
    await createUser(store, { login: 'analyst', role: 'analyst', password: 'river-stone-2024' });
    app = await buildApp({ store, webRoot: null });
    await app.ready();
    routes = registeredRoutes(app);
  });
  afterAll(async () => {
    await app?.close();
    await store?.drop();
  });

  it('finds the routes, and no route outside /api but the known ones', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.map(key)).toContain('POST /api/users/:id/reset-password');
    for (const r of routes) {
      const k = key(r);
      if (r.url.startsWith('/api/') || PUBLIC.has(k)) continue;
      expect(
        OUTSIDE.some((re) => re.test(k)),
        `${k} is outside /api and not known to be open`,
      ).toBe(true);
    }
  });

  for (const on of [false, true]) {
    it(`without a session, with public statistics ${on ? 'on' : 'off'}: 401 unless public`, async () => {
      await setPublicStatistics(store, on);
      for (const r of routes) {
        const k = key(r);
        const res = await app.inject(request(r));
        const open = PUBLIC.has(k) || OUTSIDE.some((re) => re.test(k)) || (on && isStatistics(k));
        if (open) {
          expect([401, 403], `${r.method} ${r.url}`).not.toContain(res.statusCode);
          expect(res.statusCode, `${r.method} ${r.url}`).toBeLessThan(500);
        } else {
          expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
          if (r.method !== 'HEAD') expect(res.json().code).toBe('unauthenticated');
        }
      }
    });
  }

  it("with an analyst's session: 403 where the role lacks the permission, never 401", async () => {
    await setPublicStatistics(store, false);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'analyst', password: 'river-stone-2024' },
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const csrf = login.json().csrfToken as string;
    // What an analyst (read-only statistics, case reports, case reads) may not do.
    const refused = [
      /^(GET|POST|PUT) \/api\/(users|settings)(\/|$)/,
      /^(POST|PUT) \/api\/centers(\/|$)/,
      /^(GET|POST) \/api\/registrations(\/|$)/,
      /^(POST|PATCH) \/api\/cases(\/|$)/,
      /^(PUT|DELETE) \/api\/calendar\/overrides\//,
      /^GET \/api\/audit\//,
    ];
    for (const r of routes) {
      const k = key(r);
      if (!r.url.startsWith('/api/') || k.startsWith('POST /api/auth/')) continue;
      const res = await app.inject(request(r, { cookie, 'x-csrf-token': csrf }));
      if (refused.some((re) => re.test(k))) expect(res.statusCode, k).toBe(403);
      else expect([401, 403], `${r.method} ${r.url}`).not.toContain(res.statusCode);
    }
  });

  it('the OpenAPI document marks exactly the public operations with security: []', async () => {
    const doc = (await app.inject('/openapi.json')).json();
    expect(doc.security).toEqual([{ cookieAuth: [] }]);
    expect(doc.components.securitySchemes.cookieAuth).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
      name: 'ipr_session',
    });
    const marked: string[] = [];
    for (const [path, ops] of Object.entries(
      doc.paths as Record<string, Record<string, { security?: unknown[] }>>,
    )) {
      for (const [method, op] of Object.entries(ops)) {
        const k = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
        if (op.security?.length === 0) marked.push(k);
        if (isStatistics(k)) expect(op.security, k).toEqual([{}, { cookieAuth: [] }]);
        else if (!PUBLIC.has(k)) expect(op.security, k).toBeUndefined();
      }
    }
    expect(marked.sort()).toEqual([...PUBLIC].sort());
  });
});
