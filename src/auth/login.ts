import { errors } from '../core/index.js';
import type { Store } from '../store/index.js';
import { decoyHash, verifyPassword } from './passwords.js';
import { createSession, type SessionInfo } from './sessions.js';
import { type AuthDb, authDb } from './tables.js';
import { normaliseLogin, toUser, type User } from './users.js';

/**
 * Login limits, counted from `login_attempts` in the database so that every API process enforces
 * the same ones. Only attempts whose password was checked are recorded; refused ones are not, so
 * retrying while locked does not prolong the lock. Two processes checking at the same instant may
 * each let one attempt past a limit: the limits bound guessing, they are not exact counters.
 */
export const LOGIN_LIMITS = {
  windowMs: 15 * 60 * 1000,
  /** This many failed logins for one login within the window lock it… */
  maxFailures: 5,
  /** …for this long after the last of them. */
  lockMs: 15 * 60 * 1000,
  /** This many password checks from one address within the window: further ones wait. */
  maxAttemptsPerIp: 30,
  /** Attempts older than this are deleted. */
  keepMs: 24 * 60 * 60 * 1000,
  /** Sessions that ended longer ago than this are deleted. */
  keepSessionsMs: 30 * 24 * 60 * 60 * 1000,
};

const ago = (now: Date, ms: number) => new Date(now.getTime() - ms).toISOString();
const seconds = (untilMs: number, now: Date) => Math.max(1, Math.ceil((untilMs - now.getTime()) / 1000));

/** Seconds until `ip` may try again, or 0. */
async function ipWait(db: AuthDb, ip: string, now: Date): Promise<number> {
  const row = await db
    .selectFrom('login_attempts')
    .select('at')
    .where('ip', '=', ip)
    .where('at', '>', ago(now, LOGIN_LIMITS.windowMs))
    .orderBy('at', 'desc')
    .limit(1)
    .offset(LOGIN_LIMITS.maxAttemptsPerIp - 1)
    .executeTakeFirst();
  return row ? seconds(Date.parse(row.at) + LOGIN_LIMITS.windowMs, now) : 0;
}

/**
 * When the lock on `login` ends (ms since the epoch), or 0: the failures since its last success
 * are scanned for `maxFailures` of them within one window; the lock runs `lockMs` from the last.
 */
export async function lockedUntil(db: AuthDb, login: string, now: Date): Promise<number> {
  const success = await db
    .selectFrom('login_attempts')
    .select('at')
    .where('login', '=', login)
    .where('ok', '=', 1)
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const horizon = ago(now, LOGIN_LIMITS.windowMs + LOGIN_LIMITS.lockMs);
  const since = success && success.at > horizon ? success.at : horizon;
  const failures = await db
    .selectFrom('login_attempts')
    .select('at')
    .where('login', '=', login)
    .where('ok', '=', 0)
    .where('at', '>', since)
    .orderBy('at')
    // Attempts on a locked login are refused unrecorded, so few failures can fall in the horizon.
    .limit(1000)
    .execute();
  const times = failures.map((f) => Date.parse(f.at));
  let until = 0;
  const n = LOGIN_LIMITS.maxFailures;
  for (let i = n - 1; i < times.length; i++) {
    if (times[i]! - times[i - n + 1]! < LOGIN_LIMITS.windowMs) until = times[i]! + LOGIN_LIMITS.lockMs;
  }
  return until > now.getTime() ? until : 0;
}

export interface LoginRequest {
  login: string;
  password: string;
  ip: string;
  userAgent?: string | null;
}

/**
 * Checks a login and password and starts a session. Refuses, in this order: an address over its
 * limit (429 rate_limited), a locked login (429 locked), a wrong password or unknown login (the same
 * 401 invalid_credentials, after the same work), a disabled user (403, told only to who knows the
 * password).
 */
export async function logIn(
  store: Store,
  r: LoginRequest,
  now = new Date(),
): Promise<{ user: User; token: string; session: SessionInfo }> {
  const db = authDb(store);
  const login = normaliseLogin(r.login).slice(0, 200);
  const ip = r.ip.slice(0, 100);
  const ipRetry = await ipWait(db, ip, now);
  if (ipRetry > 0) throw errors.rateLimited(ipRetry);
  const lock = await lockedUntil(db, login, now);
  if (lock > 0) throw errors.locked(seconds(lock, now));

  const row = await db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst();
  const passwordOk = await verifyPassword(row?.password_hash ?? (await decoyHash()), r.password);
  const ok = row !== undefined && passwordOk;
  const at = now.toISOString();
  await db
    .insertInto('login_attempts')
    .values({ login, ip, at, ok: ok ? 1 : 0 })
    .execute();
  await prune(db, now);
  if (!row || !ok) {
    if (row) {
      const until = await lockedUntil(db, login, now);
      await db
        .updateTable('users')
        .set((eb) => ({
          failed_logins: eb('failed_logins', '+', 1),
          locked_until: until > 0 ? new Date(until).toISOString() : null,
        }))
        .where('id', '=', row.id)
        .execute();
    }
    throw errors.invalidCredentials();
  }
  if (row.disabled !== 0) throw errors.accountDisabled();
  await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', row.id)
    .execute();
  const { token, session } = await createSession(store, row.id, { ip, userAgent: r.userAgent ?? null }, now);
  return { user: toUser({ ...row, failed_logins: 0, locked_until: null }), token, session };
}

/** Forgets attempts no limit looks at any more, and sessions long over. */
async function prune(db: AuthDb, now: Date): Promise<void> {
  await db.deleteFrom('login_attempts').where('at', '<', ago(now, LOGIN_LIMITS.keepMs)).execute();
  await db.deleteFrom('sessions').where('expires_at', '<', ago(now, LOGIN_LIMITS.keepSessionsMs)).execute();
}
