import { eq, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractParties, contracts, creditRecords, milestoneReminders, milestones, outcomeReports, payments } from '../../db/schema';
import { demoPassword } from '../../db/seed/data/accounts';
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

describe('demo seed: contracts', () => {
  it('has contracts in every state', async () => {
    const rows = await db().select().from(contracts);
    const statuses = rows.map((r) => r.status);
    expect(rows.length).toBe(6);
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
    const terminated = rows.find((r) => r.status === 'terminated')!;
    expect(terminated.terminationOutcome).toBe('excused');
    // No team is barred by the demo's contracts.
    expect(await db().select().from(creditRecords)).toHaveLength(0);
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
