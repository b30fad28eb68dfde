import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { awardDecisions, bids, challenges, contracts, milestones, organisations, payments } from '../../db/schema';
import { buildApp } from '../../server/app';
import { fixedClock } from '../../server/infra/clock';
import { createDatabase, type Database } from '../../server/infra/database';
import { storeMailer } from '../../server/infra/mailer';
import { argon2Hasher } from '../../server/infra/password-hasher';
import { diskStorage } from '../../server/infra/storage';
import { createServices, type Services } from '../../server/services';
import { reportExport, type QuarterlyReport } from '../../shared/contracts/reports';
import { logIn, type Client } from '../helpers/client';
import { testConfig } from '../helpers/config';
import { makeOrganisation, makeUser } from '../helpers/factories';
import { createIsolatedDatabase } from '../helpers/isolated-database';

/**
 * 季度通报 on fixed data, in a database of its own, at a fixed "now" (2026-11-21, China noon):
 * the third quarter of 2026 is over, the fourth is running, 2027's first has not begun.
 */
const now = new Date('2026-11-21T04:00:00Z');
const clock = fixedClock(now);
const at = (date: string) => new Date(`${date}T02:00:00Z`); // 10:00 in China
let iso: Awaited<ReturnType<typeof createIsolatedDatabase>>;
let database: Database;
let services: Services;
let storageDir: string;
let app: FastifyInstance;
let ctx: Parameters<Services['analytics']['dashboard']>[1];
let official: Client;
let otherOfficial: Client;
let publisher: Client;

beforeAll(async () => {
  iso = await createIsolatedDatabase();
  database = createDatabase(iso.url, 4);
  const db = database.db;
  storageDir = await mkdtemp(join(tmpdir(), 'jiebang-reports-'));
  const storage = diskStorage(storageDir);
  const config = testConfig({ DATABASE_URL: iso.url });
  services = createServices({ db, clock, hasher: argon2Hasher, mailer: storeMailer, config, storage });
  app = await buildApp({ config, services, probes: { database: database.ping, queue: async () => true } });
  await app.ready();

  const me = await makeUser(db, { role: 'official' });
  ctx = { actor: { id: me.id, name: '唐文斌', email: me.email, locale: 'zh-CN', roles: ['official'], memberships: [] }, reqId: null };
  official = await logIn(app, me.email);
  otherOfficial = await logIn(app, (await makeUser(db, { role: 'official' })).email);
  publisher = await logIn(app, (await makeUser(db, { role: 'enterprise_member' })).email);

  const a = await makeOrganisation(db, { kind: 'enterprise' });
  const b = await makeOrganisation(db, { kind: 'enterprise' });
  await db.update(organisations).set({ district: '江都区' }).where(eq(organisations.id, b.id));
  const t1 = await makeOrganisation(db, { kind: 'team' });
  const t2 = await makeOrganisation(db, { kind: 'team' });
  await db.update(organisations).set({ institution: '东南大学' }).where(eq(organisations.id, t2.id));
  const author = me.id;

  const challenge = async (o: { publisher: string; submitted: string; published?: string; deadline: string; status: string; closed?: string; industry?: string; title: string }) =>
    (
      await db
        .insert(challenges)
        .values({
          publisherId: o.publisher,
          createdBy: author,
          status: o.status as 'closed',
          title: o.title,
          industry: o.industry ?? 'new_energy',
          bountyYuan: 1_500_000,
          submittedAt: at(o.submitted),
          publishedAt: o.published ? at(o.published) : null,
          deadline: at(o.deadline),
          closedAt: o.closed ? at(o.closed) : null,
        })
        .returning()
    )[0]!;
  const bid = async (challengeId: string, teamId: string, status: 'eligible' | 'submitted' | 'draft' = 'eligible') =>
    (await db.insert(bids).values({ challengeId, teamId, status, challengeRevision: 1, submittedAt: status === 'draft' ? null : at('2026-06-01') }).returning())[0]!;
  const award = async (challengeId: string, bidIds: string[], status: 'final' | 'in_notice', final?: string) =>
    (await db.insert(awardDecisions).values({ challengeId, winnerBidIds: bidIds, status, proposedBy: author, proposedAt: at('2026-06-10'), confirmedAt: at('2026-06-11'), noticeEndsAt: status === 'in_notice' ? at('2026-11-28') : null, finalAt: final ? at(final) : null }).returning())[0]!;
  /** A contract for a closed challenge with one winning bid; `signedAt` is an instant, to test the quarter's edges. */
  const deal = async (o: { title: string; publisher: string; team: string; submitted: string; signedAt?: Date; amount: number; subsidy: number; broker?: string; registered?: boolean; industry?: string }) => {
    const ch = await challenge({ publisher: o.publisher, submitted: o.submitted, published: o.submitted, deadline: '2026-06-01', closed: '2026-06-01', status: 'closed', industry: o.industry, title: `需求：${o.title}` });
    const bd = await bid(ch.id, o.team);
    const aw = await award(ch.id, [bd.id], 'final', '2026-06-20');
    const [k] = await db
      .insert(contracts)
      .values({
        awardId: aw.id,
        bidId: bd.id,
        challengeId: ch.id,
        publisherId: o.publisher,
        teamId: o.team,
        status: o.signedAt ? 'signed' : 'drafted',
        title: o.title,
        amountYuan: o.amount,
        enterpriseFundsYuan: o.amount - o.subsidy,
        subsidyYuan: o.subsidy,
        criteria: [],
        signedAt: o.signedAt ?? null,
        brokerName: o.broker ?? null,
        registrationNo: o.registered ? '2026321000000001' : null,
        createdAt: at('2026-06-21'),
      })
      .returning();
    return k!;
  };

  // Q3 deals: one mid-quarter, one at 23:30 on 30 September in China (15:30 UTC), the edge.
  const k1 = await deal({ title: '固态电池中试', publisher: a.id, team: t1.id, submitted: '2026-07-02', signedAt: at('2026-07-15'), amount: 1_000_000, subsidy: 400_000, broker: '王海燕', registered: true });
  await db.insert(payments).values({ contractId: k1.id, amountYuan: 200_000, paidOn: '2026-08-01' });
  await deal({ title: '氢燃料电堆', publisher: b.id, team: t2.id, submitted: '2026-07-20', signedAt: new Date('2026-09-30T15:30:00Z'), amount: 2_345_678, subsidy: 500_000, industry: 'hydrogen' });
  // Just after the quarter: 00:30 on 1 October in China (still 30 September in UTC).
  await deal({ title: '十月合同', publisher: a.id, team: t1.id, submitted: '2026-08-01', signedAt: new Date('2026-09-30T16:30:00Z'), amount: 300_000, subsidy: 0 });
  // Signed in Q2, a milestone overdue since 15 October: five whole weeks by 21 November.
  const k3 = await deal({ title: '二季度合同', publisher: b.id, team: t2.id, submitted: '2026-04-01', signedAt: at('2026-06-25'), amount: 800_000, subsidy: 200_000 });
  await db.insert(milestones).values({ contractId: k3.id, position: 1, title: '样机交付', deliverable: '样机', dueMonth: 3, dueOn: '2026-10-15', trancheYuan: 400_000, status: 'pending', overdueSince: '2026-10-15' });
  // A tranche paid in Q3 for the Q2 contract: counted in the quarter's payments.
  await db.insert(payments).values({ contractId: k3.id, amountYuan: 100_000, paidOn: '2026-09-30' });
  // Awaiting signature.
  await deal({ title: '待签合同', publisher: a.id, team: t2.id, submitted: '2026-08-05', amount: 600_000, subsidy: 0 });

  // The pipeline: open for bids (one bid submitted, one still a draft), in review, in notice with two winners.
  const open = await challenge({ publisher: a.id, submitted: '2026-08-10', published: '2026-08-20', deadline: '2026-12-01', status: 'published', title: '开放中的榜单' });
  await bid(open.id, t1.id, 'submitted');
  await bid(open.id, t2.id, 'draft');
  const review = await challenge({ publisher: b.id, submitted: '2026-09-01', published: '2026-09-05', deadline: '2026-11-01', closed: '2026-11-01', status: 'closed', title: '评审中的榜单' });
  await bid(review.id, t1.id);
  const race = await challenge({ publisher: a.id, submitted: '2026-05-01', published: '2026-05-05', deadline: '2026-06-01', closed: '2026-06-01', status: 'closed', title: '赛马榜单' });
  await award(race.id, [(await bid(race.id, t1.id)).id, (await bid(race.id, t2.id)).id], 'in_notice');
  // Submitted in Q3, rejected at vetting: in the funnel's cohort only.
  await challenge({ publisher: b.id, submitted: '2026-09-10', deadline: '2026-12-01', status: 'rejected', title: '未通过审核' });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  await iso?.drop();
  if (storageDir) await rm(storageDir, { recursive: true, force: true });
});

/** Polls an export until it settles, keeping every progress value seen. */
async function settle(client: Client, id: string) {
  const seen: number[] = [];
  const final = await vi.waitFor(
    async () => {
      const res = await client.request('GET', `/api/reports/quarterly/exports/${id}`);
      expect(res.statusCode, res.body).toBe(200);
      const view = reportExport.parse(res.json());
      seen.push(view.progress);
      expect(view.status).not.toBe('running');
      return view;
    },
    { timeout: 60_000, interval: 20 },
  );
  return { final, seen };
}

async function readWorkbook(payload: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  return wb;
}

/** The value in column B of the summary row labelled `label` in column A. */
function summaryValue(sheet: ExcelJS.Worksheet, label: string, column = 2): unknown {
  let found: unknown;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === label && found === undefined) found = row.getCell(column).value;
  });
  if (found === undefined) throw new Error(`no summary row ${label}`);
  return found;
}
const yuanOf = (wan: unknown) => Math.round(Number(wan) * 10_000);

describe('the quarterly report', () => {
  it("carries exactly the dashboard's figures for the quarter, with its deals, the pipeline and overdue milestones", async () => {
    const res = await official.request('GET', '/api/reports/quarterly?year=2026&quarter=3');
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as QuarterlyReport;
    expect(report.figures).toEqual(await services.analytics.dashboard({ year: 2026, quarter: 3 }, ctx));
    expect(report.figures).toMatchObject({ dealsSigned: 2, money: { contractValueYuan: 3_345_678, subsidyYuan: 900_000, enterpriseFundsYuan: 2_445_678, tranchesPaidYuan: 300_000 } });

    // The deals the figures count, edge included, in signing order; the 1 October one is not among them.
    expect(report.deals.map((d) => [d.signedOn, d.title])).toEqual([
      ['2026-07-15', '固态电池中试'],
      ['2026-09-30', '氢燃料电堆'],
    ]);
    expect(report.deals[0]).toMatchObject({ amountYuan: 1_000_000, subsidyYuan: 400_000, enterpriseFundsYuan: 600_000, paidYuan: 200_000, broker: '王海燕', registrationNo: '2026321000000001' });
    expect(report.deals[1]).toMatchObject({ district: '江都区', institution: '东南大学', industry: 'hydrogen', registrationNo: null });
    expect(report.totals.deals).toBe(report.figures.dealsSigned);

    // The pipeline now: a draft bid is not a bid; each winner of the horse race is a row of its own.
    expect(report.pipeline.map((p) => [p.stage, p.title, p.bids])).toEqual([
      ['openForBids', '开放中的榜单', 1],
      ['inReview', '评审中的榜单', 1],
      ['inNotice', '赛马榜单', null],
      ['inNotice', '赛马榜单', null],
      ['awaitingSignature', '待签合同', null],
    ]);
    expect(report.pipeline[0]).toMatchObject({ deadline: '2026-12-01', since: '2026-08-20' });
    expect(new Set(report.pipeline.filter((p) => p.stage === 'inNotice').map((p) => p.team)).size).toBe(2);
    expect(report.overdue).toEqual([expect.objectContaining({ contractTitle: '二季度合同', milestone: '样机交付', dueOn: '2026-10-15', overdueSince: '2026-10-15', weeksOverdue: 5, trancheYuan: 400_000 })]);
    expect(report.totals).toEqual({ deals: 2, pipeline: 5, overdue: 1 });
  });

  it('exports an Excel workbook whose summary equals the dashboard and whose deals sheet lists every deal', async () => {
    const dashboard = await services.analytics.dashboard({ year: 2026, quarter: 3 }, ctx);
    const started = await official.request('POST', '/api/reports/quarterly/exports', { year: 2026, quarter: 3 });
    expect(started.statusCode, started.body).toBe(202);
    const view = reportExport.parse(started.json());
    expect(view).toMatchObject({ year: 2026, quarter: 3, status: 'running', fileName: null });

    const { final, seen } = await settle(official, view.id);
    expect(final).toMatchObject({ status: 'done', progress: 1, error: null, fileName: '揭榜挂帅季度通报_2026年第三季度.xlsx' });
    expect(seen).toEqual([...seen].sort((x, y) => x - y));

    const file = await official.request('GET', `/api/reports/quarterly/exports/${view.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('揭榜挂帅季度通报_2026年第三季度.xlsx')}`);

    const wb = await readWorkbook(file.rawPayload);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['汇总', '合同', '在途', '逾期']);
    const summary = wb.getWorksheet('汇总')!;
    expect(summary.getCell('A1').value).toBe('扬州市科技局揭榜挂帅工作季度通报（2026年第三季度）');
    expect(String(summary.getCell('A2').value)).toContain('数据截至 2026-11-21 12:00');
    expect(summaryValue(summary, '本季度成交（项）')).toBe(dashboard.dealsSigned);
    expect(yuanOf(summaryValue(summary, '合同金额（万元）'))).toBe(dashboard.money.contractValueYuan);
    expect(yuanOf(summaryValue(summary, '财政补助（万元）'))).toBe(dashboard.money.subsidyYuan);
    expect(yuanOf(summaryValue(summary, '企业自筹（万元）'))).toBe(dashboard.money.enterpriseFundsYuan);
    expect(yuanOf(summaryValue(summary, '本季度拨付（万元）'))).toBe(dashboard.money.tranchesPaidYuan);
    const funnelRows = ['需求提交', '榜单发布', '收到揭榜申报', '确定揭榜方', '签订合同', '通过验收'].map((label) => summaryValue(summary, label));
    expect(funnelRows).toEqual(dashboard.funnel.map((s) => s.count));
    expect(dashboard.funnel[0]!.count).toBe(7);

    const deals = wb.getWorksheet('合同')!;
    expect(deals.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(deals.getRow(3).getCell(3).value).toBe('合同名称');
    const dealRows = deals.getRows(4, deals.rowCount - 3) ?? [];
    expect(dealRows.map((r) => r.getCell(3).value)).toEqual(['固态电池中试', '氢燃料电堆']);
    expect(dealRows.length).toBe(dashboard.dealsSigned);
    expect(deals.getRow(4).getCell(9).numFmt).toBe('#,##0.00');
    expect(wb.getWorksheet('在途')!.rowCount - 3).toBe(5);
    expect(wb.getWorksheet('逾期')!.getRow(4).getCell(7).value).toBe(5);
  });

  it("is for officials; an export is its starter's; year and quarter are checked", async () => {
    expect((await publisher.request('GET', '/api/reports/quarterly?year=2026&quarter=3')).statusCode).toBe(403);
    expect((await publisher.request('POST', '/api/reports/quarterly/exports', { year: 2026, quarter: 3 })).statusCode).toBe(403);
    const started = reportExport.parse((await official.request('POST', '/api/reports/quarterly/exports', { year: 2026, quarter: 2 })).json());
    expect((await otherOfficial.request('GET', `/api/reports/quarterly/exports/${started.id}`)).statusCode).toBe(404);
    expect((await otherOfficial.request('GET', `/api/reports/quarterly/exports/${started.id}/file`)).statusCode).toBe(404);
    await settle(official, started.id);

    const field = async (res: Awaited<ReturnType<Client['request']>>) => {
      expect(res.statusCode, res.body).toBe(400);
      return res.json().fields.map((f: { path: string }) => f.path);
    };
    expect(await field(await official.request('GET', '/api/reports/quarterly?year=2026&quarter=5'))).toContain('query.quarter');
    expect(await field(await official.request('GET', '/api/reports/quarterly?year=2026'))).toContain('query.quarter');
    expect(await field(await official.request('GET', '/api/reports/quarterly?year=99&quarter=1'))).toContain('query.year');
    expect(await field(await official.request('POST', '/api/reports/quarterly/exports', { year: 2026, quarter: 0 }))).toContain('quarter');
    expect(await field(await official.request('POST', '/api/reports/quarterly/exports', { year: '2026', quarter: 1 }))).toContain('year');
    // A quarter that has not begun has nothing to report.
    expect(await field(await official.request('GET', '/api/reports/quarterly?year=2027&quarter=1'))).toContain('quarter');
    // The current quarter, so far, is fine.
    expect((await official.request('GET', '/api/reports/quarterly?year=2026&quarter=4')).statusCode).toBe(200);
  });

  it('deletes an export and its file after an hour', async () => {
    const started = reportExport.parse((await official.request('POST', '/api/reports/quarterly/exports', { year: 2026, quarter: 1 })).json());
    await settle(official, started.id);
    const file = await official.request('GET', `/api/reports/quarterly/exports/${started.id}/file`);
    expect(file.statusCode).toBe(200);
    const storedFiles = async () => (await import('node:fs/promises')).readdir(storageDir, { recursive: true });
    const before = (await storedFiles()).filter((f) => /[0-9a-f]{32}$/.test(String(f)));
    expect(before.length).toBeGreaterThan(0);

    clock.advance(61 * 60 * 1000);
    expect((await official.request('GET', `/api/reports/quarterly/exports/${started.id}`)).statusCode).toBe(404);
    await vi.waitFor(async () => expect((await storedFiles()).filter((f) => /[0-9a-f]{32}$/.test(String(f)))).toEqual([]));
  });
});
