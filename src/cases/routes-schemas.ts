import { z } from 'zod';
import { RIGHT_KINDS } from '../core/index.js';
import { getRegion } from '../reference/index.js';
import { CENTER_KINDS, type Center } from './centers.js';
import type { Evidence } from './evidence.js';
import { type Registration, statusOn } from './registrations.js';
import type { Case, HistoryEntry } from './repository.js';
import type { CaseMatter } from './time-limits.js';
import { CASE_TYPES } from './types.js';

/**
 * The schemas of docs/cases-api.md (the contract the web app is built against) and the presenters
 * that map the cases module's records onto them: `summary` ↔ `title` + `description`, one `rights`
 * list ↔ `rightIds` + `rightNumbers`, `…On` dates ↔ `…At`, `zh`/`en` ↔ `label`, a `matter` string
 * ↔ `{ rightKind, counterfeit }`, `fieldIpc`/`fieldLocarno` ↔ `ipc`/`locarno`.
 */

// ---- shared parameters

export const caseIdParams = z.object({ id: z.string().min(1).max(100).describe('the case id') });
export const versionField = z
  .number()
  .int()
  .min(1)
  .describe('the version the change was made on (from the record read); a stale one gets 409 conflict');

// ---- cases

const matterSchema = z
  .object({
    rightKind: z.enum(RIGHT_KINDS).nullable().optional(),
    counterfeit: z.boolean().optional().describe('patent counterfeiting (假冒专利)'),
  })
  .describe('what the time limits depend on; default: the kind of the first right');

export const matterInput = matterSchema;

export function matterOf(m: z.infer<typeof matterSchema> | undefined): CaseMatter | undefined {
  if (!m) return undefined;
  if (m.counterfeit) return 'counterfeit';
  return m.rightKind ?? undefined;
}

function presentMatter(m: CaseMatter | null) {
  if (m === null) return null;
  return m === 'counterfeit' ? { rightKind: null, counterfeit: true } : { rightKind: m, counterfeit: false };
}

/** The module keeps one text: the title on its first line, the description after a blank line. */
export function joinSummary(title: string, description: string | null | undefined): string {
  const d = description?.trim() ?? '';
  return d ? `${title.trim()}\n\n${d}` : title.trim();
}

export function splitSummary(summary: string | null): { title: string | null; description: string | null } {
  if (summary === null) return { title: null, description: null };
  const nl = summary.indexOf('\n');
  if (nl < 0) return { title: summary.trim() || null, description: null };
  return { title: summary.slice(0, nl).trim() || null, description: summary.slice(nl + 1).trim() || null };
}

export const caseRecordSchema = z.object({
  id: z.string(),
  number: z.string().describe('e.g. PC-420100-2026-000123'),
  type: z.enum(CASE_TYPES),
  state: z.string(),
  centerId: z.string(),
  registrationId: z.string().nullable(),
  title: z.string().nullable(),
  description: z.string().nullable(),
  organisation: z.string().describe('the applicant enterprise'),
  creditCode: z.string(),
  otherParty: z.string().nullable(),
  officerId: z.number().int().nullable(),
  rightIds: z.array(z.number().int()),
  rightNumbers: z.array(z.string()),
  matter: z.object({ rightKind: z.enum(RIGHT_KINDS).nullable(), counterfeit: z.boolean() }).nullable(),
  submittedAt: z.string().describe('the day in China (YYYY-MM-DD)'),
  handledAt: z.string().nullable().describe('the day the center concluded its work'),
  handlingDays: z.number().int().nullable().describe('working days from submission to conclusion'),
  onTime: z.boolean().nullable(),
  outcome: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export function presentCase(c: Case): z.infer<typeof caseRecordSchema> {
  return {
    id: c.id,
    number: c.number,
    type: c.type,
    state: c.state,
    centerId: c.centerId,
    registrationId: c.registrationId,
    ...splitSummary(c.summary),
    organisation: c.applicant.organisation,
    creditCode: c.applicant.creditCode,
    otherParty: c.otherParty,
    officerId: c.officerId,
    rightIds: c.rightIds,
    rightNumbers: c.rightNumbers,
    matter: presentMatter(c.matter),
    submittedAt: c.submittedOn,
    handledAt: c.handledOn,
    handlingDays: c.handlingDays,
    onTime: c.onTime,
    outcome: c.outcome,
    closedAt: c.closedOn,
    version: c.version,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

const deadlineStatusSchema = z.enum(['ok', 'due_soon', 'overdue']);

export const caseSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  type: z.enum(CASE_TYPES),
  state: z.string(),
  centerId: z.string(),
  organisation: z.string(),
  officerId: z.number().int().nullable(),
  submittedAt: z.string(),
  closedAt: z.string().nullable(),
  due: z.string().nullable().describe('the nearest running due date'),
  deadlineStatus: deadlineStatusSchema,
  version: z.number().int(),
});

export const deadlineSchema = z.object({
  limit: z.enum(['intake', 'handling', 'filing']),
  party: z.enum(['center', 'applicant']),
  unit: z.enum(['working_days', 'days']),
  clock: z.enum(['not_started', 'running', 'paused', 'done']),
  startedOn: z.string().nullable(),
  due: z.string().nullable(),
  provisional: z.boolean(),
  allowed: z.number().int(),
  used: z.number().int(),
  left: z.number().int(),
  doneOn: z.string().nullable(),
  onTime: z.boolean().nullable(),
  status: deadlineStatusSchema,
});

export const evidenceSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string().describe('SHA-256 of the file, hex'),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
});

export function presentEvidence(e: Evidence): z.infer<typeof evidenceSchema> {
  return {
    id: e.id,
    fileName: e.fileName,
    mediaType: e.mediaType,
    size: e.size,
    sha256: e.sha256,
    uploadedBy: e.uploadedBy,
    uploadedAt: e.uploadedAt,
  };
}

const historySchema = z.object({
  at: z.string(),
  onDate: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  action: z.string(),
  actor: z.string().describe('`user:<id>`, or who acted without a user (system, demo)'),
  actorKind: z.string(),
  note: z.string().nullable(),
});

export function presentHistory(h: HistoryEntry): z.infer<typeof historySchema> {
  return {
    at: h.at,
    onDate: h.onDate,
    fromState: h.from,
    toState: h.to,
    action: h.action,
    actor: h.actor,
    actorKind: h.actorKind,
    note: h.note,
  };
}

export const caseViewSchema = z.object({
  case: caseRecordSchema,
  history: z.array(historySchema),
  deadlines: z.array(deadlineSchema),
  deadlineStatus: deadlineStatusSchema,
  extensions: z.array(
    z.object({
      limit: z.string(),
      days: z.number().int(),
      reason: z.string(),
      grantedBy: z.string(),
      grantedAt: z.string(),
    }),
  ),
  evidence: z.array(evidenceSchema),
  actions: z
    .array(
      z.object({ action: z.string(), to: z.string(), actor: z.enum(['officer', 'applicant', 'system']) }),
    )
    .describe('what the caller may do now'),
  rights: z.array(z.object({ id: z.number().int(), number: z.string(), title: z.string().nullable() })),
});

// ---- centers and registrations

const labelSchema = z.object({ zh: z.string(), en: z.string() });

export const centerSchema = z.object({
  id: z.string(),
  kind: z.enum(CENTER_KINDS),
  nameZh: z.string(),
  nameEn: z.string(),
  city: z.string().describe('GB/T 2260 city code'),
  cityName: z.object({ zh: z.string(), en: z.string().nullable() }).nullable(),
  area: z.string().describe('the region the center serves: its city, or its province'),
  industries: z.array(
    z.object({
      label: labelSchema,
      ipc: z.array(z.string()),
      locarno: z.array(z.string()),
      demo: z.boolean().describe("the demo's guess, not a published fact"),
    }),
  ),
  services: z.array(z.enum(CASE_TYPES)),
  demo: z.boolean(),
  version: z.number().int(),
});

export function presentCenter(c: Center): z.infer<typeof centerSchema> {
  const city = getRegion(c.city);
  return {
    id: c.id,
    kind: c.kind,
    nameZh: c.nameZh,
    nameEn: c.nameEn,
    city: c.city,
    cityName: city ? { zh: city.nameZh, en: city.nameEn } : null,
    area: c.area,
    industries: c.industries.map((i) => ({
      label: { zh: i.zh, en: i.en },
      ipc: i.ipc,
      locarno: i.locarno,
      demo: i.demo ?? false,
    })),
    services: c.services,
    demo: c.demo,
    version: c.version,
  };
}

export const registrationSchema = z.object({
  id: z.string(),
  centerId: z.string(),
  organisation: z.string(),
  creditCode: z.string(),
  regionCode: z.string(),
  ipc: z.array(z.string()),
  locarno: z.array(z.string()),
  status: z.enum(['applied', 'approved', 'refused', 'expired']).describe('on the day asked'),
  appliedAt: z.string(),
  decidedAt: z.string().nullable(),
  expiresAt: z.string().nullable().describe('valid up to, not including, this day'),
  reason: z.string().nullable(),
  version: z.number().int(),
});

export function presentRegistration(r: Registration, today: string): z.infer<typeof registrationSchema> {
  return {
    id: r.id,
    centerId: r.centerId,
    organisation: r.organisation,
    creditCode: r.creditCode,
    regionCode: r.regionCode,
    ipc: r.fieldIpc,
    locarno: r.fieldLocarno,
    status: statusOn(r, today),
    appliedAt: r.appliedOn,
    decidedAt: r.decidedOn,
    expiresAt: r.expiresOn,
    reason: r.reason,
    version: r.version,
  };
}
