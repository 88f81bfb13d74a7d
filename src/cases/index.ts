/**
 * The cases module's public face: case types, their state machines, time limits and deadlines;
 * centers, enterprise registrations, cases and their service, evidence, notifications, the audit
 * trail, the center reports and the demo's centers and cases.
 */
export { type CaseViewer, canSeeCase } from './access.js';
export { type ActorRef, actorLabel, chinaToday, SYSTEM } from './actors.js';
export {
  type AuditEntry,
  type AuditInput,
  type AuditProblem,
  type AuditVerification,
  auditOf,
  canonicalJson,
  GENESIS_HASH,
  verifyAudit,
} from './audit.js';
export {
  listCalendarOverrides,
  loadCalendar,
  markYearCovered,
  removeCalendarOverride,
  type StoredOverride,
  setCalendarOverride,
} from './calendar-store.js';
export type { When } from './case-writes.js';
export {
  CENTER_KINDS,
  type Center,
  type CenterInput,
  type CenterKind,
  centerInputSchema,
  createCenter,
  createCenters,
  fieldOverlaps,
  getCenter,
  type Industry,
  inCenterArea,
  listCenters,
  requireCenter,
  updateCenter,
} from './centers.js';
export { createCase, type NewCase, newCaseSchema } from './create-case.js';
export type {
  CaseDeadlinesInput,
  ClockState,
  Deadline,
  DeadlineInput,
  DeadlineStatus,
  Extension,
  StateEntry,
} from './deadlines.js';
export {
  addMonths,
  caseDeadlines,
  computeDeadline,
  DUE_SOON,
  deadlineStatus,
  validateExtension,
} from './deadlines.js';
export {
  DEMO_FROM,
  type DemoCasesOptions,
  type DemoCasesResult,
  generateDemoCases,
  H1_2024,
  handledH1Target,
} from './demo.js';
export { demoCenters } from './demo-centers.js';
export { caseErrors } from './errors.js';
export {
  addEvidence,
  DEFAULT_EVIDENCE_DIR,
  EVIDENCE_TYPES,
  type Evidence,
  type EvidenceOptions,
  type EvidenceUpload,
  listEvidence,
  MAX_EVIDENCE_BYTES,
  openEvidence,
} from './evidence.js';
export { type Conclusion, concludingStates, conclusionOf } from './handling.js';
export {
  DEFAULT_FROM,
  type MailMessage,
  type MailTransport,
  mailTransportFromEnv,
  markNotificationRead,
  type NotifyOptions,
  type NotifyResult,
  notificationsFor,
  notifyDeadlines,
  readNotification,
  smtpTransport,
} from './notify.js';
export { type PublicStatus, publicStatus } from './public.js';
export {
  applyRegistration,
  type Decision,
  decideRegistration,
  expireRegistrations,
} from './registration-flow.js';
export {
  expiryOf,
  getRegistration,
  listRegistrations,
  REGISTRATION_STATUSES,
  REGISTRATION_YEARS,
  RENEWAL_DAYS,
  type Registration,
  type RegistrationInput,
  type RegistrationStatus,
  requireActiveRegistration,
  statusOn,
} from './registrations.js';
export {
  type CaseReport,
  caseReport,
  type Figures,
  percentile,
  REPORT_PERIODS,
  type ReportPeriod,
  type ReportQuery,
  type ReportRow,
  reportCsv,
  reportTable,
  reportXlsx,
} from './reports.js';
export {
  type Case,
  type CaseFilter,
  getCase,
  getCaseByNumber,
  type HistoryEntry,
  historyOf,
  listCases,
  requireCase,
  type StoredExtension,
} from './repository.js';
export { type CaseRouteOptions, caseRoutes } from './routes.js';
export { type ActOptions, act, assignOfficer, type CaseEdit, editCase, grantExtension } from './service.js';
export { limitedPublicStatus, STATUS_LOOKUP_LIMITS, statusLookupWait } from './status-limits.js';
export {
  type CaseMatter,
  DEFAULT_LIMITS,
  type LimitId,
  type LimitUnit,
  type TimeLimit,
  timeLimitsFor,
} from './time-limits.js';
export type { Actor, CaseType, TransitionRule, Workflow } from './types.js';
export { ACTORS, CASE_TYPE_LABELS, CASE_TYPES } from './types.js';
export { type CaseView, caseView, withDeadlines } from './view.js';
export { type CaseAlert, deadlineAlerts, dueSoon, overdueCases } from './watch.js';
export type { AvailableAction, CaseState } from './workflow.js';
export {
  availableActions,
  initialState,
  isCaseType,
  isTerminal,
  transition,
  workflowOf,
} from './workflow.js';
export { type Cell, csv, type Sheet, xlsx } from './xlsx.js';
