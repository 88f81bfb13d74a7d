import { z } from 'zod';
import { errors, type IsoDate, isCreditCode, RIGHT_KINDS } from '../core/index.js';
import type { Store } from '../store/index.js';
import { type ActorRef, actorLabel, chinaToday, newId, requireDate } from './actors.js';
import { caseAudit, type When, writeCaseIn } from './case-writes.js';
import { requireCenter } from './centers.js';
import { caseErrors } from './errors.js';
import { notificationRow } from './notification-data.js';
import { newPublicCode, publicCodeHash } from './public.js';
import { requireActiveRegistration } from './registrations.js';
import { auditedRow, type Case, presentCase } from './repository.js';
import { resolveRights } from './rights.js';
import { type CasesTable, type CasesTrx, casesDb } from './tables.js';
import type { CaseMatter } from './time-limits.js';
import { CASE_TYPES } from './types.js';
import { initialState } from './workflow.js';

/**
 * Filing a case: checked (the center takes the type, the rights are in the registry, a
 * pre-examination's enterprise is registered that day), numbered, and written with its first
 * history row, the center's notification and its audit entry in one transaction (on PostgreSQL:
 * the number, then one statement for the rest, see case-writes.ts).
 */
export const newCaseSchema = z.object({
  type: z.enum(CASE_TYPES),
  centerId: z.string().min(1),
  applicant: z.object({
    organisation: z.string().trim().min(2).max(200),
    creditCode: z
      .string()
      .trim()
      .toUpperCase()
      .refine(isCreditCode, 'not a unified social credit code (18 characters with a valid check character)'),
    userId: z.number().int().positive().nullable().optional(),
    email: z.email().nullable().optional(),
  }),
  otherParty: z.string().trim().max(300).nullable().optional(),
  summary: z.string().trim().max(4000).nullable().optional(),
  /** Registry right ids, or numbers in any form (`CN104968889A`, `ZL201910123456.7`). */
  rights: z
    .array(z.union([z.number().int().positive(), z.string().trim().min(1).max(60)]))
    .max(50)
    .default([]),
  /** What the limits depend on; default: the kind of the first right. */
  matter: z.enum([...RIGHT_KINDS, 'counterfeit']).optional(),
});
export type NewCase = z.input<typeof newCaseSchema>;

/** Creates a case in its workflow's first state; returns it with the applicant's code, given only here. */
export async function createCase(
  store: Store,
  input: NewCase,
  actor: ActorRef,
  opts: When & { note?: string } = {},
): Promise<{ case: Case; publicCode: string }> {
  const parsed = newCaseSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(case)'}: ${i.message}`);
    throw errors.invalidInput(`the case is invalid: ${problems.join('; ')}`, { problems });
  }
  const c = parsed.data;
  const day = requireDate(opts.onDate ?? chinaToday(opts.now), 'onDate');
  const center = await requireCenter(store, c.centerId);
  if (!center.services.includes(c.type)) throw caseErrors.serviceNotOffered(center.id, c.type);
  const rights = await resolveRights(store, c.rights);
  const matter: CaseMatter | null = c.matter ?? rights[0]?.kind ?? null;
  const now = (opts.now ?? new Date()).toISOString();
  const state = initialState(c.type);
  const publicCode = newPublicCode();

  return casesDb(store)
    .transaction()
    .execute(async (trx) => {
      const registration =
        c.type === 'pre_examination'
          ? await requireActiveRegistration(trx, center.id, c.applicant.creditCode, day)
          : null;
      const number = await nextNumber(
        trx,
        center.kind === 'rapid_protection_center' ? 'RC' : 'PC',
        center.city,
        day,
      );
      const row: CasesTable = {
        id: newId(),
        number,
        type: c.type,
        state,
        center_id: center.id,
        registration_id: registration?.id ?? null,
        applicant_organisation: c.applicant.organisation,
        applicant_credit_code: c.applicant.creditCode,
        applicant_user_id: c.applicant.userId ?? null,
        applicant_email: c.applicant.email ?? null,
        public_code_hash: publicCodeHash(number, publicCode),
        other_party: c.otherParty ?? null,
        officer_id: null,
        summary: c.summary ?? null,
        right_ids: JSON.stringify(rights.map((r) => r.id)),
        right_numbers: JSON.stringify(rights.map((r) => r.number)),
        matter,
        submitted_on: day,
        handled_on: null,
        handling_days: null,
        on_time: null,
        outcome: null,
        closed_on: null,
        version: 1,
        created_at: now,
        updated_at: now,
      };
      await writeCaseIn(trx, store.engine, {
        insert: row,
        rows: {
          case_history: {
            case_id: row.id,
            at: now,
            on_date: day,
            from_state: null,
            to_state: state,
            action: 'submit',
            actor_kind: actor.kind,
            actor: actorLabel(actor),
            note: opts.note ?? null,
          },
          notifications: notificationRow({
            recipient: `center:${center.id}`,
            caseId: row.id,
            kind: 'state_changed',
            message: `new ${c.type} case ${number} from ${c.applicant.organisation}`,
            data: { event: 'created', number, type: c.type, organisation: c.applicant.organisation },
            onDate: day,
            createdAt: now,
          }),
        },
        audit: caseAudit(actor, row.id, 'create', null, auditedRow(row), now),
      });
      return { case: presentCase(row), publicCode };
    });
}

/** The next number of the prefix's counter, in the creating transaction: `PC-420100-2024-000123`. */
async function nextNumber(trx: CasesTrx, kind: 'PC' | 'RC', city: string, day: IsoDate): Promise<string> {
  const prefix = `${kind}-${city}-${day.slice(0, 4)}`;
  const { last } = await trx
    .insertInto('case_counters')
    .values({ prefix, last: 1 })
    .onConflict((oc) =>
      oc.column('prefix').doUpdateSet((eb) => ({ last: eb(eb.ref('case_counters.last'), '+', 1) })),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${prefix}-${String(last).padStart(6, '0')}`;
}
