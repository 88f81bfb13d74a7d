import type { IsoDate } from '../core/index.js';
import type { Store } from '../store/index.js';
import { requireDate } from './actors.js';
import { loadCalendar } from './calendar-store.js';
import { caseDeadlines, type Deadline, type DeadlineStatus, deadlineStatus } from './deadlines.js';
import { type Case, historiesOf, presentCase, stateEntries } from './repository.js';
import { casesDb } from './tables.js';

/** A case that needs attention on a day, with the deadlines that make it so. */
export interface CaseAlert {
  case: Case;
  status: Exclude<DeadlineStatus, 'ok'>;
  /** The deadlines that are due soon or overdue. */
  deadlines: Deadline[];
}

const PAGE = 1000;

/**
 * Every case open on `asOf` whose deadlines are due soon or overdue on that day, most urgent
 * first (overdue, then by due date). History after `asOf` is not counted, so the list can be
 * asked about a past day too.
 */
export async function deadlineAlerts(
  store: Store,
  asOf: IsoDate,
  filter: { centerId?: string } = {},
): Promise<CaseAlert[]> {
  requireDate(asOf, 'asOf');
  const calendar = await loadCalendar(store);
  const db = casesDb(store);
  const alerts: CaseAlert[] = [];
  for (let after = ''; ; ) {
    let q = db
      .selectFrom('cases')
      .selectAll()
      .where('submitted_on', '<=', asOf)
      .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>', asOf)]))
      .where('id', '>', after);
    if (filter.centerId) q = q.where('center_id', '=', filter.centerId);
    const rows = await q.orderBy('id').limit(PAGE).execute();
    const { history, extensions } = await historiesOf(
      store,
      rows.map((r) => r.id),
    );
    for (const row of rows) {
      const c = presentCase(row);
      const deadlines = caseDeadlines(
        {
          type: c.type,
          ...(c.matter ? { matter: c.matter } : {}),
          history: stateEntries(history.get(c.id) ?? []),
          extensions: extensions.get(c.id) ?? [],
          calendar,
        },
        asOf,
      );
      const status = deadlineStatus(deadlines);
      if (status === 'ok') continue;
      alerts.push({ case: c, status, deadlines: deadlines.filter((d) => d.status !== 'ok') });
    }
    if (rows.length < PAGE) break;
    after = rows.at(-1)!.id;
  }
  const firstDue = (a: CaseAlert) =>
    a.deadlines
      .map((d) => d.due ?? '9999-12-31')
      .sort()
      .at(0) ?? '';
  return alerts.sort(
    (a, b) =>
      (a.status === b.status ? 0 : a.status === 'overdue' ? -1 : 1) ||
      firstDue(a).localeCompare(firstDue(b)) ||
      a.case.number.localeCompare(b.case.number),
  );
}

/** Open cases past a deadline on `asOf`. */
export async function overdueCases(store: Store, asOf: IsoDate, filter: { centerId?: string } = {}) {
  return (await deadlineAlerts(store, asOf, filter)).filter((a) => a.status === 'overdue');
}

/** Open cases with a deadline within `DUE_SOON` working days (and none past). */
export async function dueSoon(store: Store, asOf: IsoDate, filter: { centerId?: string } = {}) {
  return (await deadlineAlerts(store, asOf, filter)).filter((a) => a.status === 'due_soon');
}
