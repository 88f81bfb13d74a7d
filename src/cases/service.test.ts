import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachEngine, freshStore } from '../../test/engines.js';
import { buildRight } from '../registry/test-factories.js';
import { RegistryWriter } from '../registry/writer.js';
import {
  act,
  assignOfficer,
  auditOf,
  caseView,
  createCase,
  dueSoon,
  editCase,
  getCaseByNumber,
  grantExtension,
  listCases,
  notificationsFor,
  overdueCases,
  setCalendarOverride,
  verifyAudit,
  withDeadlines,
} from './index.js';
import {
  admin,
  applicant,
  buildCase,
  failure,
  officer,
  otherOfficer,
  seedCase,
  seedCenterAndEnterprise,
} from './test-factories.js';

describeEachEngine('cases through the service', (engine) => {
  let store: Awaited<ReturnType<typeof freshStore>>;
  let creditCode: string;
  beforeEach(async () => {
    store = await freshStore(engine);
    creditCode = await seedCenterAndEnterprise(store);
  });
  afterEach(() => store.drop());

  it('works a pre-examination from filing to grant, with its deadlines on the working-day calendar', async () => {
    const { case: c, publicCode } = await seedCase(store, creditCode, '2026-09-30');
    expect(c.number).toBe('PC-420100-2026-000001');
    expect(publicCode).toMatch(/^[A-Z2-9]{12}$/);
    expect(c).toMatchObject({
      state: 'submitted',
      version: 1,
      submittedOn: '2026-09-30',
      registrationId: expect.any(String),
    });
    // 7 working days across National Day.
    const fresh = await caseView(store, c.id, { asOf: '2026-10-08', actor: 'officer' });
    expect(fresh.deadlines[0]).toMatchObject({ limit: 'handling', due: '2026-10-15', used: 1, status: 'ok' });
    expect(fresh.actions.map((a) => a.action)).toEqual(['accept', 'reject']);

    let v = c.version;
    const step = async (action: string, who: typeof officer, onDate: string) => {
      const next = await act(store, c.id, action, who, { expectedVersion: v, onDate });
      v = next.version;
      return next;
    };
    await step('accept', officer, '2026-10-08');
    await step('start_examination', officer, '2026-10-08');
    await step('request_supplement', officer, '2026-10-09');
    const waiting = await caseView(store, c.id, { asOf: '2026-10-14' });
    expect(waiting.deadlines[0]).toMatchObject({ clock: 'paused', due: null, used: 2, left: 5 });
    await step('reply', applicant, '2026-10-14');
    const resumed = await caseView(store, c.id, { asOf: '2026-10-14' });
    expect(resumed.deadlines[0]).toMatchObject({ clock: 'running', due: '2026-10-21' });
    const passed = await step('pass', officer, '2026-10-16');
    expect(passed).toMatchObject({
      state: 'passed',
      officerId: 7,
      handledOn: '2026-10-16',
      outcome: 'passed',
      onTime: true,
      closedOn: null,
      // Working days from filing to the pass, the wait for the applicant included.
      handlingDays: 8,
    });
    const filing = (await caseView(store, c.id, { asOf: '2026-10-16' })).deadlines.find(
      (d) => d.limit === 'filing',
    );
    expect(filing).toMatchObject({ party: 'applicant', due: '2026-10-26', clock: 'running' });
    await step('record_filing', applicant, '2026-10-20');
    const granted = await step('record_grant', { kind: 'system', name: 'cnipa-feed' }, '2026-12-21');
    expect(granted).toMatchObject({
      state: 'granted',
      closedOn: '2026-12-21',
      handledOn: '2026-10-16',
      version: 8,
    });

    const view = await caseView(store, c.id, { asOf: '2026-12-31' });
    expect(view.history.map((h) => [h.from, h.to, h.actor])).toEqual([
      [null, 'submitted', 'user:21'],
      ['submitted', 'accepted', 'user:7'],
      ['accepted', 'under_examination', 'user:7'],
      ['under_examination', 'awaiting_applicant', 'user:7'],
      ['awaiting_applicant', 'under_examination', 'user:21'],
      ['under_examination', 'passed', 'user:7'],
      ['passed', 'filed_with_cnipa', 'user:21'],
      ['filed_with_cnipa', 'granted', 'cnipa-feed'],
    ]);
    const trail = await auditOf(store, 'case', c.id);
    expect(trail.map((e) => e.action)).toEqual([
      'create',
      'accept',
      'start_examination',
      'request_supplement',
      'reply',
      'pass',
      'record_filing',
      'record_grant',
    ]);
    expect(trail[1]).toMatchObject({
      actor: 'user:7',
      ip: '10.0.0.7',
      before: { state: 'submitted', version: 1 },
    });
    expect(JSON.stringify(trail[0]!.after)).not.toContain('public_code');
    expect(await verifyAudit(store)).toMatchObject({ ok: true });
    // The applicant hears of the officer's acts; the officer of the applicant's.
    expect((await notificationsFor(store, 'user:21')).map((n) => n.kind)).toContain('state_changed');
    expect((await notificationsFor(store, 'user:7')).length).toBeGreaterThan(0);
    expect(await getCaseByNumber(store, 'pc-420100-2026-000001')).toMatchObject({ id: c.id });
  });

  it('refuses an action the state does not allow, or the actor may not take', async () => {
    const { case: c } = await seedCase(store, creditCode, '2026-03-02');
    expect(await failure(act(store, c.id, 'pass', officer, { onDate: '2026-03-02' }))).toMatchObject({
      code: 'invalid_transition',
      status: 409,
    });
    expect(await failure(act(store, c.id, 'accept', applicant, { onDate: '2026-03-02' }))).toMatchObject({
      code: 'transition_not_allowed',
      status: 403,
    });
    await act(store, c.id, 'accept', officer, { onDate: '2026-03-03' });
    expect(
      await failure(act(store, c.id, 'start_examination', officer, { onDate: '2026-03-02' })),
    ).toMatchObject({
      code: 'invalid_input',
    });
    expect(await failure(act(store, 'nope', 'accept', officer))).toMatchObject({ code: 'not_found' });
  });

  it('lets exactly one of two officers saving the same version win; the other gets a conflict', async () => {
    const { case: c } = await seedCase(store, creditCode, '2026-03-02');
    const results = await Promise.all([
      failure(act(store, c.id, 'accept', officer, { expectedVersion: 1, onDate: '2026-03-03' })),
      failure(
        act(store, c.id, 'reject', otherOfficer, {
          expectedVersion: 1,
          onDate: '2026-03-03',
          note: 'duplicate',
        }),
      ),
    ]);
    expect(results.filter((r) => r === 'none')).toHaveLength(1);
    const lost = results.find((r) => r !== 'none');
    expect(lost).toMatchObject({
      code: 'conflict',
      status: 409,
      detail: { currentVersion: 2, expectedVersion: 1 },
    });
    const after = await caseView(store, c.id, { asOf: '2026-03-03' });
    expect(after.case.version).toBe(2);
    expect(after.history).toHaveLength(2);
    // A stale save later is refused the same way, and changes nothing.
    expect(await failure(assignOfficer(store, c.id, 9, admin, { expectedVersion: 1 }))).toMatchObject({
      code: 'conflict',
      detail: { currentVersion: 2 },
    });
    expect((await auditOf(store, 'case', c.id)).map((e) => e.action)).toHaveLength(2);
  });

  it('edits the details of a case, audited, and guarded by the version', async () => {
    const { case: c } = await seedCase(store, creditCode, '2026-03-02');
    const edited = await editCase(store, c.id, { otherParty: ' 某光电有限公司 ', summary: '' }, officer, {
      expectedVersion: 1,
    });
    expect(edited).toMatchObject({
      otherParty: '某光电有限公司',
      summary: null,
      version: 2,
      state: 'submitted',
    });
    expect(
      await failure(editCase(store, c.id, { officerId: 9 }, officer, { expectedVersion: 1 })),
    ).toMatchObject({
      code: 'conflict',
    });
    expect((await assignOfficer(store, c.id, 9, admin, { expectedVersion: 2 })).officerId).toBe(9);
    expect((await auditOf(store, 'case', c.id)).map((e) => e.action)).toEqual(['create', 'edit', 'assign']);
  });

  it('links rights by registry number or id and counts a design complaint in 10 working days', async () => {
    const design = buildRight({
      kind: 'design',
      ipc: [],
      locarno: ['14-03'],
      applicationNumber: 'CN202230123456.7',
    });
    const outcomes = await new RegistryWriter(store).write([{ type: 'right', record: design }]);
    expect(outcomes).toEqual(['accepted']);
    const input = buildCase(creditCode, {
      type: 'rights_protection',
      otherParty: '某电子有限公司',
      rights: [design.grantNumber!],
    });
    const { case: c } = await createCase(store, input, applicant, { onDate: '2026-09-29' });
    expect(c.rightIds).toHaveLength(1);
    expect(c).toMatchObject({ matter: 'design', rightNumbers: [design.grantNumber] });
    const byId = await createCase(
      store,
      buildCase(creditCode, { type: 'mediation', rights: c.rightIds }),
      applicant,
      {
        onDate: '2026-09-29',
      },
    );
    expect(byId.case.number).toBe('PC-420100-2026-000002');
    expect(
      await failure(
        createCase(store, buildCase(creditCode, { type: 'mediation', rights: ['CN999999999A'] }), applicant),
      ),
    ).toMatchObject({
      code: 'not_found',
    });
    expect(
      await failure(
        createCase(store, buildCase(creditCode, { type: 'mediation', rights: [99_999] }), applicant),
      ),
    ).toMatchObject({
      code: 'not_found',
    });

    await act(store, c.id, 'accept', officer, { onDate: '2026-09-30' });
    const view = await caseView(store, c.id, { asOf: '2026-09-30' });
    expect(view.deadlines.find((d) => d.limit === 'handling')).toMatchObject({
      due: '2026-10-20',
      allowed: 10,
    });
  });

  it('grants extensions only with a reason, and counts deadlines with the calendar overrides in the database', async () => {
    const { case: c } = await seedCase(store, creditCode, '2026-09-30');
    expect(await failure(grantExtension(store, c.id, { days: 3, reason: ' ' }, officer))).toMatchObject({
      code: 'invalid_input',
    });
    expect(
      await failure(grantExtension(store, c.id, { days: 3, reason: 'x', limit: 'intake' }, officer)),
    ).toMatchObject({
      code: 'invalid_input',
    });
    const extended = await grantExtension(
      store,
      c.id,
      { days: 3, reason: 'an expert opinion is needed' },
      officer,
      {
        expectedVersion: 1,
      },
    );
    expect(extended.version).toBe(2);
    let view = await caseView(store, c.id, { asOf: '2026-09-30' });
    expect(view.deadlines[0]).toMatchObject({ due: '2026-10-20', allowed: 10 });
    expect(view.extensions).toMatchObject([
      { limit: 'handling', days: 3, reason: 'an expert opinion is needed', grantedBy: 'user:7' },
    ]);

    await setCalendarOverride(store, { date: '2026-10-12', working: false, reason: 'typhoon' }, admin);
    view = await caseView(store, c.id, { asOf: '2026-09-30' });
    expect(view.deadlines[0]!.due).toBe('2026-10-21');
    expect(
      await failure(setCalendarOverride(store, { date: '2026-10-13', working: false, reason: '' }, admin)),
    ).toMatchObject({
      code: 'invalid_input',
    });
  });

  it('lists the overdue and the nearly due, on any day', async () => {
    const late = (await seedCase(store, creditCode, '2026-03-02')).case;
    const near = (await seedCase(store, creditCode, '2026-03-09')).case;
    const done = (await seedCase(store, creditCode, '2026-03-02')).case;
    await act(store, done.id, 'reject', officer, { onDate: '2026-03-03', note: 'not a patent application' });

    const overdue = await overdueCases(store, '2026-03-12');
    expect(overdue.map((a) => a.case.number)).toEqual([late.number]);
    expect(overdue[0]!.deadlines[0]).toMatchObject({
      limit: 'handling',
      due: '2026-03-11',
      status: 'overdue',
    });
    const soon = await dueSoon(store, '2026-03-16');
    expect(soon.map((a) => a.case.number)).toEqual([near.number]);
    expect(soon[0]!.deadlines[0]).toMatchObject({ due: '2026-03-18', left: 2 });
    expect((await overdueCases(store, '2026-03-16')).map((a) => a.case.number)).toEqual([late.number]);
    expect(await overdueCases(store, '2026-03-05')).toEqual([]);
    expect(await overdueCases(store, '2026-03-12', { centerId: 'elsewhere' })).toEqual([]);
    const open = await withDeadlines(store, await listCases(store, { open: true }), '2026-03-16');
    expect(open.map((x) => [x.case.number, x.due, x.status])).toEqual([
      [late.number, '2026-03-11', 'overdue'],
      [near.number, '2026-03-18', 'due_soon'],
    ]);
  });
});
