import { and, eq, or, sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awardDecisions, challenges, contracts, milestones, notifications, outbox } from '../../db/schema';
import { notifyPayload } from '../../jobs/contracts';
import { shots, startBrowserHarness, type BrowserHarness } from '../helpers/browser';
import { completeDraft } from '../helpers/challenges';
import { clientFor, logIn, sessionCookieFrom, type Client } from '../helpers/client';
import { makeUser, testPassword, unique, validCreditCode } from '../helpers/factories';
import { proposalContent } from '../helpers/review-fixture';
import { multipart, pdf } from '../helpers/uploads';
import { createTally } from './tally';

/**
 * Stored script (issue 8, item 2): script and HTML stored through the API in every free-text
 * field a user can reach — organisation, person, challenge, indicators, Q&A, bid, team profile,
 * criteria, expert profile, review comments, milestone evidence — and then the pages that show
 * them, opened in Chromium by the users who see them. No script may run (a `window.__xss` trap
 * the payloads would fill, no dialog, no CSP violation: the CSP would block an inline handler,
 * so a violation means markup got through), no element the payload carries may exist
 * (`[data-xss]`: the check that does not lean on the CSP), and the text is shown literally.
 * The web app has no {@html}; this is the test that keeps it so.
 */

const tally = createTally('stored-script');
let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => {
  tally.flush();
  await h?.close();
});

/** Payloads, each tagged with the field it went into so a failure names it; sized to the field's limit. */
const long = (tag: string) => `<img src=x data-xss=${tag} onerror=__xss.push('${tag}')><script>__xss.push('${tag}')</script>`;
const mid = (tag: string) => `<img src=x data-xss=${tag} onerror=alert(1)>`;
const short = (tag: string) => `<b data-xss=${tag}>${tag}</b>`;
/** Runs before the page's own scripts: the trap the payloads would fill, and a record of CSP violations. */
const trap = `window.__xss = []; window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sample));`;
const stored = new Map<string, string>();
const put = (tag: string, make: (tag: string) => string) => {
  const v = make(tag);
  stored.set(tag, v);
  return v;
};

async function ok(res: { statusCode: number; body: string; json(): unknown }, status = 200) {
  tally.add({ requests: 1, hostileInputs: 1, serverErrors: res.statusCode >= 500 ? 1 : 0 });
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as Record<string, unknown> & { id: string };
}

describe('script stored through the API', () => {
  it('the detectors see markup that gets into a page (control: inserted as HTML, not text)', async () => {
    const page = await h.newPage();
    await page.addInitScript({ content: trap });
    await page.goto(h.base);
    await page.evaluate(`document.body.insertAdjacentHTML('beforeend', ${JSON.stringify(long('zz'))})`);
    expect(await page.locator('[data-xss]').count()).toBe(1);
    // The CSP refuses the inline handler: the report is how a page would show an injection it stopped.
    await expect.poll(() => page.evaluate<string[]>('window.__csp'), { timeout: 5_000 }).not.toEqual([]);
    await page.close();
  });

  it('is shown as text, never run, on every page that shows it', async () => {
    const db = h.rt.database.db;
    const app = h.app;
    const officialUser = await makeUser(db, { role: 'official' });
    const official = await logIn(app, officialUser.email);
    const publisherUser = await makeUser(db, { role: 'enterprise_member', canManage: true });
    const publisher = await logIn(app, publisherUser.email);

    // A team registers itself: organisation, person and institution names.
    const teamEmail = `${unique('xss-team')}@example.test`;
    const registered = await app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: {
        mode: 'organisation',
        person: { name: put('pn', mid), email: teamEmail, password: testPassword },
        // District, fields and description are the team profile's later, where payloads go in below.
        organisation: { kind: 'team', name: `${put('on', long)}${unique('')}`, institution: put('oi', long), institutionKind: 'university', district: '邗江区', researchFields: ['储能'], description: '' },
      },
    });
    const reg = await ok(registered, 201);
    const teamId = (reg.user as { memberships: { organisationId: string }[] }).memberships[0]!.organisationId;
    await ok(await official.request('POST', `/api/organisations/${teamId}/verification`, { decision: 'verify' }));
    const team: Client = clientFor(app, sessionCookieFrom(registered.headers['set-cookie']), reg.csrfToken as string);
    // An enterprise that registers and waits for verification: its name and district in the officials' queue.
    const pendingEmail = `${unique('xss-ent')}@example.test`;
    const pending = await ok(
      await app.inject({
        method: 'POST',
        url: '/api/auth/register',
        payload: {
          mode: 'organisation',
          person: { name: put('ep', mid), email: pendingEmail, password: testPassword },
          organisation: { kind: 'enterprise', name: `${put('en', long)}${unique('')}`, creditCode: validCreditCode(), industry: 'hydrogen', district: put('ed', mid) },
        },
      }),
      201,
    );
    const pendingId = (pending.user as { memberships: { organisationId: string }[] }).memberships[0]!.organisationId;

    // The publisher drafts, submits; an official approves and publishes it in a batch.
    const draft = completeDraft({
      title: put('ct', long),
      summary: put('cs', long),
      description: `${put('cd', long)} javascript:__xss.push('cd')`,
      indicators: [{ name: put('in', long), targetValue: `≤ 1 ${put('iv', short)}`, unit: put('iu', short), verification: put('ie', long) }],
      requirements: { text: put('rq', long), institutionKinds: [], regions: [put('rg', short)] },
      contact: { name: put('cn', mid), phone: '13912345678', email: 'xss@example.test' },
    });
    const challenge = await ok(await publisher.request('POST', '/api/challenges', draft), 201);
    await ok(await publisher.request('POST', `/api/challenges/${challenge.id}/submit`));
    await ok(await official.request('POST', `/api/challenges/${challenge.id}/decision`, { decision: 'approve' }));
    let batch: { id: string } | null = null;
    for (let i = 0; !batch && i < 20; i++) {
      const res = await official.request('POST', '/api/batches', { year: 2000 + Math.floor(Math.random() * 101), number: 1 + Math.floor(Math.random() * 99), challengeIds: [challenge.id] });
      if (res.statusCode !== 409) batch = await ok(res, 201);
    }
    await ok(await official.request('POST', `/api/batches/${batch!.id}/publish`));

    // Q&A, the team's profile, and a bid with every free-text part.
    const asked = await ok(await team.request('POST', `/api/challenges/${challenge.id}/questions`, { question: put('qq', long) }));
    const questionId = (asked.questions as { id: string }[])[0]!.id;
    await ok(await publisher.request('POST', `/api/challenges/${challenge.id}/questions/${questionId}/answer`, { answer: put('qa', long) }));
    await ok(
      await team.request('PUT', `/api/teams/${teamId}/profile`, {
        fields: ['electrolysis'],
        keywords: [put('kw', short)],
        description: put('tp', long),
        region: put('tr', mid),
        capacity: 3,
        people: [{ name: put('pp', mid), title: put('pt', short), expertise: put('px', long) }],
        results: [{ kind: 'paper', title: put('rt', long), year: 2024 }],
      }),
    );
    const bid = await ok(await team.request('POST', '/api/bids', { challengeId: challenge.id }), 201);
    await ok(
      await team.request('PUT', `/api/bids/${bid.id}/draft`, {
        technicalRoute: put('br', long),
        indicatorResponses: [{ indicatorIndex: 0, approach: put('ba', long), committedValue: `1 ${put('bv', short)}` }],
        members: [{ name: put('bm', mid), title: put('bt', mid), role: 'lead' }],
        partnerIds: [],
        quotedPriceYuan: 2_500_000,
        durationMonths: 18,
        milestones: [{ title: put('mt', long), deliverable: put('md', long), dueMonth: 18, sharePercent: 100 }],
      }),
    );
    const form = multipart([{ name: 'file', fileName: `${put('fa', mid)}.pdf`, data: pdf(100) }]);
    const file = await ok(await team.request('POST', `/api/bids/${bid.id}/attachments`, form.payload, form.headers), 201);
    // The server keeps file names for display only and replaces the characters Windows refuses (< > " …): show what it kept.
    expect(file.fileName).not.toContain('<');
    stored.set('fa', String(file.fileName));
    await ok(await team.request('POST', `/api/bids/${bid.id}/submit`));
    // A second team bids and loses: the feedback page shows it the experts' shareable comments.
    const loserUser = await makeUser(db, { role: 'team_member' });
    const loser = await logIn(app, loserUser.email);
    const lost = await ok(await loser.request('POST', '/api/bids', { challengeId: challenge.id }), 201);
    await ok(await loser.request('PUT', `/api/bids/${lost.id}/draft`, proposalContent));
    await ok(await loser.request('POST', `/api/bids/${lost.id}/submit`));

    // The deadline passes: eligibility, criteria, an expert with a profile, shareable comments.
    await db.update(challenges).set({ deadline: new Date(Date.now() - 1000) }).where(eq(challenges.id, challenge.id));
    for (const b of [bid, lost]) await ok(await official.request('POST', `/api/bids/${b.id}/eligibility`, { decision: 'eligible' }));
    const criteria = await ok(await official.request('PUT', `/api/challenges/${challenge.id}/criteria`, { criteria: [{ name: put('cr', mid), description: put('ck', long), weight: 100 }] }));
    const criterionId = (criteria.criteria as { id: string }[])[0]!.id;
    const expertUser = await makeUser(db, { role: 'expert' });
    const expert = await logIn(app, expertUser.email);
    await ok(await expert.request('PUT', '/api/experts/me/profile', { institution: put('ei', long), expertise: put('ex', long) }));
    for (const [b, score] of [[bid, 9], [lost, 6]] as const) {
      const assignment = await ok(await official.request('POST', `/api/bids/${b.id}/assignments`, { expertId: expertUser.id }), 201);
      await ok(await expert.request('POST', `/api/assignments/${assignment.id}/scores`, { scores: [{ criterionId, score, comment: put('sc', long), shareable: true }] }));
    }

    // Award, notice, contract; everyone signs; the team submits milestone evidence.
    const award = await ok(await publisher.request('POST', `/api/challenges/${challenge.id}/awards`, { winnerBidIds: [bid.id] }), 201);
    await ok(await official.request('POST', `/api/awards/${award.id}/confirm`));
    await db.update(awardDecisions).set({ noticeEndsAt: new Date(Date.now() - 1000) }).where(eq(awardDecisions.id, award.id));
    expect(await h.rt.services.awards.endNotice(award.id)).toBe('final');
    const [contract] = await db.select().from(contracts).where(eq(contracts.awardId, award.id));
    for (const party of [publisher, team, official]) await ok(await party.request('POST', `/api/contracts/${contract!.id}/sign`));
    const [milestone] = await db.select().from(milestones).where(eq(milestones.contractId, contract!.id));
    await ok(await team.request('POST', `/api/milestones/${milestone!.id}/evidence`, { text: put('ev', long) }));
    // Notifications (and their mails) carry names as params: deliver this story's, as the worker would.
    const jobs = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.queue, 'notifications'), or(sql`${outbox.payload}->'refs'->>'challengeId' = ${challenge.id}`, sql`${outbox.payload}->'refs'->>'organisationId' = ${teamId}`)));
    for (const job of jobs) await h.rt.services.notifications.deliver(notifyPayload.parse(job.payload));
    const teamNotes = await db.select().from(notifications).where(eq(notifications.userId, (reg.user as { id: string }).id));
    expect(teamNotes.length).toBeGreaterThan(0);

    // ------------------------------------------------------------ the pages
    const seen = new Set<string>();
    const sessions: Record<string, string> = {};
    /** Per page: payloads not shown as text, trap entries, CSP violations, injected elements, dialogs, page errors; all must be empty. */
    const results: { path: string; missing: string[]; trapped: unknown[]; csp: string[]; injected: string[]; dialogs: string[]; problems: string[] }[] = [];
    const visit = async (email: string | null, path: string, tags: string[], open?: (p: Page) => Promise<void>) => {
      const page = await h.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.addInitScript({ content: trap });
      if (email) {
        // One log-in per user (through the API, as the form would); each page gets its session cookie.
        const cookie = (sessions[email] ??= (await logIn(app, email)).cookie);
        await page.context().addCookies([{ name: 'jb_session', value: cookie.slice('jb_session='.length), url: h.base }]);
      }
      await page.goto(`${h.base}${path}`);
      if (open) await open(page);
      // The first payload waits for the page to load; the rest are on it by then.
      const missing: string[] = [];
      for (const [i, tag] of tags.entries()) {
        const text = stored.get(tag)!;
        // As text, or as the value of a form field (an editor shows what it will save).
        const shownNow = async () =>
          (await page.getByText(text).count()) > 0 || (await page.locator('input, textarea').evaluateAll((els, v) => els.some((e) => (e as { value?: string }).value === v), text));
        const shown = await expect
          .poll(shownNow, { timeout: i === 0 ? 10_000 : 2_000, interval: 100 })
          .toBe(true)
          .then(() => true, () => false);
        if (shown) seen.add(tag);
        else missing.push(tag);
      }
      if (missing.length) await page.screenshot({ path: `${shots}/stored-script-${path.replaceAll('/', '_')}.png`, fullPage: true });
      const trapped = await page.evaluate<unknown[]>('window.__xss');
      const csp = await page.evaluate<string[]>('window.__csp');
      const injected = await page.locator('[data-xss]').evaluateAll((els) => els.map((e) => e.outerHTML));
      // Shown literally, nothing ran, nothing was parsed as markup.
      results.push({ path, missing, trapped, csp, injected, dialogs, problems: page.problems });
      await page.close();
    };

    const c = challenge.id;
    const openMilestone = async (p: Page) => {
      await p.getByTestId('milestone-open').first().click();
    };
    await visit(null, '/challenges', ['ct', 'cs']);
    await visit(null, `/challenges/${c}`, ['ct', 'cs', 'cd', 'in', 'iv', 'iu', 'ie', 'rq', 'rg', 'qq', 'qa']);
    await visit(officialUser.email, '/officials/verification', ['en']);
    await visit(officialUser.email, `/officials/verification/${pendingId}`, ['en', 'ed']);
    await visit(officialUser.email, `/officials/verification/${teamId}`, ['on', 'oi', 'kw', 'tr', 'tp']);
    await visit(officialUser.email, `/teams/${teamId}/profile`, ['on', 'kw', 'tp', 'tr', 'pp', 'pt', 'px', 'rt']);
    await visit(officialUser.email, `/bids/${bid.id}`, ['ct', 'on', 'fa', 'br', 'ba', 'bv', 'bm', 'bt', 'mt', 'md']);
    await visit(officialUser.email, `/challenges/${c}`, ['ct', 'cn', 'qq', 'qa']);
    await visit(officialUser.email, `/challenges/${c}/review`, ['cr', 'ck', 'on']);
    await visit(officialUser.email, `/contracts/${contract!.id}`, ['ct', 'on', 'pn', 'in', 'iv', 'iu', 'ie', 'mt', 'md', 'ev'], openMilestone);
    await visit(publisherUser.email, '/my/challenges', ['ct']);
    await visit(publisherUser.email, `/challenges/${c}`, ['cn', 'qq', 'qa']);
    await visit(pendingEmail, '/organisation', ['en', 'ep', 'ed']);
    await visit(loserUser.email, `/bids/${lost.id}/feedback`, ['ct', 'cr', 'sc']);
    await visit(teamEmail, `/teams/${teamId}/profile`, ['on', 'oi', 'kw', 'tp', 'tr', 'pp', 'pt', 'px', 'rt']);
    await visit(teamEmail, '/organisation', ['on', 'pn']);
    await visit(teamEmail, `/contracts/${contract!.id}`, ['mt', 'md', 'ev'], openMilestone);
    await visit(teamEmail, `/bids/${bid.id}`, ['ct', 'br', 'ba', 'bm', 'mt']);
    await visit(teamEmail, '/', ['ct'], async (p) => {
      await p.getByTestId('notifications-bell').click();
      await p.getByTestId('notification').first().waitFor();
    });
    await visit(teamEmail, '/mails', ['ct']);
    await visit(expertUser.email, '/reviews', ['ct']);
    await visit(expertUser.email, '/expert/profile', ['ei', 'ex']);

    const bad = results.filter((r) => [r.missing, r.trapped, r.csp, r.injected, r.dialogs, r.problems].some((l) => l.length > 0));
    expect(bad).toEqual([]);
    // Every payload stored was seen on some page.
    expect([...stored.keys()].filter((t) => !seen.has(t))).toEqual([]);
  }, 240_000);
});
