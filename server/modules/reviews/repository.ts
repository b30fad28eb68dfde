import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { bidPartners, bids, challenges, expertProfiles, expertTies, memberships, organisations, reviewAssignments, reviewCriteria, reviewScores, users } from '../../../db/schema';
import type { Executor } from '../../infra/database';

export type AssignmentRow = typeof reviewAssignments.$inferSelect;

export function createReviewsRepository() {
  return {
    async criteria(ex: Executor, challengeId: string) {
      return ex.select().from(reviewCriteria).where(eq(reviewCriteria.challengeId, challengeId)).orderBy(asc(reviewCriteria.position));
    },

    async replaceCriteria(ex: Executor, challengeId: string, rows: { name: string; description: string; weight: number }[]) {
      await ex.delete(reviewCriteria).where(eq(reviewCriteria.challengeId, challengeId));
      await ex.insert(reviewCriteria).values(rows.map((r, position) => ({ ...r, challengeId, position })));
    },

    async anyScoreFor(ex: Executor, challengeId: string): Promise<boolean> {
      const [row] = await ex
        .select({ n: sql<number>`count(*)::int` })
        .from(reviewScores)
        .innerJoin(reviewCriteria, eq(reviewScores.criterionId, reviewCriteria.id))
        .where(eq(reviewCriteria.challengeId, challengeId));
      return (row?.n ?? 0) > 0;
    },

    async profile(ex: Executor, userId: string) {
      const [row] = await ex.select().from(expertProfiles).where(eq(expertProfiles.userId, userId));
      return row;
    },

    async upsertProfile(ex: Executor, userId: string, values: { institution: string | null; expertise: string }, at: Date) {
      await ex
        .insert(expertProfiles)
        .values({ userId, ...values, updatedAt: at })
        .onConflictDoUpdate({ target: expertProfiles.userId, set: { ...values, updatedAt: at } });
    },

    async ties(ex: Executor, expertId: string) {
      return ex
        .select({ organisationId: expertTies.organisationId, name: organisations.name, note: expertTies.note })
        .from(expertTies)
        .innerJoin(organisations, eq(expertTies.organisationId, organisations.id))
        .where(eq(expertTies.expertId, expertId));
    },

    async addTie(ex: Executor, expertId: string, organisationId: string, note: string) {
      await ex.insert(expertTies).values({ expertId, organisationId, note }).onConflictDoUpdate({ target: [expertTies.expertId, expertTies.organisationId], set: { note } });
    },

    async removeTie(ex: Executor, expertId: string, organisationId: string) {
      await ex.delete(expertTies).where(and(eq(expertTies.expertId, expertId), eq(expertTies.organisationId, organisationId)));
    },

    /** The bidding team and its partners, with what conflict checks compare. */
    async parties(ex: Executor, bidId: string) {
      const teamRows = await ex
        .select({ organisationId: organisations.id, name: organisations.name, institution: organisations.institution })
        .from(bids)
        .innerJoin(organisations, eq(bids.teamId, organisations.id))
        .where(eq(bids.id, bidId));
      const partnerRows = await ex
        .select({ organisationId: organisations.id, name: organisations.name, institution: organisations.institution })
        .from(bidPartners)
        .innerJoin(organisations, eq(bidPartners.organisationId, organisations.id))
        .where(eq(bidPartners.bidId, bidId));
      return [...teamRows, ...partnerRows];
    },

    async insertAssignment(ex: Executor, values: typeof reviewAssignments.$inferInsert): Promise<AssignmentRow> {
      const [row] = await ex.insert(reviewAssignments).values(values).returning();
      return row!;
    },

    async assignment(ex: Executor, id: string, opts: { forUpdate?: boolean } = {}) {
      const q = ex.select().from(reviewAssignments).where(eq(reviewAssignments.id, id));
      const [row] = opts.forUpdate ? await q.for('update') : await q;
      return row;
    },

    async updateAssignment(ex: Executor, id: string, values: Partial<typeof reviewAssignments.$inferInsert>): Promise<AssignmentRow> {
      const [row] = await ex.update(reviewAssignments).set(values).where(eq(reviewAssignments.id, id)).returning();
      return row!;
    },

    /** Whether an expert is assigned (and has not recused) to a bid: the only way experts read bids. */
    async isAssigned(ex: Executor, bidId: string, expertId: string): Promise<boolean> {
      const [row] = await ex
        .select({ id: reviewAssignments.id })
        .from(reviewAssignments)
        .where(and(eq(reviewAssignments.bidId, bidId), eq(reviewAssignments.expertId, expertId), ne(reviewAssignments.status, 'recused')));
      return row !== undefined;
    },

    async assignmentsForBids(ex: Executor, bidIds: string[]) {
      if (bidIds.length === 0) return [];
      return ex
        .select({ assignment: reviewAssignments, expertName: users.name })
        .from(reviewAssignments)
        .innerJoin(users, eq(reviewAssignments.expertId, users.id))
        .where(inArray(reviewAssignments.bidId, bidIds));
    },

    async assignmentsOf(ex: Executor, expertId: string) {
      return ex
        .select({ assignment: reviewAssignments, challengeId: challenges.id, challengeTitle: challenges.title, teamName: organisations.name })
        .from(reviewAssignments)
        .innerJoin(bids, eq(reviewAssignments.bidId, bids.id))
        .innerJoin(challenges, eq(bids.challengeId, challenges.id))
        .innerJoin(organisations, eq(bids.teamId, organisations.id))
        .where(eq(reviewAssignments.expertId, expertId))
        .orderBy(asc(reviewAssignments.createdAt));
    },

    /** Everyone in the expert pool, with what conflict checks need. */
    async expertPool(ex: Executor) {
      const people = await ex
        .selectDistinct({ id: users.id, name: users.name, institution: expertProfiles.institution, expertise: expertProfiles.expertise })
        .from(memberships)
        .innerJoin(users, eq(memberships.userId, users.id))
        .leftJoin(expertProfiles, eq(expertProfiles.userId, users.id))
        .where(eq(memberships.role, 'expert'))
        .orderBy(users.name);
      const ids = people.map((p) => p.id);
      if (ids.length === 0) return [];
      const orgs = await ex.select({ userId: memberships.userId, organisationId: memberships.organisationId }).from(memberships).where(inArray(memberships.userId, ids));
      const ties = await ex.select({ expertId: expertTies.expertId, organisationId: expertTies.organisationId }).from(expertTies).where(inArray(expertTies.expertId, ids));
      return people.map((p) => ({
        ...p,
        expertise: p.expertise ?? '',
        memberOrganisationIds: [...new Set(orgs.filter((o) => o.userId === p.id).map((o) => o.organisationId))],
        tiedOrganisationIds: ties.filter((t) => t.expertId === p.id).map((t) => t.organisationId),
      }));
    },

    /**
     * Organisations that were party to a deal together with one of `organisationIds` since
     * `since`: a contract signed in that time, whatever became of it later (completed or
     * terminated), with its publishers, lead team and partners. The bureau, party to every
     * subsidised contract, ties no one to anyone.
     */
    async recentDealPartners(ex: Executor, organisationIds: readonly string[], since: Date): Promise<string[]> {
      if (organisationIds.length === 0) return [];
      const rows = await ex.execute<{ org: string }>(sql`
        select distinct other.organisation_id as org
        from contract_parties mine
        join contracts c on c.id = mine.contract_id and c.signed_at >= ${since}
        join contract_parties other on other.contract_id = mine.contract_id
        where mine.organisation_id in (${sql.join(organisationIds.map((id) => sql`${id}::uuid`), sql`, `)})
          and other.organisation_id <> mine.organisation_id and other.role <> 'bureau' and mine.role <> 'bureau'`);
      return rows.rows.map((r) => r.org);
    },

    /** Challenges past their deadline (closed, or published while the deadline job is due) whose review is not long finished, and where review and award stand on each (officials' queue). */
    async queue(ex: Executor, now: Date) {
      const rows = await ex.execute<{
        challenge_id: string;
        title: string;
        publisher_name: string;
        deadline: Date | null;
        submitted: number;
        awaiting: number;
        eligible: number;
        criteria: number;
        assignments: number;
        scored: number;
        unreviewed: number;
        award_id: string | null;
        award_status: string | null;
        open_objections: number;
      }>(sql`
        select c.id as challenge_id, c.title, o.name as publisher_name, c.deadline,
          (select count(*)::int from bids b where b.challenge_id = c.id and b.status in ('submitted', 'eligible', 'ineligible')) as submitted,
          (select count(*)::int from bids b where b.challenge_id = c.id and b.status = 'submitted') as awaiting,
          (select count(*)::int from bids b where b.challenge_id = c.id and b.status = 'eligible') as eligible,
          (select count(*)::int from review_criteria rc where rc.challenge_id = c.id) as criteria,
          (select count(*)::int from review_assignments ra join bids b on b.id = ra.bid_id where b.challenge_id = c.id and b.status = 'eligible' and ra.status <> 'recused') as assignments,
          (select count(*)::int from review_assignments ra join bids b on b.id = ra.bid_id where b.challenge_id = c.id and b.status = 'eligible' and ra.status = 'scored') as scored,
          (select count(*)::int from bids b where b.challenge_id = c.id and b.status = 'eligible'
             and not exists (select 1 from review_assignments ra where ra.bid_id = b.id and ra.status <> 'recused')) as unreviewed,
          a.id as award_id, a.status as award_status,
          coalesce((select count(*)::int from objections ob where ob.award_id = a.id and ob.status = 'open'), 0) as open_objections
        from challenges c
        join organisations o on o.id = c.publisher_id
        left join lateral (select ad.id, ad.status, ad.final_at from award_decisions ad where ad.challenge_id = c.id order by ad.proposed_at desc limit 1) a on true
        where (c.status = 'closed' or (c.status = 'published' and c.deadline <= ${now}))
          -- Finished: final for more than 30 days, the review work is done (the record stays on the challenge).
          and not coalesce(a.status = 'final' and a.final_at < ${now}::timestamptz - interval '30 days', false)
        order by c.deadline desc nulls last
        limit 500`);
      return rows.rows;
    },

    /** An expert's own scores on an assignment, in criterion order. */
    async scoresOf(ex: Executor, assignmentId: string) {
      return ex
        .select({ criterionId: reviewScores.criterionId, score: reviewScores.score, comment: reviewScores.comment, shareable: reviewScores.shareable, weight: reviewCriteria.weight })
        .from(reviewScores)
        .innerJoin(reviewCriteria, eq(reviewScores.criterionId, reviewCriteria.id))
        .where(eq(reviewScores.assignmentId, assignmentId))
        .orderBy(asc(reviewCriteria.position));
    },

    async insertScores(ex: Executor, rows: (typeof reviewScores.$inferInsert)[]) {
      await ex.insert(reviewScores).values(rows);
    },

    async detailedScores(ex: Executor, assignmentIds: string[]) {
      if (assignmentIds.length === 0) return [];
      return ex
        .select({ criterionId: reviewScores.criterionId, score: reviewScores.score, comment: reviewScores.comment, shareable: reviewScores.shareable })
        .from(reviewScores)
        .where(inArray(reviewScores.assignmentId, assignmentIds))
        .orderBy(sql`random()`);
    },

    async scoresFor(ex: Executor, assignmentIds: string[]) {
      if (assignmentIds.length === 0) return [];
      return ex
        .select({ assignmentId: reviewScores.assignmentId, score: reviewScores.score, weight: reviewCriteria.weight })
        .from(reviewScores)
        .innerJoin(reviewCriteria, eq(reviewScores.criterionId, reviewCriteria.id))
        .where(inArray(reviewScores.assignmentId, assignmentIds));
    },
  };
}
export type ReviewsRepository = ReturnType<typeof createReviewsRepository>;
