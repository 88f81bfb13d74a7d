import type { IsoDate } from '../core/index.js';
import type { Store } from '../store/index.js';
import { chinaToday, requireDate } from './actors.js';
import { loadCalendar } from './calendar-store.js';
import { caseDeadlines, type Deadline, type DeadlineStatus, deadlineStatus } from './deadlines.js';
import {
  type Case,
  extensionsOf,
  type HistoryEntry,
  historiesOf,
  historyOf,
  requireCase,
  type StoredExtension,
  stateEntries,
} from './repository.js';
import { casesDb } from './tables.js';
import type { Actor } from './types.js';
import { type AvailableAction, availableActions } from './workflow.js';

/** Everything a case page shows: the case, its timeline, extensions, deadlines on a day and what can be done next. */
export interface CaseView {
  case: Case;
  history: HistoryEntry[];
  extensions: StoredExtension[];
  deadlines: Deadline[];
  status: DeadlineStatus;
  actions: AvailableAction[];
}

export async function caseView(
  store: Store,
  caseId: string,
  options: {
    asOf?: IsoDate;
    actor?: Actor;
    /** The case as just read or written: not read again. */
    case?: Case;
    /** Its history and extensions as just read or written (a `CasePage`'s): not read again either. */
    lists?: { history: HistoryEntry[]; extensions: StoredExtension[] };
  } = {},
): Promise<CaseView> {
  const c = options.case?.id === caseId ? options.case : await requireCase(store, caseId);
  const db = casesDb(store);
  const given = options.case?.id === caseId ? options.lists : undefined;
  const [history, extensions, calendar] = await Promise.all([
    given?.history ?? historyOf(db, caseId),
    given?.extensions ?? extensionsOf(db, caseId),
    loadCalendar(store),
  ]);
  const asOf = requireDate(options.asOf ?? chinaToday(), 'asOf');
  const deadlines = caseDeadlines(
    {
      type: c.type,
      ...(c.matter ? { matter: c.matter } : {}),
      history: stateEntries(history),
      extensions,
      calendar,
    },
    // Not before the case began: the later of the two ISO dates.
    [asOf, c.submittedOn].sort()[1]!,
  );
  return {
    case: c,
    history,
    extensions,
    deadlines,
    status: deadlineStatus(deadlines),
    actions: availableActions(c, options.actor),
  };
}

/** Cases with where their deadlines stand on a day: the nearest running due date and the worst status (for lists). */
export async function withDeadlines(
  store: Store,
  cases: readonly Case[],
  asOf: IsoDate = chinaToday(),
): Promise<{ case: Case; due: IsoDate | null; status: DeadlineStatus }[]> {
  requireDate(asOf, 'asOf');
  const [{ history, extensions }, calendar] = await Promise.all([
    historiesOf(
      store,
      cases.map((c) => c.id),
    ),
    loadCalendar(store),
  ]);
  return cases.map((c) => {
    const deadlines = caseDeadlines(
      {
        type: c.type,
        ...(c.matter ? { matter: c.matter } : {}),
        history: stateEntries(history.get(c.id) ?? []),
        extensions: extensions.get(c.id) ?? [],
        calendar,
      },
      [asOf, c.submittedOn].sort()[1]!,
    );
    const due =
      deadlines
        .filter((d) => d.clock === 'running' && d.due !== null)
        .map((d) => d.due!)
        .sort()[0] ?? null;
    return { case: c, due, status: deadlineStatus(deadlines) };
  });
}
