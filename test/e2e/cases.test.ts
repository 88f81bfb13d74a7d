import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheck } from '../../src/core/index.js';
import { browserProblem, launchChromium } from './browser.js';
import {
  addTag,
  apiAs,
  type CasesServer,
  DEMO,
  expectOrAlert,
  getJson,
  pick,
  shot,
  signIn,
  signOut,
  startCasesServer,
} from './cases-helpers.js';

const describeBrowser = browserProblem ? describe.skip : describe;
const title = browserProblem
  ? `protection centers in Chromium — skipped: ${browserProblem}`
  : 'protection centers in Chromium: registration, pre-examination, audit, report (zh and en)';

interface Center {
  id: string;
  nameZh: string;
  nameEn: string;
}
interface ReportRow {
  centerId: string;
  type: string;
  received: number;
  closed?: number;
  handled?: number;
}

/** Today in China (UTC+8), the day the server counts in. */
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** The new enterprise an administrator signs up in the test (the demo's own is registered already). */
const ENTERPRISE = {
  login: 'e2e-photonics',
  password: 'laser-2026-filing',
  organisation: '武汉光谷新锐光电科技有限公司',
  creditCode: withCheck('91420100MA4KE2E01'),
};
const ORGANISATION = ENTERPRISE.organisation;

describeBrowser(title, () => {
  let server: CasesServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let admin: APIRequestContext;
  let center: Center;
  let before = { received: 0, closed: 0 };
  let caseNumber = '';
  let publicCode = '';
  let caseUrl = '';
  const today = chinaToday();

  /** The center's pre-examination figures for today, from the API as the administrator sees them. */
  const reportFigures = async () => {
    const report = await getJson<{ rows: ReportRow[] }>(
      admin,
      `/api/case-reports?from=${today}&to=${today}&center=${center.id}`,
    );
    const rows = report.rows.filter((r) => r.centerId === center.id && r.type === 'pre_examination');
    return {
      received: rows.reduce((s, r) => s + r.received, 0),
      closed: rows.reduce((s, r) => s + (r.closed ?? r.handled ?? 0), 0),
    };
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startCasesServer(), launchChromium()]);
    const officer = await apiAs(server.url, DEMO.officer);
    const centerId = officer.me.centerId;
    await officer.api.dispose();
    admin = (await apiAs(server.url, DEMO.admin)).api;
    const centers = await getJson<Center[]>(admin, '/api/centers');
    const found = centers.find((c) => c.id === centerId);
    if (!found) throw new Error(`the demo officer's center ${centerId} is not among the centers`);
    center = found;
    before = await reportFigures();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
  }, 240_000);

  afterAll(async () => {
    await admin?.dispose();
    await browser?.close();
    await server?.close();
  });

  it('keeps the statistics public and asks visitors to sign in for cases', async () => {
    await page.goto(server.url);
    await page.getByTestId('kpi-invention').getByTestId('kpi-value').waitFor();
    await page.goto(`${server.url}/cases`);
    await page.getByTestId('sign-in-prompt').waitFor();
    await expect(page.getByTestId('sign-in-prompt').textContent()).resolves.toContain('请先登录');
    await shot(page, '01-sign-in-prompt');
    await page.getByTestId('sign-in-link').click();
    await page.getByTestId('login-page').waitFor();
    expect(page.url()).toContain('next=%2Fcases');
  });

  it('the administrator signs up a new enterprise user', async () => {
    await signIn(page, server.url, DEMO.admin, '/admin?tab=users');
    await page.getByTestId('users-admin').waitFor();
    await page.getByTestId('user-login').fill(ENTERPRISE.login);
    await pick(page.getByTestId('user-role'), '企业用户');
    await page.getByTestId('user-display-name').fill('新锐光电 New Photonics');
    await page.getByTestId('user-organisation').fill(ENTERPRISE.organisation);
    await page.getByTestId('user-credit-code').fill(ENTERPRISE.creditCode);
    await page.getByTestId('user-password').fill(ENTERPRISE.password);
    await page.getByTestId('user-submit').click();
    const row = page.locator('[data-testid=users-admin] tr', { hasText: ENTERPRISE.login });
    await expectOrAlert(page, row.first());
    await expect(row.first().textContent()).resolves.toContain(ENTERPRISE.organisation);
    await shot(page, '02-user-created');
    await signOut(page);
  });

  it('the enterprise applies to register with the officer’s center (中文, then English)', async () => {
    await signIn(page, server.url, ENTERPRISE, '/registration');
    await page.getByTestId('registration-page').waitFor();
    await expect(page.locator('h3').first().textContent()).resolves.toBe('企业备案');
    // The menu shows what an enterprise does, not what officers or administrators do.
    await page.getByTestId('nav-new-case').waitFor();
    expect(await page.getByTestId('nav-admin').count()).toBe(0);
    await pick(page.getByTestId('registration-center'), center.nameZh);
    await page.getByTestId('center-card').waitFor();
    await pick(page.getByTestId('registration-region'), '420100');
    await addTag(page.getByTestId('registration-ipc'), 'H01L');
    await shot(page, '03-registration-form');
    await page.getByTestId('registration-submit').click();
    const applied = page.locator('[data-testid=registrations-table] [data-testid=registration-status]');
    await expectOrAlert(page, applied);
    await expect(applied.first().getAttribute('data-status')).resolves.toBe('applied');
    await expect(applied.first().textContent()).resolves.toBe('待审核');

    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('h3').first().textContent()).toBe('Registration with a center');
    await expect(applied.first().textContent()).resolves.toBe('applied');
    await expect(page.getByTestId('nav-new-case').textContent()).resolves.toBe('File a case');
    await shot(page, '04-registration-applied-en');
    await signOut(page);
  });

  it('the officer approves the registration (English)', async () => {
    await signIn(page, server.url, DEMO.officer, '/registration?status=applied');
    await page.getByTestId('registrations-review').waitFor();
    await expect(page.locator('h3').first().textContent()).resolves.toBe('Registrations to review');
    const row = page.locator('[data-testid=registrations-table] tr', { hasText: ORGANISATION });
    await row.first().waitFor();
    await row.first().getByTestId('approve').click();
    await row.first().waitFor({ state: 'detached' });
    await page.goto(`${server.url}/registration?status=approved`);
    const approved = page.locator('[data-testid=registrations-table] tr', { hasText: ORGANISATION });
    await expectOrAlert(page, approved.first());
    await expect(approved.first().getByTestId('registration-status').textContent()).resolves.toBe('approved');
    await shot(page, '05-registration-approved-en');
    await signOut(page);
  });

  it('the enterprise files a pre-examination request and sees its lookup code once (English)', async () => {
    await signIn(page, server.url, ENTERPRISE, '/cases/new');
    await page.getByTestId('new-case-page').waitFor();
    await expect(page.locator('h3').first().textContent()).resolves.toBe('File a case');
    await pick(page.getByTestId('case-center'), center.nameEn);
    await page.getByTestId('case-title').fill('一种可调谐半导体激光器 tunable semiconductor laser');
    await page
      .getByTestId('case-description')
      .fill('请求专利快速预审 — fast-track pre-examination requested.');
    await page.getByTestId('case-ipc').fill('H01S 5/06');
    await shot(page, '06-new-case-en');
    await page.getByTestId('case-submit').click();
    await expectOrAlert(page, page.getByTestId('case-filed'));
    caseNumber = (await page.getByTestId('filed-number').textContent()) ?? '';
    publicCode = (await page.getByTestId('public-code').textContent()) ?? '';
    expect(caseNumber).not.toBe('');
    expect(publicCode).toMatch(/^[A-Z0-9-]{6,}$/);
    await expect(page.getByTestId('case-filed').textContent()).resolves.toContain('Lookup code');
    await shot(page, '07-case-filed-en');
    await page.getByTestId('open-filed-case').click();
    await page.getByTestId('case-page').waitFor();
    caseUrl = page.url();
    await expect(page.getByTestId('case-state').getAttribute('data-state')).resolves.toBe('submitted');
    // The applicant sees no officer's tools.
    expect(await page.getByTestId('officer-tools').count()).toBe(0);
    await signOut(page);
  });

  it('the officer finds it in the inbox and board (中文) and works it to a pass within its deadline', async () => {
    // The demo's center has many cases: the new requests waiting for intake.
    await signIn(page, server.url, DEMO.officer, '/cases?type=pre_examination&state=submitted');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('h3').first().textContent()).toBe('案件收件箱');
    const link = page.locator('[data-testid=cases-table] [data-testid=case-link]', { hasText: caseNumber });
    await expectOrAlert(page, link.first());
    await shot(page, '08-inbox');
    await page.goto(`${server.url}/cases?view=board&type=pre_examination&state=submitted`);
    const card = page.locator('[data-testid=board-column][data-state=submitted] [data-testid=case-link]', {
      hasText: caseNumber,
    });
    await card.first().waitFor();
    await shot(page, '09-board');
    await card.first().click();
    await page.getByTestId('case-page').waitFor();
    expect(page.url()).toBe(caseUrl);

    // A second tab on the same case, left at the version it loaded.
    const stale = await context.newPage();
    await stale.goto(caseUrl);
    await stale.getByTestId('action-accept').waitFor();

    const act = async (action: string, to: string, note?: string) => {
      await page.getByTestId(`action-${action}`).click();
      if (note) await page.getByTestId('action-note').fill(note);
      await page.getByTestId('action-confirm').click();
      await expectOrAlert(page, page.locator(`[data-testid=case-page][data-state=${to}]`));
    };
    await act('accept', 'accepted', '材料齐全，予以受理');

    // The stale tab's save is refused with a clear conflict, and a reload shows the new state.
    await stale.getByTestId('action-accept').click();
    await stale.getByTestId('action-confirm').click();
    await stale.getByTestId('conflict').waitFor();
    await expect(stale.getByTestId('conflict').textContent()).resolves.toContain('该案件已被他人修改');
    await shot(stale, '10-conflict');
    await stale.getByTestId('conflict-reload').click();
    await stale.locator('[data-testid=case-page][data-state=accepted]').waitFor();
    await stale.close();

    // Evidence: the limits are shown; a file goes up and comes back with its SHA-256.
    await expect(page.getByTestId('upload-limits').textContent()).resolves.toContain('20 MB');
    const content = Buffer.from('预审意见：权利要求 1–10 符合授权条件。\n');
    await page.locator('[data-testid=case-evidence] input[type=file]').setInputFiles({
      name: 'opinion.txt',
      mimeType: 'text/plain',
      buffer: content,
    });
    const evidence = page.locator('[data-testid=evidence-link]', { hasText: 'opinion.txt' });
    await expectOrAlert(page, evidence.first());
    const href = await evidence.first().getAttribute('href');
    const download = await page.request.get(`${server.url}${href}`);
    expect(download.status()).toBe(200);
    expect(Buffer.from(await download.body()).equals(content)).toBe(true);

    await act('start_examination', 'under_examination');
    const handling = page.locator('[data-testid=deadline-row][data-limit=handling]');
    await expect(handling.getByTestId('deadline-clock').getAttribute('data-clock')).resolves.toBe('running');
    await expect(handling.getByTestId('deadline-used').textContent()).resolves.toMatch(/\/ 7 个工作日$/);

    // An extension needs a reason; with one, the limit grows by the days given.
    await page.getByTestId('extension-days').fill('2');
    await page.getByTestId('extension-submit').click();
    await page.getByText('延长期限必须填写理由').waitFor();
    await page.getByTestId('extension-reason').fill('申请人补充了检索报告，需复核');
    await page.getByTestId('extension-submit').click();
    await expect.poll(() => handling.getByTestId('deadline-used').textContent()).toMatch(/\/ 9 个工作日$/);
    await shot(page, '11-under-examination');
    await act('pass', 'passed', '预审合格，可向国家知识产权局提交申请');
    await expect(page.getByTestId('case-state').textContent()).resolves.toBe('预审合格');
    await expect(handling.getByTestId('deadline-clock').getAttribute('data-clock')).resolves.toBe('done');
    await expect(handling.textContent()).resolves.toContain('按期');
    // The applicant's filing period has started.
    const filing = page.locator('[data-testid=deadline-row][data-limit=filing]');
    await expect(filing.getByTestId('deadline-clock').getAttribute('data-clock')).resolves.toBe('running');
    expect(await page.getByTestId('history-entry').count()).toBeGreaterThanOrEqual(4);
    await shot(page, '12-passed');

    // The API agrees: the center's handling limit was kept.
    const id = decodeURIComponent(new URL(caseUrl).pathname.split('/').pop() ?? '');
    const view = await getJson<{ deadlines: Array<{ limit: string; onTime: boolean | null }> }>(
      admin,
      `/api/cases/${encodeURIComponent(id)}`,
    );
    expect(view.deadlines.find((d) => d.limit === 'handling')?.onTime).toBe(true);
    await signOut(page);
  });

  it('anyone looks up the status with the number and code, without signing in', async () => {
    const visitor = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    try {
      const p = await visitor.newPage();
      await p.goto(`${server.url}/status`);
      await p.getByTestId('status-number').fill(caseNumber);
      await p.getByTestId('status-code').fill('WRONG-CODE-0');
      await p.getByTestId('status-submit').click();
      await p.locator('[data-testid=status-result] .ant-alert-error').waitFor();
      await p.getByTestId('status-code').fill(publicCode);
      await p.getByTestId('status-submit').click();
      await expectOrAlert(p, p.getByTestId('status-state'));
      await expect(p.getByTestId('status-state').getAttribute('data-state')).resolves.toBe('passed');
      const shown = (await p.getByTestId('status-result').textContent()) ?? '';
      expect(shown).not.toContain(ORGANISATION);
      await shot(p, '13-status-lookup');
    } finally {
      await visitor.close();
    }
  });

  it('the administrator verifies the audit chain', async () => {
    await signIn(page, server.url, DEMO.admin, '/admin?tab=settings');
    await page.getByTestId('nav-admin').waitFor();
    await page.getByTestId('audit-verify').click();
    const result = page.locator('[data-testid=audit-result]');
    await expectOrAlert(page, result);
    await expect(result.getAttribute('data-ok')).resolves.toBe('true');
    await expect(result.textContent()).resolves.toContain('审计链完整');
    const verified = await getJson<{ ok: boolean; entries: number }>(admin, '/api/audit/verify');
    expect(verified.ok).toBe(true);
    expect(verified.entries).toBeGreaterThan(0);
    await shot(page, '14-audit');
  });

  it('the center report counts the case, received and closed (English)', async () => {
    const after = await reportFigures();
    expect(after).toEqual({ received: before.received + 1, closed: before.closed + 1 });
    await page.getByTestId('lang-switch').click();
    await page.goto(`${server.url}/case-reports?from=${today}&to=${today}&center=${center.id}`);
    await page.getByTestId('case-reports-page').waitFor();
    await expect(page.locator('h3').first().textContent()).resolves.toBe('Protection-center case report');
    const row = page.locator(
      `[data-testid=report-table] tr[data-center="${center.id}"][data-type=pre_examination]`,
    );
    await expectOrAlert(page, row.first());
    await expect(row.getByTestId('cell-received').textContent()).resolves.toBe(String(after.received));
    await expect(row.getByTestId('cell-closed').textContent()).resolves.toBe(String(after.closed));
    await expect(page.getByTestId('report-table').textContent()).resolves.toContain('Received');
    await page.locator('[data-testid=report-chart][data-chart-ready=true]').waitFor();
    const csv = await page.getByTestId('report-csv').getAttribute('href');
    expect(csv).toContain('format=csv');
    const res = await page.request.get(`${server.url}${csv}`);
    expect(res.status()).toBe(200);
    await shot(page, '15-report-en');
  });
});
