import { existsSync, mkdirSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../../server/app';
import { createRuntime, type Runtime } from '../../server/runtime';
import { testConfig } from './config';

/**
 * Debian's Chromium (playwright-core; nothing is downloaded) against the built web app served
 * by the real API on a real port. `npm test` builds the web app first.
 */
export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const shots = 'test-results/browser';

export interface BrowserHarness {
  rt: Runtime;
  app: FastifyInstance;
  browser: Browser;
  base: string;
  newPage(): Promise<Page & { problems: string[] }>;
  close(): Promise<void>;
}

export async function startBrowserHarness(): Promise<BrowserHarness> {
  if (!existsSync('web/dist/index.html')) throw new Error('web/dist is missing: run npm run build:web (npm test does)');
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}: apt-get install -y chromium`);
  mkdirSync(shots, { recursive: true });
  const config = testConfig();
  const rt = await createRuntime(config, config.DATABASE_URL!);
  const app = await buildApp({ config, services: rt.services, probes: rt.probes });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    rt,
    app,
    browser,
    base,
    async newPage() {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
      const page = (await context.newPage()) as Page & { problems: string[] };
      page.problems = [];
      page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
      page.on('console', (m) => {
        // Failed requests the page handles (4xx shown to the user) are not problems.
        if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) page.problems.push(`console: ${m.text()}`);
      });
      return page;
    },
    async close() {
      await browser.close();
      await app.close();
      await rt.close();
    },
  };
}

export async function logInThroughForm(page: Page, email: string, password: string) {
  await page.getByTestId('nav-login').click();
  const form = page.getByTestId('login-form');
  await form.locator('[name="email"]').fill(email);
  await form.locator('[name="password"]').fill(password);
  await form.locator('button[type="submit"]').click();
  await page.getByTestId('user-menu').waitFor();
}
