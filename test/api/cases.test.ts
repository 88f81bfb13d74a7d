import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { assemble } from '../../src/assemble.js';
import { createUser, type NewUser } from '../../src/auth/index.js';
import { chinaToday, createCenters, STATUS_LOOKUP_LIMITS } from '../../src/cases/index.js';
import { admin, buildCenter, buildCreditCode } from '../../src/cases/test-factories.js';
import { buildApp } from '../../src/server/index.js';
import { describeEachEngine, freshStore } from '../engines.js';

const PASSWORD = 'river-stone-2024';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

interface Session {
  id: number;
  cookie: string;
  csrf: string;
}

/** The protection centers' API (docs/cases-api.md), route by route, and the issue's flow end to end. */
describeEachEngine('cases API', (engine) => {
  let store: Awaited<ReturnType<typeof freshStore>>;
  let app: FastifyInstance;
  let evidenceDir: string;
  const s: Record<string, Session> = {};
  const e1Code = buildCreditCode('420111');
  const e2Code = buildCreditCode('420111');
  const today = chinaToday();
  // Filled in by the flow, used by the tests after it.
  let caseId = '';
  let caseNumber = '';
  let publicCode = '';

  const call = (
    who: Session | null,
    method: InjectOptions['method'],
    url: string,
    payload?: object | Buffer,
    headers: Record<string, string> = {},
  ) =>
    app.inject({
      method,
      url,
      ...(payload !== undefined ? { payload } : {}),
      headers: { ...(who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {}), ...headers },
    });
  const get = (who: Session | null, url: string) => call(who, 'GET', url);
  const post = (who: Session, url: string, payload: object = {}) => call(who, 'POST', url, payload);

  function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status, code });
    return res.json() as { detail: string; code: string };
  }

  beforeAll(async () => {
    store = await freshStore(engine);
    assemble();
    evidenceDir = mkdtempSync(join(tmpdir(), 'ipregion-evidence-'));
    await createCenters(
      store,
      [
        buildCenter(),
        buildCenter({
          id: 'pc-test-changsha',
          nameZh: '中国（长沙）知识产权保护中心',
          nameEn: 'China (Changsha) IP Protection Center',
          city: '430100',
        }),
      ],
      admin,
    );
    const users: NewUser[] = [
      { login: 'admin', role: 'admin', password: PASSWORD },
      { login: 'analyst', role: 'analyst', password: PASSWORD },
      { login: 'officer-a', role: 'officer', centerId: 'pc-test-wuhan', password: PASSWORD },
      { login: 'officer-a2', role: 'officer', centerId: 'pc-test-wuhan', password: PASSWORD },
      { login: 'officer-b', role: 'officer', centerId: 'pc-test-changsha', password: PASSWORD },
      {
        login: 'e1',
        role: 'enterprise',
        organisation: '武汉光谷测试激光有限公司',
        creditCode: e1Code,
        password: PASSWORD,
      },
      {
        login: 'e2',
        role: 'enterprise',
        organisation: '武汉另一家科技有限公司',
        creditCode: e2Code,
        password: PASSWORD,
      },
    ];
    app = await buildApp({ store, webRoot: null, evidenceDir });
    for (const u of users) {
      const created = await createUser(store, u);
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: u.login, password: PASSWORD },
      });
      s[u.login] = {
        id: created.id,
        cookie: String(res.headers['set-cookie']).split(';')[0]!,
        csrf: res.json().csrfToken as string,
      };
    }
  });
  afterAll(async () => {
    await app?.close();
    await store?.drop();
    rmSync(evidenceDir, { recursive: true, force: true });
  });

  it('centers: any session reads them, administrators keep them', async () => {
    const list = await get(s.e1!, '/api/centers');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toHaveLength(2);
    const wuhan = (await get(s.analyst!, '/api/centers/pc-test-wuhan')).json();
    expect(wuhan).toMatchObject({
      id: 'pc-test-wuhan',
      cityName: { zh: '武汉市' },
      industries: [{ label: { zh: '光电子信息', en: 'optoelectronic information' }, ipc: ['H01S', 'H01L'] }],
    });
    expectProblem(await get(s.e1!, '/api/centers/pc-nowhere'), 404, 'not_found');
    const body = {
      id: 'rc-test-wuhan-auto',
      kind: 'rapid_protection_center',
      nameZh: '测试快速维权中心',
      nameEn: 'Test rapid protection center',
      city: '420100',
      industries: [{ label: { zh: '汽车', en: 'automobiles' }, ipc: ['B60R'], locarno: ['12'] }],
      services: ['rights_protection', 'consultation'],
    };
    expectProblem(await post(s['officer-a']!, '/api/centers', body), 403, 'forbidden');
    const created = await post(s.admin!, '/api/centers', body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ id: body.id, version: 1, demo: false });
    expectProblem(await post(s.admin!, '/api/centers', { ...body, id: 'x' }), 400, 'invalid_input');
    expectProblem(
      await post(s.admin!, '/api/centers', { ...body, id: 'rc-bad', city: '999999' }),
      400,
      'invalid_input',
    );
    const put = (version: number) =>
      call(s.admin!, 'PUT', `/api/centers/${body.id}`, {
        ...body,
        id: undefined,
        nameEn: 'Renamed',
        version,
      });
    expect((await put(1)).json()).toMatchObject({ nameEn: 'Renamed', version: 2 });
    expectProblem(await put(1), 409, 'conflict');
  });

  it("a center's officers: listed to its officers and administrators, to nobody else", async () => {
    const listed = await get(s['officer-a']!, '/api/centers/pc-test-wuhan/officers');
    expect(listed.statusCode, listed.body).toBe(200);
    expect(
      listed
        .json()
        .items.map((o: { login: string }) => o.login)
        .sort(),
    ).toEqual(['officer-a', 'officer-a2']);
    expect(listed.json().items[0]).toEqual({
      id: expect.any(Number),
      login: expect.any(String),
      displayName: expect.any(String),
    });
    expect((await get(s.admin!, '/api/centers/pc-test-changsha/officers')).json().items).toEqual([
      expect.objectContaining({ login: 'officer-b', id: s['officer-b']!.id }),
    ]);
    expectProblem(await get(s['officer-b']!, '/api/centers/pc-test-wuhan/officers'), 403, 'forbidden');
    expectProblem(await get(s.e1!, '/api/centers/pc-test-wuhan/officers'), 403, 'forbidden');
    expectProblem(await get(s.analyst!, '/api/centers/pc-test-wuhan/officers'), 403, 'forbidden');
    expectProblem(await get(s.admin!, '/api/centers/pc-nowhere/officers'), 404, 'not_found');
    expectProblem(await get(null, '/api/centers/pc-test-wuhan/officers'), 401, 'unauthenticated');
  });

  it("the issue's flow: register, approve, file a pre-examination, work it to passed in time, verify, report", async () => {
    // The enterprise applies; outside the center's area it is refused with the reason.
    const outside = await post(s.e1!, '/api/registrations', {
      centerId: 'pc-test-wuhan',
      regionCode: '430102',
      ipc: ['H01S'],
    });
    expectProblem(outside, 400, 'outside_center_area');
    expectProblem(
      await post(s.e1!, '/api/registrations', {
        centerId: 'pc-test-wuhan',
        regionCode: '420111',
        ipc: ['A01B'],
      }),
      400,
      'field_not_served',
    );
    const applied = await post(s.e1!, '/api/registrations', {
      centerId: 'pc-test-wuhan',
      regionCode: '420111',
      ipc: ['H01S'],
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const reg = applied.json();
    expect(reg).toMatchObject({
      status: 'applied',
      creditCode: e1Code,
      ipc: ['H01S'],
      locarno: [],
      version: 1,
    });
    // Not yet approved: no fast track.
    const early = await post(s.e1!, '/api/cases', {
      type: 'pre_examination',
      centerId: 'pc-test-wuhan',
      title: 'x',
    });
    expectProblem(early, 403, 'registration_pending');
    // Only the center's officers decide; another center's officer does not even see it.
    expectProblem(
      await post(s['officer-b']!, `/api/registrations/${reg.id}/decision`, {
        decision: 'approve',
        version: 1,
      }),
      404,
      'not_found',
    );
    expectProblem(
      await post(s.e1!, `/api/registrations/${reg.id}/decision`, { decision: 'approve', version: 1 }),
      403,
      'forbidden',
    );
    expectProblem(
      await post(s['officer-a']!, `/api/registrations/${reg.id}/decision`, {
        decision: 'refuse',
        version: 1,
      }),
      400,
      'invalid_input',
    );
    const approved = await post(s['officer-a']!, `/api/registrations/${reg.id}/decision`, {
      decision: 'approve',
      version: 1,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedAt: today, version: 2 });
    expect((await get(s.e1!, '/api/registrations')).json()).toHaveLength(1);
    expect((await get(s.e2!, '/api/registrations')).json()).toHaveLength(0);
    expect((await get(s['officer-a']!, '/api/registrations?status=approved')).json()).toHaveLength(1);
    expect((await get(s['officer-b']!, '/api/registrations')).json()).toHaveLength(0);
    expectProblem(await get(s['officer-b']!, '/api/registrations?center=pc-test-wuhan'), 403, 'forbidden');

    // The enterprise files its pre-examination request.
    const filed = await post(s.e1!, '/api/cases', {
      type: 'pre_examination',
      centerId: 'pc-test-wuhan',
      title: '一种超快激光器的谐振腔结构',
      description: 'A resonator for an ultrafast laser.',
      matter: { rightKind: 'invention' },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const created = filed.json();
    expect(created.publicCode).toMatch(/^[A-Z2-9]{12}$/);
    expect(created.case).toMatchObject({
      type: 'pre_examination',
      state: 'submitted',
      title: '一种超快激光器的谐振腔结构',
      description: 'A resonator for an ultrafast laser.',
      organisation: '武汉光谷测试激光有限公司',
      creditCode: e1Code,
      matter: { rightKind: 'invention', counterfeit: false },
      submittedAt: today,
      version: 1,
    });
    caseId = created.case.id;
    caseNumber = created.case.number;
    publicCode = created.publicCode;
    expect(caseNumber).toMatch(new RegExp(`^PC-420100-${today.slice(0, 4)}-\\d{6}$`));

    // The officer sees it in the inbox and works it to a decision, each step on the version read.
    const inbox = (await get(s['officer-a']!, '/api/cases?state=submitted')).json();
    expect(inbox.items.map((c: { id: string }) => c.id)).toContain(caseId);
    let view = (await get(s['officer-a']!, `/api/cases/${caseId}`)).json();
    expect(view.actions.map((a: { action: string }) => a.action).sort()).toEqual(['accept', 'reject']);
    for (const action of ['accept', 'start_examination', 'pass']) {
      const res = await post(s['officer-a']!, `/api/cases/${caseId}/actions`, {
        action,
        version: view.case.version,
        note: `${action} by the officer`,
      });
      expect(res.statusCode, res.body).toBe(200);
      view = res.json();
    }
    expect(view.case).toMatchObject({
      state: 'passed',
      handledAt: today,
      onTime: true,
      outcome: 'passed',
      version: 4,
    });
    expect(view.history.map((h: { toState: string }) => h.toState)).toEqual([
      'submitted',
      'accepted',
      'under_examination',
      'passed',
    ]);
    expect(view.history[1]).toMatchObject({ action: 'accept', actor: `user:${s['officer-a']!.id}` });
    const center = view.deadlines.filter((d: { party: string }) => d.party === 'center');
    expect(center.length).toBeGreaterThan(0);
    for (const d of center) expect(d).toMatchObject({ clock: 'done', onTime: true });
    // The applicant now has the filing period running, and may record the filing.
    const mine = (await get(s.e1!, `/api/cases/${caseId}`)).json();
    expect(mine.actions).toEqual(
      expect.arrayContaining([{ action: 'record_filing', to: 'filed_with_cnipa', actor: 'applicant' }]),
    );

    const audit = await get(s.admin!, '/api/audit/verify');
    expect(audit.statusCode).toBe(200);
    expect(audit.json()).toMatchObject({ ok: true });
    expect(audit.json().entries).toBeGreaterThanOrEqual(6);
    expectProblem(await get(s.analyst!, '/api/audit/verify'), 403, 'forbidden');

    const report = await get(s.analyst!, `/api/case-reports?from=${today}&to=${today}`);
    expect(report.statusCode, report.body).toBe(200);
    const r = report.json();
    expect(r.handledTotal).toBe(1);
    expect(r.byCenter).toEqual([
      expect.objectContaining({ centerId: 'pc-test-wuhan', received: 1, handled: 1 }),
    ]);
    expect(r.byType).toEqual([
      expect.objectContaining({ type: 'pre_examination', passRate: 1, onTimeRate: 1 }),
    ]);
    const own = (await get(s['officer-a']!, `/api/case-reports?from=${today}&to=${today}`)).json();
    expect(own.handledTotal).toBe(1);
    expect(
      (await get(s['officer-b']!, `/api/case-reports?from=${today}&to=${today}`)).json().handledTotal,
    ).toBe(0);
    expectProblem(
      await get(s['officer-b']!, `/api/case-reports?from=${today}&to=${today}&center=pc-test-wuhan`),
      403,
      'forbidden',
    );
    expectProblem(await get(s.e1!, `/api/case-reports?from=${today}&to=${today}`), 403, 'forbidden');
    expectProblem(
      await get(s.analyst!, '/api/case-reports?from=2024-13-01&to=2024-12-31'),
      400,
      'invalid_input',
    );
    const csv = await get(s.analyst!, `/api/case-reports?from=${today}&to=${today}&format=csv`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\n')[0]).toContain('pre_examination_pass_rate');
    const xlsx = await get(s.analyst!, `/api/case-reports?from=${today}&to=${today}&format=xlsx`);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('an enterprise files only for itself, pre-examination only when registered; officers on behalf', async () => {
    expectProblem(
      await post(s.e2!, '/api/cases', { type: 'pre_examination', centerId: 'pc-test-wuhan', title: 'x' }),
      403,
      'not_registered',
    );
    expectProblem(
      await post(s.e2!, '/api/cases', {
        type: 'consultation',
        centerId: 'pc-test-wuhan',
        title: 'x',
        creditCode: e1Code,
      }),
      403,
      'forbidden',
    );
    expectProblem(
      await post(s.e2!, '/api/cases', { type: 'consultation', centerId: 'pc-test-wuhan' }),
      400,
      'invalid_input',
    );
    expectProblem(
      await post(s.e2!, '/api/cases', { type: 'consultation', centerId: 'pc-test-wuhan', title: 'a\nb' }),
      400,
      'invalid_input',
    );
    expectProblem(
      await post(s.e2!, '/api/cases', { type: 'consultation', centerId: 'pc-none', title: 'x' }),
      404,
      'not_found',
    );
    expectProblem(
      await post(s.e2!, '/api/cases', {
        type: 'consultation',
        centerId: 'pc-test-wuhan',
        title: 'x',
        rightNumbers: ['CN1'],
      }),
      404,
      'not_found',
    );
    const behalf = {
      type: 'consultation',
      centerId: 'pc-test-wuhan',
      title: '电话咨询',
      organisation: '某公司有限公司',
      creditCode: e2Code,
    };
    expectProblem(await post(s['officer-b']!, '/api/cases', behalf), 403, 'forbidden');
    expectProblem(
      await post(s['officer-a']!, '/api/cases', { ...behalf, creditCode: undefined }),
      400,
      'invalid_input',
    );
    const made = await post(s['officer-a']!, '/api/cases', behalf);
    expect(made.statusCode, made.body).toBe(201);
    // The enterprise sees the case filed on its behalf (by its credit code).
    expect((await get(s.e2!, `/api/cases/${made.json().case.id}`)).statusCode).toBe(200);
    expectProblem(await post(s.analyst!, '/api/cases', behalf), 403, 'forbidden');
  });

  it('who sees a case: its center, its enterprise, administrators; analysts read only; others get 404', async () => {
    expect((await get(s['officer-a2']!, `/api/cases/${caseId}`)).statusCode).toBe(200);
    expect((await get(s.admin!, `/api/cases/${caseId}`)).statusCode).toBe(200);
    expectProblem(await get(s['officer-b']!, `/api/cases/${caseId}`), 404, 'not_found');
    expectProblem(await get(s.e2!, `/api/cases/${caseId}`), 404, 'not_found');
    expectProblem(await get(s.e1!, '/api/cases/no-such-case'), 404, 'not_found');
    const read = await get(s.analyst!, `/api/cases/${caseId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().actions).toEqual([]);
    expectProblem(
      await post(s.analyst!, `/api/cases/${caseId}/actions`, { action: 'lapse', version: 4 }),
      403,
      'forbidden',
    );
    expectProblem(
      await post(s['officer-b']!, `/api/cases/${caseId}/actions`, { action: 'lapse', version: 4 }),
      404,
      'not_found',
    );
    expectProblem(
      await call(s['officer-b']!, 'PATCH', `/api/cases/${caseId}`, { otherParty: 'x', version: 4 }),
      404,
      'not_found',
    );
    // Lists: each sees their own.
    const ids = async (who: Session, q = '') =>
      ((await get(who, `/api/cases${q}`)).json().items as { id: string }[]).map((c) => c.id);
    expect(await ids(s['officer-a']!)).toContain(caseId);
    expect(await ids(s['officer-b']!)).toEqual([]);
    expect(await ids(s.e1!)).toEqual([caseId]);
    expect(await ids(s.e2!)).not.toContain(caseId);
    expect(await ids(s.analyst!)).toContain(caseId);
    expect(await ids(s['officer-a']!, '?mine=true')).toEqual([caseId]);
    expect(await ids(s['officer-a2']!, '?mine=true')).toEqual([]);
    expectProblem(await get(s['officer-a']!, '/api/cases?center=pc-test-changsha'), 403, 'forbidden');
    expectProblem(await get(s['officer-a']!, '/api/cases?type=lawsuit'), 400, 'invalid_input');
    const page = (await get(s.admin!, '/api/cases?limit=1')).json();
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).toBe(page.items[0].number);
    const next = (await get(s.admin!, `/api/cases?limit=1&cursor=${page.nextCursor}`)).json();
    expect(next.items[0].number > page.nextCursor).toBe(true);
    expect(page.items[0]).toMatchObject({ deadlineStatus: expect.any(String), version: expect.any(Number) });
  });

  it('two officers saving the same version: one is saved, the other gets 409 conflict', async () => {
    const c = (
      await post(s.e1!, '/api/cases', {
        type: 'rights_protection',
        centerId: 'pc-test-wuhan',
        title: '侵权投诉',
      })
    ).json().case;
    const [a, b] = await Promise.all([
      post(s['officer-a']!, `/api/cases/${c.id}/actions`, { action: 'accept', version: 1 }),
      call(s['officer-a2']!, 'PATCH', `/api/cases/${c.id}`, { otherParty: '某侵权公司', version: 1 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expectProblem(a.statusCode === 409 ? a : b, 409, 'conflict');
    const after = (await get(s['officer-a']!, `/api/cases/${c.id}`)).json();
    expect(after.case.version).toBe(2);
    // Same action twice on the same version: one wins.
    const both = await Promise.all(
      ['officer-a', 'officer-a2'].map((o) =>
        call(s[o]!, 'PATCH', `/api/cases/${c.id}`, { description: o, version: 2 }),
      ),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const final = (await get(s.admin!, `/api/cases/${c.id}`)).json();
    expect(final.case).toMatchObject({ version: 3, title: '侵权投诉' });
    // Not an action of the state, not the caller's action, bad input.
    expectProblem(
      await post(s['officer-a']!, `/api/cases/${c.id}/actions`, { action: 'decide', version: 3 }),
      409,
      'invalid_transition',
    );
    expectProblem(
      await post(s.e1!, `/api/cases/${c.id}/actions`, { action: 'reply', version: 3 }),
      409,
      'invalid_transition',
    );
    expectProblem(
      await post(s['officer-a']!, `/api/cases/${c.id}/actions`, { action: 'withdraw', version: 3 }),
      403,
      'transition_not_allowed',
    );
    expectProblem(
      await post(s['officer-a']!, `/api/cases/${c.id}/actions`, { action: 'accept' }),
      400,
      'invalid_input',
    );
  });

  it('a change answers the page a fresh GET gives, byte for byte; a stale one the same 409', async () => {
    const c = (
      await post(s.e1!, '/api/cases', {
        type: 'rights_protection',
        centerId: 'pc-test-wuhan',
        title: '页面一致',
        description: 'the "page" after a change',
      })
    ).json().case;
    const upload = await call(s.e1!, 'POST', `/api/cases/${c.id}/evidence?fileName=a.pdf`, PDF, {
      'content-type': 'application/pdf',
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const officer = s['officer-a']!;
    const url = `/api/cases/${c.id}`;
    const steps: [Session, () => Promise<LightMyRequestResponse>][] = [
      [
        officer,
        () => post(officer, `${url}/actions`, { action: 'accept', version: 1, note: '受理 "ok" \\ 😀' }),
      ],
      [
        officer,
        () => call(officer, 'PATCH', url, { otherParty: '某侵权公司', description: null, version: 2 }),
      ],
      [officer, () => post(officer, `${url}/extensions`, { days: 3, reason: '需要专家意见', version: 3 })],
      [s.e1!, () => post(s.e1!, `${url}/actions`, { action: 'withdraw', version: 4 })],
    ];
    for (const [who, step] of steps) {
      const res = await step();
      expect(res.statusCode, res.body).toBe(200);
      const fresh = await get(who, url);
      expect(res.json()).toEqual(fresh.json());
      expect(res.body).toBe(fresh.body);
    }
    expect((await get(officer, url)).json()).toMatchObject({
      case: { state: 'withdrawn', version: 5, otherParty: '某侵权公司', description: null },
      evidence: [{ fileName: 'a.pdf' }],
      extensions: [{ days: 3 }],
    });
    // Stale: caught on the read, or by the guarded write when two race; the same answer either way.
    const stale = await call(officer, 'PATCH', url, { otherParty: 'x', version: 4 });
    expectProblem(stale, 409, 'conflict');
    expect(Object.keys(stale.json()).sort()).toEqual([
      'code',
      'detail',
      'instance',
      'status',
      'title',
      'type',
    ]);
    expect(stale.json().detail).toMatch(/ was changed by someone else: it is at version 5, not 4; /);
    const race = await Promise.all(
      ['officer-a', 'officer-a2', 'admin'].map((who) =>
        call(s[who]!, 'PATCH', url, { otherParty: who, version: 5 }),
      ),
    );
    expect(race.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    for (const lost of race.filter((r) => r.statusCode === 409)) {
      expect(lost.json()).toEqual({
        ...stale.json(),
        detail: stale.json().detail.replace('5, not 4', '6, not 5'),
      });
    }
  });

  it('PATCH and extensions: officers and administrators, with a version; a reason is required', async () => {
    const c = (await get(s.admin!, `/api/cases/${caseId}`)).json().case;
    expectProblem(
      await call(s.e1!, 'PATCH', `/api/cases/${caseId}`, { otherParty: 'x', version: c.version }),
      403,
      'forbidden',
    );
    expectProblem(
      await call(s['officer-a']!, 'PATCH', `/api/cases/${caseId}`, { version: c.version }),
      400,
      'invalid_input',
    );
    expectProblem(
      await call(s['officer-a']!, 'PATCH', `/api/cases/${caseId}`, {
        officerId: s['officer-b']!.id,
        version: c.version,
      }),
      400,
      'invalid_input',
    );
    const edited = await call(s['officer-a']!, 'PATCH', `/api/cases/${caseId}`, {
      officerId: s['officer-a2']!.id,
      description: 'Corrected description.',
      version: c.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().case).toMatchObject({
      officerId: s['officer-a2']!.id,
      title: c.title,
      description: 'Corrected description.',
      version: c.version + 1,
    });
    const ext = (body: object) => post(s['officer-a2']!, `/api/cases/${caseId}/extensions`, body);
    expectProblem(
      await ext({ limit: 'filing', days: 5, reason: '', version: c.version + 1 }),
      400,
      'invalid_input',
    );
    expectProblem(await ext({ limit: 'filing', days: 5, reason: 'x', version: c.version }), 409, 'conflict');
    const granted = await ext({ limit: 'filing', days: 5, reason: '申请人请求延期', version: c.version + 1 });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json().extensions).toEqual([
      expect.objectContaining({ limit: 'filing', days: 5, reason: '申请人请求延期' }),
    ]);
    expectProblem(
      await post(s.e1!, `/api/cases/${caseId}/extensions`, { days: 5, reason: 'x', version: 1 }),
      403,
      'forbidden',
    );
    expectProblem(
      await post(s['officer-a']!, '/api/cases/nope/extensions', { days: 5, reason: 'x', version: 1 }),
      404,
      'not_found',
    );
  });

  it('evidence: limits on size and type, SHA-256 in the answer, downloads for those who see the case', async () => {
    const upload = (who: Session, body: Buffer, type: string, name: string) =>
      call(who, 'POST', `/api/cases/${caseId}/evidence?fileName=${encodeURIComponent(name)}`, body, {
        'content-type': type,
      });
    const res = await upload(s.e1!, PDF, 'application/pdf', '说明书.pdf');
    expect(res.statusCode, res.body).toBe(201);
    const ev = res.json();
    expect(ev).toMatchObject({
      fileName: '说明书.pdf',
      mediaType: 'application/pdf',
      size: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });
    const txt = await upload(
      s['officer-a']!,
      Buffer.from('notes\n'),
      'application/octet-stream',
      'notes.txt',
    );
    expect(txt.json()).toMatchObject({ mediaType: 'text/plain' });
    expectProblem(
      await upload(s.e1!, Buffer.alloc(20 * 1024 * 1024 + 1, 0x25), 'application/pdf', 'big.pdf'),
      413,
      'payload_too_large',
    );
    expectProblem(
      await upload(s.e1!, PDF, 'application/x-msdownload', 'a.exe'),
      415,
      'unsupported_media_type',
    );
    expectProblem(
      await upload(s.e1!, PDF, 'application/octet-stream', 'a.exe'),
      415,
      'unsupported_media_type',
    );
    expectProblem(await upload(s.e1!, PNG, 'application/pdf', 'fake.pdf'), 415, 'content_type_mismatch');
    expectProblem(await upload(s.e1!, PDF, 'image/png', 'a.pdf'), 415, 'content_type_mismatch');
    expectProblem(
      await call(s.e1!, 'POST', `/api/cases/${caseId}/evidence`, PDF, { 'content-type': 'application/pdf' }),
      400,
      'invalid_input',
    );
    expectProblem(await upload(s['officer-b']!, PDF, 'application/pdf', 'x.pdf'), 404, 'not_found');
    expectProblem(await upload(s.analyst!, PDF, 'application/pdf', 'x.pdf'), 403, 'forbidden');

    const url = `/api/cases/${caseId}/evidence/${ev.id}`;
    for (const who of ['e1', 'officer-a', 'admin', 'analyst']) {
      const file = await get(s[who]!, url);
      expect(file.statusCode, who).toBe(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(String(file.headers['content-disposition'])).toContain(
        "filename*=UTF-8''%E8%AF%B4%E6%98%8E%E4%B9%A6.pdf",
      );
      expect(file.rawPayload.equals(PDF)).toBe(true);
    }
    expectProblem(await get(s['officer-b']!, url), 404, 'not_found');
    expectProblem(await get(s.e2!, url), 404, 'not_found');
    expectProblem(await get(s.e1!, `/api/cases/${caseId}/evidence/nope`), 404, 'not_found');
    expect((await get(s.e1!, `/api/cases/${caseId}`)).json().evidence).toHaveLength(2);
  });

  it('the public status lookup: no session, only the state and dates, the same 404 for number and code', async () => {
    const ok = await get(null, `/api/case-status?number=${caseNumber}&code=${publicCode.toLowerCase()}`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(Object.keys(ok.json()).sort()).toEqual([
      'closedAt',
      'due',
      'number',
      'state',
      'submittedAt',
      'type',
    ]);
    expect(ok.json()).toMatchObject({ number: caseNumber, state: 'passed', submittedAt: today });
    const wrongCode = expectProblem(
      await get(null, `/api/case-status?number=${caseNumber}&code=AAAAAAAAAAAA`),
      404,
      'not_found',
    );
    const wrongNumber = expectProblem(
      await get(null, `/api/case-status?number=PC-420100-1999-000001&code=${publicCode}`),
      404,
      'not_found',
    );
    expect(wrongNumber.detail).toBe(wrongCode.detail);
    expectProblem(await get(null, '/api/case-status?number=x'), 400, 'invalid_input');
    // Guessing from one address is stopped, even with the right code afterwards; other addresses go on.
    const from = (ip: string, code: string) =>
      app.inject({
        method: 'GET',
        url: `/api/case-status?number=${caseNumber}&code=${code}`,
        remoteAddress: ip,
      });
    for (let i = 0; i < STATUS_LOOKUP_LIMITS.maxFailuresPerIp; i++)
      expect((await from('10.9.9.9', `WRONG${i}`)).statusCode).toBe(404);
    const limited = await from('10.9.9.9', publicCode);
    expectProblem(limited, 429, 'rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await from('10.9.9.10', publicCode)).statusCode).toBe(200);
  });

  it('notifications: the caller’s own, marked read once', async () => {
    const list = await get(s.e1!, '/api/notifications');
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: number; caseId: string; readAt: string | null }[];
    expect(items.some((n) => n.caseId === caseId)).toBe(true);
    const first = items[0]!;
    expectProblem(await post(s.e2!, `/api/notifications/${first.id}/read`), 404, 'not_found');
    const read = await post(s.e1!, `/api/notifications/${first.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).toEqual(expect.any(String));
    expect((await post(s.e1!, `/api/notifications/${first.id}/read`)).json().readAt).toBe(read.json().readAt);
    expect(
      (await get(s.e1!, '/api/notifications?unread=true')).json().items.map((n: { id: number }) => n.id),
    ).not.toContain(first.id);
    expectProblem(await post(s.e1!, '/api/notifications/0/read'), 400, 'invalid_input');
    expectProblem(await post(s.e1!, '/api/notifications/999999/read'), 404, 'not_found');
    // The officer's center hears of new cases, in words and as data.
    const officer = (await get(s['officer-a']!, '/api/notifications?limit=500')).json().items as {
      message: string;
      data: { event: string; number: string } | null;
    }[];
    expect(officer.some((n) => n.message.includes(caseNumber))).toBe(true);
    expect(officer.find((n) => n.data?.event === 'created' && n.data.number === caseNumber)?.data).toEqual({
      event: 'created',
      number: caseNumber,
      type: 'pre_examination',
      organisation: '武汉光谷测试激光有限公司',
    });
    // The enterprise hears of the officer's acts on its case: which action, from and to which state.
    const mine = (await get(s.e1!, '/api/notifications?limit=500')).json().items as {
      data: { event: string; number: string; action?: string; from?: string; to?: string } | null;
    }[];
    const acted = mine.filter((n) => n.data?.event === 'action' && n.data.number === caseNumber);
    expect(acted.length).toBeGreaterThan(0);
    expect(acted[0]!.data).toEqual({
      event: 'action',
      number: caseNumber,
      action: expect.any(String),
      from: expect.any(String),
      to: expect.any(String),
    });
  });

  it('notifications: pages by cursor, an unread count, all marked read at once', async () => {
    const all = (await get(s['officer-a']!, '/api/notifications?limit=500')).json().items as { id: number }[];
    expect(all.length).toBeGreaterThanOrEqual(3);
    // Page by page, two at a time: the same notifications in the same order, nothing twice.
    const paged: number[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/notifications?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = (await get(s['officer-a']!, url)).json() as {
        items: { id: number }[];
        nextCursor: string | null;
      };
      paged.push(...page.items.map((n) => n.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all.map((n) => n.id));
    expectProblem(await get(s['officer-a']!, '/api/notifications?cursor=x'), 400, 'invalid_input');

    const count = async (who: Session) => (await get(who, '/api/notifications/unread-count')).json().count;
    const unread = (await get(s['officer-a']!, '/api/notifications?unread=true&limit=500')).json().items
      .length;
    expect(await count(s['officer-a']!)).toBe(unread);
    expect(unread).toBeGreaterThan(0);
    const e2Before = await count(s.e2!);
    const marked = await post(s['officer-a']!, '/api/notifications/read-all');
    expect(marked.json()).toEqual({ marked: unread });
    expect(await count(s['officer-a']!)).toBe(0);
    expect((await post(s['officer-a']!, '/api/notifications/read-all')).json()).toEqual({ marked: 0 });
    // Someone else's stay as they were.
    expect(await count(s.e2!)).toBe(e2Before);
    expectProblem(await call(null, 'GET', '/api/notifications/unread-count'), 401, 'unauthenticated');
  });

  it('the calendar: working-day arithmetic for any session, overrides by administrators', async () => {
    expect((await get(s.e1!, '/api/calendar/add-working-days?date=2026-09-30&days=5')).json()).toEqual({
      date: '2026-10-13',
      provisional: false,
    });
    expect((await get(s.e1!, '/api/calendar/add-working-days?date=2026-02-13&days=7')).json().date).toBe(
      '2026-03-02',
    );
    expectProblem(
      await get(s.e1!, '/api/calendar/add-working-days?date=2026-02-30&days=7'),
      400,
      'invalid_input',
    );
    expectProblem(
      await get(s.e1!, '/api/calendar/add-working-days?date=2026-02-13&days=-1'),
      400,
      'invalid_input',
    );
    const body = { working: false, reason: '台风停工 typhoon' };
    expectProblem(
      await call(s['officer-a']!, 'PUT', '/api/calendar/overrides/2026-10-12', body),
      403,
      'forbidden',
    );
    expectProblem(
      await call(s.admin!, 'PUT', '/api/calendar/overrides/2026-10-12', { working: false }),
      400,
      'invalid_input',
    );
    const put = await call(s.admin!, 'PUT', '/api/calendar/overrides/2026-10-12', body);
    expect(put.json()).toMatchObject({ date: '2026-10-12', working: false, setBy: `user:${s.admin!.id}` });
    expect((await get(s.e1!, '/api/calendar/overrides')).json()).toEqual([
      expect.objectContaining({ date: '2026-10-12' }),
    ]);
    expect((await get(s.e1!, '/api/calendar/add-working-days?date=2026-09-30&days=5')).json().date).toBe(
      '2026-10-14',
    );
    expect((await call(s.admin!, 'DELETE', '/api/calendar/overrides/2026-10-12')).json()).toEqual({
      date: '2026-10-12',
      removed: true,
    });
    expectProblem(await call(s.admin!, 'DELETE', '/api/calendar/overrides/2026-10-12'), 404, 'not_found');
    expect((await get(s.admin!, '/api/audit/verify')).json().ok).toBe(true);
  });
});
