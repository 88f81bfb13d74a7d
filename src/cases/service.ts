import { errors } from '../core/index.js';
import type { Store } from '../store/index.js';
import { type ActorRef, actorLabel, chinaToday, requireDate } from './actors.js';
import { loadCalendar } from './calendar-store.js';
import { type CasePage, readCasePage } from './case-page.js';
import { caseAudit, otherPartyNotice, pick, versionFor, type When, writeCase } from './case-writes.js';
import { caseDeadlines, type Extension, validateExtension } from './deadlines.js';
import { closedOn, concludingStates, conclusionOf } from './handling.js';
import { type Case, presentCase, presentExtension, presentHistory, stateEntries } from './repository.js';
import type { CasesTable } from './tables.js';
import type { CaseMatter } from './time-limits.js';
import { transition } from './workflow.js';

/**
 * Moving cases through their workflows. Every change is written at once with its history row, its
 * notification and its audit entry (case-writes.ts). Edits are optimistic: a change names the
 * version it was made on and is written `where id = ? and version = ?`; when someone saved first,
 * nothing is written and the caller gets a `conflict` (409) naming the current version.
 *
 * Each change starts from the case page (case-page.ts, one read) and answers the page after it,
 * made of the page read and what was written: `…OnPage` for a caller that read the page already
 * (the routes, which check on it who may change the case); `act`, `editCase`, `grantExtension`
 * read it themselves and answer the case.
 */

export interface ActOptions extends When {
  /** The version the actor saw; default the current one (for system timers). */
  expectedVersion?: number;
  note?: string;
}

async function pageOf(store: Store, caseId: string): Promise<CasePage> {
  const page = await readCasePage(store, caseId);
  if (!page) throw errors.notFound('case', caseId);
  return page;
}

/** The page after a change of the row, with a history entry or an extension it added. */
function changed(
  page: CasePage,
  after: CasesTable,
  added: Partial<Pick<CasePage, 'history' | 'extensions'>> = {},
) {
  return {
    ...page,
    row: after,
    case: presentCase(after),
    history: [...page.history, ...(added.history ?? [])],
    extensions: [...page.extensions, ...(added.extensions ?? [])],
  };
}

/** Takes an action of the case's workflow. */
export async function act(
  store: Store,
  caseId: string,
  action: string,
  actor: ActorRef,
  opts: ActOptions = {},
): Promise<Case> {
  return (await actOnPage(store, await pageOf(store, caseId), action, actor, opts)).case;
}

/** `act` on a case page already read; answers the page after it. */
export async function actOnPage(
  store: Store,
  page: CasePage,
  action: string,
  actor: ActorRef,
  opts: ActOptions = {},
): Promise<CasePage> {
  const before = page.row;
  const caseId = before.id;
  const type = before.type as Case['type'];
  const expected = versionFor(before, opts.expectedVersion);
  const to = transition({ type, state: before.state }, action, actor.kind);
  const day = requireDate(opts.onDate ?? chinaToday(opts.now), 'onDate');
  const last = page.history.at(-1);
  if (last && day < last.onDate) {
    throw errors.invalidInput(`${day} is before the case's last change (${last.onDate})`, {
      onDate: day,
    });
  }
  const now = (opts.now ?? new Date()).toISOString();
  const entries = stateEntries([...page.history, { to, onDate: day }]);
  const changes = {
    state: to,
    ...(actor.kind === 'officer' && before.officer_id === null && actor.userId
      ? { officer_id: actor.userId }
      : {}),
    // Not yet handled: no earlier state concluded the case, so only the new one can.
    ...(before.handled_on === null && concludingStates(type).includes(to)
      ? await concluded(store, before, entries, page.extensions)
      : {}),
    ...(before.closed_on === null ? { closed_on: closedOn(type, entries) } : {}),
    version: before.version + 1,
    updated_at: now,
  };
  const after = { ...before, ...changes };
  const history = {
    case_id: caseId,
    at: now,
    on_date: day,
    from_state: before.state,
    to_state: to,
    action,
    actor_kind: actor.kind,
    actor: actorLabel(actor),
    note: opts.note ?? null,
  };
  await writeCase(store, {
    update: { before, expected, changes },
    rows: {
      case_history: history,
      notifications: otherPartyNotice(
        after,
        actor,
        `case ${after.number}: ${action} (${before.state} → ${to})`,
        day,
        now,
        { event: 'action', number: after.number, action, from: before.state, to },
      ),
    },
    audit: caseAudit(
      actor,
      caseId,
      action,
      pick(before, changes),
      { ...changes, note: opts.note ?? null },
      now,
      actor.ip,
    ),
  });
  return changed(page, after, { history: [presentHistory(history)] });
}

async function concluded(
  store: Store,
  row: CasesTable,
  entries: ReturnType<typeof stateEntries>,
  extensions: CasePage['extensions'],
) {
  const c = conclusionOf({
    type: row.type as Case['type'],
    matter: row.matter as CaseMatter | null,
    history: entries,
    extensions,
    calendar: await loadCalendar(store),
  });
  if (!c) return {};
  return {
    handled_on: c.handledOn,
    handling_days: c.handlingDays,
    on_time: c.onTime ? 1 : 0,
    outcome: c.outcome,
  };
}

/** Grants more time on a limit; the reason is required (see `validateExtension`). */
export async function grantExtension(
  store: Store,
  caseId: string,
  extension: Extension,
  actor: ActorRef,
  opts: ActOptions = {},
): Promise<Case> {
  const ext = validateExtension(extension);
  return (await extend(store, await pageOf(store, caseId), ext, actor, opts)).case;
}

/** `grantExtension` on a case page already read; answers the page after it. */
export function grantExtensionOnPage(
  store: Store,
  page: CasePage,
  extension: Extension,
  actor: ActorRef,
  opts: ActOptions = {},
): Promise<CasePage> {
  return extend(store, page, validateExtension(extension), actor, opts);
}

async function extend(
  store: Store,
  page: CasePage,
  ext: Extension,
  actor: ActorRef,
  opts: ActOptions,
): Promise<CasePage> {
  const before = page.row;
  const caseId = before.id;
  const expected = versionFor(before, opts.expectedVersion);
  if (before.closed_on !== null) throw errors.invalidInput(`case ${before.number} is closed: no extension`);
  const history = stateEntries(page.history);
  // Refuses a limit the case type does not have, as the deadlines would.
  caseDeadlines(
    { type: before.type as Case['type'], history, extensions: [...page.extensions, ext] },
    history.at(-1)!.at,
  );
  const now = (opts.now ?? new Date()).toISOString();
  const changes = { version: before.version + 1, updated_at: now };
  const after = { ...before, ...changes };
  const row = {
    case_id: caseId,
    limit_id: ext.limit ?? 'handling',
    days: ext.days,
    reason: ext.reason,
    granted_by: actorLabel(actor),
    granted_at: now,
  };
  await writeCase(store, {
    update: { before, expected, changes },
    rows: {
      case_extensions: row,
      notifications: otherPartyNotice(
        after,
        actor,
        `case ${after.number}: ${ext.days} more days (${ext.reason})`,
        opts.onDate ?? chinaToday(opts.now),
        now,
        { event: 'extension', number: after.number, limit: row.limit_id, days: ext.days, reason: ext.reason },
      ),
    },
    audit: caseAudit(
      actor,
      caseId,
      'extend',
      { version: before.version },
      { version: after.version, extension: row },
      now,
      actor.ip,
    ),
  });
  return changed(page, after, { extensions: [presentExtension(row)] });
}

/** The details of a case an officer may correct; a field left out stays as it is. */
export interface CaseEdit {
  officerId?: number | null;
  otherParty?: string | null;
  summary?: string | null;
  applicantEmail?: string | null;
}

/** Edits a case's details (not its state: that is `act`), guarded by the version like every change. */
export async function editCase(
  store: Store,
  caseId: string,
  edit: CaseEdit,
  actor: ActorRef,
  opts: ActOptions = {},
): Promise<Case> {
  const fields = editedFields(edit);
  return (await editFields(store, await pageOf(store, caseId), fields, actor, opts)).case;
}

/** `editCase` on a case page already read; answers the page after it. */
export function editCaseOnPage(
  store: Store,
  page: CasePage,
  edit: CaseEdit,
  actor: ActorRef,
  opts: ActOptions = {},
): Promise<CasePage> {
  return editFields(store, page, editedFields(edit), actor, opts);
}

function editedFields(edit: CaseEdit): Partial<CasesTable> {
  const text = (v: string | null | undefined, max: number) => {
    if (v === undefined || v === null) return v;
    const t = v.trim();
    if (t.length > max) throw errors.invalidInput(`at most ${max} characters`);
    return t || null;
  };
  return {
    ...(edit.officerId !== undefined ? { officer_id: edit.officerId } : {}),
    ...(edit.otherParty !== undefined ? { other_party: text(edit.otherParty, 300) ?? null } : {}),
    ...(edit.summary !== undefined ? { summary: text(edit.summary, 4000) ?? null } : {}),
    ...(edit.applicantEmail !== undefined ? { applicant_email: text(edit.applicantEmail, 254) ?? null } : {}),
  };
}

async function editFields(
  store: Store,
  page: CasePage,
  fields: Partial<CasesTable>,
  actor: ActorRef,
  opts: ActOptions,
): Promise<CasePage> {
  const before = page.row;
  const expected = versionFor(before, opts.expectedVersion);
  const now = (opts.now ?? new Date()).toISOString();
  const changes = { ...fields, version: before.version + 1, updated_at: now };
  const action = Object.keys(fields).length === 1 && 'officer_id' in fields ? 'assign' : 'edit';
  await writeCase(store, {
    update: { before, expected, changes },
    rows: {},
    audit: caseAudit(actor, before.id, action, pick(before, changes), changes, now, actor.ip),
  });
  return changed(page, { ...before, ...changes });
}

/** Gives the case to an officer (or takes it from one, with null). */
export function assignOfficer(
  store: Store,
  caseId: string,
  officerId: number | null,
  actor: ActorRef,
  opts: ActOptions = {},
): Promise<Case> {
  return editCase(store, caseId, { officerId }, actor, opts);
}
