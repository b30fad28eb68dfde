import { and, asc, desc, eq, getTableColumns, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import {
  batches,
  bids,
  challengeInvitedTeams,
  challengeJointPublishers,
  challengeQuestions,
  challenges,
  challengeTermChanges,
  organisations,
} from '../../../db/schema';
import { publicListCountCap, type PublicListQuery } from '../../../shared/contracts/challenges';
import type { ChallengeState } from '../../../shared/lifecycles/challenge';
import type { Executor } from '../../infra/database';
import { byRelevance, countUpTo, detailPartsFields, inOrder, inStates, partsOf, summaryColumns } from './read-queries';
import type { DetailParts, Related } from './views';

/**
 * A challenge without its search vector: the vector (jieba words and bigrams, about 2 KB a
 * challenge) is only ever matched in SQL, so no read brings it to the app.
 */
const { searchVector: _searchVector, ...rowColumns } = getTableColumns(challenges);
export type ChallengeRow = Omit<typeof challenges.$inferSelect, 'searchVector'>;
export type BatchRow = typeof batches.$inferSelect;

/** Who is looking, as far as directed challenges care. */
export interface ListViewer {
  organisationIds: string[];
  staff: boolean;
}

function directedVisibleTo(v: ListViewer): SQL {
  if (v.staff) return sql`true`;
  if (v.organisationIds.length === 0) return eq(challenges.directed, false);
  const orgs = sql.join(v.organisationIds.map((id) => sql`${id}::uuid`), sql`, `);
  return or(
    eq(challenges.directed, false),
    sql`${challenges.publisherId} in (${orgs})`,
    sql`exists (select 1 from ${challengeInvitedTeams} i where i.challenge_id = ${challenges.id} and i.organisation_id in (${orgs}))`,
    sql`exists (select 1 from ${challengeJointPublishers} j where j.challenge_id = ${challenges.id} and j.organisation_id in (${orgs}))`,
  )!;
}

/**
 * A challenge's page is the most read statement: prepared once per connection (PostgreSQL then
 * plans it once, not at each of its six subqueries' every run) and built once per executor.
 */
const detailStatements = new WeakMap<Executor, ReturnType<typeof prepareDetail>>();
const prepareDetail = (ex: Executor) =>
  ex
    .select({ challenge: rowColumns, ...detailPartsFields() })
    .from(challenges)
    .where(eq(challenges.id, sql.placeholder('id')))
    .prepare('challenge_detail');
function detailStatement(ex: Executor) {
  let s = detailStatements.get(ex);
  if (!s) detailStatements.set(ex, (s = prepareDetail(ex)));
  return s;
}

export function createChallengesRepository() {
  return {
    async insert(ex: Executor, values: typeof challenges.$inferInsert): Promise<ChallengeRow> {
      const [row] = await ex.insert(challenges).values(values).returning(rowColumns);
      return row!;
    },

    async update(ex: Executor, id: string, values: Partial<typeof challenges.$inferInsert>): Promise<ChallengeRow> {
      const [row] = await ex.update(challenges).set(values).where(eq(challenges.id, id)).returning(rowColumns);
      return row!;
    },

    async findById(ex: Executor, id: string, opts: { forUpdate?: boolean } = {}): Promise<ChallengeRow | undefined> {
      const q = ex.select(rowColumns).from(challenges).where(eq(challenges.id, id));
      const [row] = opts.forUpdate ? await q.for('update') : await q;
      return row;
    },

    async setSearchTokens(ex: Executor, id: string, tokens: string[]): Promise<void> {
      await ex.update(challenges).set({ searchVector: sql`array_to_tsvector(${sql.param(tokens)}::text[])` }).where(eq(challenges.id, id));
    },

    /** A challenge and everything its page shows, in one statement. */
    async findForDetail(ex: Executor, id: string): Promise<{ challenge: ChallengeRow; parts: DetailParts } | undefined> {
      const [row] = await detailStatement(ex).execute({ id });
      return row && { challenge: row.challenge, parts: partsOf(row) };
    },

    /** What `findForDetail` adds to a challenge already read (after a write, in its transaction). */
    async detailParts(ex: Executor, id: string): Promise<DetailParts> {
      const [row] = await ex.select(detailPartsFields()).from(challenges).where(eq(challenges.id, id));
      return partsOf(row!);
    },

    async publisherName(ex: Executor, organisationId: string): Promise<string> {
      const [row] = await ex.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
      return row?.name ?? '';
    },

    async jointPublishers(ex: Executor, challengeId: string) {
      return ex
        .select({ organisationId: challengeJointPublishers.organisationId, name: organisations.name, confirmedAt: challengeJointPublishers.confirmedAt })
        .from(challengeJointPublishers)
        .innerJoin(organisations, eq(challengeJointPublishers.organisationId, organisations.id))
        .where(eq(challengeJointPublishers.challengeId, challengeId));
    },

    /** Replaces the set, keeping confirmations of organisations that stay; returns the added ones. */
    async setJointPublishers(ex: Executor, challengeId: string, organisationIds: string[]): Promise<string[]> {
      const current = (await ex.select().from(challengeJointPublishers).where(eq(challengeJointPublishers.challengeId, challengeId))).map((r) => r.organisationId);
      const removed = current.filter((id) => !organisationIds.includes(id));
      const added = organisationIds.filter((id) => !current.includes(id));
      if (removed.length) {
        await ex.delete(challengeJointPublishers).where(and(eq(challengeJointPublishers.challengeId, challengeId), inArray(challengeJointPublishers.organisationId, removed)));
      }
      if (added.length) await ex.insert(challengeJointPublishers).values(added.map((organisationId) => ({ challengeId, organisationId })));
      return added;
    },

    async confirmJointPublisher(ex: Executor, challengeId: string, organisationId: string, userId: string, at: Date): Promise<boolean> {
      const rows = await ex
        .update(challengeJointPublishers)
        .set({ confirmedAt: at, confirmedBy: userId })
        .where(and(eq(challengeJointPublishers.challengeId, challengeId), eq(challengeJointPublishers.organisationId, organisationId), isNull(challengeJointPublishers.confirmedAt)))
        .returning();
      return rows.length === 1;
    },

    /** The organisations a challenge involves besides its publisher: what visibility rules need. */
    async related(ex: Executor, challengeId: string): Promise<Related> {
      // One query at a time: `ex` may be a transaction, whose one connection runs one query at a time.
      const joint = await ex.select({ id: challengeJointPublishers.organisationId }).from(challengeJointPublishers).where(eq(challengeJointPublishers.challengeId, challengeId));
      const invited = await ex.select({ id: challengeInvitedTeams.organisationId }).from(challengeInvitedTeams).where(eq(challengeInvitedTeams.challengeId, challengeId));
      return { jointPublisherIds: joint.map((j) => j.id), invitedTeamIds: invited.map((t) => t.id) };
    },

    async setInvitedTeams(ex: Executor, challengeId: string, organisationIds: string[]): Promise<void> {
      await ex.delete(challengeInvitedTeams).where(eq(challengeInvitedTeams.challengeId, challengeId));
      if (organisationIds.length) await ex.insert(challengeInvitedTeams).values(organisationIds.map((organisationId) => ({ challengeId, organisationId })));
    },

    async verifiedOrganisations(ex: Executor, ids: string[], kind: 'enterprise' | 'team') {
      if (ids.length === 0) return [];
      return ex
        .select({ id: organisations.id })
        .from(organisations)
        .where(and(inArray(organisations.id, ids), eq(organisations.kind, kind), eq(organisations.verification, 'verified')));
    },

    async insertQuestion(ex: Executor, values: typeof challengeQuestions.$inferInsert) {
      const [row] = await ex.insert(challengeQuestions).values(values).returning();
      return row!;
    },

    async findQuestion(ex: Executor, challengeId: string, id: string, opts: { forUpdate?: boolean } = {}) {
      const q = ex.select().from(challengeQuestions).where(and(eq(challengeQuestions.id, id), eq(challengeQuestions.challengeId, challengeId)));
      const [row] = opts.forUpdate ? await q.for('update') : await q;
      return row;
    },

    async answerQuestion(ex: Executor, id: string, answer: string, userId: string, at: Date) {
      const [row] = await ex.update(challengeQuestions).set({ answer, answeredBy: userId, answeredAt: at }).where(eq(challengeQuestions.id, id)).returning();
      return row!;
    },

    async insertTermChange(ex: Executor, values: typeof challengeTermChanges.$inferInsert): Promise<void> {
      await ex.insert(challengeTermChanges).values(values);
    },

    /** The teams whose bids stand submitted at the deadline: the deadline job closes and tells them. */
    async submittedBidTeams(ex: Executor, challengeId: string): Promise<string[]> {
      const rows = await ex.select({ teamId: bids.teamId }).from(bids).where(and(eq(bids.challengeId, challengeId), eq(bids.status, 'submitted')));
      return rows.map((r) => r.teamId);
    },

    /** Flags every submitted bid for re-confirmation; returns the bidding teams. */
    async flagBidsForReconfirmation(ex: Executor, challengeId: string, at: Date): Promise<string[]> {
      const rows = await ex
        .update(bids)
        .set({ needsReconfirmation: true, updatedAt: at })
        .where(and(eq(bids.challengeId, challengeId), eq(bids.status, 'submitted')))
        .returning({ teamId: bids.teamId });
      return [...new Set(rows.map((r) => r.teamId))];
    },

    /**
     * A page of the public list and its count, which stops at a cap (`publicListCountCap`, or as
     * far as the page needs): read-queries.ts.
     */
    async listPublic(ex: Executor, q: PublicListQuery, viewer: ListViewer, tsQuery: string | null, states: readonly ChallengeState[]) {
      const conds: SQL[] = [q.status ? eq(challenges.status, q.status) : inStates(states), directedVisibleTo(viewer)];
      if (tsQuery) conds.push(sql`${challenges.searchVector} @@ ${tsQuery}::tsquery`);
      if (q.industry) conds.push(eq(challenges.industry, q.industry));
      if (q.bountyMinYuan !== undefined) conds.push(gte(challenges.bountyYuan, q.bountyMinYuan));
      if (q.bountyMaxYuan !== undefined) conds.push(lte(challenges.bountyYuan, q.bountyMaxYuan));
      if (q.deadlineFrom) conds.push(sql`${challenges.deadline} >= ${q.deadlineFrom}::date`);
      if (q.deadlineTo) conds.push(sql`${challenges.deadline} < (${q.deadlineTo}::date + 1)`);
      if (q.batchId) conds.push(eq(challenges.batchId, q.batchId));
      const where = and(...conds);
      const offset = (q.page - 1) * q.pageSize;
      const cap = Math.max(publicListCountCap, offset + q.pageSize);
      const { items, found } =
        tsQuery && q.sort === 'relevance'
          ? await byRelevance(ex, where, tsQuery, q.pageSize, offset, cap)
          : // One statement after the other: on the pool, at once would hold two connections per request.
            { items: await inOrder(ex, where, q.sort === 'relevance' ? 'published' : q.sort, q.pageSize, offset), found: await countUpTo(ex, where, cap) };
      return { items, total: Math.min(found, cap), totalCapped: found > cap };
    },

    async listFiltered(ex: Executor, where: SQL | undefined, limit = 200) {
      return ex
        .select(summaryColumns)
        .from(challenges)
        .innerJoin(organisations, eq(challenges.publisherId, organisations.id))
        .leftJoin(batches, eq(challenges.batchId, batches.id))
        .where(where)
        .orderBy(desc(challenges.updatedAt))
        .limit(limit);
    },

    inState(status: ChallengeState): SQL {
      return eq(challenges.status, status);
    },

    /** Challenges an enterprise publishes, alone or jointly. */
    ofPublisher(organisationIds: string[], status?: ChallengeState): SQL | undefined {
      const orgs = sql.join(organisationIds.map((id) => sql`${id}::uuid`), sql`, `);
      const mine = or(
        sql`${challenges.publisherId} in (${orgs})`,
        sql`exists (select 1 from ${challengeJointPublishers} j where j.challenge_id = ${challenges.id} and j.organisation_id in (${orgs}))`,
      );
      return status ? and(mine, eq(challenges.status, status)) : mine;
    },

    async insertBatch(ex: Executor, values: typeof batches.$inferInsert): Promise<BatchRow> {
      const [row] = await ex.insert(batches).values(values).returning();
      return row!;
    },

    async findBatch(ex: Executor, id: string, opts: { forUpdate?: boolean } = {}): Promise<BatchRow | undefined> {
      const q = ex.select().from(batches).where(eq(batches.id, id));
      const [row] = opts.forUpdate ? await q.for('update') : await q;
      return row;
    },

    async updateBatch(ex: Executor, id: string, values: Partial<typeof batches.$inferInsert>): Promise<BatchRow> {
      const [row] = await ex.update(batches).set(values).where(eq(batches.id, id)).returning();
      return row!;
    },

    async listBatches(ex: Executor) {
      return ex
        .select({ batch: batches, challengeCount: sql<number>`(select count(*)::int from ${challenges} c where c.batch_id = ${batches.id})` })
        .from(batches)
        .orderBy(desc(batches.year), desc(batches.number));
    },

    async challengesInBatch(ex: Executor, batchId: string): Promise<ChallengeRow[]> {
      return ex.select(rowColumns).from(challenges).where(eq(challenges.batchId, batchId)).orderBy(asc(challenges.createdAt)).for('update');
    },

    async directory(ex: Executor, kind: 'enterprise' | 'team', q: string, limit: number) {
      const conds: SQL[] = [eq(organisations.kind, kind), eq(organisations.verification, 'verified')];
      if (q) conds.push(sql`${organisations.name} ilike ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
      return ex
        .select({ id: organisations.id, name: organisations.name, kind: organisations.kind, district: organisations.district })
        .from(organisations)
        .where(and(...conds))
        .orderBy(asc(organisations.name))
        .limit(limit);
    },
  };
}
export type ChallengesRepository = ReturnType<typeof createChallengesRepository>;
