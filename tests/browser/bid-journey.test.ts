import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { challenges } from '../../db/schema';
import { bidDigest } from '../../server/modules/bids/service';
import { logInThroughForm, shots, startBrowserHarness, type BrowserHarness } from '../helpers/browser';
import { makeChallenge } from '../helpers/challenges';
import { makeOrganisation, makeUser, testPassword, unique } from '../helpers/factories';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => h?.close());

const actorCtx = (id: string, role: 'expert') => ({ actor: { id, name: '', email: '', locale: 'zh-CN' as const, roles: [role], memberships: [] }, reqId: null });

describe('a professor bidding at night, through review to the award', () => {
  it('team bids and gets a receipt → deadline → official checks eligibility, sets criteria, assigns an expert → expert scores → publisher proposes → official confirms → public notice', async () => {
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

    // The official sets the criteria and assigns an expert; a conflicted one cannot be chosen.
    const expert = await makeUser(db, { role: 'expert', name: unique('何素芬') });
    const conflicted = await makeUser(db, { role: 'expert', name: unique('同单位专家') });
    await h.rt.services.reviews.updateProfile({ institution: '东南大学', expertise: '电化学' }, actorCtx(expert.id, 'expert'));
    await h.rt.services.reviews.declareTie({ organisationId: team.id, note: '合作发表论文' }, actorCtx(conflicted.id, 'expert'));
    await off.goto(`${h.base}/challenges/${challenge.id}/review`);
    const criteria = off.getByTestId('review-criteria');
    await criteria.getByTestId('criterion-name-0').fill('技术路线可行性');
    await criteria.getByTestId('criterion-weight-0').fill('60');
    await criteria.getByTestId('criterion-add').click();
    await criteria.getByTestId('criterion-name-1').fill('团队实力');
    await criteria.getByTestId('criterion-weight-1').fill('40');
    await expect.poll(() => criteria.getByTestId('criteria-sum').getAttribute('data-sum')).toBe('100');
    await criteria.getByTestId('criteria-save').click();
    await criteria.getByTestId('criteria-saved').waitFor({ timeout: 10_000 });

    const board = off.getByTestId('assign-bid').filter({ hasText: team.name });
    await expect.poll(() => board.locator(`[data-testid="assign-candidate"][data-expert-id="${conflicted.id}"]`).getAttribute('data-conflicted'), { timeout: 10_000 }).toBe('true');
    expect(await board.locator(`[data-testid="assign-candidate"][data-expert-id="${conflicted.id}"] input`).isDisabled()).toBe(true);
    await board.locator(`[data-testid="assign-candidate"][data-expert-id="${expert.id}"] input`).check();
    await board.getByTestId('assign-submit').click();
    await board.getByTestId('assigned-expert').filter({ hasText: expert.name }).waitFor({ timeout: 10_000 });
    await off.screenshot({ path: `${shots}/review-workspace.png`, fullPage: true });

    // The expert scores every criterion, with a comment the team may see.
    const ex = await h.newPage();
    await ex.goto(h.base);
    await logInThroughForm(ex, expert.email, testPassword);
    await ex.goto(`${h.base}/reviews`);
    await ex.getByTestId('assignment-row').filter({ hasText: team.name }).getByTestId('assignment-open').click();
    await ex.getByTestId('scoring-form').waitFor();
    await ex.getByTestId('score-0').fill('8');
    await ex.getByTestId('comment-0').fill('技术路线清晰，中试方案可行。');
    await ex.getByTestId('shareable-0').check();
    await ex.getByTestId('score-1').fill('7');
    await expect.poll(() => ex.getByTestId('score-total').getAttribute('data-total')).toBe('76');
    await ex.getByTestId('scores-submit').click();
    await ex.getByTestId('scores-confirm').click();
    await ex.getByTestId('scores-result').waitFor({ timeout: 10_000 });
    expect(ex.problems).toEqual([]);

    // The publisher sees the final ranking and proposes the winner.
    const pub = await h.newPage();
    await pub.goto(h.base);
    await logInThroughForm(pub, author.email, testPassword);
    await pub.goto(`${h.base}/challenges/${challenge.id}/review`);
    await pub.getByTestId('ranking-final').waitFor({ timeout: 10_000 });
    expect(await pub.getByTestId('ranking-row').first().getByTestId('ranking-score').textContent()).toContain('76');
    await pub.getByTestId(`award-winner-${bidId}`).check();
    await pub.getByTestId('award-propose').click();
    await expect.poll(() => pub.getByTestId('award-status').first().getAttribute('data-state'), { timeout: 10_000 }).toBe('proposed');
    expect(pub.problems).toEqual([]);

    // The official confirms: the public notice opens and shows on the notice board.
    await off.goto(`${h.base}/challenges/${challenge.id}/review`);
    await off.getByTestId('award-confirm').click();
    await off.getByTestId('award-confirm-yes').click();
    await expect.poll(() => off.getByTestId('award-status').first().getAttribute('data-state'), { timeout: 10_000 }).toBe('in_notice');
    await off.goto(`${h.base}/notices`);
    await off.getByTestId('notice-row').filter({ hasText: challenge.title }).waitFor({ timeout: 10_000 });
    await off.screenshot({ path: `${shots}/notices.png`, fullPage: true });
    expect(off.problems).toEqual([]);
  });
});
