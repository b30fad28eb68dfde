import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { bidPartners, bids, challenges, expertProfiles, expertTies, organisations, reviewAssignments, reviewCriteria, reviewScores, users } from '../../../db/schema';
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
