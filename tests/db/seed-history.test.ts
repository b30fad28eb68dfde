import { createHash } from 'node:crypto';
import { and, eq, inArray, isNotNull, notInArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, awardDecisions, batches, bids, bidVersions, challenges, contracts, creditRecords, milestones, organisations, payments } from '../../db/schema';
import { demoLogins } from '../../db/seed/data/accounts';
import { seedChallenges } from '../../db/seed/data/challenges';
import { teams } from '../../db/seed/data/teams';
import { seedDemoIfEmpty } from '../../db/seed/demo';
import { loadConfig } from '../../server/config';
import { fixedClock } from '../../server/infra/clock';
import { createDatabase, type Database } from '../../server/infra/database';
import { bidDigest } from '../../server/modules/bids/service';
import { addMonths, chinaDate, daysBetween } from '../../shared/calendar';
import { fundingRuleProblems } from '../../shared/funding-rules';
import { createIsolatedDatabase } from '../helpers/isolated-database';

/**
 * The demo seed's two years of history (issue 7 item 7): enough deals, a funnel and delivery
 * for the dashboard, the forecast and the report to mean something on first start. Seeded at
 * the demo's own "today" (2026-11-21, the open list's) twice, to show it is deterministic, and
 * once in spring, to show the year before is complete whenever the demo starts.
 */
const autumn = new Date('2026-11-21T06:00:00Z');
const spring = new Date('2027-03-10T02:00:00Z');

interface Seeded {
  iso: Awaited<ReturnType<typeof createIsolatedDatabase>>;
  d: Database;
}
const seeded: Seeded[] = [];
async function seed(now: Date): Promise<Seeded> {
  const iso = await createIsolatedDatabase();
  const d = createDatabase(iso.url, 4);
  seeded.push({ iso, d });
  const started = performance.now();
  expect(await seedDemoIfEmpty(d.db, fixedClock(now))).toBe(true);
  console.log(`demo seed at ${now.toISOString()}: ${Math.round(performance.now() - started)} ms`);
  return { iso, d };
}

let first: Seeded;
let second: Seeded;
let springSeed: Seeded;
const db = () => first.d.db;
const liveTitles = seedChallenges.map((c) => c.title);
const today = chinaDate(autumn);

beforeAll(async () => {
  first = await seed(autumn);
  second = await seed(autumn);
  springSeed = await seed(spring);
});
afterAll(async () => {
  for (const s of seeded) {
    await s.d.close();
    await s.iso.drop();
  }
});

const dealsByYear = async (s: Seeded) => {
  const rows = await s.d.db.execute<{ y: string; n: number }>(sql`
    select to_char(signed_at at time zone 'Asia/Shanghai', 'YYYY') as y, count(*)::int as n
    from contracts where signed_at is not null group by 1 order by 1`);
  return Object.fromEntries(rows.rows.map((r) => [r.y, r.n]));
};
const historyChallengeIds = async () => (await db().select({ id: challenges.id }).from(challenges).where(notInArray(challenges.title, liveTitles))).map((r) => r.id);
const historyContracts = async () => db().select().from(contracts).where(inArray(contracts.challengeId, await historyChallengeIds()));

describe('demo seed: history', () => {
  it('signs about 46 deals last year and about 40 so far this year, live deals included', async () => {
    const years = await dealsByYear(first);
    console.log('deals per year', years);
    expect(years['2025']).toBeGreaterThanOrEqual(44);
    expect(years['2025']).toBeLessThanOrEqual(48);
    expect(years['2026']).toBeGreaterThanOrEqual(38);
    expect(years['2026']).toBeLessThanOrEqual(42);
  });

  it('has a complete year before whenever the demo starts', async () => {
    const years = await dealsByYear(springSeed);
    console.log('deals per year, started in spring', years);
    expect(years['2026']).toBeGreaterThanOrEqual(44);
    expect(years['2026']).toBeLessThanOrEqual(48);
    expect(years['2027']).toBeGreaterThanOrEqual(4);
    expect(years['2027']).toBeLessThanOrEqual(12);
  });

  it('signs deals in most months, fewer around Spring Festival than in spring and autumn', async () => {
    const rows = await db().execute<{ m: string; n: number }>(sql`
      select to_char(signed_at at time zone 'Asia/Shanghai', 'YYYY-MM') as m, count(*)::int as n
      from contracts where signed_at is not null group by 1`);
    const perMonth = new Map(rows.rows.map((r) => [r.m, r.n]));
    const months = Array.from({ length: 24 }, (_, i) => addMonths(`${today.slice(0, 7)}-01`, i - 24).slice(0, 7));
    expect(months.filter((m) => (perMonth.get(m) ?? 0) > 0).length).toBeGreaterThanOrEqual(21);
    const inMonths = (mm: string[]) => rows.rows.filter((r) => mm.includes(r.m.slice(5))).reduce((s, r) => s + r.n, 0);
    expect(inMonths(['01', '02'])).toBeLessThan(inMonths(['04', '05']));
    expect(inMonths(['01', '02'])).toBeLessThan(inMonths(['09', '10']));
  });

  it('narrows at every stage of the funnel', async () => {
    const [row] = (
      await db().execute<Record<string, number>>(sql`
        select
          (select count(*)::int from challenges where submitted_at is not null) as submitted,
          (select count(*)::int from challenges where published_at is not null) as published,
          (select count(distinct challenge_id)::int from bids where submitted_at is not null) as bid_on,
          (select count(distinct challenge_id)::int from award_decisions where status = 'final') as awarded,
          (select count(distinct challenge_id)::int from contracts where signed_at is not null) as signed,
          (select count(distinct challenge_id)::int from contracts where completed_at is not null) as accepted,
          (select count(*)::int from contracts where signed_at is not null) as deals,
          (select count(*)::int from challenges where status = 'rejected') as rejected,
          (select count(*)::int from challenges where status = 'unfilled') as unfilled`)
    ).rows;
    console.log('funnel', row);
    const f = row!;
    expect(f.submitted).toBeGreaterThan(f.published!);
    expect(f.published).toBeGreaterThan(f.bid_on!);
    expect(f.bid_on).toBeGreaterThan(f.awarded!);
    expect(f.awarded).toBeGreaterThan(f.signed!);
    expect(f.signed).toBeGreaterThan(f.accepted!);
    expect(f.accepted).toBeGreaterThan(0);
    // In the history alone (the live stories have horse races of three) some awards were never signed.
    const history = await db().select().from(challenges).where(notInArray(challenges.title, liveTitles));
    const historyAwards = await db().select().from(awardDecisions).where(and(eq(awardDecisions.status, 'final'), inArray(awardDecisions.challengeId, history.map((c) => c.id))));
    expect(historyAwards.length).toBeGreaterThan((await historyContracts()).filter((c) => c.signedAt).length);
    // About 200 needs, a tenth rejected, one published in six or seven unfilled.
    expect(history.length).toBeGreaterThanOrEqual(170);
    expect(history.length).toBeLessThanOrEqual(230);
    const share = (s: string) => history.filter((c) => c.status === s).length / history.length;
    expect(share('rejected')).toBeGreaterThan(0.06);
    expect(share('rejected')).toBeLessThan(0.14);
    expect(history.filter((c) => c.status === 'unfilled').length / history.filter((c) => c.publishedAt).length).toBeGreaterThan(0.1);
  });

  it('spreads needs over the enterprises, industries and bounties of the demo, in their own batches', async () => {
    // No history need takes a live story's title (the other seed tests tell them apart by it).
    expect(await db().select({ id: challenges.id }).from(challenges).where(inArray(challenges.title, liveTitles))).toHaveLength(seedChallenges.length);
    const history = await db().select().from(challenges).where(notInArray(challenges.title, liveTitles));
    const perPublisher = new Map<string, number>();
    for (const c of history) perPublisher.set(c.publisherId, (perPublisher.get(c.publisherId) ?? 0) + 1);
    expect(perPublisher.size).toBe(16);
    expect(Math.min(...perPublisher.values())).toBeGreaterThanOrEqual(6);
    expect(new Set(history.map((c) => c.industry)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(history.map((c) => c.industryChain)).size).toBeGreaterThanOrEqual(25);
    for (const c of history) {
      expect(c.bountyYuan).toBeGreaterThanOrEqual(300_000);
      expect(c.bountyYuan).toBeLessThanOrEqual(8_000_000);
      expect(c.enterpriseFundsYuan! + c.subsidyYuan!).toBe(c.bountyYuan);
      expect(c.indicators.length).toBeGreaterThan(0);
    }
    const listed = history.filter((c) => c.publishedAt);
    expect(listed.every((c) => c.batchId)).toBe(true);
    const all = await db().select().from(batches);
    const used = all.filter((b) => listed.some((c) => c.batchId === b.id));
    expect(used.length).toBeGreaterThanOrEqual(10);
    for (const b of used) expect(b.publishedAt!.getTime()).toBe(listed.find((c) => c.batchId === b.id)!.publishedAt!.getTime());
    // Republished needs say so.
    expect(history.some((c) => c.title.endsWith('（二次发榜）'))).toBe(true);
  });

  it('follows the usual timing from submission to signing', async () => {
    const ids = await historyChallengeIds();
    const rows = await db()
      .select({ c: challenges, a: awardDecisions })
      .from(awardDecisions)
      .innerJoin(challenges, eq(challenges.id, awardDecisions.challengeId))
      .where(and(eq(awardDecisions.status, 'final'), inArray(challenges.id, ids)));
    expect(rows.length).toBeGreaterThan(60);
    // Calendar days, Beijing time: 2–6 weeks of vetting, 4–8 of bidding, 3–8 to a final award, 1–6 to signing.
    const days = (a: Date, b: Date) => daysBetween(chinaDate(a), chinaDate(b));
    const signed = await db().select().from(contracts).where(and(inArray(contracts.awardId, rows.map((r) => r.a.id)), isNotNull(contracts.signedAt)));
    for (const { c, a } of rows) {
      expect(days(c.submittedAt!, c.publishedAt!)).toBeGreaterThanOrEqual(14);
      expect(days(c.submittedAt!, c.publishedAt!)).toBeLessThanOrEqual(42);
      expect(days(c.publishedAt!, c.deadline!)).toBeGreaterThanOrEqual(28);
      expect(days(c.publishedAt!, c.deadline!)).toBeLessThanOrEqual(56);
      expect(a.proposedAt > c.deadline! && a.confirmedAt! > a.proposedAt && a.finalAt! > a.confirmedAt!).toBe(true);
      expect(days(c.deadline!, a.finalAt!)).toBeGreaterThanOrEqual(21);
      expect(days(c.deadline!, a.finalAt!)).toBeLessThanOrEqual(58);
      for (const k of signed.filter((x) => x.awardId === a.id)) {
        expect(days(a.finalAt!, k.signedAt!)).toBeGreaterThanOrEqual(5);
        expect(days(a.finalAt!, k.signedAt!)).toBeLessThanOrEqual(42);
      }
    }
  });

  it('has 1–5 sealed bids on each closed challenge, by verified teams, the winners eligible', async () => {
    const ids = await historyChallengeIds();
    const closed = await db().select().from(challenges).where(and(eq(challenges.status, 'closed'), inArray(challenges.id, ids)));
    const all = await db().select({ b: bids, v: bidVersions, team: organisations }).from(bids).innerJoin(bidVersions, eq(bidVersions.bidId, bids.id)).innerJoin(organisations, eq(organisations.id, bids.teamId)).where(inArray(bids.challengeId, ids));
    for (const c of closed) {
      const mine = all.filter((r) => r.b.challengeId === c.id);
      expect(mine.length, c.title).toBeGreaterThanOrEqual(1);
      expect(mine.length, c.title).toBeLessThanOrEqual(5);
    }
    for (const { b, v, team } of all) {
      expect(team.verification).toBe('verified');
      expect(['eligible', 'ineligible']).toContain(b.status);
      expect(b.status === 'ineligible').toBe(!!b.eligibilityReason);
      expect(v.sha256).toBe(bidDigest(v.content));
      expect(b.submittedAt!.getTime()).toBeLessThan(closed.concat().find((c) => c.id === b.challengeId)?.deadline?.getTime() ?? Infinity);
    }
    const finals = await db().select().from(awardDecisions).where(and(eq(awardDecisions.status, 'final'), inArray(awardDecisions.challengeId, ids)));
    const winners = await db().select().from(bids).where(inArray(bids.id, finals.flatMap((a) => a.winnerBidIds)));
    expect(winners.every((w) => w.status === 'eligible')).toBe(true);
    expect(finals.filter((a) => a.winnerBidIds.length === 2).length).toBe(2);
  });

  it('keeps every split within the funding rule and the ledger within every amount', async () => {
    const config = loadConfig({});
    const rule = { maxSubsidyPercent: config.FUNDING_MAX_SUBSIDY_PERCENT, enterpriseLeadMultiple: config.FUNDING_ENTERPRISE_LEAD_MULTIPLE, academicLeadMultiple: config.FUNDING_ACADEMIC_LEAD_MULTIPLE };
    const rows = await db().select({ c: contracts, team: organisations }).from(contracts).innerJoin(organisations, eq(organisations.id, contracts.teamId));
    const ledger = await db().execute<{ contract_id: string; total: string }>(sql`select contract_id, sum(amount_yuan)::bigint as total from payments group by contract_id`);
    const paid = new Map(ledger.rows.map((r) => [r.contract_id, Number(r.total)]));
    for (const { c, team } of rows) {
      expect(c.enterpriseFundsYuan + c.subsidyYuan, c.title).toBe(c.amountYuan);
      expect(fundingRuleProblems(c, team.institutionKind === 'company' ? 'enterprise' : 'academic', rule), c.title).toEqual([]);
      expect(paid.get(c.id) ?? 0, c.title).toBe(c.paidYuan);
      expect(c.paidYuan, c.title).toBeLessThanOrEqual(c.amountYuan);
      if (c.status === 'completed') expect(c.paidYuan, c.title).toBe(c.amountYuan);
      if (!c.signedAt) expect(c.paidYuan, c.title).toBe(0);
    }
    // Each payment is on or after signing, never in the future.
    const late = await db().execute(sql`select p.id from payments p join contracts c on c.id = p.contract_id where p.paid_on < (c.signed_at at time zone 'Asia/Shanghai')::date or p.paid_on >= ${today}::date`);
    expect(late.rows).toEqual([]);
  });

  it('completes most older contracts, terminates a few, and leaves younger ones running', async () => {
    const rows = await historyContracts();
    const signed = rows.filter((c) => c.signedAt);
    const older = signed.filter((c) => chinaDate(c.signedAt!) < addMonths(today, -12));
    const done = older.filter((c) => c.status === 'completed' || c.status === 'terminated');
    console.log('history contracts', { signed: signed.length, olderThanAYear: older.length, completedOrTerminated: done.length, running: signed.filter((c) => c.status === 'signed').length });
    expect(done.length / older.length).toBeGreaterThan(0.5);
    const grades = signed.filter((c) => c.status === 'completed').map((c) => c.grade);
    expect(grades.every((g) => g)).toBe(true);
    expect(grades.filter((g) => g === 'excellent' || g === 'good').length / grades.length).toBeGreaterThan(0.6);
    expect(grades).toContain('pass');
    const terminated = signed.filter((c) => c.status === 'terminated');
    expect(terminated.length).toBeGreaterThanOrEqual(2);
    expect(terminated.map((c) => c.terminationOutcome)).toContain('excused');
    expect(signed.filter((c) => c.status === 'signed').length).toBeGreaterThan(15);
    // Awards never signed: terminated while drafted.
    expect(rows.filter((c) => !c.signedAt && c.status === 'terminated').length).toBeGreaterThan(0);
  });

  it('bars the penalised team for three years, a team no printed log-in or live story uses, with no bids after', async () => {
    const penalised = (await historyContracts()).filter((c) => c.terminationOutcome === 'penalised');
    expect(penalised).toHaveLength(1);
    const c = penalised[0]!;
    const [record] = await db().select().from(creditRecords).where(eq(creditRecords.organisationId, c.teamId));
    expect(record!.barredUntil.getTime()).toBeGreaterThan(autumn.getTime());
    expect(record!.createdAt.getTime()).toBe(c.terminatedAt!.getTime());
    const [team] = await db().select().from(organisations).where(eq(organisations.id, c.teamId));
    const printed = teams.filter((t) => t.members.some((m) => demoLogins.some((l) => l.email === m.email))).map((t) => t.name);
    expect(printed).not.toContain(team!.name);
    // No history bid by a team after it was barred (by this termination or by the live story's).
    const ids = await historyChallengeIds();
    for (const r of await db().select().from(creditRecords)) {
      const later = await db().select().from(bids).where(and(eq(bids.teamId, r.organisationId), inArray(bids.challengeId, ids), sql`${bids.submittedAt} >= ${r.createdAt}`));
      expect(later).toEqual([]);
    }
  });

  it('leaves some contracts unregistered, brokers about four in ten, and some history milestones overdue', async () => {
    const signed = (await historyContracts()).filter((c) => c.signedAt);
    const unregistered = signed.filter((c) => !c.registrationNo);
    console.log('history registration and brokers', { signed: signed.length, unregistered: unregistered.length, brokered: signed.filter((c) => c.brokerName).length });
    expect(unregistered.length).toBeGreaterThanOrEqual(4);
    expect(unregistered.length / signed.length).toBeLessThan(0.25);
    expect(new Set(signed.flatMap((c) => (c.registrationNo ? [c.registrationNo] : []))).size).toBe(signed.length - unregistered.length);
    const brokered = signed.filter((c) => c.brokerName).length / signed.length;
    expect(brokered).toBeGreaterThan(0.25);
    expect(brokered).toBeLessThan(0.55);
    const running = signed.filter((c) => c.status === 'signed').map((c) => c.id);
    const overdue = await db().select().from(milestones).where(and(inArray(milestones.contractId, running), isNotNull(milestones.overdueSince)));
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    expect(overdue.length).toBeLessThanOrEqual(6);
    for (const m of overdue) {
      expect(m.dueOn! < today).toBe(true);
      expect(['pending', 'submitted', 'returned']).toContain(m.status);
    }
    // Nothing unsettled is past due without the flag.
    const unflagged = await db().select().from(milestones).where(and(inArray(milestones.contractId, running), sql`${milestones.dueOn} < ${today}::date`, sql`${milestones.overdueSince} is null`, sql`${milestones.status} not in ('approved', 'confirmed')`));
    expect(unflagged).toEqual([]);
  });

  it('writes no audit entries for what it migrated', async () => {
    const ids = [...(await historyChallengeIds()), ...(await historyContracts()).map((c) => c.id)];
    expect(await db().select().from(auditLog).where(inArray(auditLog.entityId, ids))).toEqual([]);
  });

  it('gives the same history for the same start', async () => {
    const digest = async (s: Seeded) => {
      const rows = await s.d.db.execute(sql`
        select json_agg(x order by x::text) as all from (
          select json_build_object('t', title, 's', status, 'sub', submitted_at, 'dl', deadline, 'b', bounty_yuan) as x from challenges
          union all
          select json_build_object('t', c.title, 'o', o.name, 'a', amount_yuan, 'p', paid_yuan, 'sig', signed_at, 'st', c.status, 'r', registration_no, 'br', broker_name) from contracts c join organisations o on o.id = c.team_id
          union all
          select json_build_object('ch', ch.title, 'o', o.name, 'sub', b.submitted_at, 'st', b.status) from bids b join organisations o on o.id = b.team_id join challenges ch on ch.id = b.challenge_id
          union all
          select json_build_object('c', c.title, 'a', p.amount_yuan, 'on', p.paid_on) from payments p join contracts c on c.id = p.contract_id
          union all
          select json_build_object('c', c.title, 'm', m.position, 'due', m.due_on, 's', m.status, 'od', m.overdue_since) from milestones m join contracts c on c.id = m.contract_id
        ) q`);
      return createHash('sha256').update(JSON.stringify(rows.rows)).digest('hex');
    };
    expect(await digest(second)).toBe(await digest(first));
  });

  it('leaves the history batches, payments and milestones consistent with the tables they join', async () => {
    const ids = (await historyContracts()).map((c) => c.id);
    const orphanPayments = await db().select().from(payments).where(and(inArray(payments.contractId, ids), isNotNull(payments.milestoneId), sql`not exists (select 1 from milestones m where m.id = ${payments.milestoneId} and m.status = 'confirmed')`));
    expect(orphanPayments).toEqual([]);
    const numbers = (await db().select({ y: batches.year, n: batches.number }).from(batches)).map((b) => `${b.y}.${b.n}`);
    expect(new Set(numbers).size).toBe(numbers.length);
    const first2025 = (await db().select().from(batches).where(eq(batches.year, 2025))).sort((a, b) => a.publishedAt!.getTime() - b.publishedAt!.getTime());
    expect(first2025.length).toBeGreaterThanOrEqual(4);
    expect(daysBetween(chinaDate(first2025[0]!.publishedAt!), chinaDate(first2025.at(-1)!.publishedAt!))).toBeGreaterThan(200);
  });
});
