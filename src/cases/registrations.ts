import { z } from 'zod';
import { addYears, type IsoDate, isCreditCode } from '../core/index.js';
import { getRegion, isKnownSubclass } from '../reference/index.js';
import type { Store } from '../store/index.js';
import { parseList } from './actors.js';
import { caseErrors } from './errors.js';
import { type CasesDb, type CasesTrx, casesDb, type RegistrationsTable } from './tables.js';

/**
 * Enterprise registration (备案) with a center: the enterprise applies, an officer approves or
 * refuses (a refusal gives its reason), and an approval lasts `REGISTRATION_YEARS` — it is valid
 * from the day of approval up to, not including, the same day a year later (`expires_on`). The
 * enterprise renews by applying again, at the earliest `RENEWAL_DAYS` before its approval runs out
 * (a renewal approved early overlaps the old approval: no gap, no loss). The application is checked when it is made: the enterprise must be
 * located in the center's area (its region code inside the center's city, or inside the province
 * of a provincial center) and its field (IPC subclasses, Locarno classes) must share at least one
 * entry with the center's industries. Fast-track pre-examination is open only to an enterprise
 * with an approved registration valid on the day it files.
 */
export const REGISTRATION_YEARS = 1;
export const RENEWAL_DAYS = 60;
export const REGISTRATION_STATUSES = ['applied', 'approved', 'refused', 'expired'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const registrationInputSchema = z
  .object({
    centerId: z.string().min(1),
    organisation: z.string().trim().min(2).max(200),
    creditCode: z
      .string()
      .trim()
      .toUpperCase()
      .refine(isCreditCode, 'not a unified social credit code (18 characters with a valid check character)'),
    regionCode: z
      .string()
      .trim()
      .refine((c) => getRegion(c) !== null, 'not a GB/T 2260 region code'),
    fieldIpc: z
      .array(z.string().transform((s) => s.trim().toUpperCase()))
      .max(50)
      .default([])
      .refine((l) => l.every(isKnownSubclass), 'IPC subclasses, e.g. H01L'),
    fieldLocarno: z
      .array(
        z
          .string()
          .trim()
          .regex(/^(0[1-9]|[12]\d|3[0-2]|99)$/, 'Locarno classes 01–32'),
      )
      .max(40)
      .default([]),
    applicantUserId: z.number().int().positive().nullable().optional(),
  })
  .refine((r) => r.fieldIpc.length + r.fieldLocarno.length > 0, {
    error: 'give the enterprise field: IPC subclasses or Locarno classes',
    path: ['fieldIpc'],
  });
export type RegistrationInput = z.input<typeof registrationInputSchema>;

export interface Registration {
  id: string;
  centerId: string;
  organisation: string;
  creditCode: string;
  regionCode: string;
  fieldIpc: string[];
  fieldLocarno: string[];
  /** As stored; `statusOn` tells whether an approval has run out on a given day. */
  status: RegistrationStatus;
  appliedOn: IsoDate;
  applicantUserId: number | null;
  decidedBy: string | null;
  decidedOn: IsoDate | null;
  expiresOn: IsoDate | null;
  reason: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export function presentRegistration(r: RegistrationsTable): Registration {
  return {
    id: r.id,
    centerId: r.center_id,
    organisation: r.organisation,
    creditCode: r.credit_code,
    regionCode: r.region_code,
    fieldIpc: parseList(r.field_ipc),
    fieldLocarno: parseList(r.field_locarno),
    status: r.status as RegistrationStatus,
    appliedOn: r.applied_on,
    applicantUserId: r.applicant_user_id,
    decidedBy: r.decided_by,
    decidedOn: r.decided_on,
    expiresOn: r.expires_on,
    reason: r.reason,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A registration's status on a day: an approval whose year is over is expired, marked or not. */
export function statusOn(r: Pick<Registration, 'status' | 'expiresOn'>, day: IsoDate): RegistrationStatus {
  return r.status === 'approved' && r.expiresOn !== null && r.expiresOn <= day ? 'expired' : r.status;
}

export function expiryOf(approvedOn: IsoDate): IsoDate {
  return addYears(approvedOn, REGISTRATION_YEARS);
}

/**
 * The registration that lets an enterprise use a center's fast-track services on `day`: approved on
 * or before that day and not expired. Otherwise a named error says why (none, pending, refused,
 * expired).
 */
export async function requireActiveRegistration(
  db: CasesDb | CasesTrx,
  centerId: string,
  creditCode: string,
  day: IsoDate,
): Promise<Registration> {
  const rows = await db
    .selectFrom('enterprise_registrations')
    .selectAll()
    .where('center_id', '=', centerId)
    .where('credit_code', '=', creditCode)
    .where('applied_on', '<=', day)
    .orderBy('applied_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  const regs = rows.map(presentRegistration);
  const active = regs.find(
    (r) => statusOn(r, day) === 'approved' && r.decidedOn !== null && r.decidedOn <= day,
  );
  if (active) return active;
  const latest = regs[0];
  if (!latest) throw caseErrors.notRegistered(creditCode, centerId, 'none');
  const status =
    latest.status === 'approved' && latest.decidedOn !== null && latest.decidedOn > day
      ? 'applied'
      : statusOn(latest, day);
  throw caseErrors.notRegistered(creditCode, centerId, status === 'approved' ? 'expired' : status);
}

export async function getRegistration(store: Store, id: string): Promise<Registration | null> {
  const row = await casesDb(store)
    .selectFrom('enterprise_registrations')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? presentRegistration(row) : null;
}

export async function listRegistrations(
  store: Store,
  filter: { centerId?: string; creditCode?: string; status?: RegistrationStatus } = {},
): Promise<Registration[]> {
  let q = casesDb(store).selectFrom('enterprise_registrations').selectAll();
  if (filter.centerId) q = q.where('center_id', '=', filter.centerId);
  if (filter.creditCode) q = q.where('credit_code', '=', filter.creditCode);
  if (filter.status) q = q.where('status', '=', filter.status);
  const rows = await q.orderBy('applied_on', 'desc').orderBy('id').execute();
  return rows.map(presentRegistration);
}
