import type { Generated, Kysely, Transaction } from 'kysely';
import type { Database, Store } from '../store/index.js';

/**
 * Row types of the cases tables (migrations 006-cases, 007-case-status-lookups,
 * 009-audit-head-prev-hash); only this module reads or writes them.
 */
export interface CentersTable {
  id: string;
  kind: string;
  name_zh: string;
  name_en: string;
  city: string;
  area: string;
  industries: string;
  services: string;
  demo: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface RegistrationsTable {
  id: string;
  center_id: string;
  organisation: string;
  credit_code: string;
  region_code: string;
  field_ipc: string;
  field_locarno: string;
  status: string;
  applied_on: string;
  applicant_user_id: number | null;
  decided_by: string | null;
  decided_on: string | null;
  expires_on: string | null;
  reason: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface CasesTable {
  id: string;
  number: string;
  type: string;
  state: string;
  center_id: string;
  registration_id: string | null;
  applicant_organisation: string;
  applicant_credit_code: string;
  applicant_user_id: number | null;
  applicant_email: string | null;
  public_code_hash: string;
  other_party: string | null;
  officer_id: number | null;
  summary: string | null;
  right_ids: string;
  right_numbers: string;
  matter: string | null;
  submitted_on: string;
  handled_on: string | null;
  handling_days: number | null;
  on_time: number | null;
  outcome: string | null;
  closed_on: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface CaseHistoryTable {
  id: Generated<number>;
  case_id: string;
  at: string;
  on_date: string;
  from_state: string | null;
  to_state: string;
  action: string;
  actor_kind: string;
  actor: string;
  note: string | null;
}

export interface CaseExtensionsTable {
  id: Generated<number>;
  case_id: string;
  limit_id: string;
  days: number;
  reason: string;
  granted_by: string;
  granted_at: string;
}

export interface EvidenceTable {
  id: string;
  case_id: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  storage_path: string;
  uploaded_by: string;
  uploaded_at: string;
}

export interface NotificationsTable {
  id: Generated<number>;
  recipient: string;
  case_id: string | null;
  kind: string;
  message: string;
  /** `NotificationData` as JSON text (migration 010); null before it. */
  data: string | null;
  on_date: string;
  dedupe_key: string | null;
  email: string | null;
  created_at: string;
  read_at: string | null;
  emailed_at: string | null;
}

export interface CalendarOverridesTable {
  date: string;
  working: number;
  reason: string;
  set_by: string;
  set_at: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor: string;
  ip: string | null;
  entity: string;
  entity_id: string;
  action: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

// A type alias, not an interface: Kysely's `withTables` wants a record type.
export type CaseTables = {
  centers: CentersTable;
  enterprise_registrations: RegistrationsTable;
  case_counters: { prefix: string; last: number };
  cases: CasesTable;
  case_history: CaseHistoryTable;
  case_extensions: CaseExtensionsTable;
  evidence: EvidenceTable;
  notifications: NotificationsTable;
  calendar_overrides: CalendarOverridesTable;
  calendar_years: { year: number; set_by: string; set_at: string };
  audit_log: AuditLogTable;
  /** The chain's tail: the last entry's seq, hash and prev_hash (null while the chain is empty). */
  audit_head: { id: number; seq: number; hash: string; prev_hash: string | null };
  case_status_lookups: { id: Generated<number>; ip: string; at: string };
};

export type CasesDb = Kysely<Database & CaseTables>;
export type CasesTrx = Transaction<Database & CaseTables>;

/** The store's database seen with the cases tables too. */
export function casesDb(store: Pick<Store, 'db'>): CasesDb {
  return store.db.withTables<CaseTables>();
}
