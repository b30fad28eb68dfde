import { and, desc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { bidAttachments, bidPartners, bids, bidVersions, challenges, creditRecords, organisations } from '../../../db/schema';
import type { Executor } from '../../infra/database';

export type BidRow = typeof bids.$inferSelect;

export function createBidsRepository() {
  return {
    async insert(ex: Executor, values: typeof bids.$inferInsert): Promise<BidRow> {
      const [row] = await ex.insert(bids).values(values).returning();
      return row!;
    },

    async findById(ex: Executor, id: string, opts: { forUpdate?: boolean } = {}): Promise<BidRow | undefined> {
      const q = ex.select().from(bids).where(eq(bids.id, id));
      const [row] = opts.forUpdate ? await q.for('update') : await q;
      return row;
    },

    async update(ex: Executor, id: string, values: Partial<typeof bids.$inferInsert>): Promise<BidRow> {
      const [row] = await ex.update(bids).set(values).where(eq(bids.id, id)).returning();
      return row!;
    },

    async versions(ex: Executor, bidId: string) {
      return ex.select().from(bidVersions).where(eq(bidVersions.bidId, bidId)).orderBy(desc(bidVersions.version));
    },

    async insertVersion(ex: Executor, values: typeof bidVersions.$inferInsert): Promise<void> {
      await ex.insert(bidVersions).values(values);
    },

    /** The working copy's files: uploaded and not removed, oldest first. */
    async attachments(ex: Executor, bidId: string) {
      return ex.select().from(bidAttachments).where(and(eq(bidAttachments.bidId, bidId), isNull(bidAttachments.removedAt))).orderBy(bidAttachments.createdAt);
    },

    async attachment(ex: Executor, bidId: string, attachmentId: string) {
      const [row] = await ex.select().from(bidAttachments).where(and(eq(bidAttachments.bidId, bidId), eq(bidAttachments.id, attachmentId)));
      return row;
    },

    async insertAttachment(ex: Executor, values: typeof bidAttachments.$inferInsert) {
      const [row] = await ex.insert(bidAttachments).values(values).returning();
      return row!;
    },

    /** Removes a file from the working copy: deleted if no version names it, else only marked removed. */
    async removeAttachment(ex: Executor, bidId: string, attachmentId: string, at: Date, keep: boolean) {
      const where = and(eq(bidAttachments.bidId, bidId), eq(bidAttachments.id, attachmentId), isNull(bidAttachments.removedAt));
      const [row] = keep ? await ex.update(bidAttachments).set({ removedAt: at }).where(where).returning() : await ex.delete(bidAttachments).where(where).returning();
      return row;
    },

    async partners(ex: Executor, bidId: string) {
      return ex
        .select({ organisationId: bidPartners.organisationId, name: organisations.name, confirmedAt: bidPartners.confirmedAt })
        .from(bidPartners)
        .innerJoin(organisations, eq(bidPartners.organisationId, organisations.id))
        .where(eq(bidPartners.bidId, bidId));
    },

    /** Replaces the partner set, keeping confirmations of partners that stay; returns the new ones. */
    async setPartners(ex: Executor, bidId: string, organisationIds: string[]): Promise<string[]> {
      const current = (await ex.select().from(bidPartners).where(eq(bidPartners.bidId, bidId))).map((r) => r.organisationId);
      const removed = current.filter((id) => !organisationIds.includes(id));
      const added = organisationIds.filter((id) => !current.includes(id));
      if (removed.length) await ex.delete(bidPartners).where(and(eq(bidPartners.bidId, bidId), inArray(bidPartners.organisationId, removed)));
      if (added.length) await ex.insert(bidPartners).values(added.map((organisationId) => ({ bidId, organisationId })));
      return added;
    },

    async confirmPartner(ex: Executor, bidId: string, organisationId: string, userId: string, at: Date): Promise<boolean> {
      const rows = await ex
        .update(bidPartners)
        .set({ confirmedAt: at, confirmedBy: userId })
        .where(and(eq(bidPartners.bidId, bidId), eq(bidPartners.organisationId, organisationId), sql`${bidPartners.confirmedAt} is null`))
        .returning();
      return rows.length === 1;
    },

    async verifiedOrganisationIds(ex: Executor, ids: string[]): Promise<string[]> {
      if (ids.length === 0) return [];
      const rows = await ex.select({ id: organisations.id }).from(organisations).where(and(inArray(organisations.id, ids), eq(organisations.verification, 'verified')));
      return rows.map((r) => r.id);
    },

    async barredUntil(ex: Executor, organisationId: string, now: Date): Promise<Date | null> {
      const [row] = await ex
        .select({ until: sql<Date>`max(${creditRecords.barredUntil})` })
        .from(creditRecords)
        .where(and(eq(creditRecords.organisationId, organisationId), gt(creditRecords.barredUntil, now)));
      return row?.until ? new Date(row.until) : null;
    },

    async organisationName(ex: Executor, id: string): Promise<string> {
      const [row] = await ex.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id));
      return row?.name ?? '';
    },

    /** Bids of these organisations, as the team or as a partner. */
    async listFor(ex: Executor, organisationIds: string[]) {
      if (organisationIds.length === 0) return [];
      return ex
        .select({ bid: bids, challengeTitle: challenges.title, deadline: challenges.deadline, teamName: organisations.name })
        .from(bids)
        .innerJoin(challenges, eq(bids.challengeId, challenges.id))
        .innerJoin(organisations, eq(bids.teamId, organisations.id))
        .where(
          or(
            inArray(bids.teamId, organisationIds),
            sql`exists (select 1 from ${bidPartners} p where p.bid_id = ${bids.id} and p.organisation_id in (${sql.join(organisationIds.map((id) => sql`${id}::uuid`), sql`, `)}))`,
          ),
        )
        .orderBy(desc(bids.updatedAt));
    },

    async submittedFor(ex: Executor, challengeId: string) {
      return ex
        .select({ bid: bids, challengeTitle: challenges.title, deadline: challenges.deadline, teamName: organisations.name })
        .from(bids)
        .innerJoin(challenges, eq(bids.challengeId, challenges.id))
        .innerJoin(organisations, eq(bids.teamId, organisations.id))
        .where(and(eq(bids.challengeId, challengeId), inArray(bids.status, ['submitted', 'eligible', 'ineligible'])))
        .orderBy(bids.submittedAt);
    },

    async countSubmitted(ex: Executor, challengeId: string): Promise<number> {
      const [row] = await ex
        .select({ n: sql<number>`count(*)::int` })
        .from(bids)
        .where(and(eq(bids.challengeId, challengeId), inArray(bids.status, ['submitted', 'eligible', 'ineligible'])));
      return row?.n ?? 0;
    },
  };
}
export type BidsRepository = ReturnType<typeof createBidsRepository>;
