import { deadlineJob } from '../../jobs/contracts';
import type { Tx } from '../../server/infra/database';
import { enqueueJob } from '../../server/infra/outbox';
import { createChallengesRepository } from '../../server/modules/challenges/repository';
import { searchTokens } from '../../server/modules/challenges/service';
import { batchTitle } from '../../server/modules/challenges/batches';
import { batches, bids, challengeInvitedTeams, challengeJointPublishers, challengeQuestions, challenges } from '../schema';
import { seedChallenges } from './data/challenges';

const day = 86_400_000;
const wan = (n: number) => Math.round(n * 10_000);

/**
 * Demo batches, dated relative to the day the demo is first started so the current list is
 * open and the older batches have closed: 2026年第二批 three weeks ago, 第一批 half a year ago,
 * 2025年第二批 a year ago.
 */
const batchDefs = {
  b2026_2: { year: 2026, number: 2, daysAgo: 19 },
  b2026_1: { year: 2026, number: 1, daysAgo: 193 },
  b2025_2: { year: 2025, number: 2, daysAgo: 376 },
} as const;

export interface SeedRefs {
  organisationByKey: Map<string, string>;
  nameByOrganisation: Map<string, string>;
  firstMemberByOrganisation: Map<string, string>;
  /** Verified teams, taken in turn as the askers of questions and the bidders on closed challenges. */
  teamIds: string[];
  officialId: string;
}

export async function seedChallengesStep(tx: Tx, refs: SeedRefs, now: Date): Promise<number> {
  const repo = createChallengesRepository();
  const org = (key: string) => {
    const id = refs.organisationByKey.get(key);
    if (!id) throw new Error(`seed: unknown organisation key ${key}`);
    return id;
  };
  const batchIds = new Map<string, { id: string; publishedAt: Date }>();
  for (const [key, def] of Object.entries(batchDefs)) {
    const publishedAt = new Date(now.getTime() - def.daysAgo * day);
    const [b] = await tx
      .insert(batches)
      .values({ year: def.year, number: def.number, title: batchTitle(def.year, def.number), status: 'published', createdBy: refs.officialId, publishedAt, publishedBy: refs.officialId, createdAt: publishedAt })
      .returning();
    batchIds.set(key, { id: b!.id, publishedAt });
  }

  let teamCursor = 0;
  const someTeams = (n: number, exclude: string[] = []) => {
    const out: string[] = [];
    while (out.length < n) {
      const id = refs.teamIds[teamCursor++ % refs.teamIds.length]!;
      if (!exclude.includes(id) && !out.includes(id)) out.push(id);
    }
    return out;
  };

  for (const s of seedChallenges) {
    const publisherId = org(s.publisherKey);
    const createdBy = refs.firstMemberByOrganisation.get(publisherId)!;
    const batch = s.batch ? batchIds.get(s.batch)! : null;
    const base = batch ? batch.publishedAt : now;
    const deadline = new Date(base.getTime() + s.deadlineOffsetDays * day);
    const isPublic = ['published', 'closed', 'unfilled'].includes(s.state);
    const [row] = await tx
      .insert(challenges)
      .values({
        publisherId,
        createdBy,
        status: s.state,
        title: s.title,
        summary: s.summary,
        description: s.description,
        descriptionVisibility: s.descriptionVisibility,
        industry: s.industry,
        industryChain: s.industryChain,
        indicators: s.state === 'draft' && !s.indicators?.length ? [] : [...(s.indicators ?? [])],
        bountyYuan: wan(s.bountyWan),
        enterpriseFundsYuan: wan(s.enterpriseFundsWan),
        subsidyYuan: wan(s.subsidyWan),
        deliveryMonths: s.deliveryMonths,
        deadline,
        ipTerms: s.ipTerms,
        requirementsText: s.requirements.text,
        allowedInstitutionKinds: [...s.requirements.institutionKinds],
        allowedRegions: [...s.requirements.regions],
        contactName: s.contact?.name ?? null,
        contactPhone: s.contact?.phone ?? null,
        contactEmail: s.contact?.email ?? null,
        directed: s.directed ?? false,
        batchId: batch?.id ?? null,
        rejectionReason: s.rejectionReason ?? null,
        reworkComments: s.reworkComments ?? null,
        submittedAt: s.state === 'draft' ? null : new Date(base.getTime() - 20 * day),
        publishedAt: isPublic ? base : null,
        closedAt: s.state === 'closed' || s.state === 'unfilled' ? deadline : null,
        createdAt: new Date(base.getTime() - 30 * day),
        updatedAt: isPublic ? base : now,
      })
      .returning();
    const id = row!.id;
    for (const key of s.jointPublisherKeys ?? []) {
      await tx.insert(challengeJointPublishers).values({ challengeId: id, organisationId: org(key), confirmedAt: new Date(base.getTime() - 25 * day), confirmedBy: refs.firstMemberByOrganisation.get(org(key)) ?? null });
    }
    for (const key of s.invitedTeamKeys ?? []) await tx.insert(challengeInvitedTeams).values({ challengeId: id, organisationId: org(key) });
    for (const [i, q] of (s.questions ?? []).entries()) {
      const [askingTeam] = someTeams(1);
      await tx.insert(challengeQuestions).values({
        challengeId: id,
        askedByOrganisationId: askingTeam!,
        askedBy: refs.firstMemberByOrganisation.get(askingTeam!)!,
        question: q.question,
        answer: q.answer ?? null,
        answeredBy: q.answer ? createdBy : null,
        answeredAt: q.answer ? new Date(base.getTime() + (i + 3) * day) : null,
        createdAt: new Date(base.getTime() + (i + 1) * day),
      });
    }
    if (s.state === 'closed') {
      for (const teamId of someTeams(2, s.invitedTeamKeys?.map(org) ?? [])) {
        await tx.insert(bids).values({ challengeId: id, teamId, status: 'submitted', challengeRevision: 1, submittedAt: new Date(deadline.getTime() - 3 * day), createdAt: new Date(deadline.getTime() - 10 * day) });
      }
    }
    if (isPublic) await repo.setSearchTokens(tx, id, searchTokens(row!, refs.nameByOrganisation.get(publisherId) ?? ''));
    // The open ones close by themselves when their deadline comes, like any published challenge.
    if (s.state === 'published') await enqueueJob(tx, deadlineJob(id, deadline));
  }
  return seedChallenges.length;
}
