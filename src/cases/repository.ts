import type { Selectable } from 'kysely';
import { errors, type IsoDate } from '../core/index.js';
import { chunks, type Store } from '../store/index.js';
import { parseList } from './actors.js';
import type { Extension, StateEntry } from './deadlines.js';
import type { CaseExtensionsTable, CaseHistoryTable, CasesDb, CasesTable, CasesTrx } from './tables.js';
import { casesDb } from './tables.js';
import type { CaseMatter, LimitId } from './time-limits.js';
import type { CaseType } from './types.js';

/** A case as the rest of ipregion sees it (never with the hash of the applicant's code). */
export interface Case {
  id: string;
  number: string;
  type: CaseType;
  state: string;
  centerId: string;
  registrationId: string | null;
  applicant: { organisation: string; creditCode: string; userId: number | null; email: string | null };
  otherParty: string | null;
  officerId: number | null;
  summary: string | null;
  rightIds: number[];
  rightNumbers: string[];
  matter: CaseMatter | null;
  submittedOn: IsoDate;
  handledOn: IsoDate | null;
  handlingDays: number | null;
  onTime: boolean | null;
  outcome: string | null;
  closedOn: IsoDate | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface HistoryEntry {
  at: string;
  onDate: IsoDate;
  from: string | null;
  to: string;
  action: string;
  actorKind: string;
  actor: string;
  note: string | null;
}

export interface StoredExtension extends Required<Extension> {
  grantedBy: string;
  grantedAt: string;
}

export function presentCase(r: CasesTable): Case {
  return {
    id: r.id,
    number: r.number,
    type: r.type as CaseType,
    state: r.state,
    centerId: r.center_id,
    registrationId: r.registration_id,
    applicant: {
      organisation: r.applicant_organisation,
      creditCode: r.applicant_credit_code,
      userId: r.applicant_user_id,
      email: r.applicant_email,
    },
    otherParty: r.other_party,
    officerId: r.officer_id,
    summary: r.summary,
    rightIds: parseList<number>(r.right_ids),
    rightNumbers: parseList(r.right_numbers),
    matter: r.matter as CaseMatter | null,
    submittedOn: r.submitted_on,
    handledOn: r.handled_on,
    handlingDays: r.handling_days,
    onTime: r.on_time === null ? null : r.on_time === 1,
    outcome: r.outcome,
    closedOn: r.closed_on,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The row without the code's hash: what the audit trail records. */
export function auditedRow(r: CasesTable): Omit<CasesTable, 'public_code_hash'> {
  const { public_code_hash: _secret, ...rest } = r;
  return rest;
}

export function presentHistory(r: Omit<Selectable<CaseHistoryTable>, 'id' | 'case_id'>): HistoryEntry {
  return {
    at: r.at,
    onDate: r.on_date,
    from: r.from_state,
    to: r.to_state,
    action: r.action,
    actorKind: r.actor_kind,
    actor: r.actor,
    note: r.note,
  };
}

export function presentExtension(
  r: Omit<Selectable<CaseExtensionsTable>, 'id' | 'case_id'>,
): StoredExtension {
  return {
    limit: r.limit_id as LimitId,
    days: r.days,
    reason: r.reason,
    grantedBy: r.granted_by,
    grantedAt: r.granted_at,
  };
}

/** The states a case went through, as the deadlines count them. */
export function stateEntries(history: readonly Pick<HistoryEntry, 'to' | 'onDate'>[]): StateEntry[] {
  return history.map((h) => ({ state: h.to, at: h.onDate }));
}

export async function getCase(store: Store, id: string): Promise<Case | null> {
  const row = await casesDb(store).selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? presentCase(row) : null;
}

export async function requireCase(store: Store, id: string): Promise<Case> {
  const c = await getCase(store, id);
  if (!c) throw errors.notFound('case', id);
  return c;
}

export async function getCaseByNumber(store: Store, number: string): Promise<Case | null> {
  const row = await casesDb(store)
    .selectFrom('cases')
    .selectAll()
    .where('number', '=', number.trim().toUpperCase())
    .executeTakeFirst();
  return row ? presentCase(row) : null;
}

export async function historyOf(db: CasesDb | CasesTrx, caseId: string): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom('case_history')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
  return rows.map(presentHistory);
}

export async function extensionsOf(db: CasesDb | CasesTrx, caseId: string): Promise<StoredExtension[]> {
  const rows = await db
    .selectFrom('case_extensions')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
  return rows.map(presentExtension);
}

/** Histories and extensions of many cases in a few queries (for lists and deadline passes). */
export async function historiesOf(
  store: Store,
  caseIds: readonly string[],
): Promise<{ history: Map<string, HistoryEntry[]>; extensions: Map<string, StoredExtension[]> }> {
  const db = casesDb(store);
  const history = new Map<string, HistoryEntry[]>();
  const extensions = new Map<string, StoredExtension[]>();
  for (const ids of chunks(caseIds, 500)) {
    const [h, x] = await Promise.all([
      db
        .selectFrom('case_history')
        .selectAll()
        .where('case_id', 'in', ids)
        .orderBy('case_id')
        .orderBy('id')
        .execute(),
      db.selectFrom('case_extensions').selectAll().where('case_id', 'in', ids).orderBy('id').execute(),
    ]);
    for (const r of h) push(history, r.case_id, presentHistory(r));
    for (const r of x) push(extensions, r.case_id, presentExtension(r));
  }
  return { history, extensions };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export interface CaseFilter {
  centerId?: string;
  creditCode?: string;
  type?: CaseType;
  state?: string;
  /** Cases given to this officer (`officer_id`). */
  officerId?: number;
  /** Cases filed by this user (`applicant_user_id`). */
  applicantUserId?: number;
  /** Only cases not yet closed (true) or only closed ones (false). */
  open?: boolean;
  /** Cases numbered after this one (the previous page's last number). */
  after?: string;
  limit?: number;
}

/** Cases by number, a page at a time. */
export async function listCases(store: Store, filter: CaseFilter = {}): Promise<Case[]> {
  let q = casesDb(store).selectFrom('cases').selectAll();
  if (filter.centerId) q = q.where('center_id', '=', filter.centerId);
  if (filter.creditCode) q = q.where('applicant_credit_code', '=', filter.creditCode);
  if (filter.type) q = q.where('type', '=', filter.type);
  if (filter.state) q = q.where('state', '=', filter.state);
  if (filter.officerId !== undefined) q = q.where('officer_id', '=', filter.officerId);
  if (filter.applicantUserId !== undefined) q = q.where('applicant_user_id', '=', filter.applicantUserId);
  if (filter.open === true) q = q.where('closed_on', 'is', null);
  if (filter.open === false) q = q.where('closed_on', 'is not', null);
  if (filter.after) q = q.where('number', '>', filter.after);
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 1000);
  const rows = await q.orderBy('number').limit(limit).execute();
  return rows.map(presentCase);
}
