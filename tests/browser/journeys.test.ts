import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logInThroughForm, shots, startBrowserHarness, type BrowserHarness } from '../helpers/browser';
import { makeUser, testPassword, unique, validCreditCode } from '../helpers/factories';

let h: BrowserHarness;
let base: string;
beforeAll(async () => {
  h = await startBrowserHarness();
  base = h.base;
});
afterAll(async () => h?.close());
const newPage = () => h.newPage();
const problemsOf = (p: { problems: string[] }) => p.problems;

describe('an enterprise R&D manager', () => {
  it('registers, logs out and in again, switches language and keeps it', async () => {
    const page = await newPage();
    await page.goto(base);
    await page.getByTestId('home-heading').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');

    await page.getByTestId('nav-register').click();
    await page.getByTestId('register-kind-enterprise').click();
    const name = '孙明远';
    const email = `${unique('sun')}@example.test`;
    const company = unique('扬州精研新材料有限公司');
    const form = page.getByTestId('register-form');
    await form.locator('[name="person.name"]').fill(name);
    await form.locator('[name="person.email"]').fill(email);
    await form.locator('[name="person.password"]').fill('Jiebang-2026-x');
    await form.locator('[name="organisation.name"]').fill(company);
    // A wrong check character is explained before submission.
    const code = validCreditCode();
    await form.locator('[name="organisation.creditCode"]').fill(code.slice(0, 17) + (code[17] === '0' ? '1' : '0'));
    await page.getByTestId('field-error-organisation.creditCode').waitFor();
    await form.locator('[name="organisation.creditCode"]').fill(code);
    await page.getByTestId('credit-code-ok').waitFor();
    await form.locator('[name="organisation.industry"]').selectOption('new_materials');
    await form.locator('[name="organisation.district"]').fill('仪征市');
    await form.locator('button[type="submit"]').click();

    await expect.poll(() => page.getByTestId('user-menu').textContent(), { timeout: 10_000 }).toContain(name);
    await page.getByTestId('home-heading').waitFor();
    expect(await page.getByTestId('verification-state').first().getAttribute('data-state')).toBe('pending');
    await page.screenshot({ path: `${shots}/enterprise-home-zh.png`, fullPage: true });

    await page.getByTestId('logout').click();
    await page.getByTestId('nav-login').waitFor();
    await logInThroughForm(page, email, 'Jiebang-2026-x');

    const headingZh = await page.getByTestId('home-heading').textContent();
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.getByTestId('home-heading').textContent()).not.toBe(headingZh);
    expect(await page.getByTestId('lang-switch').textContent()).toContain('中文');
    await page.screenshot({ path: `${shots}/enterprise-home-en.png`, fullPage: true });

    await page.reload();
    await page.getByTestId('user-menu').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(problemsOf(page)).toEqual([]);
  });
});

describe('a bureau official', () => {
  it('finds a pending organisation in the verification queue and verifies it', async () => {
    const db = h.rt.database.db;
    const official = await makeUser(db, { role: 'official', name: '唐文斌' });
    const pending = await makeUser(db, { role: 'team_member', verification: 'pending' });
    const orgName = (await h.rt.services.organisations.get(pending.organisationId, { actor: { id: official.id, name: '', email: '', locale: 'zh-CN', roles: ['official'], memberships: [] }, reqId: null })).name;

    const page = await newPage();
    await page.goto(base);
    await logInThroughForm(page, official.email, testPassword);
    await page.getByTestId('nav-verification').click();
    await page.getByTestId('verification-queue').waitFor();
    await page.locator(`[data-testid="queue-row"][data-id="${pending.organisationId}"] a`).first().click();
    await page.getByText(orgName).first().waitFor();
    await page.getByTestId('verify').click();
    await expect.poll(() => page.getByTestId('verification-state').first().getAttribute('data-state'), { timeout: 10_000 }).toBe('verified');
    await page.screenshot({ path: `${shots}/official-verified.png`, fullPage: true });
    expect(problemsOf(page)).toEqual([]);
  });
});
