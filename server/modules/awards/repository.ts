import { and, desc, eq, inArray } from 'drizzle-orm';
import { awardDecisions, bids, challenges, objections, organisations } from '../../../db/schema';
import type { AwardState } from '../../../shared/lifecycles/award';
import type { Executor } from '../../infra/database';

export type AwardRow = typeof awardDecisions.$inferSelect;
export type ObjectionRow = typeof objections.$inferSelect;

export function createAwardsRepository() {
  return {
    async insert(ex: Executor, values: typeof awardDecisions.$inferInsert): Promise<AwardRow> {
      const [row] = await ex.insert(awardDecisions).values(values).returning();
      return row!;
    },
    async find(ex: Executor, id: string, opts: { forUpdate?: boolean } = {}): Promise<AwardRow | undefined> {
      const q = ex.select().from(awardDecisions).where(eq(awardDecisions.id, id));
      const [row] = opts.forUpdate ? await q.for('update') : await q;
      return row;
    },
    /**
     * Moves a decision from one state to another only if it is still in `from`: of many
     * concurrent confirmations exactly one matches the row; the others update nothing.
     */
    async transition(ex: Executor, id: string, from: AwardState, values: Partial<typeof awardDecisions.$inferInsert>): Promise<AwardRow | undefined> {
      const [row] = await ex.update(awardDecisions).set(values).where(and(eq(awardDecisions.id, id), eq(awardDecisions.status, from))).returning();
      return row;
    },
    async forChallenge(ex: Executor, challengeId: string) {
      return ex.select().from(awardDecisions).where(eq(awardDecisions.challengeId, challengeId)).orderBy(desc(awardDecisions.proposedAt));
    },
    async inStates(ex: Executor, states: AwardState[]) {
      return ex.select().from(awardDecisions).where(inArray(awardDecisions.status, states)).orderBy(desc(awardDecisions.confirmedAt));
    },
    async winners(ex: Executor, bidIds: string[]) {
      if (bidIds.length === 0) return [];
      return ex
        .select({ bidId: bids.id, teamId: bids.teamId, teamName: organisations.name, status: bids.status, challengeId: bids.challengeId })
        .from(bids)
        .innerJoin(organisations, eq(bids.teamId, organisations.id))
        .where(inArray(bids.id, bidIds));
    },
    async challengeTitle(ex: Executor, id: string): Promise<string> {
      const [row] = await ex.select({ title: challenges.title }).from(challenges).where(eq(challenges.id, id));
      return row?.title ?? '';
    },
    async objectionsOf(ex: Executor, awardId: string): Promise<ObjectionRow[]> {
      return ex.select().from(objections).where(eq(objections.awardId, awardId)).orderBy(objections.createdAt);
    },
    async insertObjection(ex: Executor, values: typeof objections.$inferInsert): Promise<ObjectionRow> {
      const [row] = await ex.insert(objections).values(values).returning();
      return row!;
    },
    async findObjection(ex: Executor, id: string, opts: { forUpdate?: boolean } = {}): Promise<ObjectionRow | undefined> {
      const q = ex.select().from(objections).where(eq(objections.id, id));
      const [row] = opts.forUpdate ? await q.for('update') : await q;
      return row;
    },
    async resolveObjection(ex: Executor, id: string, values: Partial<typeof objections.$inferInsert>): Promise<ObjectionRow | undefined> {
      const [row] = await ex.update(objections).set(values).where(and(eq(objections.id, id), eq(objections.status, 'open'))).returning();
      return row;
    },
  };
}
export type AwardsRepository = ReturnType<typeof createAwardsRepository>;
