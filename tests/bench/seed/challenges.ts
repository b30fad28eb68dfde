import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { batches, challengeInvitedTeams, challenges } from '../../../db/schema';
import * as H from '../../../db/seed/data/history';
import { needTexts, topicIndicators } from '../../../db/seed/data/history-texts';
import { historyTopics } from '../../../db/seed/data/history-topics';
import { at } from '../../../db/seed/history/calendar';
import type { Rng } from '../../../db/seed/history/random';
import { batchTitle } from '../../../server/modules/challenges/batches';
import type { ChallengeRow } from '../../../server/modules/challenges/repository';
import { searchTokens } from '../../../server/modules/challenges/service';
import { addDays, chinaDate } from '../../../shared/calendar';
import type { ChallengeState } from '../../../shared/lifecycles/challenge';
import type { InstitutionKind } from '../../../shared/roles';
import { industryOfChain } from '../../../shared/taxonomy/industry-chains';
import { bulkInsert, streamInsert, timed, type BulkRow } from './bulk-insert';
import { titleVariants } from './vocabulary';
import { day, type ChallengeInfo, type StepLog, type TeamInfo, type World } from './world';

/** Monthly lists over three years; the newest published 15 days ago, so its bidding is open. */
const batchCount = 37;

/**
 * Batches and challenges over three years, every state of the lifecycle: needs submitted at a
 * steady rate, about one in ten rejected and a few withdrawn at vetting, the rest published in
 * the next monthly batch at least two weeks later with four to eight weeks of bidding; those
 * whose deadline passed are closed (85 %) or unfilled (流榜); the newest are still being
 * vetted; 6 % are drafts, some abandoned long ago. Published challenges get their search
 * tokens from the app's own searchTokens, stored with array_to_tsvector as the app does.
 */
export async function seedChallenges(client: pg.ClientBase, rnd: Rng, scale: number, world: Pick<World, 'now' | 'officials' | 'enterprises' | 'teams'>, log: StepLog): Promise<Pick<World, 'batches' | 'challenges'>> {
  const { now } = world;
  const today = chinaDate(now);
  const official = world.officials[0]!.userId;

  const dates = Array.from({ length: batchCount }, (_, k) => addDays(today, -(15 + 30 * (batchCount - 1 - k))));
  const perYear = new Map<number, number>();
  const batchList = dates.map((d) => {
    const year = Number(d.slice(0, 4));
    const number = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, number);
    return { id: randomUUID(), date: d, year, number, publishedAt: at(d, 10) };
  });
  await timed(client, log, 'batches', () =>
    bulkInsert(
      client,
      batches,
      batchList.map((b) => ({ id: b.id, year: b.year, number: b.number, title: batchTitle(b.year, b.number), status: 'published', createdBy: official, publishedAt: b.publishedAt, publishedBy: official, createdAt: new Date(b.publishedAt.getTime() - 7 * day) })),
    ),
  );

  const verified = world.enterprises.filter((e) => e.verified);
  const teamsByChain = groupTeams(world.teams);
  const list: ChallengeInfo[] = [];
  const invited: BulkRow<typeof challengeInvitedTeams>[] = [];

  const make = (index: number): BulkRow<typeof challenges>[] => {
    const draft = rnd.chance(0.06);
    const publisher = draft ? rnd.pick(world.enterprises) : rnd.pick(verified);
    const topic = rnd.pick(historyTopics[publisher.template]!);
    const variant = rnd.int(0, 7);
    const suffix = rnd.pick(titleVariants);
    const title = topic.title + suffix;
    const industry = industryOfChain(topic.chain)!;
    const indicators = topicIndicators(topic, variant);
    const bountyWan = rnd.weighted(H.bountyWan);
    const subsidyWan = Math.round(bountyWan * rnd.weighted(H.subsidyShare));
    const deliveryMonths = rnd.weighted(H.deliveryMonths);
    const academicOnly = rnd.chance(0.15);
    const visibility = rnd.chance(0.8) ? ('public' as const) : ('restricted' as const);

    let status: ChallengeState;
    let submittedAt: Date | null = null;
    let createdAt: Date;
    let decidedAt: Date | null = null;
    let batch: (typeof batchList)[number] | undefined;
    let publishedAt: Date | null = null;
    let deadline: Date;
    if (draft) {
      status = 'draft';
      createdAt = new Date(now.getTime() - rnd.next() * 1095 * day);
      deadline = new Date(createdAt.getTime() + rnd.int(45, 90) * day);
    } else {
      submittedAt = new Date(now.getTime() - rnd.next() * 1095 * day);
      createdAt = new Date(submittedAt.getTime() - rnd.int(3, 25) * day);
      const fate = rnd.next();
      const listedAfter = addDays(chinaDate(submittedAt), 14);
      batch = fate < 0.13 ? undefined : batchList.find((b) => b.date >= listedAfter);
      deadline = new Date(now.getTime() + rnd.int(45, 75) * day);
      if (fate < 0.13) {
        deadline = new Date(submittedAt.getTime() + rnd.int(45, 75) * day);
        decidedAt = new Date(submittedAt.getTime() + rnd.int(5, 30) * day);
        status = decidedAt > now ? 'submitted' : fate < 0.1 ? 'rejected' : 'withdrawn';
        if (status === 'submitted') decidedAt = null;
      } else if (!batch) {
        const since = (now.getTime() - submittedAt.getTime()) / day;
        status = since < 7 ? 'submitted' : rnd.chance(0.2) ? 'rework' : 'approved';
      } else {
        publishedAt = batch.publishedAt;
        deadline = at(addDays(batch.date, rnd.int(30, 60)), 17);
        status = deadline > now ? 'published' : rnd.chance(0.15) ? 'unfilled' : 'closed';
      }
    }
    const listed = publishedAt !== null;
    const directed = listed && rnd.chance(0.02);
    const id = randomUUID();
    const { summary, description, requirementsText } = needTexts({ topic, industry, enterpriseDescription: publisher.description, indicators, deliveryMonths, academicOnly, variant });
    const text = { title, summary, description, descriptionVisibility: visibility, indicators, requirementsText };
    const closedAt = status === 'closed' || status === 'unfilled' ? deadline : null;
    list.push({ id, index, publisher, status, topic, title, industry, chain: topic.chain, indicators, bountyWan, subsidyWan, deliveryMonths, variant, academicOnly, directed, publishedAt, deadline });
    if (directed) {
      for (const t of pickTeams(rnd, teamsByChain, topic.chain, industry, 2, academicOnly)) invited.push({ challengeId: id, organisationId: t.id });
    }
    return [
      {
        id,
        publisherId: publisher.id,
        createdBy: publisher.member.userId,
        status,
        revision: 1,
        ...text,
        industry,
        industryChain: topic.chain,
        bountyYuan: bountyWan * 10_000,
        enterpriseFundsYuan: (bountyWan - subsidyWan) * 10_000,
        subsidyYuan: subsidyWan * 10_000,
        deliveryMonths,
        deadline,
        ipTerms: rnd.weighted(H.ipTermsChoice),
        allowedInstitutionKinds: academicOnly ? (['university', 'institute'] satisfies InstitutionKind[]) : [],
        allowedRegions: [],
        contactName: publisher.member.name,
        contactPhone: null,
        contactEmail: publisher.member.email,
        directed,
        allowsHorseRace: false,
        batchId: batch && listed ? batch.id : null,
        rejectionReason: status === 'rejected' ? rnd.pick(H.rejectionReasons) : null,
        reworkComments: status === 'withdrawn' || status === 'rework' ? rnd.pick(H.reworkComments) : null,
        submittedAt,
        publishedAt,
        closedAt,
        // The app's function (set at publication and on every change of terms), the app's conversion.
        searchVector: listed ? searchTokens(text as ChallengeRow, publisher.name) : null,
        createdAt,
        updatedAt: closedAt ?? decidedAt ?? publishedAt ?? submittedAt ?? createdAt,
      },
    ];
  };
  await timed(client, log, 'challenges', () => streamInsert(client, challenges, scale, make, 2000));
  await timed(client, log, 'challenge_invited_teams', () => bulkInsert(client, challengeInvitedTeams, invited));
  return { batches: batchList.map((b) => ({ id: b.id, publishedAt: b.publishedAt })), challenges: list };
}

export type TeamsByField = { byChain: Map<string, TeamInfo[]>; byIndustry: Map<string, TeamInfo[]>; all: TeamInfo[] };

/** Verified teams by the chains and industries they work in: bidders and matches come from there. */
export function groupTeams(teams: readonly TeamInfo[]): TeamsByField {
  const byChain = new Map<string, TeamInfo[]>();
  const byIndustry = new Map<string, TeamInfo[]>();
  const all = teams.filter((t) => t.verified);
  const add = (m: Map<string, TeamInfo[]>, key: string, t: TeamInfo) => (m.get(key) ?? m.set(key, []).get(key)!).push(t);
  for (const t of all) {
    for (const f of t.fields) add(byChain, f, t);
    for (const ind of new Set(t.fields.map((f) => industryOfChain(f)))) if (ind) add(byIndustry, ind, t);
  }
  return { byChain, byIndustry, all };
}

/** `n` distinct teams working in the chain, else the industry, else anywhere; academic ones only when the challenge says so. */
export function pickTeams(rnd: Rng, g: TeamsByField, chain: string, industry: string, n: number, academicOnly: boolean): TeamInfo[] {
  const ok = (t: TeamInfo) => !academicOnly || t.institutionKind !== 'company';
  const chosen = new Set<TeamInfo>();
  for (const pool of [g.byChain.get(chain) ?? [], g.byIndustry.get(industry) ?? [], g.all]) {
    for (let tries = 0; chosen.size < n && tries < n * 4 && pool.length; tries++) {
      const t = rnd.pick(pool);
      if (ok(t)) chosen.add(t);
    }
    if (chosen.size >= n) break;
  }
  return [...chosen];
}
