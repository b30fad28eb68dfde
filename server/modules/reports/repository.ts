import { sql, type SQL } from 'drizzle-orm';
import type { ReportDeal, ReportOverdueItem, ReportPipelineItem, ReportPipelineStage } from '../../../shared/contracts/reports';
import type { Executor } from '../../infra/database';
import { inReview } from '../analytics/repository';

export interface Listed<T> {
  /** Every matching row, however many `items` holds. */
  total: number;
  items: T[];
}

/** A China-time date of a timestamptz column, as text so no driver turns it into a Date. */
const chinaDay = (column: string) => sql.raw(`to_char((${column}) at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`);
const limitTo = (limit: number | undefined): SQL => (limit == null ? sql`` : sql`limit ${limit}`);
const num = (x: unknown) => Number(x ?? 0);
const numOrNull = (x: unknown) => (x == null ? null : Number(x));
/** Bids that count: submitted and not withdrawn (as the funnel's "bid" stage counts them). */
const countedBids = sql.raw(`('submitted', 'eligible', 'ineligible')`);

/**
 * The quarterly report's lists. Each query runs on the executor it is given, so the service
 * can read them in the same snapshot as the dashboard's figures. `limit` cuts the items (for
 * the printable page); the total is counted before the cut.
 */
export function createReportsRepository() {
  return {
    /** Contracts signed in [from, to), in signing order: the same rows the dashboard counts. */
    async deals(ex: Executor, from: Date, to: Date, limit?: number): Promise<Listed<ReportDeal>> {
      const r = await ex.execute<Record<string, unknown>>(sql`
        select c.id, ${chinaDay('c.signed_at')} as signed_on, c.title, p.name as publisher, coalesce(p.district, '') as district,
          t.name as team, coalesce(t.institution, t.name) as institution, ch.industry,
          c.amount_yuan, c.subsidy_yuan, c.enterprise_funds_yuan, c.paid_yuan, c.registration_no, c.broker_name,
          count(*) over ()::int as total
        from contracts c join challenges ch on ch.id = c.challenge_id
        join organisations p on p.id = c.publisher_id join organisations t on t.id = c.team_id
        where c.signed_at >= ${from} and c.signed_at < ${to}
        order by c.signed_at, c.id ${limitTo(limit)}`);
      return {
        total: num(r.rows[0]?.total),
        items: r.rows.map((x) => ({
          contractId: String(x.id),
          signedOn: String(x.signed_on),
          title: String(x.title),
          publisher: String(x.publisher),
          district: String(x.district),
          team: String(x.team),
          institution: String(x.institution),
          industry: x.industry == null ? null : String(x.industry),
          amountYuan: num(x.amount_yuan),
          subsidyYuan: num(x.subsidy_yuan),
          enterpriseFundsYuan: num(x.enterprise_funds_yuan),
          paidYuan: num(x.paid_yuan),
          registrationNo: x.registration_no == null ? null : String(x.registration_no),
          broker: x.broker_name == null ? null : String(x.broker_name),
        })),
      };
    },

    /**
     * The pipeline now, by the same rules as the dashboard's forecast: challenges open for bids,
     * closed challenges with no award standing (in review), each winner of an award proposed or
     * in public notice, contracts drafted and awaiting signature.
     */
    async pipeline(ex: Executor, now: Date, limit?: number): Promise<Listed<ReportPipelineItem>> {
      const r = await ex.execute<Record<string, unknown>>(sql`
        select x.*, count(*) over ()::int as total from (
          select 1 as rank, 'openForBids' as stage, ch.id, ch.title, p.name as publisher, null::text as team,
            ${chinaDay('coalesce(ch.published_at, ch.created_at)')} as since, ${chinaDay('ch.deadline')} as deadline,
            (select count(*) from bids b where b.challenge_id = ch.id and b.status in ${countedBids})::int as bids, ch.bounty_yuan as amount
          from challenges ch join organisations p on p.id = ch.publisher_id
          where ch.status = 'published'
          union all
          select 2, 'inReview', ch.id, ch.title, p.name, null,
            ${chinaDay('coalesce(ch.closed_at, ch.deadline, ch.created_at)')}, null,
            (select count(*) from bids b where b.challenge_id = ch.id and b.status in ${countedBids})::int, ch.bounty_yuan
          from challenges ch join organisations p on p.id = ch.publisher_id
          where ${inReview(now)}
          union all
          select 3, 'inNotice', ch.id, ch.title, p.name, t.name,
            ${chinaDay('a.proposed_at')}, ${chinaDay('a.notice_ends_at')}, null, ch.bounty_yuan
          from award_decisions a cross join lateral unnest(a.winner_bid_ids) as w(bid_id)
          join bids b on b.id = w.bid_id join organisations t on t.id = b.team_id
          join challenges ch on ch.id = a.challenge_id join organisations p on p.id = ch.publisher_id
          where a.status in ('proposed', 'in_notice')
          union all
          select 4, 'awaitingSignature', c.id, c.title, p.name, t.name, ${chinaDay('c.created_at')}, null, null, c.amount_yuan
          from contracts c join organisations p on p.id = c.publisher_id join organisations t on t.id = c.team_id
          where c.status = 'drafted'
        ) x
        order by x.rank, x.since, x.id, x.team ${limitTo(limit)}`);
      return {
        total: num(r.rows[0]?.total),
        items: r.rows.map((x) => ({
          stage: x.stage as ReportPipelineStage,
          id: String(x.id),
          title: String(x.title),
          publisher: String(x.publisher),
          team: x.team == null ? null : String(x.team),
          since: String(x.since),
          deadline: x.deadline == null ? null : String(x.deadline),
          bids: numOrNull(x.bids),
          amountYuan: numOrNull(x.amount),
        })),
      };
    },

    /** Milestones overdue on `today` (China date) of contracts in force, longest overdue first, as in the officials' work queue. */
    async overdue(ex: Executor, today: string, limit?: number): Promise<Listed<ReportOverdueItem>> {
      const r = await ex.execute<Record<string, unknown>>(sql`
        select m.id, c.id as contract_id, c.title as contract_title, t.name as team, m.title as milestone,
          m.due_on::text as due_on, m.overdue_since::text as overdue_since,
          floor((${today}::date - m.overdue_since) / 7)::int as weeks, m.tranche_yuan,
          count(*) over ()::int as total
        from milestones m join contracts c on c.id = m.contract_id join organisations t on t.id = c.team_id
        where m.overdue_since is not null and m.status <> 'confirmed' and c.status = 'signed'
        order by m.overdue_since, m.id ${limitTo(limit)}`);
      return {
        total: num(r.rows[0]?.total),
        items: r.rows.map((x) => ({
          milestoneId: String(x.id),
          contractId: String(x.contract_id),
          contractTitle: String(x.contract_title),
          team: String(x.team),
          milestone: String(x.milestone),
          dueOn: x.due_on == null ? null : String(x.due_on),
          overdueSince: String(x.overdue_since),
          weeksOverdue: num(x.weeks),
          trancheYuan: num(x.tranche_yuan),
        })),
      };
    },
  };
}
export type ReportsRepository = ReturnType<typeof createReportsRepository>;
