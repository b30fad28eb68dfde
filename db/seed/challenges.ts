import { deadlineJob } from '../../jobs/contracts';
import type { Tx } from '../../server/infra/database';
import { enqueueJob } from '../../server/infra/outbox';
import { createChallengesRepository } from '../../server/modules/challenges/repository';
import { searchTokens } from '../../server/modules/challenges/service';
import { batchTitle } from '../../server/modules/challenges/batches';
import { bigrams } from '../../server/modules/search/segment';
import { seedBid, type SeedTeamProfile } from './bids';
import { batches, challengeInvitedTeams, challengeJointPublishers, challengeQuestions, challenges } from '../schema';
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
  /** Verified teams, taken in turn as the askers of questions and the bidders. */
  teamIds: string[];
  teamProfiles: Map<string, SeedTeamProfile>;
  /** The demo team lead's team: it gets a submitted bid and a draft on the open batch. */
  demoTeamId: string;
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

  let openBids = 1;
  let demoBids = 0;
  // The teams whose profile shares the most two-character terms with the challenge: plausible
  // bidders and askers, rather than whoever comes next.
  const profileGrams = new Map(refs.teamIds.map((id) => {
    const p = refs.teamProfiles.get(id)!;
    return [id, new Set(bigrams(`${p.name}${p.fields.join('')}`))];
  }));
  const relevantTeams = (s: (typeof seedChallenges)[number], n: number, exclude: string[] = []) => {
    const grams = new Set(bigrams(`${s.title}${s.summary}${s.description}`));
    // Ties go to the team listed first in the seed data, not to the lower random uuid, so every
    // start of the demo has the same bidders (and the same winners and contracts).
    return refs.teamIds
      .map((id, order) => ({ id, order, score: [...profileGrams.get(id)!].filter((g) => grams.has(g)).length }))
      .filter((x) => !exclude.includes(x.id))
      .sort((a, b) => b.score - a.score || a.order - b.order)
      .slice(0, n)
      .map((x) => x.id);
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
      const askingTeam = relevantTeams(s, i + 1)[i];
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
    // Closed ones had bids by their deadline; open ones have sealed bids arriving.
    const bidders = s.state === 'closed' ? 3 : s.state === 'published' && !s.directed ? openBids++ % 3 : 0;
    for (const [i, teamId] of relevantTeams(s, bidders, [refs.demoTeamId]).entries()) {
      const at = s.state === 'closed' ? new Date(deadline.getTime() - (i + 2) * day) : new Date(now.getTime() - (i + 1) * day);
      await seedBid(tx, { challengeId: id, revision: 1, seed: s, team: refs.teamProfiles.get(teamId)!, variant: i, status: 'submitted', at });
    }
    if (s.state === 'published' && !s.directed && (s.indicators?.length ?? 0) > 0 && demoBids < 2) {
      await seedBid(tx, { challengeId: id, revision: 1, seed: s, team: refs.teamProfiles.get(refs.demoTeamId)!, variant: 1, status: demoBids === 0 ? 'submitted' : 'draft', at: new Date(now.getTime() - day) });
      demoBids++;
    }
    if (isPublic) await repo.setSearchTokens(tx, id, searchTokens(row!, refs.nameByOrganisation.get(publisherId) ?? ''));
    // The open ones close by themselves when their deadline comes, like any published challenge.
    if (s.state === 'published') await enqueueJob(tx, deadlineJob(id, deadline));
  }
  return seedChallenges.length;
}
