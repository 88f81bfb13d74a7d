import { errors, type IsoDate } from '../core/index.js';
import { type CalendarOverride, calendarOverrideSchema, WorkingCalendar } from '../reference/index.js';
import type { Store } from '../store/index.js';
import { type ActorRef, actorLabel } from './actors.js';
import { appendAudit } from './audit.js';
import { casesDb } from './tables.js';

/**
 * The administrator's calendar: overrides of the official schedule (a typhoon day off, a schedule
 * published after the installed `chinese-days`) and the years loaded in full, kept in the database
 * so that every process counts deadlines alike. Every change is audited.
 */

export interface StoredOverride extends CalendarOverride {
  setBy: string;
  setAt: string;
}

export async function listCalendarOverrides(store: Store): Promise<StoredOverride[]> {
  const rows = await casesDb(store).selectFrom('calendar_overrides').selectAll().orderBy('date').execute();
  return rows.map((r) => ({
    date: r.date,
    working: r.working === 1,
    reason: r.reason,
    setBy: r.set_by,
    setAt: r.set_at,
  }));
}

/**
 * How long a process keeps the calendar it read, so that a busy API does not read the overrides on
 * every request. A change made through this process applies at once; one made by another process
 * (another API process, the CLI) within this many milliseconds.
 */
export const CALENDAR_CACHE_MS = 5000;
const cached = new WeakMap<object, { at: number; calendar: Promise<WorkingCalendar> }>();

function forgetCalendar(store: Store): void {
  cached.delete(store.db);
}

/** The official calendar under the database's overrides; deadlines are counted on it. */
export function loadCalendar(store: Store): Promise<WorkingCalendar> {
  const hit = cached.get(store.db);
  if (hit && Date.now() - hit.at < CALENDAR_CACHE_MS) return hit.calendar;
  const calendar = readCalendar(store);
  cached.set(store.db, { at: Date.now(), calendar });
  calendar.catch(() => forgetCalendar(store));
  return calendar;
}

async function readCalendar(store: Store): Promise<WorkingCalendar> {
  const db = casesDb(store);
  const [overrides, years] = await Promise.all([
    listCalendarOverrides(store),
    db.selectFrom('calendar_years').select('year').execute(),
  ]);
  return new WorkingCalendar({
    overrides: overrides.map(({ date, working, reason }) => ({ date, working, reason })),
    coveredYears: years.map((y) => y.year),
  });
}

/** Sets (or replaces) the override of a day. */
export async function setCalendarOverride(
  store: Store,
  input: unknown,
  actor: ActorRef,
): Promise<StoredOverride> {
  const parsed = calendarOverrideSchema.safeParse(input);
  if (!parsed.success) {
    throw errors.invalidInput(`calendar override: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  const o = parsed.data;
  const setAt = new Date().toISOString();
  const setBy = actorLabel(actor);
  const row = { date: o.date, working: o.working ? 1 : 0, reason: o.reason, set_by: setBy, set_at: setAt };
  await casesDb(store)
    .transaction()
    .execute(async (trx) => {
      const before = await trx
        .selectFrom('calendar_overrides')
        .selectAll()
        .where('date', '=', o.date)
        .executeTakeFirst();
      await trx
        .insertInto('calendar_overrides')
        .values(row)
        .onConflict((oc) =>
          oc
            .column('date')
            .doUpdateSet({ working: row.working, reason: row.reason, set_by: setBy, set_at: setAt }),
        )
        .execute();
      await appendAudit(trx, [
        {
          actor: setBy,
          ip: actor.ip ?? null,
          entity: 'calendar_override',
          entityId: o.date,
          action: before ? 'update' : 'create',
          before: before ?? null,
          after: row,
        },
      ]);
    });
  forgetCalendar(store);
  return { ...o, setBy, setAt };
}

export async function removeCalendarOverride(store: Store, date: IsoDate, actor: ActorRef): Promise<boolean> {
  const removed = await casesDb(store)
    .transaction()
    .execute(async (trx) => {
      const before = await trx
        .selectFrom('calendar_overrides')
        .selectAll()
        .where('date', '=', date)
        .executeTakeFirst();
      if (!before) return false;
      await trx.deleteFrom('calendar_overrides').where('date', '=', date).execute();
      await appendAudit(trx, [
        {
          actor: actorLabel(actor),
          ip: actor.ip ?? null,
          entity: 'calendar_override',
          entityId: date,
          action: 'delete',
          before,
          after: null,
        },
      ]);
      return true;
    });
  forgetCalendar(store);
  return removed;
}

/** Marks a year as loaded in full (its schedule entered as overrides): its deadlines stop being provisional. */
export async function markYearCovered(store: Store, year: number, actor: ActorRef): Promise<void> {
  if (!Number.isInteger(year) || year < 1949 || year > 2200) {
    throw errors.invalidInput(`${year} is not a year from 1949 to 2200`, { year });
  }
  const setBy = actorLabel(actor);
  await casesDb(store)
    .transaction()
    .execute(async (trx) => {
      const row = { year, set_by: setBy, set_at: new Date().toISOString() };
      await trx
        .insertInto('calendar_years')
        .values(row)
        .onConflict((oc) => oc.column('year').doNothing())
        .execute();
      await appendAudit(trx, [
        {
          actor: setBy,
          ip: actor.ip ?? null,
          entity: 'calendar_year',
          entityId: String(year),
          action: 'cover',
          after: row,
        },
      ]);
    });
  forgetCalendar(store);
}
