import type { Tx } from '../../../server/infra/database';
import type { SeedRefs } from '../challenges';
import { loadInputs } from './inputs';
import { writeJobs } from './jobs';
import { planHistory } from './plan';
import type { HistoryPlan } from './plan-types';
import { writeContracts } from './write-contracts';
import { writeNeeds } from './write-needs';

/**
 * The bureau's last two years (issue 7 item 7), so the dashboard, the forecast and the
 * quarterly report have something to say on first start. This is history the bureau kept in
 * its spreadsheets before the platform and migrated into it: about 190 needs from the demo
 * enterprises in numbered batches, with their bids, final awards, signed contracts, milestones,
 * payments, acceptances and terminations. Being a migration, it is inserted directly in
 * batches rather than played through the services like the live stories (../reviews.ts,
 * ../contracts.ts), which keeps it fast, and it writes no audit_log rows: the audit log is the
 * platform's own hash-chained record of what was done in it, by whom and when, and entries for
 * actions nobody took here would be forged evidence. Reviews (criteria, scores) were kept on
 * paper and are not migrated either.
 *
 * Everything is dated relative to `now` (like the other steps) and drawn from a seeded random
 * source, so the same start gives the same history; ties go to seed-data order, never to ids.
 * The shape (../data/history.ts):
 *
 *   deals      signed contracts per calendar month follow a seasonal share of 46 a year, the
 *              live stories' deals included, so last year is a near miss of the target of 50
 *              and this year's forecast is a real question
 *   funnel     needs submitted → about 10 % rejected at vetting (a few withdrawn after rework)
 *              → published in a batch 2–6 weeks later → 4–8 weeks of bidding, about 15 % draw
 *              no bid (流榜) → 1–5 bids by relevant verified teams → a final award 3–8 weeks
 *              after the deadline for about six in ten (two horse races) → signed 1–6 weeks
 *              later; some awards were never signed, some challenges ended without a winner
 *   delivery   older contracts mostly completed and graded, a few terminated (one with a
 *              credit penalty still in force, on a team no demo log-in or live story uses),
 *              younger ones running with milestones paid, a few overdue and one extended
 *   registry   most contracts registered (技术合同登记); about 40 % brokered by named
 *              technology managers or the officials
 *
 * Unfilled and unawarded needs are often published again later (二次发榜). Running contracts
 * get their reminder and escalation jobs, so the platform keeps track of them from now on.
 * Runs after the contracts step (it counts the live deals) and before matching (which counts
 * track records).
 */
export async function seedHistoryStep(tx: Tx, refs: SeedRefs, now: Date): Promise<HistorySummary> {
  const inputs = await loadInputs(tx, refs, now);
  const plan = planHistory(inputs);
  await writeNeeds(tx, inputs, plan);
  await writeContracts(tx, plan);
  await writeJobs(tx, inputs, plan);
  return summarise(plan);
}

export interface HistorySummary {
  needs: number;
  published: number;
  bidOn: number;
  awarded: number;
  deals: number;
  completed: number;
}

function summarise(plan: HistoryPlan): HistorySummary {
  const withBids = new Set(plan.bids.map((b) => b.need.challengeId));
  return {
    needs: plan.needs.length,
    published: plan.needs.filter((n) => n.batch).length,
    bidOn: withBids.size,
    awarded: plan.awards.filter((a) => a.status === 'final').length,
    deals: plan.contracts.filter((c) => c.signedAt).length,
    completed: plan.contracts.filter((c) => c.status === 'completed').length,
  };
}
