import { errors, type IsoDate } from '../core/index.js';
import { type ActorRef, actorLabel } from './actors.js';
import type { AuditInput } from './audit.js';
import { caseErrors } from './errors.js';
import type { CasesTable, CasesTrx } from './tables.js';

/** What every case change shares: the guarded write, the other party's notification, the audit entry. */
export interface When {
  /** The day in China the change takes effect (deadlines count from it); default today. */
  onDate?: IsoDate;
  /** Default now; the demo and tests give their own. */
  now?: Date;
}

export async function requireRow(trx: CasesTrx, caseId: string): Promise<CasesTable> {
  const row = await trx.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!row) throw errors.notFound('case', caseId);
  return row;
}

/**
 * The case a change starts from, and the version it was made on: refused at once with a conflict
 * when the caller saw another version (the guarded `save` catches a change made since).
 */
export async function rowAtVersion(
  trx: CasesTrx,
  caseId: string,
  expectedVersion: number | undefined,
): Promise<{ before: CasesTable; expected: number }> {
  const before = await requireRow(trx, caseId);
  const expected = expectedVersion ?? before.version;
  if (before.version !== expected) throw caseErrors.conflict('case', before.number, before.version, expected);
  return { before, expected };
}

/** The guarded write: nothing is written unless the row is still at the version the change was made on. */
export async function save(
  trx: CasesTrx,
  before: CasesTable,
  expected: number,
  changes: Partial<CasesTable>,
): Promise<CasesTable> {
  const res = await trx
    .updateTable('cases')
    .set(changes)
    .where('id', '=', before.id)
    .where('version', '=', expected)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) {
    const now = await trx
      .selectFrom('cases')
      .select('version')
      .where('id', '=', before.id)
      .executeTakeFirst();
    throw caseErrors.conflict('case', before.number, now?.version ?? before.version, expected);
  }
  return { ...before, ...changes };
}

/** The other side hears of a change: the applicant of the officer's acts, the officer (or center) of the applicant's. */
export async function notifyOtherParty(
  trx: CasesTrx,
  c: CasesTable,
  actor: ActorRef,
  message: string,
  day: IsoDate,
  now: string,
) {
  const recipient = actor.kind === 'applicant' ? officerRecipient(c) : applicantRecipient(c);
  await trx
    .insertInto('notifications')
    .values({
      recipient,
      case_id: c.id,
      kind: 'state_changed',
      message,
      on_date: day,
      dedupe_key: null,
      email: null,
      created_at: now,
      read_at: null,
      emailed_at: null,
    })
    .execute();
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
