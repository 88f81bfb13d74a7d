import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describePostgres, freshStore, TEST_PG_URL } from '../../test/engines.js';
import { openStore, type Store } from '../store/index.js';
import { sessionCacheOf } from './session-cache.js';
import { createSession, resolveSession, revokeAllSessions, revokeSession, sessionId } from './sessions.js';
import { addUser } from './test-helpers.js';
import { disableUser } from './users.js';

/** Waits (at most 5 s) until `check` holds: notifications arrive asynchronously. */
async function eventually(check: () => Promise<boolean> | boolean): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/**
 * Two API processes on one PostgreSQL schema (two stores): what one revokes, the other stops
 * accepting, although it remembered the session.
 */
describePostgres('auth: sessions remembered per process on PostgreSQL', () => {
  let store: Awaited<ReturnType<typeof freshStore>>;
  let other: Store;
  const cacheOf = (s: Store) => sessionCacheOf<unknown>(s)!;

  beforeAll(async () => {
    store = await freshStore('postgres');
    other = await openStore(TEST_PG_URL, { schema: store.schema! });
  });
  afterAll(async () => {
    await other?.close();
    await store?.drop();
  });

  async function rememberedSession(login: string) {
    const user = await addUser(store, { login });
    const { token } = await createSession(store, user.id, {});
    expect(await eventually(() => cacheOf(store).trusted)).toBe(true);
    expect(await resolveSession(store, token)).not.toBeNull();
    // Answered from memory now: marking the session used is not announced, so a session the
    // database would call idle (unused for nine hours) is still accepted from what was remembered.
    const idle = new Date(Date.now() - 9 * 60 * 60 * 1000).toISOString();
    await sql`update sessions set last_seen_at = ${idle} where id = ${sessionId(token)}`.execute(store.db);
    expect(await resolveSession(store, token)).not.toBeNull();
    return { user, token };
  }

  it('answers a known session from memory, and reads it again once forgotten', async () => {
    const { token } = await rememberedSession('cached-1');
    expect(cacheOf(store).get(sessionId(token))).toBeDefined();
    cacheOf(store).forget();
    expect(await resolveSession(store, token)).toBeNull();
  });

  it('stops accepting a session another process revoked', async () => {
    const { token } = await rememberedSession('cached-2');
    await revokeSession(other, sessionId(token));
    expect(await eventually(async () => (await resolveSession(store, token)) === null)).toBe(true);
  });

  it('stops accepting the sessions of a user another process disabled or signed out everywhere', async () => {
    const a = await rememberedSession('cached-3');
    await disableUser(other, a.user.id);
    expect(await eventually(async () => (await resolveSession(store, a.token)) === null)).toBe(true);
    const b = await rememberedSession('cached-4');
    await revokeAllSessions(other, b.user.id);
    expect(await eventually(async () => (await resolveSession(store, b.token)) === null)).toBe(true);
  });

  it('stops accepting a session ended by hand in SQL, or deleted', async () => {
    const a = await rememberedSession('cached-5');
    await sql`update sessions set expires_at = '2000-01-01T00:00:00.000Z' where id = ${sessionId(a.token)}`.execute(
      other.db,
    );
    expect(await eventually(async () => (await resolveSession(store, a.token)) === null)).toBe(true);
    const b = await rememberedSession('cached-6');
    await sql`delete from sessions where id = ${sessionId(b.token)}`.execute(other.db);
    expect(await eventually(async () => (await resolveSession(store, b.token)) === null)).toBe(true);
  });

  it('stops accepting at once a session this process revoked', async () => {
    const { token } = await rememberedSession('cached-7');
    await revokeSession(store, sessionId(token));
    expect(await resolveSession(store, token)).toBeNull();
  });

  it('remembers nothing while it cannot listen, and listens again by itself', async () => {
    const { token } = await rememberedSession('cached-8');
    const admin = new pg.Client({ connectionString: TEST_PG_URL });
    await admin.connect();
    try {
      // Every process's listening connection goes (other test files' reconnect as this one does).
      await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where query = 'listen ipregion_auth'`,
      );
    } finally {
      await admin.end();
    }
    expect(await eventually(() => !cacheOf(store).trusted)).toBe(true);
    expect(cacheOf(store).get(sessionId(token))).toBeUndefined();
    expect(await eventually(() => cacheOf(store).trusted)).toBe(true);
    // Read from the database again, which knows the session as idle.
    expect(await resolveSession(store, token)).toBeNull();
  });
});
