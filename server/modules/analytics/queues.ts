import { sql } from 'drizzle-orm';
import { chinaDate } from '../../../shared/calendar';
import type { Executor } from '../../infra/database';

export const workQueueKinds = ['vetting', 'noBidsClosingSoon', 'eligibility', 'incompleteReviews', 'openObjections', 'overdueMilestones', 'unregisteredContracts'] as const;
export type WorkQueueKind = (typeof workQueueKinds)[number];

export interface WorkItem {
  id: string;
  title: string;
  /** Who it is about (publisher, team), shown under the title. */
  subtitle: string;
  /** Where it is handled in the web app. */
  link: string;
  /** The date that makes it urgent (deadline, due date, submission), YYYY-MM-DD or ISO. */
  since: string | null;
  /** A count where it helps (bids awaiting the check, reviews outstanding, weeks overdue). */
  count: number | null;
}

/**
 * 今日待办: what officials must chase, each item linking to where it is handled. Oldest (most
 * urgent) first; each queue is capped at `limit` items with its full count alongside.
 */
export function createWorkQueuesRepository() {
  const run = async (ex: Executor, q: ReturnType<typeof sql>) =>
    (await ex.execute<{ id: string; title: string; subtitle: string | null; link: string; since: string | Date | null; count: number | null; total: number }>(q)).rows;

  const queries = (now: Date, limit: number): Record<WorkQueueKind, ReturnType<typeof sql>> => ({
    vetting: sql`
      select ch.id, ch.title, o.name as subtitle, '/challenges/' || ch.id as link, ch.submitted_at as since, null::int as count, count(*) over ()::int as total
      from challenges ch join organisations o on o.id = ch.publisher_id
      where ch.status = 'submitted' order by ch.submitted_at limit ${limit}`,
    noBidsClosingSoon: sql`
      select ch.id, ch.title, o.name as subtitle, '/officials/challenges/' || ch.id || '/matches' as link, ch.deadline as since, null::int as count, count(*) over ()::int as total
      from challenges ch join organisations o on o.id = ch.publisher_id
      where ch.status = 'published' and ch.deadline > ${now} and ch.deadline <= ${now}::timestamptz + interval '7 days'
        and not exists (select 1 from bids b where b.challenge_id = ch.id and b.status in ('submitted', 'eligible', 'ineligible'))
      order by ch.deadline limit ${limit}`,
    eligibility: sql`
      select ch.id, ch.title, o.name as subtitle, '/challenges/' || ch.id || '/review' as link, coalesce(ch.closed_at, ch.deadline) as since,
        count(b.id)::int as count, count(*) over ()::int as total
      from challenges ch join organisations o on o.id = ch.publisher_id join bids b on b.challenge_id = ch.id and b.status = 'submitted'
      where ch.deadline <= ${now}
      group by ch.id, o.name order by coalesce(ch.closed_at, ch.deadline) limit ${limit}`,
    incompleteReviews: sql`
      select ch.id, ch.title, o.name as subtitle, '/challenges/' || ch.id || '/review' as link, min(ra.created_at) as since,
        count(ra.id)::int as count, count(*) over ()::int as total
      from review_assignments ra join bids b on b.id = ra.bid_id join challenges ch on ch.id = b.challenge_id join organisations o on o.id = ch.publisher_id
      where ra.status = 'assigned'
        and not exists (select 1 from award_decisions a where a.challenge_id = ch.id and a.status in ('proposed', 'in_notice', 'final'))
      group by ch.id, o.name order by min(ra.created_at) limit ${limit}`,
    openObjections: sql`
      select ob.id, ch.title, o.name as subtitle, '/challenges/' || ch.id || '/review' as link, ob.created_at as since, null::int as count, count(*) over ()::int as total
      from objections ob join award_decisions a on a.id = ob.award_id join challenges ch on ch.id = a.challenge_id join organisations o on o.id = ch.publisher_id
      where ob.status = 'open' order by ob.created_at limit ${limit}`,
    overdueMilestones: sql`
      select m.id, c.title || ' · ' || m.title as title, t.name as subtitle, '/contracts/' || c.id as link, m.overdue_since as since,
        (floor((${chinaDate(now)}::date - m.overdue_since) / 7))::int as count, count(*) over ()::int as total
      from milestones m join contracts c on c.id = m.contract_id join organisations t on t.id = c.team_id
      where m.overdue_since is not null and m.status <> 'confirmed' and c.status = 'signed'
      order by m.overdue_since, m.id limit ${limit}`,
    unregisteredContracts: sql`
      select c.id, c.title, t.name as subtitle, '/contracts/' || c.id as link, c.signed_at as since, null::int as count, count(*) over ()::int as total
      from contracts c join organisations t on t.id = c.team_id
      where c.signed_at is not null and c.registration_no is null and c.status in ('signed', 'completed')
      order by c.signed_at limit ${limit}`,
  });

  return {
    async all(ex: Executor, now: Date, limit: number): Promise<Record<WorkQueueKind, { total: number; items: WorkItem[] }>> {
      const q = queries(now, limit);
      const out = {} as Record<WorkQueueKind, { total: number; items: WorkItem[] }>;
      for (const kind of workQueueKinds) {
        const rows = await run(ex, q[kind]);
        out[kind] = {
          total: rows[0]?.total ?? 0,
          items: rows.map((r) => ({
            id: r.id,
            title: r.title,
            subtitle: r.subtitle ?? '',
            link: r.link,
            since: r.since == null ? null : r.since instanceof Date ? r.since.toISOString() : String(r.since),
            count: r.count,
          })),
        };
      }
      return out;
    },
  };
}
export type WorkQueuesRepository = ReturnType<typeof createWorkQueuesRepository>;
