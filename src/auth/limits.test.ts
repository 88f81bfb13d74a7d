import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, freshStore, TEST_PG_URL } from '../../test/engines.js';
import { buildApp } from '../server/index.js';
import { openStore, type Store } from '../store/index.js';
import { LOGIN_LIMITS, logIn } from './login.js';
import { publicStatistics, SETTINGS_CACHE_MS, setPublicStatistics } from './settings.js';
import { addUser, signIn } from './test-helpers.js';
import { findUserByLogin } from './users.js';

/**
 * Lockout and rate limits live in the database: two API processes (two apps, each with its own
 * store, over one database) count the same attempts.
 */
describeEachEngine('auth: lockout and rate limits across processes', (engine) => {
  let first: Awaited<ReturnType<typeof freshStore>>;
  let second: Store;
  let a: FastifyInstance;
  let b: FastifyInstance;

  beforeAll(async () => {
    first = await freshStore(engine);
    second =
      engine === 'postgres'
        ? await openStore(TEST_PG_URL, { schema: first.schema! })
        : await openStore(first.location);
    for (const login of ['admin', 'chen', 'liu', 'sun', 'zhou']) {
      await addUser(first, { login, role: login === 'admin' ? 'admin' : 'analyst' });
    }
    a = await buildApp({ store: first, webRoot: null });
    b = await buildApp({ store: second, webRoot: null });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await second?.close();
    await first?.drop();
  });

  const attempt = (app: FastifyInstance, login: string, password: string, ip = '10.0.0.1') =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password }, remoteAddress: ip });

  it('locks a login after 5 failures within 15 minutes, whichever process saw them', async () => {
    for (const app of [a, b, a, b, a]) {
      expect((await attempt(app, 'chen', 'wrong-guess-1')).json().code).toBe('invalid_credentials');
    }
    for (const app of [a, b]) {
      const res = await attempt(app, 'chen', 'river-stone-2024');
      expect(res.statusCode).toBe(429);
      expect(res.json()).toMatchObject({ code: 'locked' });
      const retry = Number(res.headers['retry-after']);
      expect(retry).toBeGreaterThan(LOGIN_LIMITS.lockMs / 1000 - 60);
      expect(retry).toBeLessThanOrEqual(LOGIN_LIMITS.lockMs / 1000);
    }
    const chen = await findUserByLogin(second, 'chen');
    expect(chen?.failedLogins).toBe(5);
    expect(chen?.lockedUntil).not.toBeNull();
    // Other logins are not affected.
    expect((await attempt(b, 'liu', 'river-stone-2024')).statusCode).toBe(200);
  });

  it('locks unknown logins the same way: the lock tells nothing about who exists', async () => {
    for (let i = 0; i < 5; i++) await attempt(i % 2 ? a : b, 'ghost', 'wrong-guess-1', '10.0.0.2');
    expect((await attempt(a, 'ghost', 'wrong-guess-1', '10.0.0.2')).json().code).toBe('locked');
  });

  it('an administrator resetting the password lifts the lock', async () => {
    for (let i = 0; i < 5; i++) await attempt(a, 'sun', 'wrong-guess-1', '10.0.0.3');
    expect((await attempt(b, 'sun', 'river-stone-2024', '10.0.0.3')).statusCode).toBe(429);
    const admin = await signIn(b, 'admin', 'river-stone-2024', {});
    const sun = await findUserByLogin(first, 'sun');
    expect(
      (await admin.post(`/api/users/${sun!.id}/reset-password`, { password: 'new-moon-2025' })).json(),
    ).toMatchObject({
      failedLogins: 0,
      lockedUntil: null,
    });
    expect((await attempt(a, 'sun', 'new-moon-2025', '10.0.0.3')).statusCode).toBe(200);
  });

  it('refuses an address after 30 attempts within 15 minutes, in every process', async () => {
    const ip = '10.0.0.9';
    for (let i = 0; i < LOGIN_LIMITS.maxAttemptsPerIp; i++) {
      // A different unknown login each time: no login is locked, only the address is counted.
      expect((await attempt(i % 2 ? a : b, `guess-${i}`, 'wrong-guess-1', ip)).statusCode).toBe(401);
    }
    for (const app of [a, b]) {
      const res = await attempt(app, 'zhou', 'river-stone-2024', ip);
      expect(res.json()).toMatchObject({ status: 429, code: 'rate_limited' });
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect((await attempt(a, 'zhou', 'river-stone-2024', '10.0.0.10')).statusCode).toBe(200);
  });

  it('a change of the public-statistics setting reaches the other process within its cache time', async () => {
    expect(await publicStatistics(second)).toBe(false);
    await setPublicStatistics(first, true);
    expect(await publicStatistics(first)).toBe(true);
    expect(await publicStatistics(second, Date.now() + SETTINGS_CACHE_MS)).toBe(true);
    expect((await b.inject({ url: '/api/reference/nice', remoteAddress: '10.0.0.4' })).statusCode).toBe(200);
    await setPublicStatistics(second, false);
    expect((await b.inject('/api/reference/nice')).statusCode).toBe(401);
  });

  // Last: its clock is years ahead, so its sign-ins prune every attempt and session the others made.
  it('counts failures in a sliding window, and the lock runs 15 minutes from the last', async () => {
    await addUser(first, { login: 'wu' });
    const t0 = Date.parse('2030-01-01T00:00:00Z');
    const at = (minutes: number) => new Date(t0 + minutes * 60_000);
    const tryAt = (minutes: number, password = 'wrong-guess-1') =>
      logIn(first, { login: 'wu', password, ip: '10.1.0.1' }, at(minutes)).then(
        () => 'ok',
        (e: { code: string }) => e.code,
      );
    // 4 failures, then a fifth 16 minutes later: never 5 within 15 minutes.
    for (const m of [0, 1, 2, 3, 16]) expect(await tryAt(m)).toBe('invalid_credentials');
    expect(await tryAt(17, 'river-stone-2024')).toBe('ok');
    // A success starts the count again.
    for (const m of [20, 21, 22, 23, 24]) expect(await tryAt(m)).toBe('invalid_credentials');
    expect(await tryAt(25, 'river-stone-2024')).toBe('locked');
    // Refused attempts are not counted: trying during the lock does not prolong it.
    expect(await tryAt(38, 'river-stone-2024')).toBe('locked');
    expect(await tryAt(39.1, 'river-stone-2024')).toBe('ok');
  });
});
