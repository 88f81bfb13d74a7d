import { createHash, randomBytes } from 'node:crypto';
import type { Store } from '../store/index.js';
import { forgetSessions, sessionCacheOf } from './session-cache.js';
import { authDb } from './tables.js';
import { toUser, type User } from './users.js';

/** How long sessions live: configurable here, in one place. */
export const SESSION_LIMITS = {
  /** A session unused this long ends. */
  idleMs: 8 * 60 * 60 * 1000,
  /** A session ends this long after sign-in however busy it is. */
  absoluteMs: 7 * 24 * 60 * 60 * 1000,
  /** `last_seen_at` is written at most this often per session, not on every request. */
  touchEveryMs: 60 * 1000,
};

export interface SessionInfo {
  /** SHA-256 of the token: the session's id in the database and in logs. */
  id: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  /** The absolute end. */
  expiresAt: string;
  /** When it ends if it is not used before. */
  idleExpiresAt: string;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The session id of a cookie token: only the hash is stored, so a leaked table opens no session. */
export function sessionId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const token = () => randomBytes(32).toString('base64url');
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

function idleEnd(lastSeen: string, expiresAt: string): string {
  const idle = plus(lastSeen, SESSION_LIMITS.idleMs);
  return idle < expiresAt ? idle : expiresAt;
}

/** Starts a session for a user; returns the token for the cookie (never stored) and the session. */
export async function createSession(
  store: Store,
  userId: number,
  client: { ip?: string | null; userAgent?: string | null },
  now = new Date(),
): Promise<{ token: string; session: SessionInfo }> {
  const secret = token();
  const at = now.toISOString();
  const row = {
    id: sessionId(secret),
    user_id: userId,
    created_at: at,
    expires_at: plus(at, SESSION_LIMITS.absoluteMs),
    last_seen_at: at,
    revoked_at: null,
    csrf_token: token(),
    ip: client.ip?.slice(0, 100) ?? null,
    user_agent: client.userAgent?.slice(0, 500) ?? null,
  };
  await authDb(store).insertInto('sessions').values(row).execute();
  return {
    token: secret,
    session: {
      id: row.id,
      userId,
      csrfToken: row.csrf_token,
      createdAt: at,
      expiresAt: row.expires_at,
      idleExpiresAt: idleEnd(at, row.expires_at),
    },
  };
}

function readSession(db: ReturnType<typeof authDb>, id: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .selectAll('u')
    .select([
      's.id as session_id',
      's.csrf_token',
      's.created_at as session_created_at',
      's.expires_at',
      's.last_seen_at',
      's.revoked_at',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

type SessionRow = NonNullable<Awaited<ReturnType<typeof readSession>>>;

/**
 * The user and session of a cookie token, or null when the token is unknown, revoked, past its
 * idle or absolute end, or its user is disabled. Marks the session used (at most once a minute).
 */
export async function resolveSession(
  store: Store,
  secret: string,
  now = new Date(),
): Promise<{ user: User; session: SessionInfo } | null> {
  if (!TOKEN.test(secret)) return null;
  const db = authDb(store);
  const at = now.toISOString();
  const id = sessionId(secret);
  const cache = sessionCacheOf<SessionRow>(store);
  let row = cache?.get(id, now.getTime());
  if (!row) {
    const mark = cache?.mark() ?? 0;
    row = await readSession(db, id);
    if (!row) return null;
    cache?.put(id, row, row.id, mark, now.getTime());
  }
  if (row.revoked_at !== null || row.disabled !== 0) return null;
  if (row.expires_at <= at || idleEnd(row.last_seen_at, row.expires_at) <= at) return null;
  let lastSeen = row.last_seen_at;
  if (Date.parse(at) - Date.parse(lastSeen) >= SESSION_LIMITS.touchEveryMs) {
    await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', row.session_id).execute();
    lastSeen = at;
    cache?.update(id, { ...row, last_seen_at: at });
  }
  return {
    user: toUser(row),
    session: {
      id: row.session_id,
      userId: row.id,
      csrfToken: row.csrf_token,
      createdAt: row.session_created_at,
      expiresAt: row.expires_at,
      idleExpiresAt: idleEnd(lastSeen, row.expires_at),
    },
  };
}

export async function revokeSession(store: Store, id: string, now = new Date()): Promise<number> {
  const result = await authDb(store)
    .updateTable('sessions')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  forgetSessions(store);
  return Number(result.numUpdatedRows);
}

/** Ends every session of a user ("sign out everywhere"); returns how many were not yet revoked. */
export async function revokeAllSessions(store: Store, userId: number, now = new Date()): Promise<number> {
  const result = await authDb(store)
    .updateTable('sessions')
    .set({ revoked_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  forgetSessions(store);
  return Number(result.numUpdatedRows);
}
