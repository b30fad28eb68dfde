import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logInThroughForm, shots, startBrowserHarness, type BrowserHarness } from '../helpers/browser';
import { makeOrganisation, makeUser, testPassword, unique } from '../helpers/factories';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => h?.close());

const inDays = (n: number) => {
  const d = new Date(Date.now() + n * 86_400_000);
  const pad = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T17:00`;
};

describe('from a need to the public list', () => {
  it('an enterprise drafts and submits, an official approves and publishes, a visitor finds it by a two-character term', async () => {
    const db = h.rt.database.db;
    const enterprise = await makeOrganisation(db, { kind: 'enterprise' });
    const author = await makeUser(db, { role: 'enterprise_member', organisationId: enterprise.id });
    const official = await makeUser(db, { role: 'official' });
    // A rare two-character term, so the visitor's search is not crowded by other tests' data.
    const title = `${unique('钒液')} 全钒液流电池电堆密封与耐久性提升`;

    // 1. The enterprise drafts and submits.
    const ent = await h.newPage();
    await ent.goto(h.base);
    await logInThroughForm(ent, author.email, testPassword);
    await ent.goto(`${h.base}/my/challenges/new`);
    const form = ent.getByTestId('editor-form');
    await form.locator('[name="title"]').fill(title);
    await form.locator('[name="summary"]').fill('提升全钒液流电池电堆在长期循环下的密封可靠性与电堆效率。');
    await form.locator('[name="description"]').fill('现有 32kW 电堆运行 3000 小时后出现电解液渗漏，需开发新型密封结构与材料。');
    await form.locator('input[name="descriptionVisibility"][value="public"]').check();
    await form.locator('[name="industry"]').selectOption('new_energy');
    await form.locator('[name="industryChain"]').selectOption('energy_storage');
    await form.locator('[name="indicators.0.name"]').fill('电堆能量效率');
    await form.locator('[name="indicators.0.targetValue"]').fill('≥ 82');
    await form.locator('[name="indicators.0.unit"]').fill('%');
    await form.locator('[name="indicators.0.verification"]').fill('第三方检测机构按 GB/T 32509 测试');
    await form.locator('[name="bountyWan"]').fill('300');
    await form.locator('[name="enterpriseFundsWan"]').fill('200');
    await form.locator('[name="subsidyWan"]').fill('100');
    await form.locator('[name="deliveryMonths"]').fill('18');
    await form.locator('[name="deadline"]').fill(inDays(30));
    await form.locator('input[name="ipTerms"][value="joint"]').check();
    await form.locator('[name="contact.name"]').fill('钱工');
    await form.locator('[name="contact.phone"]').fill('13951234567');
    await form.locator('[name="contact.email"]').fill('qian@example.test');
    await expect.poll(() => ent.getByTestId('missing-item').count(), { timeout: 10_000 }).toBe(0);
    await ent.getByTestId('editor-submit').click();
    await expect.poll(() => ent.getByTestId('challenge-status').first().getAttribute('data-state'), { timeout: 15_000 }).toBe('submitted');
    const id = ent.url().match(/challenges\/([0-9a-f-]{36})/)![1]!;
    expect(ent.problems).toEqual([]);

    // 2. The official approves it and publishes it in a batch.
    const off = await h.newPage();
    await off.goto(h.base);
    await logInThroughForm(off, official.email, testPassword);
    await off.goto(`${h.base}/officials/vetting`);
    await off.locator(`[data-testid="vetting-row"][data-id="${id}"] a`).first().click();
    await off.getByTestId('action-approve').click();
    await expect.poll(() => off.getByTestId('challenge-status').first().getAttribute('data-state'), { timeout: 10_000 }).toBe('approved');
    await off.goto(`${h.base}/officials/batches`);
    const batchForm = off.getByTestId('batch-create-form');
    await batchForm.locator('[name="year"]').fill(String(2000 + Math.floor(Math.random() * 100)));
    await batchForm.locator('[name="number"]').fill(String(90 + Math.floor(Math.random() * 10)));
    await batchForm.locator(`[data-testid="batch-choice"][value="${id}"]`).check();
    await off.getByTestId('batch-create-submit').click();
    await off.getByTestId('batch-created').waitFor();
    await off.locator('[data-testid="batch-row"][data-state="draft"] [data-testid="batch-publish"]').first().click();
    await off.locator(`[data-testid="batch-publish-item"][data-id="${id}"]`).waitFor();
    await off.getByTestId('batch-publish-confirm').click();
    await off.getByTestId('batch-publish-result').waitFor();
    await off.screenshot({ path: `${shots}/official-batch-published.png`, fullPage: true });
    expect(off.problems).toEqual([]);

    // 3. An anonymous visitor finds it by a two-character term and opens it.
    const visitor = await h.newPage();
    await visitor.goto(`${h.base}/challenges`);
    await visitor.getByTestId('challenge-search').fill('钒液');
    await visitor.getByTestId('challenge-search-submit').click();
    const card = visitor.locator(`[data-testid="challenge-card"][data-id="${id}"]`);
    await card.waitFor({ timeout: 10_000 });
    await visitor.screenshot({ path: `${shots}/visitor-search.png`, fullPage: true });
    await card.locator('a').first().click();
    await expect.poll(() => visitor.getByTestId('challenge-title').textContent()).toContain('全钒液流电池');
    expect(await visitor.getByTestId('challenge-status').first().getAttribute('data-state')).toBe('published');
    expect(await visitor.getByTestId('indicator-row').count()).toBe(1);
    await visitor.screenshot({ path: `${shots}/visitor-detail.png`, fullPage: true });
    expect(visitor.problems).toEqual([]);
    // Three browsers through the whole journey: about 10 s alone, over 30 s on a loaded machine.
  }, 90_000);
});
