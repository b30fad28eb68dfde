import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { awardDecisions, bids, challenges, contracts } from '../../db/schema';
import { chinaDate } from '../../shared/calendar';
import { logInThroughForm, shots, startBrowserHarness, type BrowserHarness } from '../helpers/browser';
import { makeChallenge } from '../helpers/challenges';
import { makeOrganisation, makeUser, testPassword } from '../helpers/factories';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => h?.close());

/**
 * The dashboard draws its ECharts charts under the server's CSP without a console error, and
 * a work-queue item leads to where it is handled. (A smoke check of the web side; the API's
 * figures are tested in tests/api/analytics.test.ts.)
 */
describe('the officials’ dashboard', () => {
  it('shows the year against its target, draws the charts, presents full screen, edits a target and follows a work item', async () => {
    const db = h.rt.database.db;
    const official = await makeUser(db, { role: 'official' });
    const enterprise = await makeOrganisation(db, { kind: 'enterprise' });
    const team = await makeOrganisation(db, { kind: 'team' });
    // A deal signed today, so this month's bar, the breakdowns and the money are not empty.
    const day = 86_400_000;
    const ago = (days: number) => new Date(Date.now() - days * day);
    const signed = await makeChallenge(db, { publisherId: enterprise.id, createdBy: official.id, status: 'closed', draft: { deadline: ago(10).toISOString() } });
    // Submitted and published today, so this year's funnel has a cohort and the review took ten days.
    await db.update(challenges).set({ submittedAt: ago(0), publishedAt: ago(0), closedAt: ago(0) }).where(eq(challenges.id, signed.id));
    const [bid] = await db.insert(bids).values({ challengeId: signed.id, teamId: team.id, status: 'eligible', challengeRevision: 1, submittedAt: new Date() }).returning();
    const [award] = await db.insert(awardDecisions).values({ challengeId: signed.id, winnerBidIds: [bid!.id], status: 'final', proposedBy: official.id, proposedAt: new Date(), finalAt: new Date() }).returning();
    await db.insert(contracts).values({
      awardId: award!.id,
      bidId: bid!.id,
      challengeId: signed.id,
      publisherId: enterprise.id,
      teamId: team.id,
      status: 'signed',
      title: '合同',
      amountYuan: 1_500_000,
      enterpriseFundsYuan: 1_000_000,
      subsidyYuan: 500_000,
      criteria: [],
      signedAt: new Date(),
    });
    // Something to vet: the vetting queue is not empty.
    const toVet = await makeChallenge(db, { publisherId: enterprise.id, createdBy: official.id, status: 'submitted' });
    await db.update(challenges).set({ submittedAt: ago(0) }).where(eq(challenges.id, toVet.id));

    const page = await h.newPage();
    // Violations of the server's CSP, as the page reports them (Chromium also logs them to the console).
    // (A string: this file is type-checked without the DOM library.)
    await page.addInitScript({
      content: "window.cspViolations = []; document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));",
    });
    const response = await page.goto(h.base);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await logInThroughForm(page, official.email, testPassword);
    await page.getByTestId('home-dashboard').waitFor();
    await page.getByTestId('nav-dashboard').click();

    const signedCount = page.getByTestId('dashboard-deals-signed');
    await signedCount.waitFor();
    expect(Number(await signedCount.getAttribute('data-value'))).toBeGreaterThanOrEqual(1);
    expect(Number(await page.getByTestId('dashboard-target').getAttribute('data-value'))).toBeGreaterThan(0);
    expect(['on_track', 'at_risk']).toContain(await page.getByTestId('dashboard-verdict').getAttribute('data-verdict'));
    expect(Number(await page.getByTestId('dashboard-forecast').getAttribute('data-expected'))).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('dashboard-money').count()).toBe(4);

    // Every chart is drawn on a canvas; empty ones say so instead.
    await expect.poll(() => page.locator('[data-chart][data-ready="true"]').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(5);
    expect(await page.locator('[data-chart="monthly"] canvas').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-chart="breakdown-industry"] canvas').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-chart="funnel"] canvas').count()).toBeGreaterThan(0);
    // The monthly table names this month's deals for screen readers.
    const month = Number(chinaDate(new Date()).slice(5, 7));
    const monthRow = page.getByTestId('dashboard-chart-monthly').locator('tbody tr').nth(month - 1);
    expect(Number(await monthRow.locator('td').textContent())).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: `${shots}/dashboard.png`, fullPage: true });

    // Presentation mode: larger type, full screen where the browser allows it.
    await page.getByTestId('dashboard-present').click();
    await expect.poll(() => page.getByTestId('dashboard').getAttribute('data-presenting')).toBe('true');
    await page.screenshot({ path: `${shots}/dashboard-presenting.png` });
    await page.getByTestId('dashboard-present').click();
    await expect.poll(() => page.getByTestId('dashboard').getAttribute('data-presenting')).toBe('false');

    // Next year's target: a bad value is refused at the field, a good one is saved.
    const nextYear = Number(chinaDate(new Date()).slice(0, 4)) + 1;
    await page.getByTestId('dashboard-year').selectOption(String(nextYear));
    await expect.poll(() => page.url()).toContain(`year=${nextYear}`);
    await page.getByTestId('dashboard-target-edit').click();
    await page.getByTestId('dashboard-target-input').fill('12.5');
    await page.getByTestId('dashboard-target-save').click();
    await page.getByTestId('field-error-deals').waitFor();
    await page.getByTestId('dashboard-target-input').fill('60');
    await page.getByTestId('dashboard-target-save').click();
    await page.getByTestId('dashboard-target-saved').waitFor();
    await expect.poll(() => page.getByTestId('dashboard-target').getAttribute('data-value')).toBe('60');
    expect(await page.getByTestId('dashboard-target').getAttribute('data-default')).toBe('false');

    // The work queues: seven, the vetting one not empty; an item leads to where it is handled.
    expect(await page.locator('[data-testid="work-queue"]').count()).toBe(7);
    const vetting = page.locator('[data-testid="work-queue"][data-kind="vetting"]');
    expect(Number(await vetting.getAttribute('data-total'))).toBeGreaterThanOrEqual(1);
    await page.getByTestId('dashboard-queues-all').click();
    await page.locator('#queue-vetting').waitFor();
    expect(await page.locator('[data-testid="work-queue"]').count()).toBe(7);
    const item = page.locator('[data-testid="work-item"][data-kind="vetting"]').first();
    const href = await item.getAttribute('href');
    await item.click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(href);

    expect(await page.evaluate('window.cspViolations')).toEqual([]);
    expect(page.problems).toEqual([]);
  });

  it('reads in English on a laptop and a phone, for a quarter and a past year', async () => {
    const official = await makeUser(h.rt.database.db, { role: 'official' });
    const page = await h.newPage();
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(h.base);
    await page.getByTestId('lang-switch').click();
    await logInThroughForm(page, official.email, testPassword);
    const year = Number(chinaDate(new Date()).slice(0, 4));
    await page.goto(`${h.base}/officials/dashboard?year=${year}&quarter=4`);
    await page.getByTestId('dashboard-deals-signed').waitFor();
    // A quarter: the year's target for reference, no verdict and no forecast.
    expect(await page.getByTestId('dashboard-verdict').count()).toBe(0);
    expect(await page.getByTestId('dashboard-forecast').count()).toBe(0);
    await expect.poll(() => page.locator('[data-chart][data-ready="true"]').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: `${shots}/dashboard-en-quarter.png`, fullPage: true });

    await page.getByTestId('dashboard-year').selectOption(String(year - 1));
    await page.getByTestId('dashboard-quarter').selectOption('');
    await expect.poll(() => page.getByTestId('dashboard-verdict').getAttribute('data-verdict')).toMatch(/^(achieved|missed)$/);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('dashboard-chart-monthly').getByRole('button').click();
    await page.screenshot({ path: `${shots}/dashboard-en-phone.png`, fullPage: true });
    await page.goto(`${h.base}/officials/work-queues`);
    await page.getByTestId('work-queues-total').waitFor();
    await page.screenshot({ path: `${shots}/work-queues-en-phone.png`, fullPage: true });
    expect(page.problems).toEqual([]);
  });
});
