import { errors, IpregionError, type IsoDate } from '../core/index.js';
import type { Store } from '../store/index.js';
import { chinaToday } from './actors.js';
import { type PublicStatus, publicStatus } from './public.js';
import { casesDb } from './tables.js';

/**
 * The public status lookup takes a secret code and needs no session, so guessing is limited: an
 * address with `maxFailuresPerIp` failed lookups (wrong number or wrong code alike) within the
 * window is refused (429 rate_limited, with retry-after) until the oldest of them leaves the window
 * — even with the right code, so that a guesser learns nothing while refused. Failures are kept in
 * the database (`case_status_lookups`), so every API process enforces the same limit.
 */
export const STATUS_LOOKUP_LIMITS = {
  windowMs: 15 * 60 * 1000,
  maxFailuresPerIp: 20,
  /** Failures older than this are deleted. */
  keepMs: 24 * 60 * 60 * 1000,
};

const ago = (now: Date, ms: number) => new Date(now.getTime() - ms).toISOString();

/** Seconds until `ip` may look up again, or 0. */
export async function statusLookupWait(store: Store, ip: string, now = new Date()): Promise<number> {
  const row = await casesDb(store)
    .selectFrom('case_status_lookups')
    .select('at')
    .where('ip', '=', ip)
    .where('at', '>', ago(now, STATUS_LOOKUP_LIMITS.windowMs))
    .orderBy('at', 'desc')
    .limit(1)
    .offset(STATUS_LOOKUP_LIMITS.maxFailuresPerIp - 1)
    .executeTakeFirst();
  if (!row) return 0;
  const until = Date.parse(row.at) + STATUS_LOOKUP_LIMITS.windowMs;
  return Math.max(1, Math.ceil((until - now.getTime()) / 1000));
}

/** The public status lookup, limited per address (see `STATUS_LOOKUP_LIMITS`). */
export async function limitedPublicStatus(
  store: Store,
  r: { number: string; code: string; ip: string },
  now = new Date(),
  asOf: IsoDate = chinaToday(now),
): Promise<PublicStatus> {
  const ip = r.ip.slice(0, 100);
  const wait = await statusLookupWait(store, ip, now);
  if (wait > 0) throw errors.rateLimited(wait);
  try {
    return await publicStatus(store, r.number, r.code, asOf);
  } catch (e) {
    if (e instanceof IpregionError && e.code === 'not_found') {
      const db = casesDb(store);
      await db.insertInto('case_status_lookups').values({ ip, at: now.toISOString() }).execute();
      await db
        .deleteFrom('case_status_lookups')
        .where('at', '<', ago(now, STATUS_LOOKUP_LIMITS.keepMs))
        .execute();
    }
    throw e;
  }
}
