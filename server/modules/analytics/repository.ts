import { eq, sql } from 'drizzle-orm';
import { annualTargets } from '../../../db/schema';
import type { DurationStage, FunnelStage } from '../../../shared/analytics/funnel';
import type { PipelineStage, StageHistory } from '../../../shared/analytics/forecast';
import type { Executor } from '../../infra/database';

/** Deal = a contract with a signing date; "signed in [from, to)" counts it toward that period. */
const signedIn = (from: Date, to: Date) => sql`c.signed_at >= ${from} and c.signed_at < ${to}`;

const num = (x: unknown) => Number(x ?? 0);

/** The standing award decisions: at most one per challenge (unique index `award_decisions_one_standing`). */
const standing = sql`('proposed', 'in_notice', 'final')`;

/**
 * A challenge (aliased `ch`) in review: closed in the last 180 days with no award standing. A
 * review still open after that has ended without one. The forecast and the report's pipeline
 * both use it.
 */
export const inReview = (now: Date) => sql`ch.status = 'closed'
  and coalesce(ch.closed_at, ch.deadline) >= ${now}::timestamptz - interval '180 days'
  and not exists (select 1 from award_decisions a where a.challenge_id = ch.id and a.status in ${standing})`;

export type BreakdownDimension = 'industry' | 'district' | 'institution' | 'broker';
export interface BreakdownRow {
  key: string;
  deals: number;
  amountYuan: number;
}

/** The deals signed in a period: totals, per month (China time) and the four breakdowns. */
export interface SignedDeals {
  deals: number;
  contractValueYuan: number;
  subsidyYuan: number;
  enterpriseFundsYuan: number;
  byMonth: Map<string, number>;
  breakdowns: Record<BreakdownDimension, BreakdownRow[]>;
}

/**
 * The days a stage took, as its case count and the two values around its middle (the middle
 * one twice for an odd count; none without cases): `medianDays` of those two is the median of
 * all, without every case's days being sent to the application.
 */
export interface StageDays {
  cases: number;
  middle: number[];
}

/**
 * The officials' figures, straight from the lifecycle tables: nothing is stored twice, so the
 * dashboard and the quarterly report read the same rows and cannot disagree. A period's figures
 * are five statements besides the target, and the forecast one more (sixteen before issue 9,
 * several passes over the same rows). They read covering indexes (db/schema: those marked for
 * the dashboard) rather than the wide `challenges` and `contracts` rows.
 */
export function createAnalyticsRepository() {
  return {
    async target(ex: Executor, year: number): Promise<number | null> {
      const [row] = await ex.select().from(annualTargets).where(eq(annualTargets.year, year));
      return row?.target ?? null;
    },

    async setTarget(ex: Executor, year: number, target: number, userId: string, now: Date) {
      await ex
        .insert(annualTargets)
        .values({ year, target, updatedBy: userId, updatedAt: now })
        .onConflictDoUpdate({ target: annualTargets.year, set: { target, updatedBy: userId, updatedAt: now } });
    },

    /**
     * The deals signed in [from, to), in one pass with grouping sets: the totals (the empty set),
     * each month, and each breakdown, largest first (ties by key).
     */
    async signedDeals(ex: Executor, from: Date, to: Date): Promise<SignedDeals> {
      const r = await ex.execute<{ dim: 'total' | 'month' | BreakdownDimension; key: string | null; deals: number; amount: string; subsidy: string; enterprise: string }>(sql`
        with s as (
          select c.amount_yuan, c.subsidy_yuan, c.enterprise_funds_yuan,
            to_char(c.signed_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month,
            coalesce(ch.industry, '') as industry, coalesce(p.district, '') as district,
            coalesce(t.institution, t.name) as institution, coalesce(c.broker_name, '') as broker
          from contracts c join challenges ch on ch.id = c.challenge_id
          join organisations p on p.id = c.publisher_id join organisations t on t.id = c.team_id
          where ${signedIn(from, to)})
        select case when grouping(month) = 0 then 'month' when grouping(industry) = 0 then 'industry' when grouping(district) = 0 then 'district'
            when grouping(institution) = 0 then 'institution' when grouping(broker) = 0 then 'broker' else 'total' end as dim,
          coalesce(month, industry, district, institution, broker) as key, count(*)::int as deals,
          coalesce(sum(amount_yuan), 0)::bigint as amount, coalesce(sum(subsidy_yuan), 0)::bigint as subsidy, coalesce(sum(enterprise_funds_yuan), 0)::bigint as enterprise
        from s group by grouping sets ((), (month), (industry), (district), (institution), (broker))
        order by 1, 3 desc, 2`);
      const out: SignedDeals = { deals: 0, contractValueYuan: 0, subsidyYuan: 0, enterpriseFundsYuan: 0, byMonth: new Map(), breakdowns: { industry: [], district: [], institution: [], broker: [] } };
      for (const x of r.rows) {
        if (x.dim === 'total') Object.assign(out, { deals: num(x.deals), contractValueYuan: num(x.amount), subsidyYuan: num(x.subsidy), enterpriseFundsYuan: num(x.enterprise) });
        else if (x.dim === 'month') out.byMonth.set(x.key!, num(x.deals));
        else out.breakdowns[x.dim].push({ key: x.key!, deals: num(x.deals), amountYuan: num(x.amount) });
      }
      return out;
    },

    /** The tranches paid in [fromDate, toDate) (calendar dates). */
    async tranchesPaid(ex: Executor, fromDate: string, toDate: string): Promise<number> {
      const r = await ex.execute<{ paid: string }>(sql`select coalesce(sum(amount_yuan), 0)::bigint as paid from payments where paid_on >= ${fromDate} and paid_on < ${toDate}`);
      return num(r.rows[0]?.paid);
    },

    /**
     * How far the needs submitted in [from, to) got, as of now, counted in needs (a horse race's
     * several contracts make one signed need), so each stage is a share of the one before.
     */
    async funnelCohort(ex: Executor, from: Date, to: Date): Promise<Record<FunnelStage, number>> {
      // The cohort is read once; each stage is a semi-join against it (EXISTS in WHERE, which
      // the planner turns into a join; EXISTS inside an aggregate's FILTER it ran per row). For
      // bids, one index probe per need (the lateral LIMIT 1) costs less than the hash join the
      // planner prefers, which first gathers the distinct needs of every bid on the platform.
      const r = await ex.execute<Record<FunnelStage, number>>(sql`
        with cohort as materialized (select id, published_at from challenges where submitted_at >= ${from} and submitted_at < ${to})
        select
          (select count(*) from cohort)::int as submitted,
          (select count(*) from cohort where published_at is not null)::int as published,
          (select count(*) from cohort cross join lateral
             (select 1 from bids b where b.challenge_id = cohort.id and b.status in ('submitted', 'eligible', 'ineligible') limit 1) b)::int as bid,
          (select count(*) from cohort where exists (select 1 from award_decisions a where a.challenge_id = cohort.id and a.status = 'final'))::int as awarded,
          (select count(*) from cohort where exists (select 1 from contracts c where c.challenge_id = cohort.id and c.signed_at is not null))::int as signed,
          (select count(*) from cohort where exists (select 1 from contracts c where c.challenge_id = cohort.id and c.completed_at is not null))::int as accepted`);
      const row = r.rows[0]!;
      return { submitted: num(row.submitted), published: num(row.published), bid: num(row.bid), awarded: num(row.awarded), signed: num(row.signed), accepted: num(row.accepted) };
    },

    /**
     * Days each stage took, for the stages that ended in [from, to): per stage its case count and
     * the values in the middle, which is all `medianDays` needs. Each contract has one award
     * (its `award_id`), so a signing is counted once. A review whose challenge has neither a
     * closing date nor a deadline (the lifecycle does not allow one) counts as 0 days.
     */
    async stageDays(ex: Executor, from: Date, to: Date): Promise<Record<DurationStage, StageDays>> {
      const days = (a: string, b: string) => `extract(epoch from (${b} - ${a})) / 86400.0`;
      // percentile_disc(p) is the value at position ceil(p × n) in order: p = 0.5 gives the middle
      // value of an odd n and the lower middle of an even n; p = 0.5 + 1e-9 the same middle of an
      // odd n and the upper middle of an even n (while n < 500 million). One sort gives both.
      const middle = (d: string) => {
        const both = sql`percentile_disc(array[0.5, 0.500000001]) within group (order by ${sql.raw(d)})`;
        return sql`count(*)::int as cases, (${both})[1] as lower, (${both})[2] as upper`;
      };
      const r = await ex.execute<{ stage: DurationStage; cases: number; lower: string | null; upper: string | null }>(sql`
        select 'vetting' as stage, ${middle(days('submitted_at', 'published_at'))} from challenges
          where published_at >= ${from} and published_at < ${to} and submitted_at is not null
        union all
        select 'bidding', ${middle(days('published_at', 'coalesce(closed_at, deadline)'))} from challenges
          where coalesce(closed_at, deadline) >= ${from} and coalesce(closed_at, deadline) < ${to} and status in ('closed', 'unfilled') and published_at is not null
        union all
        select 'review', ${middle(`coalesce(${days('coalesce(ch.closed_at, ch.deadline)', 'a.final_at')}, 0)`)} from award_decisions a join challenges ch on ch.id = a.challenge_id
          where a.status = 'final' and a.final_at >= ${from} and a.final_at < ${to}
        union all
        select 'signing', ${middle(days('a.final_at', 'c.signed_at'))} from contracts c join award_decisions a on a.id = c.award_id
          where ${signedIn(from, to)} and a.final_at is not null
        union all
        select 'delivery', ${middle(days('signed_at', 'completed_at'))} from contracts
          where completed_at >= ${from} and completed_at < ${to} and signed_at is not null`);
      const out = {} as Record<DurationStage, StageDays>;
      for (const x of r.rows) out[x.stage] = { cases: num(x.cases), middle: x.lower == null || x.upper == null ? [] : [num(x.lower), num(x.upper)] };
      return out;
    },

    /**
     * The forecast's inputs, as of `now`. The pipeline: contracts awaiting signature, winners
     * proposed or in public notice, challenges in review. How each stage has turned out, over
     * cases finished before `now`: drafted contracts that were signed or never will be
     * (terminated unsigned, or older than 90 days); confirmed awards that ended (final or
     * revoked) and the deals they led to; closed challenges whose review ended (an award final,
     * or nothing standing 180 days after closing) and their deals.
     */
    async forecastInputs(ex: Executor, now: Date): Promise<{ pipeline: Record<PipelineStage, number>; history: Record<PipelineStage, StageHistory> }> {
      const r = await ex.execute<Record<'awaiting' | 'notice' | 'review' | 'sig_cases' | 'sig_deals' | 'notice_cases' | 'notice_deals' | 'review_final' | 'review_lapsed' | 'review_deals', number>>(sql`
        select contract_counts.*, award_counts.*, review_counts.*,
          (select count(*) from challenges ch where ${inReview(now)})::int as review,
          (select count(*) from contracts c join challenges ch on ch.id = c.challenge_id where c.signed_at is not null and ch.status = 'closed')::int as review_deals
        from
          (select count(*) filter (where c.status = 'drafted')::int as awaiting,
             count(*) filter (where c.signed_at is not null or c.created_at < ${now}::timestamptz - interval '90 days')::int as sig_cases,
             count(*) filter (where c.signed_at is not null)::int as sig_deals,
             count(*) filter (where c.signed_at is not null and a.confirmed_at is not null)::int as notice_deals
           from contracts c join award_decisions a on a.id = c.award_id) contract_counts,
          (select coalesce(sum(cardinality(winner_bid_ids)) filter (where status in ('proposed', 'in_notice')), 0)::int as notice,
             count(*) filter (where confirmed_at is not null and status in ('final', 'revoked'))::int as notice_cases
           from award_decisions) award_counts,
          -- A closed challenge's review ended with its final award, or with none standing 180 days
          -- after closing. At most one decision stands per challenge, so the join keeps one row each.
          (select count(*) filter (where a.status = 'final')::int as review_final,
             count(*) filter (where a.id is null and coalesce(ch.closed_at, ch.deadline) < ${now}::timestamptz - interval '180 days')::int as review_lapsed
           from challenges ch left join award_decisions a on a.challenge_id = ch.id and a.status in ${standing}
           where ch.status = 'closed') review_counts`);
      const x = r.rows[0]!;
      return {
        pipeline: { awaitingSignature: num(x.awaiting), inNotice: num(x.notice), inReview: num(x.review) },
        history: {
          awaitingSignature: { cases: num(x.sig_cases), deals: num(x.sig_deals) },
          inNotice: { cases: num(x.notice_cases), deals: num(x.notice_deals) },
          inReview: { cases: num(x.review_final) + num(x.review_lapsed), deals: num(x.review_deals) },
        },
      };
    },
  };
}
export type AnalyticsRepository = ReturnType<typeof createAnalyticsRepository>;
