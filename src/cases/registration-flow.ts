import { addDays, errors, IpregionError, type IsoDate } from '../core/index.js';
import type { Store } from '../store/index.js';
import { type ActorRef, actorLabel, chinaToday, newId, requireDate } from './actors.js';
import { type AuditInput, appendAudit } from './audit.js';
import { fieldOverlaps, inCenterArea, requireCenter } from './centers.js';
import { isUniqueViolation } from './db-errors.js';
import { caseErrors } from './errors.js';
import {
  expiryOf,
  presentRegistration,
  RENEWAL_DAYS,
  type Registration,
  type RegistrationInput,
  registrationInputSchema,
} from './registrations.js';
import { type CasesTrx, casesDb, type RegistrationsTable } from './tables.js';

/** What changes a registration: the application, the officer's decision, and expiry (see registrations.ts). */

interface When {
  onDate?: IsoDate;
}

/** An enterprise applies to register with a center; the area and field are checked at once. */
export async function applyRegistration(
  store: Store,
  input: RegistrationInput,
  actor: ActorRef,
  opts: When = {},
): Promise<Registration> {
  const parsed = registrationInputSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(registration)'}: ${i.message}`);
    throw errors.invalidInput(`the registration is invalid: ${problems.join('; ')}`, { problems });
  }
  const r = parsed.data;
  const day = requireDate(opts.onDate ?? chinaToday(), 'onDate');
  const center = await requireCenter(store, r.centerId);
  if (!inCenterArea(center, r.regionCode)) throw caseErrors.outsideArea(r.regionCode, center.id, center.area);
  if (!fieldOverlaps(center, r.fieldIpc, r.fieldLocarno)) throw caseErrors.fieldNotServed(center.id);

  const now = new Date().toISOString();
  const row: RegistrationsTable = {
    id: newId(),
    center_id: center.id,
    organisation: r.organisation,
    credit_code: r.creditCode,
    region_code: r.regionCode,
    field_ipc: JSON.stringify(r.fieldIpc),
    field_locarno: JSON.stringify(r.fieldLocarno),
    status: 'applied',
    applied_on: day,
    applicant_user_id: r.applicantUserId ?? null,
    decided_by: null,
    decided_on: null,
    expires_on: null,
    reason: null,
    created_at: now,
    updated_at: now,
    version: 1,
  };
  try {
    await casesDb(store)
      .transaction()
      .execute(async (trx) => {
        const audit = await expireIn(trx, day, actor, { centerId: center.id, creditCode: r.creditCode });
        // A pending application, or an approval that is not yet near its end, stands in the way.
        const live = await trx
          .selectFrom('enterprise_registrations')
          .select('status')
          .where('center_id', '=', center.id)
          .where('credit_code', '=', r.creditCode)
          .where((eb) =>
            eb.or([
              eb('status', '=', 'applied'),
              eb.and([eb('status', '=', 'approved'), eb('expires_on', '>', addDays(day, RENEWAL_DAYS))]),
            ]),
          )
          .executeTakeFirst();
        if (live) throw caseErrors.alreadyRegistered(r.creditCode, center.id, live.status);
        await trx.insertInto('enterprise_registrations').values(row).execute();
        audit.push(entry(actor, row.id, 'apply', null, row));
        await appendAudit(trx, audit);
      });
  } catch (e) {
    // Two applications racing: the unique index on pending applications refuses the second.
    if (isUniqueViolation(e)) throw caseErrors.alreadyRegistered(r.creditCode, center.id, 'applied');
    throw e;
  }
  return presentRegistration(row);
}

export interface Decision extends When {
  /** Required to refuse. */
  reason?: string;
  expectedVersion?: number;
}

/** An officer approves or refuses an application; only an application still `applied` is decided. */
export async function decideRegistration(
  store: Store,
  id: string,
  decision: 'approve' | 'refuse',
  actor: ActorRef,
  opts: Decision = {},
): Promise<Registration> {
  const day = requireDate(opts.onDate ?? chinaToday(), 'onDate');
  const reason = opts.reason?.trim() || null;
  if (decision === 'refuse' && !reason)
    throw errors.invalidInput('a refusal needs a reason', { field: 'reason' });
  return casesDb(store)
    .transaction()
    .execute(async (trx) => {
      const before = await trx
        .selectFrom('enterprise_registrations')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      if (!before) throw errors.notFound('registration', id);
      const expected = opts.expectedVersion ?? before.version;
      if (before.version !== expected)
        throw caseErrors.conflict('registration', id, before.version, expected);
      if (before.status !== 'applied') {
        throw new IpregionError(
          'invalid_transition',
          409,
          `registration ${id} is ${before.status}, not applied`,
          {
            id,
            status: before.status,
            action: decision,
          },
        );
      }
      if (day < before.applied_on)
        throw errors.invalidInput(`a decision cannot precede the application (${before.applied_on})`);
      const changes = {
        status: decision === 'approve' ? 'approved' : 'refused',
        decided_by: actorLabel(actor),
        decided_on: day,
        expires_on: decision === 'approve' ? expiryOf(day) : null,
        reason,
        updated_at: new Date().toISOString(),
        version: before.version + 1,
      };
      const res = await trx
        .updateTable('enterprise_registrations')
        .set(changes)
        .where('id', '=', id)
        .where('version', '=', expected)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) {
        throw caseErrors.conflict('registration', id, await versionOf(trx, id), expected);
      }
      const after = { ...before, ...changes };
      await appendAudit(trx, [entry(actor, id, decision, before, after)]);
      return presentRegistration(after);
    });
}

/** Marks the approvals whose year is over on `asOf` as expired (with their audit entries); returns how many. */
export async function expireRegistrations(store: Store, asOf: IsoDate, actor: ActorRef): Promise<number> {
  requireDate(asOf, 'asOf');
  return casesDb(store)
    .transaction()
    .execute(async (trx) => {
      const audit = await expireIn(trx, asOf, actor, {});
      await appendAudit(trx, audit);
      return audit.length;
    });
}

async function expireIn(
  trx: CasesTrx,
  asOf: IsoDate,
  actor: ActorRef,
  only: { centerId?: string; creditCode?: string },
): Promise<AuditInput[]> {
  let q = trx
    .selectFrom('enterprise_registrations')
    .selectAll()
    .where('status', '=', 'approved')
    .where('expires_on', '<=', asOf);
  if (only.centerId) q = q.where('center_id', '=', only.centerId);
  if (only.creditCode) q = q.where('credit_code', '=', only.creditCode);
  const due = await q.execute();
  const out: AuditInput[] = [];
  for (const before of due) {
    const changes = { status: 'expired', updated_at: new Date().toISOString(), version: before.version + 1 };
    await trx
      .updateTable('enterprise_registrations')
      .set(changes)
      .where('id', '=', before.id)
      .where('version', '=', before.version)
      .execute();
    out.push(entry(actor, before.id, 'expire', before, { ...before, ...changes }));
  }
  return out;
}

async function versionOf(trx: CasesTrx, id: string): Promise<number> {
  const r = await trx
    .selectFrom('enterprise_registrations')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirst();
  return r?.version ?? 0;
}

function entry(actor: ActorRef, id: string, action: string, before: unknown, after: unknown): AuditInput {
  return {
    actor: actorLabel(actor),
    ip: actor.ip ?? null,
    entity: 'registration',
    entityId: id,
    action,
    before,
    after,
  };
}
