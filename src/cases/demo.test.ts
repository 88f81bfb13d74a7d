import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine, freshStore } from '../../test/engines.js';
import { provinceOf } from '../reference/index.js';
import { buildRight } from '../registry/test-factories.js';
import { RegistryWriter } from '../registry/writer.js';
import {
  CASE_TYPES,
  caseReport,
  demoCenters,
  generateDemoCases,
  handledH1Target,
  listCases,
  listCenters,
  overdueCases,
  publicStatus,
  verifyAudit,
} from './index.js';
import { casesDb } from './tables.js';
import { failure } from './test-factories.js';

const facts = JSON.parse(
  readFileSync(new URL('../reference/data/central-region-2024.json', import.meta.url), 'utf8'),
) as { knownCenters: { nameZh: string; kind: string; city: string }[] };

describe('the demo centers', () => {
  it('are 13 protection centers and 5 rapid ones, the published under their real names', () => {
    const centers = demoCenters();
    expect(centers.filter((c) => c.kind === 'protection_center')).toHaveLength(13);
    expect(centers.filter((c) => c.kind === 'rapid_protection_center')).toHaveLength(5);
    for (const known of facts.knownCenters) {
      const c = centers.find((x) => x.nameZh === known.nameZh);
      expect(c, known.nameZh).toMatchObject({ kind: known.kind, city: known.city });
      expect(c!.demo ?? false).toBe(false);
    }
    expect(centers.filter((c) => c.demo)).toHaveLength(18 - facts.knownCenters.length);
    const provinces = new Set(centers.map((c) => provinceOf(c.city)));
    expect([...provinces].sort()).toEqual(['14', '34', '36', '41', '42', '43']);
  });
});

describeEachEngine('the demo cases', (engine) => {
  let store: Awaited<ReturnType<typeof freshStore>>;
  let result: Awaited<ReturnType<typeof generateDemoCases>>;
  beforeAll(async () => {
    store = await freshStore(engine);
    result = await generateDemoCases(store, { seed: 1, from: '2023-01-01', to: '2024-12-31' });
  }, 120_000);
  afterAll(() => store.drop());

  it('hit the published 3,136 cases handled in the first half of 2024, across the 18 centers', async () => {
    expect(handledH1Target()).toBe(3136);
    expect(result).toMatchObject({ centers: 18, handledH1_2024: 3136 });
    const h1 = await caseReport(store, { from: '2024-01-01', to: '2024-06-30' });
    expect(h1.totals.handled).toBe(3136);
    expect(h1.totals.centers).toBe(18);
    expect(h1.byCenter.every((c) => c.handled > 0)).toBe(true);
    const centers = await listCenters(store);
    expect(centers.filter((c) => c.demo)).toHaveLength(9);
  });

  it('have a realistic mix: every type, pre-examination dominant, most on time, some still open and overdue', async () => {
    const year = await caseReport(store, { from: '2024-01-01', to: '2024-12-31' });
    const byType = Object.fromEntries(year.byType.map((t) => [t.type, t.received]));
    expect(Object.keys(byType).sort()).toEqual([...CASE_TYPES].sort());
    expect(byType.pre_examination! / year.totals.received).toBeGreaterThan(0.45);
    expect(year.totals.onTimeRate).toBeGreaterThan(0.8);
    expect(year.totals.passRate).toBeGreaterThan(0.7);
    expect(result.openCases).toBeGreaterThan(0);
    expect((await overdueCases(store, '2024-12-31')).length).toBeGreaterThan(0);
    const open = await listCases(store, { open: true, limit: 1000 });
    expect(open.some((c) => c.state === 'awaiting_applicant')).toBe(true);
  });

  it('file pre-examinations only under a registration valid that day, and chain every change in the audit trail', async () => {
    const bad = await sql<{ n: number }>`select count(*) as n from cases c
      left join enterprise_registrations r on r.id = c.registration_id
      where c.type = 'pre_examination' and (r.id is null or r.status = 'refused'
        or r.decided_on > c.submitted_on or r.expires_on <= c.submitted_on)`.execute(store.db);
    expect(Number(bad.rows[0]!.n)).toBe(0);
    const v = await verifyAudit(store);
    expect(v).toMatchObject({ ok: true });
    expect(v.entries).toBe(result.auditEntries + 18);
    const sample = result.sample!;
    expect(await publicStatus(store, sample.number, sample.code, '2024-12-31')).toMatchObject({
      number: sample.number,
    });
    expect(await failure(generateDemoCases(store, { seed: 1, to: '2024-12-31' }))).toMatchObject({
      code: 'demo_exists',
    });
  });
});

describe('the demo, run twice', () => {
  it('gives the same cases for the same seed, and links them to the registry rights there are', async () => {
    const runs = [];
    for (let i = 0; i < 2; i++) {
      const store = await freshStore('sqlite');
      const rights = ['invention', 'utility_model', 'design', 'trademark'].map((kind, k) =>
        buildRight({ kind: kind as 'invention', applicationNumber: `CN2021${k}0000${k}01.X` }),
      );
      await new RegistryWriter(store).write(rights.map((record) => ({ type: 'right', record })));
      await generateDemoCases(store, { seed: 7, from: '2024-03-01', to: '2024-04-30' });
      const rows = await casesDb(store)
        .selectFrom('cases')
        .select([
          'id',
          'number',
          'type',
          'state',
          'submitted_on',
          'handled_on',
          'right_ids',
          'applicant_credit_code',
        ])
        .orderBy('number')
        .execute();
      runs.push(rows);
      await store.drop();
    }
    expect(runs[0]!.length).toBeGreaterThan(500);
    expect(runs[1]).toEqual(runs[0]);
    const linked = runs[0]!.filter((r) => r.type === 'rights_protection');
    expect(linked.every((r) => JSON.parse(r.right_ids).length === 1)).toBe(true);
  });
});
