import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { challenges } from '../../db/schema';
import { bidDigest } from '../../server/modules/bids/service';
import { logInThroughForm, shots, startBrowserHarness, type BrowserHarness } from '../helpers/browser';
import { makeChallenge } from '../helpers/challenges';
import { makeOrganisation, makeUser, testPassword } from '../helpers/factories';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => h?.close());

describe('a professor bidding at night', () => {
  it('starts a bid, fills it indicator by indicator, submits and gets a SHA-256 receipt; after the deadline an official checks eligibility', async () => {
    const db = h.rt.database.db;
    const enterprise = await makeOrganisation(db, { kind: 'enterprise' });
    const author = await makeUser(db, { role: 'enterprise_member', organisationId: enterprise.id });
    const challenge = await makeChallenge(db, { publisherId: enterprise.id, createdBy: author.id, status: 'published' });
    const team = await makeOrganisation(db, { kind: 'team' });
    const professor = await makeUser(db, { role: 'team_member', organisationId: team.id });
    const official = await makeUser(db, { role: 'official' });

    const page = await h.newPage();
    await page.goto(h.base);
    await logInThroughForm(page, professor.email, testPassword);
    await page.goto(`${h.base}/challenges/${challenge.id}`);
    await page.getByTestId('bid-start').click();
    const form = page.getByTestId('bid-form');
    await form.waitFor();
    await form.locator('[name="technicalRoute"]').fill('采用梯度镍铁合金涂层与等离子喷涂工艺，结合原位表征优化孔结构。');
    await form.locator('[name="indicatorResponses.0.approach"]').fill('三维多孔结构提高比表面积');
    await form.locator('[name="indicatorResponses.0.committedValue"]').fill('≤ 110 mV');
    await form.locator('[name="members.0.name"]').fill('周文涛');
    await form.locator('[name="members.0.title"]').fill('教授');
    await form.locator('[name="quotedPriceWan"]').fill('280');
    await form.locator('[name="durationMonths"]').fill('18');
    await form.locator('[name="milestones.0.title"]').fill('涂层开发与中试验证');
    await form.locator('[name="milestones.0.deliverable"]').fill('中试验证报告与工艺包');
    await form.locator('[name="milestones.0.dueMonth"]').fill('18');
    await form.locator('[name="milestones.0.sharePercent"]').fill('100');
    await expect.poll(() => page.getByTestId('bid-problem').count(), { timeout: 15_000 }).toBe(0);
    await page.getByTestId('bid-submit').click();

    const receipt = page.locator('[data-testid="bid-receipt"][data-version="1"]');
    await receipt.waitFor({ timeout: 15_000 });
    const digest = (await receipt.getByTestId('bid-receipt-digest').textContent())!.trim();
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    const bidId = page.url().match(/bids\/([0-9a-f-]{36})/)![1]!;
    const stored = (await h.rt.services.bids.get(bidId, { actor: { id: professor.id, name: '', email: professor.email, locale: 'zh-CN', roles: ['team_member'], memberships: [{ organisationId: team.id, organisationName: team.name, organisationKind: 'team', verification: 'verified', role: 'team_member', canManage: true }] }, reqId: null }));
    expect(digest).toBe(bidDigest(stored.content));
    await page.screenshot({ path: `${shots}/bid-receipt.png`, fullPage: true });
    expect(page.problems).toEqual([]);

    // The deadline passes; the official opens the bid and marks it eligible.
    await db.update(challenges).set({ deadline: new Date(Date.now() - 1000) }).where(eq(challenges.id, challenge.id));
    const off = await h.newPage();
    await off.goto(h.base);
    await logInThroughForm(off, official.email, testPassword);
    await off.goto(`${h.base}/bids/${bidId}`);
    await off.getByTestId('bid-mark-eligible').click();
    await expect.poll(() => off.getByTestId('bid-status').first().getAttribute('data-state'), { timeout: 10_000 }).toBe('eligible');
    expect(off.problems).toEqual([]);
  });
});
