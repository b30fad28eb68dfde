import { eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { challenges, contractParties, contracts, creditRecords, memberships, milestoneFiles, milestoneReminders, milestones, outcomeReports, payments, users } from '../../db/schema';
import { demoLogins, demoPassword } from '../../db/seed/data/accounts';
import { seedChallenges } from '../../db/seed/data/challenges';
import { seedDemoIfEmpty } from '../../db/seed/demo';
import { chinaDate } from '../../shared/calendar';
import { systemClock } from '../../server/infra/clock';
import { createDatabase, type Database } from '../../server/infra/database';
import { createTestApp, type TestApp } from '../helpers/app';
import { logIn } from '../helpers/client';
import { createIsolatedDatabase } from '../helpers/isolated-database';

/**
 * The demo seed's contracts (issue 5 item 8): every contract state and milestone state, overdue
 * milestones with their notices, an open and an approved extension, a ledger within the amounts,
 * and something to do for the official and the printed publisher logins.
 */
let iso: Awaited<ReturnType<typeof createIsolatedDatabase>>;
let d: Database;
let t: TestApp;
const db = () => d.db;

beforeAll(async () => {
  iso = await createIsolatedDatabase();
  d = createDatabase(iso.url, 4);
  expect(await seedDemoIfEmpty(d.db, systemClock)).toBe(true);
  t = await createTestApp({ DATABASE_URL: iso.url });
});
afterAll(async () => {
  await t?.close();
  await d?.close();
  await iso?.drop();
});

/** The live stories' contracts (./reviews.ts, ./contracts.ts), not the migrated history's. */
const liveContracts = async () => {
  const live = await db().select({ id: challenges.id }).from(challenges).where(inArray(challenges.title, seedChallenges.map((c) => c.title)));
  return db().select().from(contracts).where(inArray(contracts.challengeId, live.map((c) => c.id)));
};

describe('demo seed: contracts', () => {
  it('has contracts in every state', async () => {
    const rows = await liveContracts();
    const statuses = rows.map((r) => r.status);
    expect(rows.length).toBe(7);
    for (const s of ['drafted', 'signed', 'completed', 'terminated'] as const) expect(statuses, s).toContain(s);
    // The drafted one awaits signatures: one party has signed, the others not.
    const drafted = rows.find((r) => r.status === 'drafted')!;
    const parties = await db().select().from(contractParties).where(eq(contractParties.contractId, drafted.id));
    expect(parties.filter((p) => p.signedAt).length).toBe(1);
    expect(parties.filter((p) => !p.signedAt).length).toBeGreaterThanOrEqual(1);
    const completed = rows.find((r) => r.status === 'completed')!;
    expect(completed.grade).toBeTruthy();
    expect(completed.registrationNo).toBeTruthy();
    expect(completed.brokerName).toBeTruthy();
    const [outcome] = await db().select().from(outcomeReports).where(eq(outcomeReports.contractId, completed.id));
    expect(outcome?.months).toBe(6);
    expect(outcome?.answeredAt).toBeTruthy();
    const terminated = rows.filter((r) => r.status === 'terminated');
    expect(terminated.map((r) => r.terminationOutcome).sort()).toEqual(['excused', 'penalised']);
    // The penalised team is barred for three years from its termination; the excused one is not.
    const penalised = terminated.find((r) => r.terminationOutcome === 'penalised')!;
    const records = (await db().select().from(creditRecords)).filter((r) => rows.some((c) => c.teamId === r.organisationId));
    expect(records.map((r) => r.organisationId)).toEqual([penalised.teamId]);
    expect(records[0]!.barredUntil.getTime() - penalised.terminatedAt!.getTime()).toBeGreaterThanOrEqual(3 * 365 * 86_400_000);
  });

  it('has milestones in every state, overdue ones, and an open and an approved extension', async () => {
    const signedMs = await db()
      .select({ m: milestones })
      .from(milestones)
      .innerJoin(contracts, eq(contracts.id, milestones.contractId))
      .where(eq(contracts.status, 'signed'))
      .then((rows) => rows.map((r) => r.m));
    const states = signedMs.map((m) => m.status);
    for (const s of ['pending', 'submitted', 'returned', 'approved', 'confirmed'] as const) expect(states, s).toContain(s);
    expect(signedMs.find((m) => m.status === 'returned')!.reviewComment).toBeTruthy();
    const today = chinaDate(new Date());
    const overdue = signedMs.filter((m) => m.overdueSince);
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    for (const m of overdue) expect(m.dueOn! < today).toBe(true);
    expect(signedMs.some((m) => m.extensionRequestedOn)).toBe(true);
    expect(signedMs.some((m) => m.originalDueOn && m.dueOn! > m.originalDueOn)).toBe(true);
    // The due-date notice and a first weekly escalation were sent.
    const claimed = await db().select().from(milestoneReminders).where(isNotNull(milestoneReminders.milestoneId));
    const keys = claimed.map((r) => r.kind);
    expect(keys).toContain('due');
    expect(keys).toContain('escalate-1');
  });

  it('keeps the ledger within every amount and matches the confirmed tranches', async () => {
    const rows = await db().select().from(contracts);
    for (const c of rows) {
      const [sum] = await db().select({ total: sql<number>`coalesce(sum(${payments.amountYuan}), 0)::bigint` }).from(payments).where(eq(payments.contractId, c.id));
      expect(Number(sum!.total), c.title).toBe(c.paidYuan);
      expect(c.paidYuan, c.title).toBeLessThanOrEqual(c.amountYuan);
    }
    const completed = rows.find((r) => r.status === 'completed')!;
    expect(completed.paidYuan).toBe(completed.amountYuan);
  });

  it('shows the official overdue milestones first on the board', async () => {
    const official = await logIn(t.app, 'tang.wenbin@kjj.yangzhou.gov.example', demoPassword);
    const res = await official.request('GET', '/api/milestones/board');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { overdueSince: string | null }[];
    expect(items[0]!.overdueSince).toBeTruthy();
  });

  it('attaches real files to evidence, which the publisher can open', async () => {
    const files = await db().select().from(milestoneFiles);
    expect(files.length).toBeGreaterThanOrEqual(2);
    const [file] = files;
    const [m] = await db().select().from(milestones).where(eq(milestones.id, file!.milestoneId));
    const [c] = await db().select().from(contracts).where(eq(contracts.id, m!.contractId));
    const manager = await db().select({ email: users.email }).from(users).innerJoin(memberships, eq(memberships.userId, users.id)).where(eq(memberships.organisationId, c!.publisherId));
    const publisher = await logIn(t.app, manager[0]!.email, demoPassword);
    const view = (await publisher.request('GET', `/api/contracts/${c!.id}`)).json() as { milestones: { id: string; evidence: { files: { id: string; fileName: string; sha256: string }[] }[] }[] };
    const attached = view.milestones.find((x) => x.id === m!.id)!.evidence.flatMap((e) => e.files);
    expect(attached.map((a) => a.fileName)).toContain(file!.fileName);
    const res = await publisher.request('GET', `/api/milestones/${m!.id}/files/${file!.id}`);
    expect(res.statusCode).toBe(200);
    expect(createHash('sha256').update(res.rawPayload).digest('hex')).toBe(file!.sha256);
    // An .xlsx that opens (a zip starting with PK).
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('leaves the printed contracted team evidence to resubmit', async () => {
    const login = demoLogins.find((l) => l.label.startsWith('履约团队'))!;
    const team = await logIn(t.app, login.email, demoPassword);
    const items = (await team.request('GET', '/api/contracts')).json().items as { id: string; status: string }[];
    let toResubmit = 0;
    for (const i of items.filter((x) => x.status === 'signed')) {
      const view = (await team.request('GET', `/api/contracts/${i.id}`)).json() as { milestones: { status: string; events: string[] }[] };
      toResubmit += view.milestones.filter((m) => m.status === 'returned' && m.events.includes('submit')).length;
    }
    expect(toResubmit).toBeGreaterThanOrEqual(1);
  });

  it('leaves the printed publisher 蔡晓军 a contract to sign and evidence to review', async () => {
    const cai = await logIn(t.app, 'cai.xiaojun@tongchi-auto.com.example', demoPassword);
    const res = await cai.request('GET', '/api/contracts');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { id: string; status: string; awaitingMySignature: boolean }[];
    expect(items.some((i) => i.awaitingMySignature)).toBe(true);
    let toReview = 0;
    for (const i of items.filter((x) => x.status === 'signed')) {
      const view = (await cai.request('GET', `/api/contracts/${i.id}`)).json() as { milestones: { status: string; events: string[] }[] };
      toReview += view.milestones.filter((m) => m.status === 'submitted' && m.events.includes('approve')).length;
    }
    expect(toReview).toBeGreaterThanOrEqual(1);
  });
});
