/**
 * The shapes of the auth and cases APIs (docs/auth.md, docs/cases-api.md) as far as the web app
 * reads them. Where the contract leaves a field open the reader is lenient (see `caseFields`).
 */

export type Role = 'admin' | 'analyst' | 'officer' | 'enterprise' | 'institution';
export const ROLES: readonly Role[] = ['admin', 'analyst', 'officer', 'enterprise', 'institution'];

export type Permission =
  | 'stats:read'
  | 'registry:read'
  | 'cases:read'
  | 'cases:write'
  | 'cases:report'
  | 'users:manage'
  | 'settings:manage'
  | 'centers:manage'
  | 'calendar:manage';

export interface User {
  id: number;
  login: string;
  displayName: string;
  role: Role;
  centerId: string | null;
  organisation: string | null;
  creditCode: string | null;
  enterpriseId: string | null;
  institution: string | null;
  disabled: boolean;
  failedLogins: number;
  lockedUntil: string | null;
  passwordChangedAt: string;
  createdAt: string;
}

export interface SessionAnswer {
  user: User;
  permissions: Permission[];
  csrfToken: string;
  expiresAt: string;
  idleExpiresAt: string;
}

export const CASE_TYPES = [
  'pre_examination',
  'rights_protection',
  'mediation',
  'ecommerce_takedown',
  'overseas_guidance',
  'consultation',
] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export type DeadlineStatus = 'ok' | 'due_soon' | 'overdue';
export type ClockState = 'not_started' | 'running' | 'paused' | 'done';
export type LimitId = 'intake' | 'handling' | 'filing';

export interface Industry {
  /** The contract's `label`; the cases module keeps `zh` and `en`. */
  label?: string | { zh: string; en: string };
  zh?: string;
  en?: string;
  ipc: string[];
  locarno: string[];
  demo?: boolean;
}

export type CenterKind = 'protection_center' | 'rapid_protection_center';
export const CENTER_KINDS: readonly CenterKind[] = ['protection_center', 'rapid_protection_center'];

export interface Center {
  id: string;
  kind: CenterKind;
  nameZh: string;
  nameEn: string;
  city: string;
  cityName?: string | { zh: string; en: string | null } | null;
  area?: string;
  industries: Industry[];
  services: CaseType[];
  demo: boolean;
  version?: number;
}

export type RegistrationStatus = 'applied' | 'approved' | 'refused' | 'expired';

export interface Registration {
  id: string;
  centerId: string;
  organisation: string;
  creditCode: string;
  regionCode: string;
  ipc?: string[];
  locarno?: string[];
  /** The cases module's names for `ipc` and `locarno`. */
  fieldIpc?: string[];
  fieldLocarno?: string[];
  status: RegistrationStatus;
  appliedAt?: string;
  decidedAt?: string | null;
  decidedOn?: string | null;
  expiresAt?: string | null;
  expiresOn?: string | null;
  reason: string | null;
  version: number;
}

export interface CaseSummary {
  id: string;
  number: string;
  type: CaseType;
  state: string;
  centerId: string;
  organisation: string;
  officerId: number | null;
  submittedAt: string;
  closedAt: string | null;
  due: string | null;
  deadlineStatus: DeadlineStatus | null;
  version: number;
}

/** A case as GET /api/cases/{id} gives it: the contract's names, or the cases module's. */
export interface CaseRecord {
  id: string;
  number: string;
  type: CaseType;
  state: string;
  centerId: string;
  title?: string | null;
  description?: string | null;
  summary?: string | null;
  organisation?: string;
  creditCode?: string;
  applicant?: { organisation: string; creditCode: string } | null;
  otherParty: string | null;
  officerId: number | null;
  matter?: string | { rightKind?: string; counterfeit?: boolean } | null;
  submittedAt?: string;
  submittedOn?: string;
  closedAt?: string | null;
  closedOn?: string | null;
  outcome?: string | null;
  version: number;
}

export interface HistoryEntry {
  at: string;
  onDate: string;
  fromState?: string | null;
  toState?: string;
  from?: string | null;
  to?: string;
  action: string;
  actor: string;
  note: string | null;
}

export interface Deadline {
  limit: LimitId;
  party: 'center' | 'applicant';
  unit: 'working_days' | 'days';
  clock: ClockState;
  startedOn: string | null;
  due: string | null;
  provisional: boolean;
  allowed: number;
  used: number;
  left: number;
  doneOn: string | null;
  onTime: boolean | null;
  status: DeadlineStatus;
}

export interface Evidence {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedBy?: string;
  uploadedAt?: string;
}

export interface CaseAction {
  action: string;
  to: string;
  actor?: string;
}

export interface CaseView {
  case: CaseRecord;
  history: HistoryEntry[];
  deadlines: Deadline[];
  evidence: Evidence[];
  actions: CaseAction[];
  rights: Array<{ id: number; number: string; title: string | null }>;
}

export interface NewCaseAnswer {
  case: CaseRecord;
  publicCode: string;
}

export interface PublicStatus {
  number: string;
  type: CaseType;
  state: string;
  submittedAt: string;
  closedAt: string | null;
  due: string | null;
}

export interface CalendarOverride {
  date: string;
  working: boolean;
  reason: string | null;
  setBy?: string;
  setAt?: string;
}

export interface ReportFigures {
  received: number;
  /** Closed (handled) in the period; the contract calls it `closed`, the cases module `handled`. */
  closed?: number;
  handled?: number;
  medianDays: number | null;
  p90Days: number | null;
  onTimeRate: number | null;
  passRate: number | null;
}

export interface ReportRow extends ReportFigures {
  period?: string;
  centerId: string;
  centerName?: string;
  type: CaseType;
}

export const REPORT_PERIODS = ['total', 'month', 'quarter', 'half', 'year'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

export interface CaseReport {
  from: string;
  to: string;
  by?: ReportPeriod;
  rows: ReportRow[];
  totals?: ReportFigures & { centers?: number };
  byCenter?: Array<ReportFigures & { centerId: string; centerName?: string }>;
  handledTotal?: number;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  head?: { seq: number; hash: string };
  firstBad?: { seq: number; reason: string };
}

/** The fields of a case the pages show, whichever names the API gave them. */
export function caseFields(c: CaseRecord) {
  const matter =
    typeof c.matter === 'string'
      ? c.matter
      : c.matter?.counterfeit
        ? 'counterfeit'
        : (c.matter?.rightKind ?? null);
  return {
    title: c.title ?? null,
    description: c.description ?? c.summary ?? null,
    organisation: c.organisation ?? c.applicant?.organisation ?? '',
    creditCode: c.creditCode ?? c.applicant?.creditCode ?? '',
    submittedAt: c.submittedAt ?? c.submittedOn ?? null,
    closedAt: c.closedAt ?? c.closedOn ?? null,
    matter,
  };
}

export function historyStates(h: HistoryEntry): { from: string | null; to: string } {
  return { from: h.fromState ?? h.from ?? null, to: h.toState ?? h.to ?? '' };
}

export function registrationFields(r: Registration) {
  return {
    ipc: r.ipc ?? r.fieldIpc ?? [],
    locarno: r.locarno ?? r.fieldLocarno ?? [],
    decidedAt: r.decidedAt ?? r.decidedOn ?? null,
    expiresAt: r.expiresAt ?? r.expiresOn ?? null,
  };
}

export function closedOf(f: ReportFigures): number {
  return f.closed ?? f.handled ?? 0;
}
