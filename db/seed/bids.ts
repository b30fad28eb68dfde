import type { BidContent } from '../../shared/contracts/bids';
import type { Tx } from '../../server/infra/database';
import { bidDigest } from '../../server/modules/bids/service';
import { bids, bidVersions } from '../schema';
import type { SeedChallenge } from './data/challenges';

export interface SeedTeamProfile {
  id: string;
  name: string;
  fields: readonly string[];
  members: readonly { userId: string; name: string; title: string }[];
}

const stageVerbs = ['机理研究与方案设计', '小试验证与参数优化', '中试放大与工程验证'];

/**
 * A proposal written from the team's profile and the challenge's indicators. Templated, but
 * every part is specific to the pair, so the publisher reads a coherent bid after the deadline.
 */
export function proposalFor(c: SeedChallenge, team: SeedTeamProfile, variant: number): BidContent {
  const fields = team.fields.length ? team.fields : ['相关方向'];
  const months = c.deliveryMonths;
  const due = [Math.max(1, Math.round(months / 3)), Math.max(2, Math.round((2 * months) / 3)), months];
  return {
    technicalRoute:
      `依托${team.name}在${fields.slice(0, 3).join('、')}等方向的研究积累，针对“${c.title}”的核心难点，拟分三个阶段推进：` +
      `第一阶段开展${stageVerbs[0]}，明确影响${c.indicators?.[0]?.name ?? '关键指标'}的主控因素；` +
      `第二阶段在企业提供的样品与工况下开展${stageVerbs[1]}；` +
      `第三阶段完成${stageVerbs[2]}，形成可在企业产线落地的工艺包与检测规范。`,
    indicatorResponses: (c.indicators ?? []).map((ind, i) => ({
      indicatorIndex: i,
      approach: `结合${fields[i % fields.length]}方面的方法，建立${ind.name}的表征与优化流程，按“${ind.verification.slice(0, 40)}”的方式自测后送第三方检测。`,
      committedValue: ind.targetValue,
    })),
    members: team.members.map((m, i) => ({ name: m.name, title: m.title, role: i === 0 ? ('lead' as const) : ('core' as const) })),
    partnerIds: [],
    quotedPriceYuan: Math.round(c.bountyWan * 10_000 * (0.82 + 0.06 * (variant % 3))),
    durationMonths: months,
    milestones: [
      { title: stageVerbs[0]!, deliverable: '技术方案与机理研究报告', dueMonth: due[0]!, sharePercent: 30 },
      { title: stageVerbs[1]!, deliverable: '小试样品及第三方检测报告', dueMonth: due[1]!, sharePercent: 30 },
      { title: stageVerbs[2]!, deliverable: '中试验证报告与工艺包', dueMonth: due[2]!, sharePercent: 40 },
    ],
    attachments: [],
  };
}

/** A bid with its proposal; submitted ones get version 1 and its SHA-256 receipt. */
export async function seedBid(
  tx: Tx,
  o: { challengeId: string; revision: number; seed: SeedChallenge; team: SeedTeamProfile; variant: number; status: 'draft' | 'submitted'; at: Date },
): Promise<void> {
  const content = proposalFor(o.seed, o.team, o.variant);
  const author = o.team.members[0]!.userId;
  const [bid] = await tx
    .insert(bids)
    .values({
      challengeId: o.challengeId,
      teamId: o.team.id,
      status: o.status,
      draft: content,
      challengeRevision: o.revision,
      latestVersion: o.status === 'submitted' ? 1 : null,
      submittedAt: o.status === 'submitted' ? o.at : null,
      createdBy: author,
      createdAt: new Date(o.at.getTime() - 5 * 86_400_000),
      updatedAt: o.at,
    })
    .returning();
  if (o.status === 'submitted') {
    await tx.insert(bidVersions).values({ bidId: bid!.id, version: 1, content, sha256: bidDigest(content), challengeRevision: o.revision, submittedBy: author, submittedAt: o.at });
  }
}
