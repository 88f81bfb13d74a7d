import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, browserProblem, launchChromium, startWebServer, type WebServer } from './browser.js';

const describeBrowser = browserProblem ? describe.skip : describe;
const title = browserProblem
  ? `web app in Chromium — skipped: ${browserProblem}`
  : 'web app in Chromium (demo data)';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

/** A formatted count ("1,830") or density ("0.05") as a number. */
const numberOf = (text: string | null) => Number((text ?? '').replace(/[^\d.]/g, ''));

interface RegionNode {
  code: string;
  name: string;
}

describeBrowser(title, () => {
  let server: WebServer;
  let browser: Browser;
  let page: Page;
  let drilledNumber = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchChromium()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const dashboardReady = async (p: Page) => {
    await p.getByTestId('kpi-invention').getByTestId('kpi-value').waitFor();
    await p.locator('[data-testid=map-chart][data-chart-ready=true]').waitFor();
  };

  it('loads the dashboard with the demo figures', async () => {
    await page.goto(server.url);
    await dashboardReady(page);
    for (const kpi of ['invention', 'trademark', 'utility_model', 'design']) {
      const value = await page.getByTestId(`kpi-${kpi}`).getByTestId('kpi-value').textContent();
      expect(value, kpi).toMatch(/^[1-9][\d,]*$/);
    }
    const density = await page.getByTestId('kpi-per10k').getByTestId('kpi-value').textContent();
    expect(numberOf(density)).toBeGreaterThan(0);
    await expect(page.getByTestId('kpi-invention').textContent()).resolves.toContain('有效发明专利');
    await shot(page, '01-dashboard-1280');
  });

  it('draws the map of the six provinces, coloured by the figures', async () => {
    const res = await fetch(`${server.url}/api/reference/regions?root=central&depth=0`);
    const provinces = (await res.json()) as RegionNode[];
    expect(provinces).toHaveLength(6);
    const map = page.getByTestId('map-chart');
    const labels = await map.locator('svg text').allTextContents();
    for (const p of provinces) expect(labels, p.name).toContain(p.name);
    const fills = new Set<string | null>();
    for (const path of await map.locator('svg path').all()) fills.add(await path.getAttribute('fill'));
    // Six areas of different values take several shades, not one flat colour.
    expect(fills.size).toBeGreaterThanOrEqual(4);
  });

  it('drills from a KPI card to the rights behind it, the first page in full', async () => {
    const value = numberOf(await page.getByTestId('kpi-invention').getByTestId('kpi-value').textContent());
    await page.getByTestId('kpi-invention').click();
    const rows = page.locator('[data-testid=drill-table] .ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(Math.min(value, 50));
    expect(numberOf(await page.getByTestId('drill-total').textContent())).toBe(value);
    expect(numberOf(await page.getByTestId('drill-shown').textContent())).toBe(Math.min(value, 50));
    const csv = await page.getByTestId('drill-csv').getAttribute('href');
    expect(csv).toContain('kind=invention');
    drilledNumber = (await rows.first().getByTestId('right-link').textContent()) ?? '';
    expect(drilledNumber).toMatch(/^CN/);
    await shot(page, '02-drill-kpi');
    if (value > 50) {
      await page.getByTestId('load-more').click();
      await expect.poll(() => rows.count()).toBe(Math.min(value, 100));
    }
    await page.keyboard.press('Escape');
    await rows.first().waitFor({ state: 'hidden' });
  });

  it('drills from a map area to that province’s rights', async () => {
    const res = await fetch(
      `${server.url}/api/stats/figures?date=${await currentDate(page)}&region=42&kind=invention`,
    );
    const hubei = ((await res.json()) as { figures: Array<{ value: number }> }).figures[0]?.value ?? 0;
    expect(hubei).toBeGreaterThan(0);
    await page.getByTestId('map-chart').locator('svg text', { hasText: '湖北省' }).click();
    const rows = page.locator('[data-testid=drill-table] .ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(Math.min(hubei, 50));
    expect(numberOf(await page.getByTestId('drill-total').textContent())).toBe(hubei);
    await shot(page, '03-drill-map');
    await page.keyboard.press('Escape');
    await rows.first().waitFor({ state: 'hidden' });
  });

  it('switches to English and keeps it across a reload', async () => {
    await page.getByTestId('lang-switch').click();
    await expect
      .poll(() => page.getByTestId('kpi-invention').textContent())
      .toContain('Valid invention patents');
    await page.reload();
    await dashboardReady(page);
    await expect(page.getByTestId('kpi-invention').textContent()).resolves.toContain(
      'Valid invention patents',
    );
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await shot(page, '04-dashboard-english');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('kpi-invention').textContent()).toContain('有效发明专利');
    await page.reload();
    await dashboardReady(page);
    await expect(page.getByTestId('kpi-invention').textContent()).resolves.toContain('有效发明专利');
  });

  it('finds the drilled right by its number and opens its page with the timeline', async () => {
    expect(drilledNumber).not.toBe('');
    await page.getByRole('link', { name: '权利检索' }).click();
    await page.getByTestId('f-number').fill(drilledNumber);
    await page.getByTestId('search-submit').click();
    const hit = page.locator('[data-testid=search-results] [data-testid=right-link]', {
      hasText: drilledNumber,
    });
    const problem = page.getByRole('alert');
    await hit.or(problem).first().waitFor();
    if (await problem.isVisible()) throw new Error(`search failed: ${await problem.textContent()}`);
    await shot(page, '05-search');
    await hit.first().click();
    await page.getByTestId('right-page').waitFor();
    const events = page.getByTestId('timeline-event');
    await events.first().waitFor();
    expect(await events.count()).toBeGreaterThanOrEqual(2);
    await expect(page.getByTestId('timeline').textContent()).resolves.toContain('授权');
    await expect(page.getByTestId('right-page').textContent()).resolves.toContain(drilledNumber);
    await shot(page, '06-right');
  });

  it('renders the regional report', async () => {
    await page.getByRole('link', { name: '区域报告' }).click();
    const headline = page.getByTestId('report-headline');
    await headline.first().waitFor();
    expect(await headline.count()).toBe(4);
    await shot(page, '07-report');
  });

  it('shows an API error in words, not a blank page', async () => {
    await page.goto(`${server.url}/rights/999999999`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/999999999/);
  });

  it('fits a phone screen (375 px)', async () => {
    const phone = await browser.newPage({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' });
    try {
      await phone.goto(server.url);
      await dashboardReady(phone);
      const width = await phone.evaluate('document.documentElement.scrollWidth');
      expect(width).toBeLessThanOrEqual(375);
      await shot(phone, '08-dashboard-375');
    } finally {
      await phone.close();
    }
  });
});

async function currentDate(page: Page): Promise<string> {
  return (await page.getByTestId('date-input').inputValue()) || '';
}
