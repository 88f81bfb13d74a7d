import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { errors, IpregionError, type IsoDate, isIsoDate } from '../core/index.js';
import { chunks, type Store } from '../store/index.js';
import type { ActorRef } from './actors.js';
import { type AuditInput, appendAudit } from './audit.js';
import { loadCalendar } from './calendar-store.js';
import { createCenters, listCenters } from './centers.js';
import { demoCenters } from './demo-centers.js';
import { DemoRng } from './demo-data.js';
import { DEMO_OFFICER, type DemoEnterprise, demoEnterprises, officeMoment } from './demo-enterprises.js';
import {
  type PlanContext,
  type PlannedCase,
  planCase,
  planMonths,
  type RightPool,
  workingDaysOf,
} from './demo-plan.js';
import { publicCodeHash } from './public.js';
import { auditedRow } from './repository.js';
import { type CaseHistoryTable, type CasesTable, casesDb } from './tables.js';

/**
 * The demo's protection-center work: the 18 centers, their registered enterprises and cases of the
 * six types from `from` to `to`, each worked through its state machine on the official working-day
 * calendar, with history and a verifiable audit chain. Deterministic: the same seed, `from` and `to`
 * give the same records. When the span covers the first half of 2024, exactly as many cases are
 * handled in it (concluded: see handling.ts) as CNIPA's press conference reported — 3,136 — by
 * dropping or adding cases submitted in that half-year, drawn from a seeded stream of their own.
 */
export const DEMO_FROM = '2023-01-01';
export const H1_2024 = { from: '2024-01-01', to: '2024-06-30' } as const;
const DEMO_ACTOR: ActorRef = { kind: 'system', name: 'demo' };
const FACTS_FILE = new URL('../reference/data/central-region-2024.json', import.meta.url);

/** Cases the centers handled in the first half of 2024 (pressConference2024H1.casesHandledH1). */
export function handledH1Target(): number {
  const facts = z
    .object({ pressConference2024H1: z.object({ casesHandledH1: z.number().int().positive() }) })
    .parse(JSON.parse(readFileSync(FACTS_FILE, 'utf8')));
  return facts.pressConference2024H1.casesHandledH1;
}

export interface DemoCasesOptions {
  seed?: number;
  from?: IsoDate;
  to: IsoDate;
}

export interface DemoCasesResult {
  seed: number;
  from: IsoDate;
  to: IsoDate;
  centers: number;
  enterprises: number;
  registrations: number;
  cases: number;
  openCases: number;
  historyEntries: number;
  auditEntries: number;
  /** Cases handled from 2024-01-01 to 2024-06-30, when the span covers that half-year. */
  handledH1_2024: number | null;
  /** A case to try the public status lookup with. */
  sample: { number: string; code: string } | null;
}

export async function generateDemoCases(store: Store, options: DemoCasesOptions): Promise<DemoCasesResult> {
  const seed = options.seed ?? 1;
  const from = options.from ?? DEMO_FROM;
  const { to } = options;
  if (!Number.isInteger(seed)) throw errors.invalidInput(`the seed must be a whole number, not ${seed}`);
  if (!isIsoDate(from) || !isIsoDate(to) || to < from) {
    throw errors.invalidInput(`the demo needs a span of dates: from ${from} to ${to}`);
  }
  if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > 10)
    throw errors.invalidInput('the demo spans at most 10 years');
  const db = casesDb(store);
  if (await db.selectFrom('cases').select('id').limit(1).executeTakeFirst()) {
    throw new IpregionError(
      'demo_exists',
      409,
      `${store.location} already holds cases: the demo goes into a database without any`,
    );
  }
  const known = new Set((await listCenters(store)).map((c) => c.id));
  const missing = demoCenters().filter((c) => !known.has(c.id));
  if (missing.length > 0) await createCenters(store, missing, DEMO_ACTOR);
  const ids = new Set(demoCenters().map((c) => c.id));
  const centers = (await listCenters(store)).filter((c) => ids.has(c.id));
  const calendar = await loadCalendar(store);

  const registrations = demoEnterprises(seed, centers, from, to, calendar);
  const byCenter = new Map<string, DemoEnterprise[]>();
  for (const e of registrations.enterprises)
    byCenter.set(e.center.id, [...(byCenter.get(e.center.id) ?? []), e]);
  const ctx: PlanContext = { centers, enterprises: byCenter, rights: await rightPool(store), calendar, to };
  const plans = planMonths(seed, from, ctx);
  const handledH1 = calibrate(plans, seed, from, ctx);

  const rows = caseRows(plans, seed);
  const audit = [...registrations.audit, ...rows.audit].sort((a, b) =>
    a.at! < b.at! ? -1 : a.at! > b.at! ? 1 : 0,
  );
  await db.transaction().execute(async (trx) => {
    for (const part of chunks(registrations.rows, 500))
      await trx.insertInto('enterprise_registrations').values(part).execute();
    const counters = [...rows.counters].map(([prefix, last]) => ({ prefix, last }));
    for (const part of chunks(counters, 500)) await trx.insertInto('case_counters').values(part).execute();
    for (const part of chunks(rows.cases, 400)) await trx.insertInto('cases').values(part).execute();
    for (const part of chunks(rows.history, 1000))
      await trx.insertInto('case_history').values(part).execute();
    await appendAudit(trx, audit);
  });
  const open = plans.filter((p) => p.closedOn === null);
  const sample = open.find((p) => p.type === 'pre_examination') ?? plans[0];
  return {
    seed,
    from,
    to,
    centers: centers.length,
    enterprises: registrations.enterprises.length,
    registrations: registrations.rows.length,
    cases: plans.length,
    openCases: open.length,
    historyEntries: rows.history.length,
    auditEntries: audit.length,
    handledH1_2024: handledH1,
    sample: sample ? { number: rows.numbers.get(sample.id)!, code: sample.code } : null,
  };
}

/** Up to 20,000 rights of each kind from the registry, by id, for cases to name. */
async function rightPool(store: Store): Promise<RightPool> {
  const pool: RightPool = { invention: [], utility_model: [], design: [], trademark: [] };
  for (const kind of Object.keys(pool) as (keyof RightPool)[]) {
    const rows = await store.db
      .selectFrom('rights')
      .select(['id', 'application_number', 'publication_number', 'grant_number'])
      .where('kind', '=', kind)
      .where('stub', '=', 0)
      .orderBy('id')
      .limit(20_000)
      .execute();
    pool[kind] = rows.map((r) => ({
      id: r.id,
      number: r.grant_number ?? r.publication_number ?? r.application_number,
    }));
  }
  return pool;
}

const inH1 = (p: PlannedCase) =>
  p.conclusion !== null && p.conclusion.handledOn >= H1_2024.from && p.conclusion.handledOn <= H1_2024.to;

/** Drops or adds cases of the first half of 2024 until exactly the published number is handled in it. */
function calibrate(plans: PlannedCase[], seed: number, from: IsoDate, ctx: PlanContext): number | null {
  if (from > H1_2024.from || ctx.to < H1_2024.to) return null;
  const target = handledH1Target();
  const rng = new DemoRng(seed, 'calibration');
  const handled = plans.filter(inH1).map((p) => p.id);
  const drop = new Set<string>();
  for (let i = 0; i < handled.length - target; i++) {
    const j = i + rng.int(handled.length - i);
    [handled[i], handled[j]] = [handled[j]!, handled[i]!];
    drop.add(handled[i]!);
  }
  if (drop.size > 0) plans.splice(0, plans.length, ...plans.filter((p) => !drop.has(p.id)));
  const days = workingDaysOf(2024, 1, H1_2024.from, '2024-06-20', ctx.calendar);
  for (let m = 2; m <= 6; m++) days.push(...workingDaysOf(2024, m, H1_2024.from, '2024-06-20', ctx.calendar));
  for (let count = handled.length - drop.size; count < target; ) {
    const p = planCase(rng, rng.pick(days), ctx);
    plans.push(p);
    if (inH1(p)) count += 1;
  }
  return plans.filter(inH1).length;
}

interface Rows {
  cases: CasesTable[];
  history: Omit<CaseHistoryTable, 'id'>[];
  audit: AuditInput[];
  counters: Map<string, number>;
  numbers: Map<string, string>;
}

/** Numbers (in order of submission), rows, history and audit entries of the planned cases. */
function caseRows(plans: PlannedCase[], seed: number): Rows {
  const out: Rows = { cases: [], history: [], audit: [], counters: new Map(), numbers: new Map() };
  plans.sort((a, b) => a.submittedOn.localeCompare(b.submittedOn) || a.id.localeCompare(b.id));
  for (const p of plans) {
    const prefix = `${p.center.kind === 'rapid_protection_center' ? 'RC' : 'PC'}-${p.center.city}-${p.submittedOn.slice(0, 4)}`;
    const serial = (out.counters.get(prefix) ?? 0) + 1;
    out.counters.set(prefix, serial);
    const number = `${prefix}-${String(serial).padStart(6, '0')}`;
    out.numbers.set(p.id, number);
    const times = stepTimes(p, seed);
    const officer = DEMO_OFFICER(p.center.id);
    const actorOf = (kind: string) =>
      kind === 'officer' ? officer : kind === 'applicant' ? 'demo:applicant' : 'system';
    const first: CasesTable = {
      id: p.id,
      number,
      type: p.type,
      state: p.walk.steps[0]!.state,
      center_id: p.center.id,
      registration_id: p.registrationId,
      applicant_organisation: p.applicant.organisation,
      applicant_credit_code: p.applicant.creditCode,
      applicant_user_id: null,
      applicant_email: null,
      public_code_hash: publicCodeHash(number, p.code),
      other_party: p.otherParty,
      officer_id: null,
      summary: null,
      right_ids: JSON.stringify(p.rightIds),
      right_numbers: JSON.stringify(p.rightNumbers),
      matter: p.matter,
      submitted_on: p.submittedOn,
      handled_on: null,
      handling_days: null,
      on_time: null,
      outcome: null,
      closed_on: null,
      version: 1,
      created_at: times[0]!,
      updated_at: times[0]!,
    };
    out.audit.push({
      actor: 'demo:applicant',
      entity: 'case',
      entityId: p.id,
      action: 'create',
      after: auditedRow(first),
      at: times[0]!,
    });
    const c = p.conclusion;
    const final: CasesTable = {
      ...first,
      state: p.walk.state,
      handled_on: c?.handledOn ?? null,
      handling_days: c?.handlingDays ?? null,
      on_time: c ? (c.onTime ? 1 : 0) : null,
      outcome: c?.outcome ?? null,
      closed_on: p.closedOn,
      version: p.walk.steps.length,
      updated_at: times.at(-1)!,
    };
    out.cases.push(final);
    let concluded = false;
    p.walk.steps.forEach((s, i) => {
      const prev = p.walk.steps[i - 1];
      out.history.push({
        case_id: p.id,
        at: times[i]!,
        on_date: s.on,
        from_state: prev?.state ?? null,
        to_state: s.state,
        action: s.action,
        actor_kind: s.actor,
        actor: actorOf(s.actor),
        note: null,
      });
      if (!prev) return;
      const after: Record<string, unknown> = {
        state: s.state,
        version: i + 1,
        updated_at: times[i],
        note: null,
      };
      if (c && !concluded && s.on === c.handledOn && s.state === c.outcome) {
        concluded = true;
        Object.assign(after, {
          handled_on: c.handledOn,
          handling_days: c.handlingDays,
          on_time: c.onTime ? 1 : 0,
          outcome: c.outcome,
        });
      }
      if (p.closedOn !== null && i === p.walk.steps.length - 1) after.closed_on = p.closedOn;
      out.audit.push({
        actor: actorOf(s.actor),
        entity: 'case',
        entityId: p.id,
        action: s.action,
        before: { state: prev.state, version: i },
        after,
        at: times[i]!,
      });
    });
  }
  return out;
}

/** Moments in office hours for a case's steps, never going back. */
function stepTimes(p: PlannedCase, seed: number): string[] {
  const rng = new DemoRng(seed, `times:${p.id}`);
  let lastDay = '';
  let minute = 0;
  return p.walk.steps.map((s) => {
    minute = s.on === lastDay ? Math.min(minute + rng.between(1, 30), 479) : rng.int(420);
    lastDay = s.on;
    return officeMoment(s.on, minute);
  });
}
