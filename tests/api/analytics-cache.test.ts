import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awardDecisions, bids, challenges, contracts } from '../../db/schema';
import { fixedClock } from '../../server/infra/clock';
import { createDatabase, type Database } from '../../server/infra/database';
import { storeMailer } from '../../server/infra/mailer';
import { argon2Hasher } from '../../server/infra/password-hasher';
import { dashboardTtlMs } from '../../server/modules/analytics/service';
import { createServices, type Services } from '../../server/services';
import { testConfig } from '../helpers/config';
import { makeOrganisation, makeUser } from '../helpers/factories';
import { createIsolatedDatabase } from '../helpers/isolated-database';

/**
 * The dashboard serves a period's figures for `dashboardTtlMs` by the clock seam: a write made
 * behind its back (as another process or the worker would) shows once that time has passed; a
 * target set through the service, or a change it is told of, shows at once.
 */
const clock = fixedClock(new Date('2026-11-21T04:00:00Z'));
let iso: Awaited<ReturnType<typeof createIsolatedDatabase>>;
let database: Database;
let services: Services;
let ctx: Parameters<Services['analytics']['dashboard']>[1];
let signDeal: () => Promise<void>;

beforeAll(async () => {
  iso = await createIsolatedDatabase();
  database = createDatabase(iso.url, 4);
  const db = database.db;
  services = createServices({ db, clock, hasher: argon2Hasher, mailer: storeMailer, config: testConfig({ DATABASE_URL: iso.url }) });
  const official = await makeUser(db, { role: 'official' });
  ctx = { actor: { id: official.id, name: '唐文斌', email: official.email, locale: 'zh-CN', roles: ['official'], memberships: [] }, reqId: null };
  const publisher = await makeOrganisation(db, { kind: 'enterprise' });
  const team = await makeOrganisation(db, { kind: 'team' });
  const at = new Date('2026-06-01T02:00:00Z');
  signDeal = async () => {
    const [c] = await db
      .insert(challenges)
      .values({ publisherId: publisher.id, createdBy: official.id, status: 'closed', title: '需求', industry: 'new_energy', submittedAt: at, publishedAt: at, deadline: at, closedAt: at })
      .returning();
    const [b] = await db.insert(bids).values({ challengeId: c!.id, teamId: team.id, status: 'eligible', challengeRevision: 1, submittedAt: at }).returning();
    const [a] = await db.insert(awardDecisions).values({ challengeId: c!.id, winnerBidIds: [b!.id], status: 'final', proposedBy: official.id, proposedAt: at, confirmedAt: at, finalAt: at }).returning();
    await db.insert(contracts).values({
      awardId: a!.id,
      bidId: b!.id,
      challengeId: c!.id,
      publisherId: publisher.id,
      teamId: team.id,
      status: 'signed',
      title: '合同',
      amountYuan: 100_000,
      enterpriseFundsYuan: 100_000,
      subsidyYuan: 0,
      criteria: [],
      signedAt: at,
      createdAt: at,
    });
  };
});
afterAll(async () => {
  await database?.close();
  await iso?.drop();
});

describe('the dashboard’s figures over time', () => {
  it('shows a deal signed behind its back once the figures are a minute old, as of when they were read', async () => {
    const year = { year: 2026, quarter: null };
    const first = await services.analytics.dashboard(year, ctx);
    expect(first.dealsSigned).toBe(0);

    await signDeal();
    clock.advance(dashboardTtlMs - 1);
    expect(await services.analytics.dashboard(year, ctx)).toEqual(first);
    // Another period was not read before: it shows the deal already.
    expect((await services.analytics.dashboard({ year: 2026, quarter: 2 }, ctx)).dealsSigned).toBe(1);

    clock.advance(1);
    const later = await services.analytics.dashboard(year, ctx);
    expect(later).toMatchObject({ dealsSigned: 1, asOf: clock.now().toISOString(), money: { contractValueYuan: 100_000 } });
  });

  it('shows a target at once, and a change the service is told of', async () => {
    const year = { year: 2026, quarter: null };
    await services.analytics.dashboard(year, ctx);
    await services.analytics.setTarget(2026, 7, ctx);
    expect((await services.analytics.dashboard(year, ctx)).target).toEqual({ year: 2026, deals: 7, isDefault: false });

    await signDeal();
    expect((await services.analytics.dashboard(year, ctx)).dealsSigned).toBe(1);
    services.analytics.figuresChanged();
    expect((await services.analytics.dashboard(year, ctx)).dealsSigned).toBe(2);
  });

  it('is not what the quarterly report reads: the report reads its figures afresh', async () => {
    const q2 = { year: 2026, quarter: 2 as const };
    const cached = await services.analytics.dashboard(q2, ctx);
    await signDeal();
    const report = await services.reports.quarterly(q2, ctx);
    expect(report.figures.dealsSigned).toBe(cached.dealsSigned + 1);
  });
});

describe('the connections the figures are read on', () => {
  const settings = async (db: Database) => (await db.pool.query<{ jit: string; timeout: string }>("select current_setting('jit') as jit, current_setting('statement_timeout') as timeout")).rows[0];

  it('run without JIT compilation, keeping the options the database URL carries', async () => {
    expect(await settings(database)).toMatchObject({ jit: 'off' });
    const url = new URL(iso.url);
    url.searchParams.set('options', '-c statement_timeout=4321');
    const other = createDatabase(url.toString(), 1);
    try {
      expect(await settings(other)).toEqual({ jit: 'off', timeout: '4321ms' });
    } finally {
      await other.close();
    }
  });
});
