import { forecastDeals } from '../../../shared/analytics/forecast';
import { durationStages, funnel, medianDays } from '../../../shared/analytics/funnel';
import { periodBounds, periodMonths, type Period } from '../../../shared/analytics/periods';
import { chinaDate } from '../../../shared/calendar';
import type { Dashboard, WorkQueues } from '../../../shared/contracts/analytics';
import type { Config } from '../../config';
import type { Ctx } from '../../context';
import { requireRole } from '../../context';
import { appendAudit } from '../../infra/audit';
import type { Clock } from '../../infra/clock';
import type { Db, Executor } from '../../infra/database';
import { createFiguresCache } from './figures-cache';
import type { AnalyticsRepository } from './repository';
import type { WorkQueuesRepository } from './queues';

export interface AnalyticsDeps {
  db: Db;
  clock: Clock;
  analytics: AnalyticsRepository;
  queues: WorkQueuesRepository;
  config: Pick<Config, 'DEALS_TARGET_DEFAULT'>;
}

/** How long the dashboard serves a period's figures after reading them (see figures-cache.ts). */
export const dashboardTtlMs = 60_000;

/**
 * 领导驾驶舱: the target, the forecast, the pipeline, and the quarterly report's figures. One
 * function computes a period's figures, in one repeatable-read snapshot, for the dashboard
 * and the report alike, so the two always agree.
 */
export function createAnalyticsService(d: AnalyticsDeps) {
  const cache = createFiguresCache<Dashboard>({ clock: d.clock, ttlMs: dashboardTtlMs });

  async function target(ex: Executor, year: number) {
    const set = await d.analytics.target(ex, year);
    return { year, deals: set ?? d.config.DEALS_TARGET_DEFAULT, isDefault: set == null };
  }

  /** The figures of a period, read in one snapshot (`ex` is a repeatable-read transaction). */
  async function figures(ex: Executor, period: Period): Promise<Dashboard> {
    const now = d.clock.now();
    const { from, to, fromDate, toDate } = periodBounds(period);
    const currentYear = Number(chinaDate(now).slice(0, 4));
    // One connection, one statement at a time: a transaction cannot run statements in parallel.
    const t = await target(ex, period.year);
    const deals = await d.analytics.signedDeals(ex, from, to);
    const tranchesPaidYuan = await d.analytics.tranchesPaid(ex, fromDate, toDate);
    const cohort = await d.analytics.funnelCohort(ex, from, to);
    const days = await d.analytics.stageDays(ex, from, to);
    // The forecast is about the year still running: the whole year's deals against its target.
    let forecast: Dashboard['forecast'] = null;
    if (period.year === currentYear && period.quarter == null) {
      const f = forecastDeals({ target: t.deals, signed: deals.deals, ...(await d.analytics.forecastInputs(ex, now)) });
      forecast = { expected: f.expected, verdict: f.verdict, gap: f.gap, stages: f.stages };
    }
    return {
      period: { year: period.year, quarter: period.quarter, from: fromDate, to: toDate },
      asOf: now.toISOString(),
      target: t,
      dealsSigned: deals.deals,
      forecast,
      dealsByMonth: periodMonths(period).map((month) => ({ month, deals: deals.byMonth.get(month) ?? 0 })),
      funnel: funnel(cohort),
      medianDays: durationStages.map((stage) => ({ stage, days: medianDays(days[stage].middle), cases: days[stage].cases })),
      breakdowns: deals.breakdowns,
      money: { contractValueYuan: deals.contractValueYuan, subsidyYuan: deals.subsidyYuan, enterpriseFundsYuan: deals.enterpriseFundsYuan, tranchesPaidYuan },
    };
  }

  /** Runs `fn` on one consistent snapshot of the database. */
  const snapshot = <T>(fn: (ex: Executor) => Promise<T>) => d.db.transaction(fn, { isolationLevel: 'repeatable read', accessMode: 'read only' });

  /**
   * A period's figures as of at most `dashboardTtlMs` ago (`asOf` says when). The quarterly
   * report does not come through here: it reads `figures` in the snapshot of its own lists.
   */
  async function dashboard(period: Period, ctx: Ctx): Promise<Dashboard> {
    requireRole(ctx, 'official');
    return cache.get(`${period.year}:${period.quarter ?? 'year'}`, () => snapshot((ex) => figures(ex, period)));
  }

  async function workQueues(ctx: Ctx): Promise<WorkQueues> {
    requireRole(ctx, 'official');
    return d.queues.all(d.db, d.clock.now(), 20);
  }

  async function setTarget(year: number, deals: number, ctx: Ctx) {
    const actor = requireRole(ctx, 'official');
    const now = d.clock.now();
    const saved = await d.db.transaction(async (tx) => {
      const before = await target(tx, year);
      await d.analytics.setTarget(tx, year, deals, actor.id, now);
      await appendAudit(tx, { at: now, actorId: actor.id, reqId: ctx.reqId, action: 'analytics.target_set', entityType: 'annual_target', entityId: String(year), before: { deals: before.deals, isDefault: before.isDefault }, after: { deals } });
      return target(tx, year);
    });
    // After the commit: a read started before it may hold the old target, and is not kept.
    cache.invalidate();
    return saved;
  }

  /**
   * For changes made elsewhere in this process that the dashboard should show at once rather
   * than within `dashboardTtlMs` (a contract signed or completed): call after the commit.
   */
  const figuresChanged = () => cache.invalidate();

  return { dashboard, workQueues, setTarget, figures, snapshot, figuresChanged };
}
export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
