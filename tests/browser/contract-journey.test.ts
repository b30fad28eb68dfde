import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logInThroughForm, shots, startBrowserHarness, type BrowserHarness } from '../helpers/browser';
import { logIn } from '../helpers/client';
import { finalAward } from '../helpers/contract-fixture';
import { makeOrganisation, makeUser, testPassword } from '../helpers/factories';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => h?.close());

describe('a deal until it is done', () => {
  it('the parties sign → the team submits evidence → the publisher approves → an official pays the tranche → an official accepts', async () => {
    const db = h.rt.database.db;
    const enterprise = await makeOrganisation(db, { kind: 'enterprise' });
    const author = await makeUser(db, { role: 'enterprise_member', organisationId: enterprise.id });
    const official = await makeUser(db, { role: 'official' });
    const deal = await finalAward(h.app, db, h.rt.services, {
      publisherId: enterprise.id,
      authorId: author.id,
      publisher: await logIn(h.app, author.email),
      official: await logIn(h.app, official.email),
    });
    const contractId = deal.contracts[0]!.id;
    const page = async (email: string) => {
      const p = await h.newPage();
      await p.goto(h.base);
      await logInThroughForm(p, email, testPassword);
      await p.goto(`${h.base}/contracts/${contractId}`);
      await p.getByTestId('contract-status').waitFor();
      return p;
    };
    const sign = async (p: Awaited<ReturnType<typeof page>>) => {
      await p.getByTestId('contract-sign').click();
      await p.getByTestId('contract-sign-confirm').click();
    };

    // Each party's authorised member signs; the last signature makes it take effect.
    const pub = await page(author.email);
    await sign(pub);
    const team = await page(deal.bids[0]!.email);
    await sign(team);
    const off = await page(official.email);
    await sign(off);
    await expect.poll(() => off.getByTestId('contract-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('signed');

    // The team submits evidence for the milestone.
    await team.reload();
    const teamRow = team.getByTestId('milestone-row').first();
    await teamRow.getByTestId('milestone-open').click();
    await teamRow.getByTestId('evidence-text').fill('中试验证完成，附第三方检测报告。');
    await teamRow.getByTestId('evidence-submit').click();
    await expect.poll(() => teamRow.getAttribute('data-state'), { timeout: 10_000 }).toBe('submitted');

    // The publisher accepts it; an official confirms and the tranche enters the ledger.
    await pub.reload();
    const pubRow = pub.getByTestId('milestone-row').first();
    await pubRow.getByTestId('milestone-open').click();
    await pubRow.getByTestId('milestone-approve').click();
    await expect.poll(() => pubRow.getAttribute('data-state'), { timeout: 10_000 }).toBe('approved');
    await off.reload();
    const offRow = off.getByTestId('milestone-row').first();
    await offRow.getByTestId('milestone-open').click();
    await offRow.getByTestId('milestone-confirm').click();
    await offRow.getByTestId('milestone-confirm-yes').click();
    await expect.poll(() => offRow.getAttribute('data-state'), { timeout: 10_000 }).toBe('confirmed');
    await expect.poll(() => off.getByTestId('ledger-total').getAttribute('data-paid'), { timeout: 10_000 }).toBe('2500000');

    // Final acceptance with a grade.
    await off.getByTestId('acceptance-grade-good').check();
    await off.getByTestId('acceptance-report').fill('各项技术指标均达到合同约定，同意通过验收。');
    await off.getByTestId('acceptance-submit').click();
    await off.getByTestId('acceptance-confirm').click();
    await expect.poll(() => off.getByTestId('contract-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('completed');
    await off.screenshot({ path: `${shots}/contract-completed.png`, fullPage: true });
    for (const p of [pub, team, off]) expect(p.problems).toEqual([]);
  });
});
