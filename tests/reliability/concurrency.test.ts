import { and, eq, inArray, like } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, bids, bidVersions, challenges, milestones, outbox, payments } from '../../db/schema';
import { buildApp } from '../../server/app';
import { fixedClock } from '../../server/infra/clock';
import { storeMailer } from '../../server/infra/mailer';
import { argon2Hasher } from '../../server/infra/password-hasher';
import { createServices, type Services } from '../../server/services';
import { createTestApp, type TestApp } from '../helpers/app';
import { makeChallenge } from '../helpers/challenges';
import { clientFor, logIn, sessionCookieFrom, type Client } from '../helpers/client';
import { finalAward } from '../helpers/contract-fixture';
import { makeOrganisation, makeUser, testPassword } from '../helpers/factories';
import { closedWithEligibleBids, proposalContent, reviewed } from '../helpers/review-fixture';
import { createTally } from './tally';

/**
 * Issue 8, item 4: three races, each with exactly one outcome. Bids racing the deadline job
 * at the deadline instant (on a controllable clock), 50 officials' clicks on one award, and
 * 20 on one milestone (plus 20 milestones racing for the last money of a contract).
 */

const tally = createTally('concurrency');
let t: TestApp;
const db = () => t.rt.database.db;

/** A request through a client, counted in the tally. */
async function send(c: Client, method: 'POST' | 'PUT' | 'GET', url: string, body?: unknown): Promise<LightMyRequestResponse> {
  const res = await c.request(method, url, body);
  tally.add({ requests: 1, serverErrors: res.statusCode >= 500 ? 1 : 0 });
  return res;
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  tally.flush();
  await t?.close();
});

describe('bid submission at the deadline instant', () => {
  // The deadline on a whole second, an hour ahead of the real clock, so nothing else closes it.
  const deadline = new Date(Math.ceil(Date.now() / 1000) * 1000 + 3600_000);
  const clock = fixedClock(new Date(deadline.getTime() - 10 * 60_000));
  let services: Services;
  let app: FastifyInstance;

  beforeAll(async () => {
    services = createServices({ db: db(), clock, hasher: argon2Hasher, mailer: storeMailer, config: t.config });
    app = await buildApp({ config: t.config, services, probes: t.rt.probes });
    await app.ready();
  });
  afterAll(async () => app?.close());

  async function loggedIn(email: string): Promise<Client> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: testPassword } });
    expect(res.statusCode, res.body).toBe(200);
    return clientFor(app, sessionCookieFrom(res.headers['set-cookie']), res.json().csrfToken);
  }

  /** A published challenge closing at `deadline` and `n` teams with a complete draft bid on it. */
  async function challengeWithDrafts(n: number) {
    const enterprise = await makeOrganisation(db(), { kind: 'enterprise' });
    const author = await makeUser(db(), { role: 'enterprise_member', organisationId: enterprise.id });
    const challenge = await makeChallenge(db(), { publisherId: enterprise.id, createdBy: author.id, status: 'published', draft: { deadline: deadline.toISOString() } });
    const teams = await Promise.all(
      Array.from({ length: n }, async () => {
        const team = await makeOrganisation(db(), { kind: 'team' });
        const client = await loggedIn((await makeUser(db(), { role: 'team_member', organisationId: team.id })).email);
        const started = await send(client, 'POST', '/api/bids', { challengeId: challenge.id });
        expect(started.statusCode, started.body).toBe(201);
        const bidId = started.json().id as string;
        expect((await send(client, 'PUT', `/api/bids/${bidId}/draft`, proposalContent)).statusCode).toBe(200);
        return { teamId: team.id, bidId, client };
      }),
    );
    return { challenge, teams };
  }

  for (const round of [1, 2, 3]) {
    it(`accepts or refuses each of 30 submissions, never both and never lost, while 5 deadline jobs run (round ${round})`, async () => {
      clock.set(new Date(deadline.getTime() - 10 * 60_000));
      const { challenge, teams } = await challengeWithDrafts(30);
      const early = teams.slice(0, 18);
      const atDeadline = teams.slice(18);

      // One millisecond before the deadline, the first wave sends; once `through` of them are
      // answered (the rest still in flight, queued on the challenge's row lock), the clock
      // reaches the deadline instant and the second wave sends together with five copies of
      // the deadline job (the queue may run a retried or duplicated copy).
      const through = 2 * round;
      let answered = 0;
      let deadlineComes!: () => void;
      const firstAnswered = new Promise<void>((resolve) => (deadlineComes = resolve));
      clock.set(new Date(deadline.getTime() - 1));
      const first = early.map((b) =>
        send(b.client, 'POST', `/api/bids/${b.bidId}/submit`).then((res) => {
          if (++answered === through) deadlineComes();
          return { ...b, res };
        }),
      );
      await firstAnswered;
      clock.set(deadline);
      const second = atDeadline.map((b) => send(b.client, 'POST', `/api/bids/${b.bidId}/submit`).then((res) => ({ ...b, res })));
      const jobs = Array.from({ length: 5 }, () => services.challenges.closeAtDeadline(challenge.id));
      const results = await Promise.all([...first, ...second]);
      const outcomes = await Promise.all(jobs);

      // Every answer is one of the two outcomes, with a clear reason when refused.
      for (const r of results) {
        expect([200, 409], r.res.body).toContain(r.res.statusCode);
        if (r.res.statusCode === 409) expect(r.res.json()).toMatchObject({ code: 'CONFLICT', message: 'the application deadline has passed' });
      }
      const accepted = results.filter((r) => r.res.statusCode === 200);
      const refused = results.filter((r) => r.res.statusCode === 409);
      expect(accepted.length).toBeGreaterThanOrEqual(through);
      // At the deadline instant bidding is closed: the second wave is refused whole.
      for (const r of results.slice(early.length)) expect(r.res.statusCode).toBe(409);

      // The deadline job closed the challenge exactly once.
      expect(outcomes.filter((o) => o === 'closed')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'skipped')).toHaveLength(4);
      const [row] = await db().select().from(challenges).where(eq(challenges.id, challenge.id));
      expect(row!.status).toBe('closed');
      const closes = await db().select().from(auditLog).where(and(eq(auditLog.entityId, challenge.id), eq(auditLog.action, 'challenge.close')));
      expect(closes).toHaveLength(1);
      expect(closes[0]!.after).toMatchObject({ status: 'closed', bids: accepted.length });

      // Accepted = submitted with a version before the deadline; refused = untouched drafts.
      const ids = teams.map((b) => b.bidId);
      const stored = await db().select().from(bids).where(inArray(bids.id, ids));
      const submitted = stored.filter((b) => b.status === 'submitted').map((b) => b.id).sort();
      expect(submitted).toEqual(accepted.map((r) => r.bidId).sort());
      for (const b of stored.filter((s) => refused.some((r) => r.bidId === s.id))) expect(b).toMatchObject({ status: 'draft', latestVersion: null });
      const versions = await db().select().from(bidVersions).where(inArray(bidVersions.bidId, ids));
      expect(versions.map((v) => v.bidId).sort()).toEqual(submitted);
      // The service reads the clock for the deadline check and again for the stamp, so a bid
      // let in at the last millisecond may be stamped at the deadline instant, never after it here.
      for (const v of versions) expect(v.submittedAt.getTime()).toBeLessThanOrEqual(deadline.getTime());

      // Exactly the accepted teams are told bidding closed.
      const told = await db().select().from(outbox).where(like(outbox.jobId, `notify.challenge.deadline.${challenge.id}.%`));
      expect(told.map((j) => j.jobId.split('.').at(-1)).sort()).toEqual(accepted.map((r) => r.teamId).sort());
      tally.add({ duplicates: Math.max(0, outcomes.filter((o) => o === 'closed').length - 1) });
      console.log(`deadline race, round ${round}: ${accepted.length} accepted, ${refused.length} refused (${refused.length - atDeadline.length} of them in flight when the deadline came)`);
    }, 120_000);
  }

  it('makes the second of two simultaneous submissions of one draft a revision, not a conflict', async () => {
    clock.set(new Date(deadline.getTime() - 10 * 60_000));
    const { teams: [b] } = await challengeWithDrafts(1);
    const codes = await Promise.all([1, 2].map(() => send(b!.client, 'POST', `/api/bids/${b!.bidId}/submit`).then((r) => r.statusCode)));
    expect(codes).toEqual([200, 200]);
    const versions = await db().select().from(bidVersions).where(eq(bidVersions.bidId, b!.bidId));
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
    const actions = await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, b!.bidId));
    expect(actions.map((a) => a.action).filter((a) => a === 'bid.submit' || a === 'bid.revise').sort()).toEqual(['bid.revise', 'bid.submit']);
  });
});

describe('award confirmation', () => {
  it('has exactly one outcome under 50 concurrent confirmations', async () => {
    const enterpriseId = (await makeOrganisation(db(), { kind: 'enterprise' })).id;
    const author = await makeUser(db(), { role: 'enterprise_member', organisationId: enterpriseId });
    const publisher = await logIn(t.app, author.email);
    const official = await logIn(t.app, (await makeUser(db(), { role: 'official' })).email);
    const f = await closedWithEligibleBids(t.app, db(), { publisherId: enterpriseId, authorId: author.id, official, n: 1 });
    await reviewed(t.app, db(), official, f.challenge.id, f.bids.map((b) => b.id));
    const proposed = await send(publisher, 'POST', `/api/challenges/${f.challenge.id}/awards`, { winnerBidIds: [f.bids[0]!.id] });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const id = proposed.json().id as string;

    const results = await Promise.all(Array.from({ length: 50 }, () => send(official, 'POST', `/api/awards/${id}/confirm`)));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(49);
    const confirms = await db().select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'award.confirm')));
    expect(confirms).toHaveLength(1);
    // One public notice, scheduled once.
    expect(await db().select().from(outbox).where(like(outbox.jobId, `notice.${id}.%`))).toHaveLength(1);
    tally.add({ duplicates: Math.max(0, confirms.length - 1) });
  }, 120_000);
});

describe('milestone confirmation', () => {
  let official: Client;
  let publisher: Client;
  let enterpriseId: string;
  let authorId: string;

  beforeAll(async () => {
    await makeOrganisation(db(), { kind: 'bureau' });
    enterpriseId = (await makeOrganisation(db(), { kind: 'enterprise' })).id;
    const author = await makeUser(db(), { role: 'enterprise_member', organisationId: enterpriseId });
    authorId = author.id;
    publisher = await logIn(t.app, author.email);
    official = await logIn(t.app, (await makeUser(db(), { role: 'official' })).email);
  });

  async function signedContract() {
    const { contracts: [c], bids: [bid] } = await finalAward(t.app, db(), t.rt.services, { publisherId: enterpriseId, authorId, publisher, official });
    for (const party of [publisher, bid!.client, official]) expect((await send(party, 'POST', `/api/contracts/${c!.id}/sign`)).statusCode).toBe(200);
    return { contract: c!, team: bid!.client };
  }

  it('pays a milestone once under 20 concurrent confirmations', async () => {
    const { contract, team } = await signedContract();
    const view = (await send(official, 'GET', `/api/contracts/${contract.id}`)).json();
    const m = view.milestones[0].id as string;
    expect((await send(team, 'POST', `/api/milestones/${m}/evidence`, { text: '中试报告已完成，附第三方检测报告。' })).statusCode).toBe(200);
    expect((await send(publisher, 'POST', `/api/milestones/${m}/approve`)).statusCode).toBe(200);

    const results = await Promise.all(Array.from({ length: 20 }, () => send(official, 'POST', `/api/milestones/${m}/confirm`)));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
    const paid = await db().select().from(payments).where(eq(payments.milestoneId, m));
    expect(paid).toHaveLength(1);
    const [row] = await db().select().from(milestones).where(eq(milestones.id, m));
    expect(row!.status).toBe('confirmed');
    tally.add({ duplicates: Math.max(0, paid.length - 1) });
  }, 120_000);

  it('never pays past the contract amount when 20 milestones are confirmed at once', async () => {
    const { contract } = await signedContract();
    const view = (await send(official, 'GET', `/api/contracts/${contract.id}`)).json();
    // The signing paid nothing yet on milestones; 20 approved tranches of 200,000 on 2,500,000
    // with the first tranche's 0: only 12 fit.
    await db().update(milestones).set({ trancheYuan: 0 }).where(eq(milestones.id, view.milestones[0].id));
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const [m] = await db().insert(milestones).values({ contractId: contract.id, position: i + 2, title: `节点${i}`, deliverable: '报告', dueMonth: 6, dueOn: '2027-06-01', trancheYuan: 200_000, status: 'approved' }).returning();
      ids.push(m!.id);
    }
    const results = await Promise.all(ids.map((id) => send(official, 'POST', `/api/milestones/${id}/confirm`)));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(12);
    expect(codes.filter((c) => c === 409)).toHaveLength(8);
    const ledger = await db().select().from(payments).where(eq(payments.contractId, contract.id));
    expect(ledger.reduce((s, p) => s + p.amountYuan, 0)).toBeLessThanOrEqual(contract.amountYuan);
    expect(ledger.filter((p) => p.milestoneId !== null)).toHaveLength(12);
  }, 120_000);
});

describe('the tally', () => {
  it('counted the requests, with no 5xx', () => {
    expect(tally.get().requests).toBeGreaterThan(200);
    expect(tally.get().serverErrors).toBe(0);
    expect(tally.get().duplicates).toBe(0);
  });
});
