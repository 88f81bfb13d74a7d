import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, freshStore } from '../../test/engines.js';
import { buildApp } from '../server/index.js';
import { resolveSession, SESSION_LIMITS } from './sessions.js';
import { setPublicStatistics } from './settings.js';
import { authDb } from './tables.js';
import { addUser, signIn } from './test-helpers.js';

/** Sign-in, the session cookie, CSRF, expiry, sign-out and sign-out everywhere, disabled users. */
describeEachEngine('auth: sessions', (engine) => {
  let store: Awaited<ReturnType<typeof freshStore>>;
  let app: FastifyInstance;

  beforeAll(async () => {
    store = await freshStore(engine);
    await addUser(store, { login: 'admin', role: 'admin', password: 'central-2024-root' });
    await addUser(store, { login: 'analyst' });
    app = await buildApp({ store, webRoot: null });
  });
  afterAll(async () => {
    await app?.close();
    await store?.drop();
  });

  const login = (body: object, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: body, headers });

  it('signs in with an httpOnly, SameSite=Lax cookie; Secure behind https', async () => {
    const res = await login({ login: 'Analyst ', password: 'river-stone-2024' });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(
      /^ipr_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Lax; Path=\/; Max-Age=604800$/,
    );
    const body = res.json();
    expect(body.user).toMatchObject({ login: 'analyst', role: 'analyst', disabled: false });
    expect(body.user.passwordHash).toBeUndefined();
    expect(body.permissions).toContain('stats:read');
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(SESSION_LIMITS.absoluteMs - 60_000);

    const secure = await login(
      { login: 'analyst', password: 'river-stone-2024' },
      { 'x-forwarded-proto': 'https' },
    );
    expect(String(secure.headers['set-cookie'])).toMatch(/; Secure$/);
  });

  it('stores only the hash of the token', async () => {
    const client = await signIn(app, 'analyst');
    const token = client.cookie.split('=')[1]!;
    const rows = await authDb(store).selectFrom('sessions').select('id').execute();
    expect(rows.map((r) => r.id)).not.toContain(token);
    expect((await resolveSession(store, token))?.user.login).toBe('analyst');
  });

  it('answers the same to an unknown login and a wrong password', async () => {
    const unknown = await login({ login: 'nobody', password: 'river-stone-2024' });
    const wrong = await login({ login: 'analyst', password: 'river-stone-2025' });
    for (const res of [unknown, wrong]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({
        code: 'invalid_credentials',
        detail: 'the login or the password is wrong',
      });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect((await login({ login: 'analyst' })).statusCode).toBe(400);
  });

  it('me, and a session cookie that is not one', async () => {
    const client = await signIn(app, 'analyst');
    const me = await client.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { login: 'analyst' }, csrfToken: client.csrf });
    expect((await app.inject({ url: '/api/auth/me' })).json().code).toBe('unauthenticated');
    const forged = await app.inject({
      url: '/api/auth/me',
      headers: { cookie: `ipr_session=${'A'.repeat(43)}` },
    });
    expect(forged.statusCode).toBe(401);
    expect(String(forged.headers['set-cookie'])).toContain('Max-Age=0');
    const junk = await app.inject({ url: '/api/auth/me', headers: { cookie: 'ipr_session=%%%; other=1' } });
    expect(junk.statusCode).toBe(401);
  });

  it('refuses cookie-authenticated writes without the CSRF token of the session', async () => {
    const admin = await signIn(app, 'admin', 'central-2024-root');
    const other = await signIn(app, 'admin', 'central-2024-root');
    const put = (headers: Record<string, string>) =>
      app.inject({
        method: 'PUT',
        url: '/api/settings/public-statistics',
        payload: { enabled: false },
        headers: { cookie: admin.cookie, ...headers },
      });
    expect((await put({})).json()).toMatchObject({ status: 403, code: 'csrf' });
    expect((await put({ 'x-csrf-token': other.csrf })).json().code).toBe('csrf');
    expect((await put({ 'x-csrf-token': admin.csrf })).statusCode).toBe(200);
    // Reads need no token.
    expect((await admin.get('/api/settings/public-statistics')).json()).toEqual({ enabled: false });
  });

  it('ends a session on logout, and every session on logout-all', async () => {
    const a = await signIn(app, 'analyst');
    const b = await signIn(app, 'analyst');
    const c = await signIn(app, 'analyst');
    const out = await a.post('/api/auth/logout');
    expect(out.json()).toEqual({ revoked: 1 });
    expect(String(out.headers['set-cookie'])).toMatch(/^ipr_session=; .*Max-Age=0/);
    expect((await a.get('/api/auth/me')).statusCode).toBe(401);
    expect((await b.get('/api/auth/me')).statusCode).toBe(200);
    expect((await b.post('/api/auth/logout-all')).json().revoked).toBeGreaterThanOrEqual(2);
    expect((await b.get('/api/auth/me')).statusCode).toBe(401);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('ends a session after 8 idle hours and 7 days in all', async () => {
    const client = await signIn(app, 'analyst');
    const token = client.cookie.split('=')[1]!;
    const now = Date.now();
    const at = (ms: number) => new Date(now + ms);
    expect(await resolveSession(store, token, at(SESSION_LIMITS.idleMs - 60_000))).not.toBeNull();
    // That use moved the idle end on: 8 hours from the start is no longer the end.
    expect(await resolveSession(store, token, at(SESSION_LIMITS.idleMs + 60_000))).not.toBeNull();
    expect(await resolveSession(store, token, at(2 * SESSION_LIMITS.idleMs + 60_000))).toBeNull();

    const busy = (await signIn(app, 'analyst')).cookie.split('=')[1]!;
    for (let t = 0; t < SESSION_LIMITS.absoluteMs; t += SESSION_LIMITS.idleMs / 2) {
      expect(await resolveSession(store, busy, at(t))).not.toBeNull();
    }
    expect(await resolveSession(store, busy, at(SESSION_LIMITS.absoluteMs + 60_000))).toBeNull();

    // Through HTTP: a session last seen 9 hours ago is over.
    const idle = await signIn(app, 'analyst');
    await authDb(store)
      .updateTable('sessions')
      .set({ last_seen_at: new Date(now - 9 * 3600_000).toISOString() })
      .where('revoked_at', 'is', null)
      .execute();
    expect((await idle.get('/api/auth/me')).json().code).toBe('unauthenticated');
  });

  it('a disabled user cannot sign in, and their sessions stop working at once', async () => {
    const admin = await signIn(app, 'admin', 'central-2024-root');
    const created = await admin.post('/api/users', {
      login: 'wang.fang',
      role: 'analyst',
      password: 'river-stone-2024',
    });
    expect(created.statusCode).toBe(201);
    const user = await signIn(app, 'wang.fang');
    expect((await user.get('/api/auth/me')).statusCode).toBe(200);
    const disabled = await admin.post(`/api/users/${created.json().id}/disable`);
    expect(disabled.json()).toMatchObject({ login: 'wang.fang', disabled: true });
    expect((await user.get('/api/auth/me')).statusCode).toBe(401);
    const again = await login({ login: 'wang.fang', password: 'river-stone-2024' });
    expect(again.json()).toMatchObject({ status: 403, code: 'account_disabled' });
    // Without the password nobody learns the account exists.
    expect((await login({ login: 'wang.fang', password: 'river-stone-2025' })).json().code).toBe(
      'invalid_credentials',
    );
  });

  it('administrators manage users; other roles may not', async () => {
    const admin = await signIn(app, 'admin', 'central-2024-root');
    const analyst = await signIn(app, 'analyst');
    expect((await analyst.get('/api/users')).json()).toMatchObject({ status: 403, code: 'forbidden' });
    expect((await analyst.post('/api/users', {})).json().code).toBe('forbidden');

    const bad = await admin.post('/api/users', { login: 'zhao', role: 'officer', password: 'zhao12' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'body.password',
      'body.password',
      'body.centerId',
    ]);
    const taken = await admin.post('/api/users', {
      login: 'ANALYST',
      role: 'analyst',
      password: 'river-stone-2024',
    });
    expect(taken.json()).toMatchObject({ status: 409, code: 'conflict' });

    const officer = await admin.post('/api/users', {
      login: 'zhao',
      role: 'officer',
      centerId: 'demo-hefei',
      password: 'river-stone-2024',
    });
    expect(officer.json()).toMatchObject({ role: 'officer', centerId: 'demo-hefei', displayName: 'zhao' });
    const zhao = await signIn(app, 'zhao');
    const reset = await admin.post(`/api/users/${officer.json().id}/reset-password`, { password: 'short' });
    expect(reset.json()).toMatchObject({ status: 400, code: 'invalid_input' });
    expect(reset.json().detail).toContain('at least 10 characters; at least one digit');
    const ok = await admin.post(`/api/users/${officer.json().id}/reset-password`, {
      password: 'lake-hill-2025',
    });
    expect(ok.statusCode).toBe(200);
    expect((await zhao.get('/api/auth/me')).statusCode).toBe(401);
    await signIn(app, 'zhao', 'lake-hill-2025');

    const page = await admin.get('/api/users?limit=2');
    expect(page.json().items).toHaveLength(2);
    const rest = await admin.get(`/api/users?limit=200&cursor=${page.json().nextCursor}`);
    expect(rest.json().nextCursor).toBeNull();
    expect(rest.json().items.map((u: { login: string }) => u.login)).toContain('zhao');
    expect((await admin.post('/api/users/99999/disable')).json().code).toBe('not_found');
  });

  it('refuses to disable the last administrator', async () => {
    const admin = await signIn(app, 'admin', 'central-2024-root');
    const me = (await admin.get('/api/auth/me')).json().user;
    expect((await admin.post(`/api/users/${me.id}/disable`)).json()).toMatchObject({
      status: 409,
      code: 'conflict',
    });
  });

  it('the public-statistics setting opens the statistics routes', async () => {
    await setPublicStatistics(store, false);
    expect((await app.inject({ url: '/api/reference/nice' })).statusCode).toBe(401);
    const admin = await signIn(app, 'admin', 'central-2024-root');
    expect((await admin.put('/api/settings/public-statistics', { enabled: true })).json()).toEqual({
      enabled: true,
    });
    expect((await app.inject({ url: '/api/reference/nice' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/users' })).statusCode).toBe(401);
  });
});
