import { eq, sql } from 'drizzle-orm';
import { annualTargets } from '../../../db/schema';
import type { FunnelStage } from '../../../shared/analytics/funnel';
import type { PipelineStage, StageHistory } from '../../../shared/analytics/forecast';
import type { Executor } from '../../infra/database';

/** Deal = a contract with a signing date; "signed in [from, to)" counts it toward that period. */
const signedIn = (from: Date, to: Date) => sql`c.signed_at >= ${from} and c.signed_at < ${to}`;

const num = (x: unknown) => Number(x ?? 0);

/**
 * A challenge (aliased `ch`) in review: closed in the last 180 days with no award standing. A
 * review still open after that has ended without one. The forecast and the report's pipeline
 * both use it.
 */
export const inReview = (now: Date) => sql`ch.status = 'closed'
  and coalesce(ch.closed_at, ch.deadline) >= ${now}::timestamptz - interval '180 days'
  and not exists (select 1 from award_decisions a where a.challenge_id = ch.id and a.status in ('proposed', 'in_notice', 'final'))`;

/**
 * The officials' figures, straight from the lifecycle tables: nothing is stored twice, so the
 * dashboard and the quarterly report read the same rows and cannot disagree.
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

    async dealsSigned(ex: Executor, from: Date, to: Date): Promise<number> {
      const r = await ex.execute<{ n: number }>(sql`select count(*)::int as n from contracts c where ${signedIn(from, to)}`);
      return num(r.rows[0]?.n);
    },

    /** Deals per month (China time) in [from, to). */
    async dealsByMonth(ex: Executor, from: Date, to: Date): Promise<Map<string, number>> {
      const r = await ex.execute<{ month: string; n: number }>(sql`
        select to_char(c.signed_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, count(*)::int as n
        from contracts c where ${signedIn(from, to)} group by 1`);
      return new Map(r.rows.map((x) => [x.month, num(x.n)]));
    },

    /**
     * How far the needs submitted in [from, to) got, as of now, counted in needs (a horse race's
     * several contracts make one signed need), so each stage is a share of the one before.
     */
    async funnelCohort(ex: Executor, from: Date, to: Date): Promise<Record<FunnelStage, number>> {
      const r = await ex.execute<Record<FunnelStage, number>>(sql`
        with cohort as (select id from challenges where submitted_at >= ${from} and submitted_at < ${to})
        select
          (select count(*) from cohort)::int as submitted,
          (select count(*) from challenges ch join cohort using (id) where ch.published_at is not null)::int as published,
          (select count(distinct b.challenge_id) from bids b join cohort on cohort.id = b.challenge_id where b.status in ('submitted', 'eligible', 'ineligible'))::int as bid,
          (select count(distinct a.challenge_id) from award_decisions a join cohort on cohort.id = a.challenge_id where a.status = 'final')::int as awarded,
          (select count(distinct c.challenge_id) from contracts c join cohort on cohort.id = c.challenge_id where c.signed_at is not null)::int as signed,
          (select count(distinct c.challenge_id) from contracts c join cohort on cohort.id = c.challenge_id where c.completed_at is not null)::int as accepted`);
      const row = r.rows[0]!;
      return { submitted: num(row.submitted), published: num(row.published), bid: num(row.bid), awarded: num(row.awarded), signed: num(row.signed), accepted: num(row.accepted) };
    },

    /** Days each stage took, for the stages that ended in [from, to). */
    async stageDays(ex: Executor, from: Date, to: Date): Promise<Record<'vetting' | 'bidding' | 'review' | 'signing' | 'delivery', number[]>> {
      const days = (a: string, b: string) => sql.raw(`extract(epoch from (${b} - ${a})) / 86400.0`);
      const list = async (q: ReturnType<typeof sql>) => (await ex.execute<{ d: number }>(q)).rows.map((x) => num(x.d));
      return {
        vetting: await list(sql`select ${days('submitted_at', 'published_at')} as d from challenges where published_at >= ${from} and published_at < ${to} and submitted_at is not null`),
        bidding: await list(sql`select ${days('published_at', 'coalesce(closed_at, deadline)')} as d from challenges where coalesce(closed_at, deadline) >= ${from} and coalesce(closed_at, deadline) < ${to} and status in ('closed', 'unfilled') and published_at is not null`),
        review: await list(sql`select ${days('coalesce(ch.closed_at, ch.deadline)', 'a.final_at')} as d from award_decisions a join challenges ch on ch.id = a.challenge_id where a.status = 'final' and a.final_at >= ${from} and a.final_at < ${to}`),
        signing: await list(sql`select distinct on (c.id) ${days('a.final_at', 'c.signed_at')} as d from contracts c join award_decisions a on a.id = c.award_id where ${signedIn(from, to)} and a.final_at is not null`),
        delivery: await list(sql`select ${days('signed_at', 'completed_at')} as d from contracts where completed_at >= ${from} and completed_at < ${to} and signed_at is not null`),
      };
    },

    /** Deals signed in [from, to) by a dimension. */
    async breakdown(ex: Executor, from: Date, to: Date, by: 'industry' | 'district' | 'institution' | 'broker') {
      const key = {
        industry: sql`coalesce(ch.industry, '')`,
        district: sql`coalesce(p.district, '')`,
        institution: sql`coalesce(t.institution, t.name)`,
        broker: sql`coalesce(c.broker_name, '')`,
      }[by];
      const r = await ex.execute<{ key: string; deals: number; amount: string }>(sql`
        select ${key} as key, count(*)::int as deals, sum(c.amount_yuan)::bigint as amount
        from contracts c join challenges ch on ch.id = c.challenge_id
        join organisations p on p.id = c.publisher_id join organisations t on t.id = c.team_id
        where ${signedIn(from, to)} group by 1 order by 2 desc, 1`);
      return r.rows.map((x) => ({ key: x.key, deals: num(x.deals), amountYuan: num(x.amount) }));
    },

    /** Money of the deals signed in [from, to), and the tranches paid in it. */
    async money(ex: Executor, from: Date, to: Date, fromDate: string, toDate: string) {
      const r = await ex.execute<{ amount: string; subsidy: string; enterprise: string }>(sql`
        select coalesce(sum(amount_yuan), 0)::bigint as amount, coalesce(sum(subsidy_yuan), 0)::bigint as subsidy, coalesce(sum(enterprise_funds_yuan), 0)::bigint as enterprise
        from contracts c where ${signedIn(from, to)}`);
      const p = await ex.execute<{ paid: string }>(sql`select coalesce(sum(amount_yuan), 0)::bigint as paid from payments where paid_on >= ${fromDate} and paid_on < ${toDate}`);
      const row = r.rows[0]!;
      return { contractValueYuan: num(row.amount), subsidyYuan: num(row.subsidy), enterpriseFundsYuan: num(row.enterprise), tranchesPaidYuan: num(p.rows[0]?.paid) };
    },

    /** What is in the pipeline now: contracts awaiting signature, winners proposed or in public notice, challenges in review. */
    async pipeline(ex: Executor, now: Date): Promise<Record<PipelineStage, number>> {
      const r = await ex.execute<{ awaiting: number; notice: number; review: number }>(sql`
        select
          (select count(*) from contracts where status = 'drafted')::int as awaiting,
          (select coalesce(sum(cardinality(winner_bid_ids)), 0) from award_decisions where status in ('proposed', 'in_notice'))::int as notice,
          (select count(*) from challenges ch where ${inReview(now)})::int as review`);
      const row = r.rows[0]!;
      return { awaitingSignature: num(row.awaiting), inNotice: num(row.notice), inReview: num(row.review) };
    },

    /**
     * How each pipeline stage has turned out, over cases finished before `now`: drafted
     * contracts that were signed or never will be (terminated unsigned, or older than 90 days);
     * confirmed awards that ended (final or revoked) and the deals they led to; closed challenges
     * whose review ended (an award final, or nothing standing 180 days after closing) and their deals.
     */
    async stageHistory(ex: Executor, now: Date): Promise<Record<PipelineStage, StageHistory>> {
      const r = await ex.execute<{ sig_cases: number; sig_deals: number; notice_cases: number; notice_deals: number; review_cases: number; review_deals: number }>(sql`
        select
          (select count(*) from contracts where signed_at is not null or created_at < ${now}::timestamptz - interval '90 days')::int as sig_cases,
          (select count(*) from contracts where signed_at is not null)::int as sig_deals,
          (select count(*) from award_decisions where confirmed_at is not null and status in ('final', 'revoked'))::int as notice_cases,
          (select count(*) from contracts c join award_decisions a on a.id = c.award_id where c.signed_at is not null and a.confirmed_at is not null)::int as notice_deals,
          (select count(*) from challenges ch where ch.status = 'closed' and (exists (select 1 from award_decisions a where a.challenge_id = ch.id and a.status = 'final')
             or (coalesce(ch.closed_at, ch.deadline) < ${now}::timestamptz - interval '180 days'
                 and not exists (select 1 from award_decisions a where a.challenge_id = ch.id and a.status in ('proposed', 'in_notice')))))::int as review_cases,
          (select count(*) from contracts c join challenges ch on ch.id = c.challenge_id where c.signed_at is not null and ch.status = 'closed')::int as review_deals`);
      const x = r.rows[0]!;
      return {
        awaitingSignature: { cases: num(x.sig_cases), deals: num(x.sig_deals) },
        inNotice: { cases: num(x.notice_cases), deals: num(x.notice_deals) },
        inReview: { cases: num(x.review_cases), deals: num(x.review_deals) },
      };
    },
  };
}
export type AnalyticsRepository = ReturnType<typeof createAnalyticsRepository>;
