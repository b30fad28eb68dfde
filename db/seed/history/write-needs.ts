import { sql } from 'drizzle-orm';
import type { Tx } from '../../../server/infra/database';
import { bidDigest } from '../../../server/modules/bids/service';
import { batchTitle } from '../../../server/modules/challenges/batches';
import type { ChallengeRow } from '../../../server/modules/challenges/repository';
import { searchTokens } from '../../../server/modules/challenges/service';
import { addDays, chinaDate } from '../../../shared/calendar';
import type { InstitutionKind } from '../../../shared/roles';
import { awardDecisions, batches, bids, bidVersions, challenges } from '../../schema';
import * as H from '../data/history';
import { needTexts } from '../data/history-texts';
import { at, day } from './calendar';
import type { Inputs } from './inputs';
import { insertAll } from './insert-all';
import type { HistoryPlan } from './plan-types';

/** The needs as they were listed: batches, challenges, bids (one sealed version each) and award decisions. */
export async function writeNeeds(tx: Tx, inp: Inputs, plan: HistoryPlan): Promise<void> {
  const byOfficial = (i: number) => inp.officials[i % inp.officials.length]!.id;
  await insertAll(
    tx,
    batches,
    plan.batches.map((b, i) => {
      const publishedAt = at(b.publishedOn, 10);
      return { id: b.id, year: b.year, number: b.number, title: batchTitle(b.year, b.number), status: 'published' as const, createdBy: byOfficial(i), publishedAt, publishedBy: byOfficial(i), createdAt: new Date(publishedAt.getTime() - 7 * day) };
    }),
  );

  await insertAll(
    tx,
    challenges,
    plan.needs.map((n) => {
      const { summary, description, requirementsText } = needTexts({
        topic: n.topic,
        industry: n.industry,
        enterpriseDescription: n.enterprise.description,
        indicators: n.indicators,
        deliveryMonths: n.deliveryMonths,
        academicOnly: n.academicOnly,
        variant: n.variant,
      });
      const listed = !!n.batch;
      const deadline = listed ? at(n.deadlineOn!, 17) : at(addDays(chinaDate(n.submittedAt), 45), 17);
      const status = n.fate === 'rejected' || n.fate === 'withdrawn' ? n.fate : n.fate === 'unfilled' ? 'unfilled' : 'closed';
      const text = { title: n.title, summary, description, descriptionVisibility: n.visibility, indicators: n.indicators, requirementsText };
      const tokens = listed ? searchTokens(text as ChallengeRow, n.enterprise.name) : null;
      return {
        id: n.challengeId,
        publisherId: n.enterprise.id,
        createdBy: n.enterprise.userId,
        status,
        ...text,
        industry: n.industry,
        industryChain: n.topic.chain,
        bountyYuan: n.bountyWan * 10_000,
        enterpriseFundsYuan: (n.bountyWan - n.subsidyWan) * 10_000,
        subsidyYuan: n.subsidyWan * 10_000,
        deliveryMonths: n.deliveryMonths,
        deadline,
        ipTerms: n.ipTerms,
        allowedInstitutionKinds: n.academicOnly ? (['university', 'institute'] as InstitutionKind[]) : [],
        allowedRegions: [],
        contactName: n.enterprise.contact.name,
        contactPhone: n.enterprise.contact.phone,
        contactEmail: n.enterprise.contact.email,
        allowsHorseRace: n.signOn.length > 1,
        batchId: n.batch?.id ?? null,
        rejectionReason: n.fate === 'rejected' ? H.rejectionReasons[n.index % H.rejectionReasons.length]! : null,
        reworkComments: n.fate === 'withdrawn' ? H.reworkComments[n.index % H.reworkComments.length]! : null,
        submittedAt: n.submittedAt,
        publishedAt: listed ? at(n.batch!.publishedOn, 10) : null,
        closedAt: listed ? deadline : null,
        searchVector: tokens ? sql`array_to_tsvector(${sql.param(tokens)}::text[])` : null,
        createdAt: new Date(n.submittedAt.getTime() - (3 + (n.index % 25)) * day),
        updatedAt: listed ? deadline : n.decidedAt!,
      };
    }),
  );

  await insertAll(
    tx,
    bids,
    plan.bids.map((b) => ({
      id: b.id,
      challengeId: b.need.challengeId,
      teamId: b.team.id,
      status: b.reason ? ('ineligible' as const) : ('eligible' as const),
      draft: b.content,
      challengeRevision: 1,
      latestVersion: 1,
      submittedAt: b.submittedAt,
      eligibilityReason: b.reason,
      eligibilityCheckedAt: b.checkedAt,
      eligibilityCheckedBy: inp.officials[0]!.id,
      createdBy: b.team.members[0]!.userId,
      createdAt: new Date(b.submittedAt.getTime() - 5 * day),
      updatedAt: b.checkedAt,
    })),
  );
  await insertAll(
    tx,
    bidVersions,
    plan.bids.map((b) => ({ bidId: b.id, version: 1, content: b.content, sha256: bidDigest(b.content), challengeRevision: 1, submittedBy: b.team.members[0]!.userId, submittedAt: b.submittedAt })),
  );
  await insertAll(
    tx,
    awardDecisions,
    plan.awards.map((a) => ({
      id: a.id,
      challengeId: a.need.challengeId,
      status: a.status,
      winnerBidIds: a.winners.map((w) => w.id),
      reason: '',
      proposedBy: a.need.enterprise.userId,
      proposedAt: a.proposedAt,
      confirmedBy: a.confirmedBy,
      confirmedAt: a.confirmedAt,
      noticeEndsAt: a.finalAt,
      finalAt: a.finalAt,
      closedReason: a.closedReason,
    })),
  );
}
