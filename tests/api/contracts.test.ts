import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, contracts, creditRecords, milestones, organisations, outbox, payments } from '../../db/schema';
import { addMonths, chinaDate } from '../../shared/calendar';
import { systemClock } from '../../server/infra/clock';
import { storeMailer } from '../../server/infra/mailer';
import { argon2Hasher } from '../../server/infra/password-hasher';
import { createServices } from '../../server/services';
import { createTestApp, type TestApp } from '../helpers/app';
import { testConfig } from '../helpers/config';
import { makeChallenge } from '../helpers/challenges';
import { logIn, type Client } from '../helpers/client';
import { finalAward } from '../helpers/contract-fixture';
import { makeOrganisation, makeUser } from '../helpers/factories';

let t: TestApp;
const db = () => t.rt.database.db;
let official: Client;
let publisher: Client;
let enterpriseId: string;
let authorId: string;

beforeAll(async () => {
  t = await createTestApp();
  // A bureau organisation: it becomes a party of contracts with a subsidy.
  await makeOrganisation(db(), { kind: 'bureau' });
  enterpriseId = (await makeOrganisation(db(), { kind: 'enterprise' })).id;
  const author = await makeUser(db(), { role: 'enterprise_member', organisationId: enterpriseId });
  authorId = author.id;
  publisher = await logIn(t.app, author.email);
  official = await logIn(t.app, (await makeUser(db(), { role: 'official' })).email);
});
afterAll(async () => t?.close());

const deal = (o: { n?: number; horseRace?: boolean } = {}) => finalAward(t.app, db(), t.rt.services, { publisherId: enterpriseId, authorId, publisher, official, ...o });

async function signedByAll(id: string, team: Client) {
  for (const c of [publisher, team, official]) {
    const res = await c.request('POST', `/api/contracts/${id}/sign`);
    if (res.statusCode !== 200) return res;
  }
  return (await official.request('GET', `/api/contracts/${id}`));
}

describe('drafting', () => {
  it('drafts one contract per winner from the winning bid when the award becomes final', async () => {
    const { contracts: drafted, bids } = await deal({ n: 2, horseRace: true });
    expect(drafted).toHaveLength(2);
    const view = (await publisher.request('GET', `/api/contracts/${drafted[0]!.id}`)).json();
    expect(view).toMatchObject({ status: 'drafted', amountYuan: 2_500_000, paidYuan: 0 });
    expect(view.enterpriseFundsYuan + view.subsidyYuan).toBe(view.amountYuan);
    expect(view.parties.map((p: { role: string }) => p.role)).toEqual(expect.arrayContaining(['publisher', 'lead']));
    expect(view.milestones).toEqual([expect.objectContaining({ title: '交付', trancheYuan: 2_500_000, dueOn: null, status: 'pending' })]);
    expect(view.criteria[0]).toMatchObject({ committedValue: '≤ 110' });
    // Sealed from the other winner's team and from strangers, like any contract.
    const other = bids.find((b) => b.teamId !== drafted[0]!.teamId)!;
    expect((await other.client.request('GET', `/api/contracts/${drafted[0]!.id}`)).statusCode).toBe(404);
    expect(await db().select().from(outbox).where(like(outbox.jobId, `notify.contract.drafted.${drafted[0]!.id}.%`))).not.toHaveLength(0);
  });

  it('checks the funding rule, naming it, and only until someone signs', async () => {
    const { contracts: [c], bids } = await deal();
    const academicLead = await official.request('PUT', `/api/contracts/${c!.id}/funding`, { enterpriseFundsYuan: 1_000_000, subsidyYuan: 1_500_000 });
    expect(academicLead.statusCode).toBe(400);
    expect(academicLead.json().fields.map((f: { message: string }) => f.message)).toEqual([
      'the subsidy may be at most 50 % of the contract amount',
      'enterprise funds must be at least 1 × the subsidy when a university or institute leads',
    ]);
    const bad = await official.request('PUT', `/api/contracts/${c!.id}/funding`, { enterpriseFundsYuan: 1_000_000, subsidyYuan: 1_000_000 });
    expect(bad.json().fields[0]).toMatchObject({ path: 'subsidyYuan', message: 'enterprise funds plus subsidy must equal the contract amount' });
    const ok = await official.request('PUT', `/api/contracts/${c!.id}/funding`, { enterpriseFundsYuan: 1_250_000, subsidyYuan: 1_250_000, firstTrancheYuan: 1_500_000 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().milestones[0].trancheYuan).toBe(1_000_000);
    expect((await publisher.request('PUT', `/api/contracts/${c!.id}/funding`, { enterpriseFundsYuan: 1_250_000, subsidyYuan: 1_250_000 })).statusCode).toBe(403);
    await publisher.request('POST', `/api/contracts/${c!.id}/sign`);
    expect((await official.request('PUT', `/api/contracts/${c!.id}/funding`, { enterpriseFundsYuan: 1_250_000, subsidyYuan: 1_250_000 })).statusCode).toBe(409);
    void bids;
  });

  it('holds an enterprise-led bid to 2:1 co-funding', async () => {
    const { contracts: [c] } = await deal();
    await db().update(organisations).set({ institutionKind: 'company' }).where(eq(organisations.id, c!.teamId));
    const res = await official.request('PUT', `/api/contracts/${c!.id}/funding`, { enterpriseFundsYuan: 1_250_000, subsidyYuan: 1_250_000 });
    expect(res.json().fields).toEqual([{ path: 'enterpriseFundsYuan', message: 'enterprise funds must be at least 2 × the subsidy when an enterprise leads' }]);
  });
});

describe('signing', () => {
  it('takes effect at the last signature: due dates, the first tranche paid, the schedule queued', async () => {
    const { contracts: [c], bids } = await deal();
    await official.request('PUT', `/api/contracts/${c!.id}/funding`, { enterpriseFundsYuan: 1_250_000, subsidyYuan: 1_250_000, firstTrancheYuan: 1_500_000 });
    const first = (await publisher.request('POST', `/api/contracts/${c!.id}/sign`)).json();
    expect(first.status).toBe('drafted');
    expect((await publisher.request('POST', `/api/contracts/${c!.id}/sign`)).statusCode).toBe(403);
    // A team member who is not a manager cannot sign for the team.
    const member = await logIn(t.app, (await makeUser(db(), { role: 'team_member', organisationId: bids[0]!.teamId, canManage: false })).email);
    expect((await member.request('POST', `/api/contracts/${c!.id}/sign`)).statusCode).toBe(403);
    await bids[0]!.client.request('POST', `/api/contracts/${c!.id}/sign`);
    const done = (await official.request('POST', `/api/contracts/${c!.id}/sign`)).json();
    expect(done.status).toBe('signed');
    expect(done.milestones[0].dueOn).toBe(addMonths(chinaDate(new Date(done.signedAt)), 18));
    expect(done.payments).toEqual([expect.objectContaining({ milestoneId: null, amountYuan: 1_500_000 })]);
    expect(done.paidYuan).toBe(1_500_000);
    const jobs = await db().select().from(outbox).where(like(outbox.jobId, `milestone.${done.milestones[0].id}.%`));
    expect(jobs.map((j) => (j.payload as { kind: string }).kind).sort()).toEqual(['due', 'remind-14', 'remind-3']);
    const signatures = await db().select().from(auditLog).where(and(eq(auditLog.entityId, c!.id), eq(auditLog.action, 'contract.signed')));
    expect(signatures).toHaveLength(3);
  });
});

describe('milestones and the ledger', () => {
  it('goes evidence → returned → evidence → approved → confirmed, paying the tranche once', async () => {
    const { contracts: [c], bids } = await deal();
    const team = bids[0]!.client;
    const signed = (await signedByAll(c!.id, team)).json();
    const m = signed.milestones[0].id as string;
    expect((await publisher.request('POST', `/api/milestones/${m}/evidence`, { text: '提交' })).statusCode).toBe(403);
    const submitted = await team.request('POST', `/api/milestones/${m}/evidence`, { text: '中试报告已完成，附检测报告。' });
    expect(submitted.json().milestones[0].status).toBe('submitted');
    expect((await publisher.request('POST', `/api/milestones/${m}/return`, { comments: '缺少第三方检测报告' })).json().milestones[0]).toMatchObject({ status: 'returned', reviewComment: '缺少第三方检测报告' });
    await team.request('POST', `/api/milestones/${m}/evidence`, { text: '补充第三方检测报告。' });
    expect((await official.request('POST', `/api/milestones/${m}/approve`)).statusCode).toBe(403);
    await publisher.request('POST', `/api/milestones/${m}/approve`);
    const confirmed = (await official.request('POST', `/api/milestones/${m}/confirm`)).json();
    expect(confirmed.milestones[0]).toMatchObject({ status: 'confirmed', paidOn: expect.any(String) });
    expect(confirmed.milestones[0].evidence).toHaveLength(2);
    expect(confirmed.paidYuan).toBe(2_500_000);
    expect((await official.request('POST', `/api/milestones/${m}/confirm`)).statusCode).toBe(409);
  });

  it('never pays more than the contract amount, even under 20 concurrent confirmations (enforced by the database)', async () => {
    const { contracts: [c], bids } = await deal();
    const signed = (await signedByAll(c!.id, bids[0]!.client)).json();
    // 20 approved milestones of 200,000 each on a 2,500,000 contract: only 12 fit (plus the existing one's 0).
    await db().update(milestones).set({ trancheYuan: 0 }).where(eq(milestones.id, signed.milestones[0].id));
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const [row] = await db().insert(milestones).values({ contractId: c!.id, position: i + 2, title: `节点${i}`, deliverable: '报告', dueMonth: 6, dueOn: '2027-06-01', trancheYuan: 200_000, status: 'approved' }).returning();
      ids.push(row!.id);
    }
    const results = await Promise.all(ids.map((id) => official.request('POST', `/api/milestones/${id}/confirm`)));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((s) => s === 200)).toHaveLength(12);
    expect(codes.filter((s) => s === 409)).toHaveLength(8);
    expect(results.find((r) => r.statusCode === 409)!.json().message).toBe('paying this tranche would exceed the contract amount');
    const ledger = await db().select().from(payments).where(eq(payments.contractId, c!.id));
    expect(ledger.reduce((s, p) => s + p.amountYuan, 0)).toBe(2_400_000);
    const [row] = await db().select().from(contracts).where(eq(contracts.id, c!.id));
    expect(row!.paidYuan).toBe(2_400_000);
    // The ledger is append-only.
    await expect(db().delete(payments).where(eq(payments.contractId, c!.id))).rejects.toThrow();
  });

  it('allows one extension of up to 12 months, asked by the team and approved by an official', async () => {
    const { contracts: [c], bids } = await deal();
    const team = bids[0]!.client;
    const signed = (await signedByAll(c!.id, team)).json();
    const m = signed.milestones[0];
    const tooFar = await team.request('POST', `/api/milestones/${m.id}/extension-request`, { newDueOn: addMonths(m.dueOn, 13), reason: '设备到货延迟' });
    expect(tooFar.json().fields[0]).toMatchObject({ path: 'newDueOn', message: 'an extension is at most 12 months past the original due date' });
    expect((await team.request('POST', `/api/milestones/${m.id}/extension-request`, { newDueOn: m.dueOn, reason: '设备到货延迟' })).statusCode).toBe(400);
    const asked = (await team.request('POST', `/api/milestones/${m.id}/extension-request`, { newDueOn: addMonths(m.dueOn, 6), reason: '关键设备到货延迟' })).json();
    expect(asked.milestones[0].extensionRequest).toEqual({ newDueOn: addMonths(m.dueOn, 6), reason: '关键设备到货延迟' });
    expect((await team.request('POST', `/api/milestones/${m.id}/extension-request`, { newDueOn: addMonths(m.dueOn, 3), reason: '再次' })).statusCode).toBe(403);
    expect((await publisher.request('POST', `/api/milestones/${m.id}/extension-decision`, { decision: 'approve' })).statusCode).toBe(403);
    const approved = (await official.request('POST', `/api/milestones/${m.id}/extension-decision`, { decision: 'approve' })).json();
    expect(approved.milestones[0]).toMatchObject({ dueOn: addMonths(m.dueOn, 6), originalDueOn: m.dueOn, extensionReason: '关键设备到货延迟', extensionRequest: null });
    // Once only.
    expect((await team.request('POST', `/api/milestones/${m.id}/extension-request`, { newDueOn: addMonths(m.dueOn, 9), reason: '还要延期' })).statusCode).toBe(403);
    // The old schedule's jobs now find a different due date and do nothing.
    expect(await t.rt.services.contracts.remind({ milestoneId: m.id, kind: 'due', dueOn: m.dueOn, week: 0 })).toBe('skipped');
  });
});

describe('reminders and escalation', () => {
  it('fire once per milestone and threshold even when a job runs twice', async () => {
    const { contracts: [c], bids } = await deal();
    const signed = (await signedByAll(c!.id, bids[0]!.client)).json();
    const m = signed.milestones[0];
    const remind = (kind: 'remind-14' | 'remind-3' | 'due' | 'escalate', week = 0) => t.rt.services.contracts.remind({ milestoneId: m.id, kind, dueOn: m.dueOn, week });
    expect(await remind('remind-14')).toBe('sent');
    expect(await remind('remind-14')).toBe('skipped');
    expect(await remind('remind-3')).toBe('sent');
    expect(await remind('due')).toBe('sent');
    expect(await remind('due')).toBe('skipped');
    const view = (await official.request('GET', `/api/contracts/${c!.id}`)).json();
    expect(view.milestones[0].overdueSince).toBe(m.dueOn);
    const listed = (await official.request('GET', '/api/contracts?status=signed')).json().items.find((x: { id: string }) => x.id === c!.id);
    expect(listed).toMatchObject({ overdue: 1, nextDueOn: m.dueOn, paidYuan: 0 });
    const board = (await official.request('GET', '/api/milestones/board')).json().items;
    expect(board[0]).toMatchObject({ overdueSince: expect.any(String) });
    expect(board.find((x: { milestoneId: string }) => x.milestoneId === m.id)).toMatchObject({ contractId: c!.id, overdueSince: m.dueOn });
    // The due job scheduled the first weekly escalation, which schedules the next.
    expect(await db().select().from(outbox).where(eq(outbox.jobId, `milestone.${m.id}.${m.dueOn}.escalate.1`))).toHaveLength(1);
    expect(await remind('escalate', 1)).toBe('sent');
    expect(await remind('escalate', 1)).toBe('skipped');
    expect(await db().select().from(outbox).where(eq(outbox.jobId, `milestone.${m.id}.${m.dueOn}.escalate.2`))).toHaveLength(1);
    const notices = await db().select().from(outbox).where(like(outbox.jobId, `notify.milestone.%${m.id}%`));
    expect(notices.map((n) => n.jobId).sort()).toEqual(
      [
        `notify.milestone.remind-14.${m.id}.${m.dueOn}`,
        `notify.milestone.remind-3.${m.id}.${m.dueOn}`,
        `notify.milestone.due.${m.id}.${m.dueOn}.publisher`,
        `notify.milestone.due.${m.id}.${m.dueOn}.officials`,
        `notify.milestone.escalate-1.${m.id}.${m.dueOn}.officials`,
        `notify.milestone.escalate-1.${m.id}.${m.dueOn}.publisher`,
      ].sort(),
    );
    // Once the milestone is accepted, escalation stops.
    await bids[0]!.client.request('POST', `/api/milestones/${m.id}/evidence`, { text: '成果提交' });
    await publisher.request('POST', `/api/milestones/${m.id}/approve`);
    expect(await remind('escalate', 2)).toBe('skipped');
  });

  it('send nothing when the worker dies before the job commits, and exactly once when it runs again', async () => {
    const { contracts: [c], bids } = await deal();
    const m = (await signedByAll(c!.id, bids[0]!.client)).json().milestones[0];
    // The same services on a database whose transactions die after the job's work, before COMMIT:
    // what a killed worker leaves behind.
    const real = db();
    const dying = new Proxy(real, {
      get(target, prop, receiver) {
        if (prop !== 'transaction') return Reflect.get(target, prop, receiver);
        return (work: (tx: unknown) => Promise<unknown>) =>
          target.transaction(async (tx) => {
            await work(tx);
            throw new Error('worker killed');
          });
      },
    });
    const killed = createServices({ db: dying, clock: systemClock, hasher: argon2Hasher, mailer: storeMailer, config: testConfig() });
    const payload = { milestoneId: m.id, kind: 'remind-3' as const, dueOn: m.dueOn, week: 0 };
    await expect(killed.contracts.remind(payload)).rejects.toThrow('worker killed');
    const notices = () => db().select().from(outbox).where(eq(outbox.jobId, `notify.milestone.remind-3.${m.id}.${m.dueOn}`));
    expect(await notices()).toEqual([]);
    expect(await t.rt.services.contracts.remind(payload)).toBe('sent');
    expect(await t.rt.services.contracts.remind(payload)).toBe('skipped');
    expect(await notices()).toHaveLength(1);
  });
});

describe('acceptance, termination and outcomes', () => {
  it('accepts with a grade once every milestone is confirmed, then prompts for outcomes at 6 and 12 months', async () => {
    const { contracts: [c], bids } = await deal();
    const team = bids[0]!.client;
    const signed = (await signedByAll(c!.id, team)).json();
    const m = signed.milestones[0].id;
    expect(signed.viewer.events).not.toContain('accept');
    expect((await official.request('POST', `/api/contracts/${c!.id}/acceptance`, { grade: 'good', report: '各项指标达到合同要求。' })).statusCode).toBe(409);
    await team.request('POST', `/api/milestones/${m}/evidence`, { text: '成果提交' });
    await publisher.request('POST', `/api/milestones/${m}/approve`);
    await official.request('POST', `/api/milestones/${m}/confirm`);
    const reg = await official.request('POST', `/api/contracts/${c!.id}/registration`, { registrationNo: '2026320100000123', registeredOn: '2026-11-20' });
    expect(reg.json()).toMatchObject({ registrationNo: '2026320100000123', registeredOn: '2026-11-20' });
    const broker = await official.request('PUT', `/api/contracts/${c!.id}/broker`, { name: '王经理', introducedOn: '2026-05-10' });
    expect(broker.json().broker).toEqual({ name: '王经理', userId: null, introducedOn: '2026-05-10' });
    expect((await official.request('GET', `/api/contracts/${c!.id}`)).json().viewer.events).toContain('accept');
    const accepted = (await official.request('POST', `/api/contracts/${c!.id}/acceptance`, { grade: 'good', report: '各项指标达到合同要求。' })).json();
    expect(accepted).toMatchObject({ status: 'completed', grade: 'good' });
    expect(await db().select().from(outbox).where(eq(outbox.jobId, `outcome.${c!.id}.6`))).toHaveLength(1);
    expect((await publisher.request('PUT', `/api/contracts/${c!.id}/outcomes/6`, { product: '涂层电极' })).statusCode).toBe(409);
    expect(await t.rt.services.contracts.promptOutcome({ contractId: c!.id, months: 6 })).toBe('prompted');
    expect(await t.rt.services.contracts.promptOutcome({ contractId: c!.id, months: 6 })).toBe('skipped');
    const reported = (await publisher.request('PUT', `/api/contracts/${c!.id}/outcomes/6`, { product: '碱性电解槽涂层电极', revenueYuan: 3_200_000, patents: 2 })).json();
    expect(reported.outcomes[0]).toMatchObject({ months: 6, product: '碱性电解槽涂层电极', revenueYuan: 3_200_000, patents: 2 });
    expect((await team.request('PUT', `/api/contracts/${c!.id}/outcomes/6`, { product: 'x' })).statusCode).toBe(403);
  });

  it('terminates with a credit penalty that stops the team bidding later; excused leaves no record', async () => {
    const { contracts: [c], bids } = await deal();
    const team = bids[0]!.client;
    await signedByAll(c!.id, team);
    const ended = (await official.request('POST', `/api/contracts/${c!.id}/termination`, { reason: '团队核心成员离职，无法继续实施', outcome: 'penalised' })).json();
    expect(ended).toMatchObject({ status: 'terminated', terminationOutcome: 'penalised' });
    const next = await makeChallenge(db(), { publisherId: enterpriseId, createdBy: authorId, status: 'published' });
    const refused = await team.request('POST', '/api/bids', { challengeId: next.id });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toMatch(/barred from bidding until \d{4}-/);

    const excused = (await deal()).contracts[0]!;
    expect((await official.request('POST', `/api/contracts/${excused.id}/termination`, { reason: '技术路线经验证不可行', outcome: 'excused' })).json().terminationOutcome).toBe('excused');
    expect(await db().select().from(creditRecords).where(eq(creditRecords.organisationId, excused.teamId))).toEqual([]);
  });
});
