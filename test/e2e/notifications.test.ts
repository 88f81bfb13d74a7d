import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserProblem, launchChromium } from './browser.js';
import {
  apiAs,
  type CasesServer,
  DEMO,
  expectOrAlert,
  shot,
  signIn,
  signOut,
  startCasesServer,
} from './cases-helpers.js';

const describeBrowser = browserProblem ? describe.skip : describe;
const title = browserProblem
  ? `notifications in Chromium — skipped: ${browserProblem}`
  : 'notifications in Chromium: the bell, the list, marking read (zh and en, 1280 and 375 px)';

interface FiledCase {
  case: { id: string; number: string; version: number };
}

/** A party of the test with its own API session (cookie and CSRF token). */
interface Party {
  api: APIRequestContext;
  csrf: string;
}

async function post<T>(party: Party, path: string, data: unknown): Promise<T> {
  const res = await party.api.post(path, { data, headers: { 'x-csrf-token': party.csrf } });
  if (!res.ok()) throw new Error(`POST ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The bell's count as the page holds it (data-count: exact below the badge's "99+"). */
async function bellCount(page: Page): Promise<number> {
  return Number((await page.getByTestId('notifications-bell').getAttribute('data-count')) || '-1');
}

/** Waits until the drawer has slid in to the right edge (for screenshots without its motion). */
async function drawerIn(page: Page): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  const panel = page.locator('.ant-drawer-content-wrapper').first();
  await expect
    .poll(async () => {
      const box = await panel.boundingBox();
      return box ? Math.round(box.x + box.width) : -1;
    })
    .toBe(width);
}

describeBrowser(title, () => {
  let server: CasesServer;
  let browser: Browser;
  let officer: Party;
  let enterprise: Party;
  let centerId = '';
  let filed: FiledCase['case'];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startCasesServer(), launchChromium()]);
    const o = await apiAs(server.url, DEMO.officer);
    officer = o;
    centerId = o.me.centerId ?? '';
    enterprise = await apiAs(server.url, DEMO.enterprise);
  }, 240_000);

  afterAll(async () => {
    await officer?.api.dispose();
    await enterprise?.api.dispose();
    await browser?.close();
    await server?.close();
  });

  it('the officer hears of a new case: badge, list, mark read (中文, then English)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await signIn(page, server.url, DEMO.officer, '/cases');
      await page.getByTestId('notifications-bell').waitFor();
      await expect.poll(() => bellCount(page)).toBeGreaterThanOrEqual(0);
      const before = await bellCount(page);

      // The enterprise files a case with the officer's center; the officer moves to another page.
      filed = (
        await post<FiledCase>(enterprise, '/api/cases', {
          type: 'consultation',
          centerId,
          title: '专利许可费率咨询 licence fee question',
        })
      ).case;
      await page.getByTestId('nav-dashboard').click();
      await expect.poll(() => bellCount(page)).toBe(before + 1);
      const badge = page.locator('.bell .ant-badge-count');
      await badge.waitFor();
      await expect(badge.getAttribute('title')).resolves.toBe(String(before + 1));
      await shot(page, 'notifications-01-badge');

      await page.getByTestId('notifications-bell').click();
      await page.getByTestId('notifications-drawer').waitFor();
      await expect(page.locator('.ant-drawer-title').textContent()).resolves.toBe('通知');
      const item = page.locator('[data-testid=notification]', { hasText: filed.number }).first();
      await expectOrAlert(page, item);
      await expect(item.getAttribute('data-read')).resolves.toBe('false');
      // Worded in the reader's language from the notification's data.
      await expect(item.getByTestId('notification-message').textContent()).resolves.toContain(
        `提交了咨询案件 ${filed.number}`,
      );
      await expect(item.getByTestId('notification-kind').textContent()).resolves.toBe('案件动态');
      await expect(item.getByTestId('notification-case').getAttribute('href')).resolves.toBe(
        `/cases/${encodeURIComponent(filed.id)}`,
      );
      await drawerIn(page);
      await shot(page, 'notifications-02-list-zh');

      await item.getByTestId('notification-mark-read').click();
      await expect.poll(() => item.getAttribute('data-read')).toBe('true');
      await expect.poll(() => bellCount(page)).toBe(before);
      expect(await item.getByTestId('notification-mark-read').count()).toBe(0);

      // In English the same list speaks English; the read one stays read.
      await page.keyboard.press('Escape');
      await page.getByTestId('notifications-drawer').waitFor({ state: 'hidden' });
      await page.getByTestId('lang-switch').click();
      await page.getByTestId('notifications-bell').click();
      await expect.poll(() => page.locator('.ant-drawer-title').textContent()).toBe('Notifications');
      await item.waitFor();
      await expect(item.getByTestId('notification-kind').textContent()).resolves.toBe('case update');
      await expect(item.getByTestId('notification-message').textContent()).resolves.toContain(
        `New consultation case ${filed.number} from`,
      );
      await expect(item.getAttribute('data-read')).resolves.toBe('true');
      await expect(page.getByTestId('notifications-mark-all').textContent()).resolves.toBe('Mark all read');
      await drawerIn(page);
      await shot(page, 'notifications-03-list-en');

      // The case link opens the case page and closes the drawer.
      await item.getByTestId('notification-case').click();
      await page.getByTestId('case-page').waitFor();
      expect(new URL(page.url()).pathname).toBe(`/cases/${encodeURIComponent(filed.id)}`);
      await page.getByTestId('notifications-drawer').waitFor({ state: 'hidden' });
    } finally {
      await context.close();
    }
  });

  it('the applicant hears of the officer’s act on a phone: mark all read, then nothing unread (English)', async () => {
    await post(officer, `/api/cases/${encodeURIComponent(filed.id)}/actions`, {
      action: 'take',
      version: filed.version,
    });
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await signIn(page, server.url, DEMO.enterprise, '/cases');
      await page.getByTestId('lang-switch').click();
      await expect.poll(() => bellCount(page)).toBeGreaterThanOrEqual(1);
      // The bell stays on screen beside the menu at phone width.
      const box = await page.getByTestId('notifications-bell').boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);
      await shot(page, 'notifications-04-badge-375');

      await page.getByTestId('notifications-bell').click();
      const item = page.locator('[data-testid=notification]', { hasText: filed.number }).first();
      await expectOrAlert(page, item);
      await expect(item.getByTestId('notification-message').textContent()).resolves.toContain(
        `Case ${filed.number}: take up (submitted → in progress)`,
      );
      await expect(item.getByTestId('notification-kind').textContent()).resolves.toBe('case update');
      await drawerIn(page);
      await shot(page, 'notifications-05-list-375');

      await page.getByTestId('notifications-mark-all').click();
      await expect.poll(() => item.getAttribute('data-read')).toBe('true');
      await expect.poll(() => bellCount(page)).toBe(0);
      // The badge goes (after its zoom-out).
      await expect.poll(() => page.locator('.bell .ant-badge-count').count()).toBe(0);

      await page.getByTestId('notifications-unread-only').click();
      await page.getByTestId('notifications-empty').waitFor();
      await expect(page.getByTestId('notifications-empty').textContent()).resolves.toContain(
        'No unread notifications',
      );
      await shot(page, 'notifications-06-none-unread-375');
    } finally {
      await context.close();
    }
  });

  it('the bell asks again every 60 s while signed in, and no more once signed out', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    // The page's clock, moved on by hand: a minute passes without waiting for it.
    await page.clock.install();
    let asks = 0;
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/notifications/unread-count') asks += 1;
    });
    try {
      await signIn(page, server.url, DEMO.officer, '/cases');
      await expect.poll(() => bellCount(page)).toBeGreaterThanOrEqual(0);
      await expect.poll(() => asks).toBeGreaterThanOrEqual(1);
      // The asks of signing in and of moving to /cases are over before the minute starts.
      await page.waitForLoadState('networkidle');
      const signedIn = asks;
      await page.clock.fastForward(61_000);
      await expect.poll(() => asks).toBe(signedIn + 1);

      await signOut(page);
      const signedOut = asks;
      await page.clock.fastForward(181_000);
      // Nothing to wait for but the absence of requests: give the page a moment to make one.
      await page.waitForTimeout(500);
      expect(asks).toBe(signedOut);
      expect(await page.getByTestId('notifications-bell').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
