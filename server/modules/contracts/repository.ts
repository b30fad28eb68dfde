import { and, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { contractParties, contracts, creditRecords, milestoneEvidence, milestoneFiles, milestoneReminders, milestones, organisations, outcomeReports, payments, users } from '../../../db/schema';
import type { Executor } from '../../infra/database';

export type ContractRow = typeof contracts.$inferSelect;
export type MilestoneRow = typeof milestones.$inferSelect;
export type PartyRow = typeof contractParties.$inferSelect;

export function createContractsRepository() {
  return {
    async insert(ex: Executor, values: typeof contracts.$inferInsert): Promise<ContractRow> {
      const [row] = await ex.insert(contracts).values(values).returning();
      return row!;
    },
    async insertParties(ex: Executor, rows: (typeof contractParties.$inferInsert)[]) {
      if (rows.length) await ex.insert(contractParties).values(rows);
    },
    async insertMilestones(ex: Executor, rows: (typeof milestones.$inferInsert)[]) {
      if (rows.length) await ex.insert(milestones).values(rows);
    },
    async find(ex: Executor, id: string, opts: { forUpdate?: boolean } = {}): Promise<ContractRow | undefined> {
      const q = ex.select().from(contracts).where(eq(contracts.id, id));
      const [row] = opts.forUpdate ? await q.for('update') : await q;
      return row;
    },
    async forAward(ex: Executor, awardId: string) {
      return ex.select().from(contracts).where(eq(contracts.awardId, awardId));
    },
    async update(ex: Executor, id: string, values: Partial<typeof contracts.$inferInsert>): Promise<ContractRow> {
      const [row] = await ex.update(contracts).set(values).where(eq(contracts.id, id)).returning();
      return row!;
    },
    async parties(ex: Executor, contractId: string) {
      return ex
        .select({ party: contractParties, name: organisations.name, signerName: users.name })
        .from(contractParties)
        .innerJoin(organisations, eq(contractParties.organisationId, organisations.id))
        .leftJoin(users, eq(contractParties.signedBy, users.id))
        .where(eq(contractParties.contractId, contractId))
        .orderBy(sql`case ${contractParties.role} when 'publisher' then 0 when 'lead' then 1 when 'partner' then 2 else 3 end`, asc(organisations.name));
    },
    /** Records a party's signature once: false when it had signed already (a concurrent click). */
    async sign(ex: Executor, contractId: string, organisationId: string, userId: string, at: Date): Promise<boolean> {
      const rows = await ex
        .update(contractParties)
        .set({ signedBy: userId, signedAt: at })
        .where(and(eq(contractParties.contractId, contractId), eq(contractParties.organisationId, organisationId), isNull(contractParties.signedAt)))
        .returning();
      return rows.length === 1;
    },
    async milestones(ex: Executor, contractId: string) {
      return ex.select().from(milestones).where(eq(milestones.contractId, contractId)).orderBy(asc(milestones.position));
    },
    async milestone(ex: Executor, id: string, opts: { forUpdate?: boolean } = {}): Promise<MilestoneRow | undefined> {
      const q = ex.select().from(milestones).where(eq(milestones.id, id));
      const [row] = opts.forUpdate ? await q.for('update') : await q;
      return row;
    },
    async updateMilestone(ex: Executor, id: string, values: Partial<typeof milestones.$inferInsert>): Promise<MilestoneRow> {
      const [row] = await ex.update(milestones).set(values).where(eq(milestones.id, id)).returning();
      return row!;
    },
    async evidence(ex: Executor, milestoneIds: string[]) {
      if (milestoneIds.length === 0) return [];
      return ex
        .select({ evidence: milestoneEvidence, submitterName: users.name })
        .from(milestoneEvidence)
        .innerJoin(users, eq(milestoneEvidence.submittedBy, users.id))
        .where(inArray(milestoneEvidence.milestoneId, milestoneIds))
        .orderBy(desc(milestoneEvidence.submittedAt));
    },
    async insertEvidence(ex: Executor, values: typeof milestoneEvidence.$inferInsert) {
      await ex.insert(milestoneEvidence).values(values);
    },
    async insertFile(ex: Executor, values: typeof milestoneFiles.$inferInsert) {
      const [row] = await ex.insert(milestoneFiles).values(values).returning();
      return row!;
    },
    async files(ex: Executor, milestoneId: string, ids: string[]) {
      if (ids.length === 0) return [];
      return ex.select().from(milestoneFiles).where(and(eq(milestoneFiles.milestoneId, milestoneId), inArray(milestoneFiles.id, ids)));
    },
    async file(ex: Executor, milestoneId: string, fileId: string) {
      const [row] = await ex.select().from(milestoneFiles).where(and(eq(milestoneFiles.milestoneId, milestoneId), eq(milestoneFiles.id, fileId)));
      return row;
    },
    async payments(ex: Executor, contractId: string) {
      return ex
        .select({ payment: payments, milestoneTitle: milestones.title, confirmerName: users.name })
        .from(payments)
        .leftJoin(milestones, eq(payments.milestoneId, milestones.id))
        .leftJoin(users, eq(payments.confirmedBy, users.id))
        .where(eq(payments.contractId, contractId))
        .orderBy(asc(payments.paidOn), asc(payments.createdAt));
    },
    /** Appends to the ledger; the database adds it to the contract's paid total and refuses an overpayment. */
    async pay(ex: Executor, values: typeof payments.$inferInsert) {
      await ex.insert(payments).values(values);
    },
    async outcomes(ex: Executor, contractId: string) {
      return ex.select().from(outcomeReports).where(eq(outcomeReports.contractId, contractId)).orderBy(asc(outcomeReports.months));
    },
    /** Opens an outcome prompt once: false when the job ran before. */
    async openOutcome(ex: Executor, contractId: string, months: number, at: Date): Promise<boolean> {
      const rows = await ex.insert(outcomeReports).values({ contractId, months, promptedAt: at }).onConflictDoNothing().returning();
      return rows.length === 1;
    },
    async answerOutcome(ex: Executor, contractId: string, months: number, values: Partial<typeof outcomeReports.$inferInsert>) {
      const [row] = await ex
        .update(outcomeReports)
        .set(values)
        .where(and(eq(outcomeReports.contractId, contractId), eq(outcomeReports.months, months)))
        .returning();
      return row;
    },
    /** 信用记录: bars the organisation from bidding until a date (bids read it). */
    async penalise(ex: Executor, values: typeof creditRecords.$inferInsert) {
      await ex.insert(creditRecords).values(values);
    },
    /** Marks a reminder as sent; false when it was sent before (the job ran twice). */
    async claimReminder(ex: Executor, milestoneId: string, kind: string, dueOn: string, at: Date): Promise<boolean> {
      const rows = await ex.insert(milestoneReminders).values({ milestoneId, kind, dueOn, sentAt: at }).onConflictDoNothing().returning();
      return rows.length === 1;
    },
    /** Contracts a user's organisations are party to (or all, for officials), newest first. */
    async userExists(ex: Executor, id: string): Promise<boolean> {
      return (await ex.select({ id: users.id }).from(users).where(eq(users.id, id))).length > 0;
    },

    async list(ex: Executor, o: { organisationIds: string[] | 'all'; status?: ContractRow['status'] }) {
      const visible =
        o.organisationIds === 'all'
          ? undefined
          : o.organisationIds.length === 0
            ? sql`false`
            : inArray(contracts.id, ex.select({ id: contractParties.contractId }).from(contractParties).where(and(inArray(contractParties.organisationId, o.organisationIds), ne(contractParties.role, 'bureau'))));
      return ex
        .select({
          contract: contracts,
          publisherName: sql<string>`(select o.name from organisations o where o.id = "contracts"."publisher_id")`,
          teamName: sql<string>`(select o.name from organisations o where o.id = "contracts"."team_id")`,
          nextDueOn: sql<string | null>`(select min(due_on)::text from milestones m where m.contract_id = "contracts"."id" and m.status not in ('approved', 'confirmed'))`,
          overdue: sql<number>`(select count(*)::int from milestones m where m.contract_id = "contracts"."id" and m.overdue_since is not null and m.status not in ('approved', 'confirmed'))`,
        })
        .from(contracts)
        .where(and(visible, o.status ? eq(contracts.status, o.status) : undefined))
        .orderBy(desc(contracts.createdAt))
        .limit(500);
    },
    /** Open milestones of signed contracts, overdue first, then by due date (officials' board). */
    async board(ex: Executor) {
      return ex
        .select({
          milestone: milestones,
          contractTitle: contracts.title,
          publisherName: sql<string>`(select o.name from organisations o where o.id = "contracts"."publisher_id")`,
          teamName: sql<string>`(select o.name from organisations o where o.id = "contracts"."team_id")`,
        })
        .from(milestones)
        .innerJoin(contracts, eq(milestones.contractId, contracts.id))
        .where(and(eq(contracts.status, 'signed'), inArray(milestones.status, ['pending', 'submitted', 'returned', 'approved'])))
        .orderBy(sql`${milestones.overdueSince} is null`, asc(milestones.overdueSince), asc(milestones.dueOn))
        .limit(1000);
    },
  };
}
export type ContractsRepository = ReturnType<typeof createContractsRepository>;
