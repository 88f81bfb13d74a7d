import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type APIRequestContext, type Locator, type Page, request } from 'playwright-core';
import { createCenters, demoCenters, listCenters } from '../../src/cases/index.js';
import { startServer } from '../../src/server/index.js';
import type { Store } from '../../src/store/index.js';
import { ARTIFACTS } from './browser.js';
import { ensureWebBuilt, WEB_DIST } from './web-build.js';

/** The demo's users (docs/auth.md). */
export const DEMO = {
  admin: { login: 'admin', password: 'central-2024-root' },
  analyst: { login: 'analyst', password: 'central-2024-figures' },
  officer: { login: 'officer-wuhan', password: 'central-2024-cases' },
  enterprise: { login: 'enterprise-demo', password: 'central-2024-filing' },
} as const;

export interface CasesServer {
  url: string;
  store: Store;
  close(): Promise<void>;
}

/**
 * The real server over a fresh SQLite file with the small demo region, its users, public statistics
 * and (since start-up creates them) the demo's centers and cases; evidence goes to the temporary
 * folder. Should start-up not create the centers, the demo's 18 are added.
 */
export async function startCasesServer(): Promise<CasesServer> {
  await ensureWebBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'ipregion-e2e-cases-'));
  const server = await startServer({
    database: join(dir, 'e2e.db'),
    port: 0,
    demo: { scale: 0.002, seed: 1 },
    webRoot: WEB_DIST,
    evidenceDir: join(dir, 'evidence'),
  });
  if ((await listCenters(server.store)).length === 0) {
    await createCenters(server.store, demoCenters(), { kind: 'system', name: 'e2e' });
  }
  return {
    url: server.url,
    store: server.store,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A signed-in API client (cookie kept, CSRF token sent on writes) for checks beside the browser. */
export async function apiAs(
  baseURL: string,
  user: { login: string; password: string },
): Promise<{ api: APIRequestContext; csrf: string; me: { id: number; centerId: string | null } }> {
  const api = await request.newContext({ baseURL });
  const res = await api.post('/api/auth/login', { data: user });
  if (!res.ok()) throw new Error(`login ${user.login}: ${res.status()} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string; user: { id: number; centerId: string | null } };
  return { api, csrf: body.csrfToken, me: body.user };
}

export async function getJson<T>(api: APIRequestContext, path: string): Promise<T> {
  const res = await api.get(path);
  if (!res.ok()) throw new Error(`GET ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

export const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `cases-${name}.png`), fullPage: true });

/** Signs in through the sign-in page, then goes on to `next`. */
export async function signIn(
  page: Page,
  base: string,
  user: { login: string; password: string },
  next = '/',
) {
  await page.goto(`${base}/login?next=${encodeURIComponent(next)}`);
  await page.getByTestId('login-name').fill(user.login);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

/** Signs out through the user menu. */
export async function signOut(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await page.getByTestId('sign-in').waitFor();
}

/** Picks an option of an antd Select: types part of its label (when it searches), takes the first match. */
export async function pick(select: Locator, text: string) {
  await select.click();
  const input = select.locator('input').first();
  if ((await input.getAttribute('readonly')) === null) await input.fill(text);
  const page = select.page();
  const option = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
    .first();
  await option.waitFor();
  await option.click();
}

/** Adds a value to an antd tags Select. */
export async function addTag(select: Locator, value: string) {
  await select.click();
  await select.locator('input').first().fill(value);
  await select.locator('input').first().press('Enter');
  await select.locator('input').first().press('Escape');
}

/** Throws with the alert's text when the page shows an error (or a conflict) instead of `expected`. */
export async function expectOrAlert(page: Page, expected: Locator) {
  const alert = page.locator('.ant-alert-error, [data-testid=conflict], [data-testid=sign-in-prompt]');
  await expected.or(alert).first().waitFor();
  if (!(await expected.first().isVisible()) && (await alert.first().isVisible())) {
    throw new Error(`the page shows an error: ${await alert.first().textContent()}`);
  }
}
