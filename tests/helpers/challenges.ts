import { challengeInvitedTeams, challenges } from '../../db/schema';
import type { ChallengeDraft } from '../../shared/contracts/challenges';
import type { ChallengeState } from '../../shared/lifecycles/challenge';
import type { Db } from '../../server/infra/database';
import { searchTokens } from '../../server/modules/challenges/service';
import { createChallengesRepository } from '../../server/modules/challenges/repository';
import { unique } from './factories';

const day = 86_400_000;

/** A complete draft body, as an enterprise would submit it. */
export function completeDraft(over: Partial<ChallengeDraft> = {}): ChallengeDraft {
  return {
    title: unique('高电流密度碱性电解槽电极涂层开发'),
    summary: '开发低析氢过电位、长寿命的镍基电极涂层，用于兆瓦级碱性电解槽。',
    description: '公司现有碱性电解槽在 4000 A/m² 下析氢过电位偏高，电极涂层在启停工况下易剥落。希望合作开发新型镍基合金涂层及喷涂工艺。',
    descriptionVisibility: 'public',
    industry: 'hydrogen',
    industryChain: 'electrolysis',
    indicators: [{ name: '析氢过电位', targetValue: '≤ 120', unit: 'mV', verification: '第三方检测机构按 GB/T 标准测试' }],
    bountyYuan: 3_000_000,
    enterpriseFundsYuan: 2_000_000,
    subsidyYuan: 1_000_000,
    deliveryMonths: 18,
    deadline: new Date(Date.now() + 30 * day).toISOString(),
    ipTerms: 'joint',
    requirements: { text: '具有电催化研究基础', institutionKinds: ['university', 'institute'], regions: [] },
    contact: { name: '王工', phone: '13912345678', email: 'wang@example.test' },
    directed: false,
    ...over,
  };
}

/** A challenge row in any state, written straight to the database (the states' own paths are tested through the API). */
export async function makeChallenge(db: Db, o: { publisherId: string; createdBy: string; status?: ChallengeState; draft?: Partial<ChallengeDraft>; invitedTeamIds?: string[] }) {
  const d = completeDraft(o.draft);
  const status = o.status ?? 'draft';
  const [row] = await db
    .insert(challenges)
    .values({
      publisherId: o.publisherId,
      createdBy: o.createdBy,
      status,
      title: d.title!,
      summary: d.summary!,
      description: d.description!,
      descriptionVisibility: d.descriptionVisibility!,
      industry: d.industry!,
      industryChain: d.industryChain!,
      indicators: d.indicators!,
      bountyYuan: d.bountyYuan!,
      enterpriseFundsYuan: d.enterpriseFundsYuan!,
      subsidyYuan: d.subsidyYuan!,
      deliveryMonths: d.deliveryMonths!,
      deadline: new Date(d.deadline!),
      ipTerms: d.ipTerms!,
      requirementsText: d.requirements!.text,
      allowedInstitutionKinds: d.requirements!.institutionKinds,
      contactName: d.contact!.name,
      contactPhone: d.contact!.phone,
      contactEmail: d.contact!.email,
      directed: d.directed ?? false,
      publishedAt: ['published', 'closed', 'unfilled'].includes(status) ? new Date() : null,
    })
    .returning();
  if (o.invitedTeamIds?.length) await db.insert(challengeInvitedTeams).values(o.invitedTeamIds.map((organisationId) => ({ challengeId: row!.id, organisationId })));
  await createChallengesRepository().setSearchTokens(db, row!.id, searchTokens(row!, 'publisher'));
  return row!;
}
