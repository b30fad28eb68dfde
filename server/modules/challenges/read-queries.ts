import { asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { batches, challengeAttachments, challengeInvitedTeams, challengeJointPublishers, challengeQuestions, challenges, organisations } from '../../../db/schema';
import type { PublicListQuery } from '../../../shared/contracts/challenges';
import type { ChallengeState } from '../../../shared/lifecycles/challenge';
import type { Executor } from '../../infra/database';
import type { ChallengeRow } from './repository';
import type { DetailParts } from './views';

/**
 * The reads every visitor makes, shaped for 100,000 challenges (tests/bench): a page of the
 * public list or search, its capped count, and a challenge's page in one statement. The
 * repository's methods call these; nothing else does.
 */

/** The columns a list shows (ChallengeSummary), not the description, indicators or search vector. */
const summaryFields = {
  id: challenges.id,
  title: challenges.title,
  summary: challenges.summary,
  industry: challenges.industry,
  industryChain: challenges.industryChain,
  bountyYuan: challenges.bountyYuan,
  deadline: challenges.deadline,
  status: challenges.status,
  directed: challenges.directed,
  publishedAt: challenges.publishedAt,
  updatedAt: challenges.updatedAt,
};
export type SummaryRow = Pick<ChallengeRow, keyof typeof summaryFields>;

export const summaryColumns = {
  challenge: summaryFields,
  publisherName: organisations.name,
  batchTitle: batches.title,
};

/**
 * The public states as literals, not parameters, so the planner can match the partial
 * indexes on `status in ('published', 'closed', 'unfilled')` (db/schema/challenges.ts).
 */
export function inStates(states: readonly ChallengeState[]): SQL {
  return sql`${challenges.status} in (${sql.raw(states.map((s) => `'${s.replace(/[^a-z_]/g, '')}'`).join(', '))})`;
}

type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
const toDate = (s: string) => new Date(s);

/**
 * A column of `challenges` named with its table: Drizzle leaves columns in a select list
 * unqualified when the query reads one table, and inside a subquery an unqualified "id" would
 * be the subquery's own.
 */
const outer = (column: typeof challenges.id | typeof challenges.publisherId | typeof challenges.batchId) => sql`${challenges}.${sql.identifier(column.name)}`;

/**
 * Everything a challenge's page shows besides the challenge row, as subqueries of one
 * statement (one round trip instead of six): publisher and batch names, joint publishers,
 * invited teams, documents and questions, the lists as JSON.
 */
export function detailPartsFields() {
  const id = outer(challenges.id);
  return {
    publisherName: sql<string>`(select o.name from ${organisations} o where o.id = ${outer(challenges.publisherId)})`,
    batchTitle: sql<string | null>`(select b.title from ${batches} b where b.id = ${outer(challenges.batchId)})`,
    jointPublishers: sql<Json<DetailParts['jointPublishers'][number]>[]>`(select coalesce(json_agg(json_build_object('organisationId', j.organisation_id, 'name', o.name, 'confirmedAt', j.confirmed_at) order by o.name), '[]'::json)
      from ${challengeJointPublishers} j join ${organisations} o on o.id = j.organisation_id where j.challenge_id = ${id})`,
    invitedTeams: sql<DetailParts['invitedTeams']>`(select coalesce(json_agg(json_build_object('organisationId', i.organisation_id, 'name', o.name) order by o.name), '[]'::json)
      from ${challengeInvitedTeams} i join ${organisations} o on o.id = i.organisation_id where i.challenge_id = ${id})`,
    attachments: sql<Json<DetailParts['attachments'][number]>[]>`(select coalesce(json_agg(json_build_object('id', a.id, 'fileName', a.file_name, 'mimeType', a.mime_type, 'sizeBytes', a.size_bytes, 'sha256', a.sha256, 'createdAt', a.created_at) order by a.created_at, a.id), '[]'::json)
      from ${challengeAttachments} a where a.challenge_id = ${id})`,
    questions: sql<Json<DetailParts['questions'][number]>[]>`(select coalesce(json_agg(json_build_object('id', q.id, 'askedByOrganisationId', q.asked_by_organisation_id, 'question', q.question, 'answer', q.answer, 'createdAt', q.created_at, 'answeredAt', q.answered_at) order by q.created_at, q.id), '[]'::json)
      from ${challengeQuestions} q where q.challenge_id = ${id})`,
  };
}

export function partsOf(r: { publisherName: string | null; batchTitle: string | null; jointPublishers: Json<DetailParts['jointPublishers'][number]>[]; invitedTeams: DetailParts['invitedTeams']; attachments: Json<DetailParts['attachments'][number]>[]; questions: Json<DetailParts['questions'][number]>[] }): DetailParts {
  return {
    publisherName: r.publisherName ?? '',
    batchTitle: r.batchTitle,
    jointPublishers: r.jointPublishers.map((j) => ({ ...j, confirmedAt: j.confirmedAt === null ? null : toDate(j.confirmedAt) })),
    invitedTeams: r.invitedTeams,
    attachments: r.attachments.map((a) => ({ ...a, createdAt: toDate(a.createdAt) })),
    questions: r.questions.map((q) => ({ ...q, createdAt: toDate(q.createdAt), answeredAt: q.answeredAt === null ? null : toDate(q.answeredAt) })),
  };
}

const publicOrders = {
  published: [desc(challenges.publishedAt), desc(challenges.id)],
  deadline: [asc(challenges.deadline), asc(challenges.id)],
  bounty: [desc(challenges.bountyYuan), desc(challenges.id)],
} as const;

/**
 * A page in one of the plain orders: the page's ids are chosen on `challenges` alone (the
 * partial indexes of db/schema/challenges.ts give each order without sorting), and only those
 * rows are joined to what the list shows.
 */
export async function inOrder(ex: Executor, where: SQL | undefined, sort: Exclude<PublicListQuery['sort'], 'relevance'>, limit: number, offset: number) {
  const order = publicOrders[sort];
  const page = ex.select({ id: challenges.id }).from(challenges).where(where).orderBy(...order).limit(limit).offset(offset).as('page');
  return ex
    .select(summaryColumns)
    .from(page)
    .innerJoin(challenges, eq(challenges.id, page.id))
    .innerJoin(organisations, eq(challenges.publisherId, organisations.id))
    .leftJoin(batches, eq(challenges.batchId, batches.id))
    .orderBy(...order);
}

/**
 * A page by relevance, with its capped count, in one statement. The newest `cap` + 1 matches
 * are the candidates (their number is the count) and only they are ranked: ranking every match
 * of a common two-character term, a fifth of all challenges, read every one's search vector.
 * Only the page is joined to what the list shows.
 */
export async function byRelevance(ex: Executor, where: SQL | undefined, tsQuery: string, limit: number, offset: number, cap: number) {
  const candidates = ex.$with('candidates').as(
    ex
      .select({ id: challenges.id, publishedAt: challenges.publishedAt, searchVector: challenges.searchVector })
      .from(challenges)
      .where(where)
      .orderBy(desc(challenges.publishedAt), desc(challenges.id))
      .limit(cap + 1),
  );
  const rank = sql<number>`ts_rank(${candidates.searchVector}, ${tsQuery}::tsquery)`;
  const page = ex
    .select({ id: candidates.id, publishedAt: candidates.publishedAt, rank: rank.as('rank') })
    .from(candidates)
    .orderBy(desc(rank), desc(candidates.publishedAt), desc(candidates.id))
    .limit(limit)
    .offset(offset)
    .as('page');
  const rows = await ex
    .with(candidates)
    .select({ ...summaryColumns, found: sql<number>`(select count(*)::int from ${candidates})`.as('found') })
    .from(page)
    .innerJoin(challenges, eq(challenges.id, page.id))
    .innerJoin(organisations, eq(challenges.publisherId, organisations.id))
    .leftJoin(batches, eq(challenges.batchId, batches.id))
    .orderBy(desc(page.rank), desc(page.publishedAt), desc(page.id));
  // A page past the last match has no row to carry the count: count on its own then.
  const found = rows[0]?.found ?? (offset > 0 ? await countUpTo(ex, where, cap) : 0);
  return { items: rows, found };
}

/** How many rows match, counting no further than `cap` + 1. */
export async function countUpTo(ex: Executor, where: SQL | undefined, cap: number): Promise<number> {
  const upTo = ex.select({ one: sql`1` }).from(challenges).where(where).limit(cap + 1).as('up_to');
  const [counted] = await ex.select({ n: count() }).from(upTo);
  return counted?.n ?? 0;
}
