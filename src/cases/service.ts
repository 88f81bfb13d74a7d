import { errors } from '../core/index.js';
import type { WorkingCalendar } from '../reference/index.js';
import type { Store } from '../store/index.js';
import { type ActorRef, actorLabel, chinaToday, requireDate } from './actors.js';
import { appendAudit } from './audit.js';
import { loadCalendar } from './calendar-store.js';
import { caseAudit, notifyOtherParty, pick, rowAtVersion, save, type When } from './case-writes.js';
import { caseDeadlines, validateExtension } from './deadlines.js';
import { closedOn, concludingStates, conclusionOf } from './handling.js';
import { type Case, extensionsOf, historyOf, presentCase, stateEntries } from './repository.js';
import { type CasesTable, type CasesTrx, casesDb } from './tables.js';
import type { CaseMatter } from './time-limits.js';
import { transition } from './workflow.js';

/**
 * Moving cases through their workflows. Every change is one transaction with its
 * history row, its notification and its audit entry. Edits are optimistic: a change names the
 * version it was made on and is written `where id = ? and version = ?`; when someone saved first,
 * nothing is written and the caller gets a `conflict` (409) naming the current version.
 */

export interface ActOptions extends When {
  /** The version the actor saw; default the current one (for system timers). */
  expectedVersion?: number;
  note?: string;
}

/** Takes an action of the case's workflow. */
export async function act(
  store: Store,
  caseId: string,
  action: string,
  actor: ActorRef,
  opts: ActOptions = {},
): Promise<Case> {
  const calendar = await loadCalendar(store);
  return casesDb(store)
    .transaction()
    .execute(async (trx) => {
      const { before, expected } = await rowAtVersion(trx, caseId, opts.expectedVersion);
      const to = transition({ type: before.type as Case['type'], state: before.state }, action, actor.kind);
      const history = await historyOf(trx, caseId);
      const day = requireDate(opts.onDate ?? chinaToday(opts.now), 'onDate');
      const last = history.at(-1);
      if (last && day < last.onDate) {
        throw errors.invalidInput(`${day} is before the case's last change (${last.onDate})`, {
          onDate: day,
        });
      }
      const now = (opts.now ?? new Date()).toISOString();
      const entries = stateEntries([...history, { to, onDate: day }]);
      const changes = {
        state: to,
        ...(actor.kind === 'officer' && before.officer_id === null && actor.userId
          ? { officer_id: actor.userId }
          : {}),
        // Not yet handled: no earlier state concluded the case, so only the new one can.
        ...(before.handled_on === null && concludingStates(before.type as Case['type']).includes(to)
          ? await concluded(trx, before, entries, calendar)
          : {}),
        ...(before.closed_on === null ? { closed_on: closedOn(before.type as Case['type'], entries) } : {}),
        version: before.version + 1,
        updated_at: now,
      };
      const after = await save(trx, before, expected, changes);
      await trx
        .insertInto('case_history')
        .values({
          case_id: caseId,
          at: now,
          on_date: day,
          from_state: before.state,
          to_state: to,
          action,
          actor_kind: actor.kind,
          actor: actorLabel(actor),
          note: opts.note ?? null,
        })
        .execute();
      await notifyOtherParty(
        trx,
        after,
        actor,
        `case ${after.number}: ${action} (${before.state} → ${to})`,
        day,
        now,
      );
      await appendAudit(trx, [
        caseAudit(
          actor,
          caseId,
          action,
          pick(before, changes),
          { ...changes, note: opts.note ?? null },
          now,
          actor.ip,
        ),
      ]);
      return presentCase(after);
    });
}

async function concluded(
  trx: CasesTrx,
  row: CasesTable,
  entries: ReturnType<typeof stateEntries>,
  calendar: WorkingCalendar,
) {
  const extensions = await extensionsOf(trx, row.id);
  const c = conclusionOf({
    type: row.type as Case['type'],
    matter: row.matter as CaseMatter | null,
    history: entries,
    extensions,
    calendar,
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
  extension: { limit?: 'intake' | 'handling' | 'filing'; days: number; reason: string },
  actor: ActorRef,
  opts: ActOptions = {},
): Promise<Case> {
  const ext = validateExtension(extension);
  return casesDb(store)
    .transaction()
    .execute(async (trx) => {
      const { before, expected } = await rowAtVersion(trx, caseId, opts.expectedVersion);
      if (before.closed_on !== null)
        throw errors.invalidInput(`case ${before.number} is closed: no extension`);
      const history = stateEntries(await historyOf(trx, caseId));
      const existing = await extensionsOf(trx, caseId);
      // Refuses a limit the case type does not have, as the deadlines would.
      caseDeadlines(
        { type: before.type as Case['type'], history, extensions: [...existing, ext] },
        history.at(-1)!.at,
      );
      const now = (opts.now ?? new Date()).toISOString();
      const changes = { version: before.version + 1, updated_at: now };
      const after = await save(trx, before, expected, changes);
      const row = {
        case_id: caseId,
        limit_id: ext.limit ?? 'handling',
        days: ext.days,
        reason: ext.reason,
        granted_by: actorLabel(actor),
        granted_at: now,
      };
      await trx.insertInto('case_extensions').values(row).execute();
      await notifyOtherParty(
        trx,
        after,
        actor,
        `case ${after.number}: ${ext.days} more days (${ext.reason})`,
        opts.onDate ?? chinaToday(opts.now),
        now,
      );
      await appendAudit(trx, [
        caseAudit(
          actor,
          caseId,
          'extend',
          { version: before.version },
          { version: after.version, extension: row },
          now,
          actor.ip,
        ),
      ]);
      return presentCase(after);
    });
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
  const text = (v: string | null | undefined, max: number) => {
    if (v === undefined || v === null) return v;
    const t = v.trim();
    if (t.length > max) throw errors.invalidInput(`at most ${max} characters`);
    return t || null;
  };
  const fields: Partial<CasesTable> = {
    ...(edit.officerId !== undefined ? { officer_id: edit.officerId } : {}),
    ...(edit.otherParty !== undefined ? { other_party: text(edit.otherParty, 300) ?? null } : {}),
    ...(edit.summary !== undefined ? { summary: text(edit.summary, 4000) ?? null } : {}),
    ...(edit.applicantEmail !== undefined ? { applicant_email: text(edit.applicantEmail, 254) ?? null } : {}),
  };
  return casesDb(store)
    .transaction()
    .execute(async (trx) => {
      const { before, expected } = await rowAtVersion(trx, caseId, opts.expectedVersion);
      const now = (opts.now ?? new Date()).toISOString();
      const changes = { ...fields, version: before.version + 1, updated_at: now };
      const after = await save(trx, before, expected, changes);
      const action = Object.keys(fields).length === 1 && 'officer_id' in fields ? 'assign' : 'edit';
      await appendAudit(trx, [
        caseAudit(actor, caseId, action, pick(before, changes), changes, now, actor.ip),
      ]);
      return presentCase(after);
    });
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
