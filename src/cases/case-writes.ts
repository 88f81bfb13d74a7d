import { type Insertable, sql } from 'kysely';
import type { IsoDate } from '../core/index.js';
import type { Engine, Store } from '../store/index.js';
import { type ActorRef, actorLabel } from './actors.js';
import { type AuditInput, appendAudit, auditCtes } from './audit.js';
import { caseErrors } from './errors.js';
import { type NotificationData, notificationRow } from './notification-data.js';
import type {
  CaseExtensionsTable,
  CaseHistoryTable,
  CasesDb,
  CasesTable,
  CasesTrx,
  NotificationsTable,
} from './tables.js';
import { casesDb } from './tables.js';

/**
 * What every case change shares: the version it was made on, the guarded write with the rows that
 * go with it (a history row, an extension, the other party's notification) and its audit entry.
 * The write is all or nothing, and only when the row is still at the version the change was made
 * on (`where id = ? and version = ?`): that guard, not a lock taken when reading, is what keeps two
 * changes from overwriting each other, so the case may be read before (and outside) the write.
 * On PostgreSQL the whole write is one statement of data-modifying CTEs, each later part reading
 * the case's CTE (no row written there, nothing written at all); elsewhere a transaction of steps.
 */

/** When a change takes effect. */
export interface When {
  /** The day in China the change takes effect (deadlines count from it); default today. */
  onDate?: IsoDate;
  /** Default now; the demo and tests give their own. */
  now?: Date;
}

/** The version a change is made on: refused at once with a conflict when the caller saw another. */
export function versionFor(before: CasesTable, expectedVersion: number | undefined): number {
  const expected = expectedVersion ?? before.version;
  if (before.version !== expected) throw caseErrors.conflict('case', before.number, before.version, expected);
  return expected;
}

/** Rows written with a case, only when the case row is. */
export interface CaseRows {
  case_history?: Insertable<CaseHistoryTable>;
  case_extensions?: Insertable<CaseExtensionsTable>;
  notifications?: Insertable<NotificationsTable>;
}

/** A change of a case: a guarded update of the row read (`before`), or a new case. */
export type CaseWrite = (
  | { update: { before: CasesTable; expected: number; changes: Partial<CasesTable> } }
  | { insert: CasesTable }
) & { rows: CaseRows; audit: AuditInput };

/** Writes a change on its own: one statement on PostgreSQL, a transaction elsewhere. */
export async function writeCase(store: Pick<Store, 'db' | 'engine'>, w: CaseWrite): Promise<void> {
  const db = casesDb(store);
  if (store.engine === 'postgres') return writeStatement(db, w);
  await db.transaction().execute((trx) => writeSteps(trx, w));
}

/** Writes a change inside the caller's transaction (filing a case, after taking its number). */
export function writeCaseIn(trx: CasesTrx, engine: Engine, w: CaseWrite): Promise<void> {
  return engine === 'postgres' ? writeStatement(trx, w) : writeSteps(trx, w);
}

async function writeSteps(trx: CasesTrx, w: CaseWrite): Promise<void> {
  if ('update' in w) {
    const { before, expected, changes } = w.update;
    const res = await trx
      .updateTable('cases')
      .set(changes)
      .where('id', '=', before.id)
      .where('version', '=', expected)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) await conflict(trx, w.update);
  } else {
    await trx.insertInto('cases').values(w.insert).execute();
  }
  if (w.rows.case_history) await trx.insertInto('case_history').values(w.rows.case_history).execute();
  if (w.rows.case_extensions)
    await trx.insertInto('case_extensions').values(w.rows.case_extensions).execute();
  if (w.rows.notifications) await trx.insertInto('notifications').values(w.rows.notifications).execute();
  await appendAudit(trx, [w.audit]);
}

/**
 * PostgreSQL: `with written as (update cases … where id = ? and version = ? returning id)` (or the
 * insert of a new case), then each row as `insert … select … from written` and the audit entry
 * only if `written` holds a row (`auditCtes`). One round trip, atomic on its own; the case row's
 * lock is taken before the audit head's, as in a transaction of steps.
 */
async function writeStatement(db: CasesDb | CasesTrx, w: CaseWrite): Promise<void> {
  const first =
    'update' in w
      ? db
          .updateTable('cases')
          .set(w.update.changes)
          .where('id', '=', w.update.before.id)
          .where('version', '=', w.update.expected)
          .returning('id')
      : db.insertInto('cases').values(w.insert).returning('id');
  const rows = Object.entries(w.rows).flatMap(([table, row]) =>
    row ? [sql`${sql.id(`written_${table}`)} as (${insertIfWritten(table, row)})`] : [],
  );
  const { rows: result } = await sql<{ written: number }>`
    with written as (${first}), ${sql.join([...rows, auditCtes(w.audit, 'written')])}
    select count(*)::int as written from written`.execute(db);
  if ('update' in w && result[0]?.written !== 1) await conflict(db, w.update);
}

function insertIfWritten(table: string, row: object) {
  const columns = Object.entries(row).filter(([, v]) => v !== undefined);
  return sql`insert into ${sql.table(table)} (${sql.join(columns.map(([c]) => sql.ref(c)))})
    select ${sql.join(columns.map(([, v]) => sql`${v}`))} from written`;
}

/** Someone saved first: the conflict names the version the case is at now (read again: it moved on). */
async function conflict(
  db: CasesDb | CasesTrx,
  { before, expected }: { before: CasesTable; expected: number },
): Promise<never> {
  const now = await db.selectFrom('cases').select('version').where('id', '=', before.id).executeTakeFirst();
  throw caseErrors.conflict('case', before.number, now?.version ?? before.version, expected);
}

/** The other side hears of a change: the applicant of the officer's acts, the officer (or center) of the applicant's. */
export function otherPartyNotice(
  c: CasesTable,
  actor: ActorRef,
  message: string,
  day: IsoDate,
  now: string,
  data: NotificationData,
): Insertable<NotificationsTable> {
  return notificationRow({
    recipient: actor.kind === 'applicant' ? officerRecipient(c) : applicantRecipient(c),
    caseId: c.id,
    kind: 'state_changed',
    message,
    data,
    onDate: day,
    createdAt: now,
  });
}

export function officerRecipient(c: Pick<CasesTable, 'officer_id' | 'center_id'>): string {
  return c.officer_id !== null ? `user:${c.officer_id}` : `center:${c.center_id}`;
}

export function applicantRecipient(
  c: Pick<CasesTable, 'applicant_user_id' | 'applicant_credit_code'>,
): string {
  return c.applicant_user_id !== null
    ? `user:${c.applicant_user_id}`
    : `enterprise:${c.applicant_credit_code}`;
}

export function pick(row: CasesTable, changes: Partial<CasesTable>): Partial<CasesTable> {
  return Object.fromEntries(Object.keys(changes).map((k) => [k, row[k as keyof CasesTable]]));
}

export function caseAudit(
  actor: ActorRef,
  caseId: string,
  action: string,
  before: unknown,
  after: unknown,
  at: string,
  ip?: string | null,
): AuditInput {
  return {
    actor: actorLabel(actor),
    ip: ip ?? actor.ip ?? null,
    entity: 'case',
    entityId: caseId,
    action,
    before,
    after,
    at,
  };
}
