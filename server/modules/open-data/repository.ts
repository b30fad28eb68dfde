import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { awardDecisions, batches, bids, challengeJointPublishers, challenges, contracts, milestones, organisations, payments } from '../../../db/schema';
import { publicStates } from '../../../shared/lifecycles/challenge';
import type { Executor } from '../../infra/database';

/**
 * The open-data queries. Each one names the columns it reads, so what the export can leak is
 * fixed here: no contacts, no bid content, scores, evidence, reasons or people. A restricted
 * description never leaves the database (the query returns null for it), and directed
 * challenges are not read at all.
 */

/** Award decisions the public has seen: from the public notice (公示) on. */
const publicAwardStates = ['in_notice', 'final', 'revoked'] as const;
/** Contracts once signed; a draft is still being negotiated between the parties. */
const publishedContractStates = ['signed', 'completed', 'terminated'] as const;

const organisationColumns = { id: organisations.id, name: organisations.name, kind: organisations.kind, creditCode: organisations.creditCode };

const exportable = and(inArray(challenges.status, [...publicStates]), eq(challenges.directed, false));
/** Subqueries rather than id lists: the export covers every challenge, beyond any parameter limit. */
const exportableIds = (ex: Executor) => ex.select({ id: challenges.id }).from(challenges).where(exportable);
const publishedContractIds = (ex: Executor) =>
  ex
    .select({ id: contracts.id })
    .from(contracts)
    .where(and(inArray(contracts.challengeId, exportableIds(ex)), inArray(contracts.status, [...publishedContractStates])));

export function createOpenDataRepository() {
  return {
    /** Published (or later) challenges that are open to all, oldest publication first. */
    async challenges(ex: Executor) {
      return ex
        .select({
          id: challenges.id,
          status: challenges.status,
          title: challenges.title,
          summary: challenges.summary,
          publicDescription: sql<string | null>`case when ${challenges.descriptionVisibility} = 'public' then ${challenges.description} else null end`,
          descriptionVisibility: challenges.descriptionVisibility,
          industry: challenges.industry,
          industryChain: challenges.industryChain,
          indicators: challenges.indicators,
          bountyYuan: challenges.bountyYuan,
          deliveryMonths: challenges.deliveryMonths,
          deadline: challenges.deadline,
          publishedAt: challenges.publishedAt,
          closedAt: challenges.closedAt,
          updatedAt: challenges.updatedAt,
          batchId: batches.id,
          batchTitle: batches.title,
          publisher: organisationColumns,
        })
        .from(challenges)
        .innerJoin(organisations, eq(challenges.publisherId, organisations.id))
        .leftJoin(batches, eq(challenges.batchId, batches.id))
        .where(exportable)
        .orderBy(asc(challenges.publishedAt), asc(challenges.id));
    },

    async jointPublishers(ex: Executor) {
      return ex
        .select({ challengeId: challengeJointPublishers.challengeId, organisation: organisationColumns })
        .from(challengeJointPublishers)
        .innerJoin(organisations, eq(challengeJointPublishers.organisationId, organisations.id))
        .where(inArray(challengeJointPublishers.challengeId, exportableIds(ex)))
        .orderBy(asc(organisations.name));
    },

    /** Never proposals or declined proposals; the reason texts stay out. */
    async awards(ex: Executor) {
      return ex
        .select({
          id: awardDecisions.id,
          challengeId: awardDecisions.challengeId,
          status: awardDecisions.status,
          winnerBidIds: awardDecisions.winnerBidIds,
          confirmedAt: awardDecisions.confirmedAt,
          noticeEndsAt: awardDecisions.noticeEndsAt,
          finalAt: awardDecisions.finalAt,
          // A revocation is an objection upheld: the award row keeps no time of its own.
          lastResolvedAt: sql<string | null>`(select max(o.resolved_at)::text from objections o where o.award_id = ${awardDecisions.id})`,
        })
        .from(awardDecisions)
        .where(and(inArray(awardDecisions.challengeId, exportableIds(ex)), inArray(awardDecisions.status, [...publicAwardStates])))
        .orderBy(asc(awardDecisions.confirmedAt));
    },

    /** The teams named by public award decisions: which organisation, nothing of what it bid. */
    async winners(ex: Executor) {
      const named = ex
        .select({ bidId: sql<string>`unnest(${awardDecisions.winnerBidIds})` })
        .from(awardDecisions)
        .where(and(inArray(awardDecisions.challengeId, exportableIds(ex)), inArray(awardDecisions.status, [...publicAwardStates])));
      return ex.select({ bidId: bids.id, organisation: organisationColumns }).from(bids).innerJoin(organisations, eq(bids.teamId, organisations.id)).where(inArray(bids.id, named));
    },

    async contracts(ex: Executor) {
      return ex
        .select({
          id: contracts.id,
          awardId: contracts.awardId,
          challengeId: contracts.challengeId,
          teamId: contracts.teamId,
          status: contracts.status,
          title: contracts.title,
          amountYuan: contracts.amountYuan,
          signedAt: contracts.signedAt,
          registrationNo: contracts.registrationNo,
          registeredOn: contracts.registeredOn,
          completedAt: contracts.completedAt,
          terminatedAt: contracts.terminatedAt,
          updatedAt: contracts.updatedAt,
        })
        .from(contracts)
        .where(and(inArray(contracts.challengeId, exportableIds(ex)), inArray(contracts.status, [...publishedContractStates])))
        .orderBy(asc(contracts.signedAt), asc(contracts.id));
    },

    async milestones(ex: Executor) {
      return ex
        .select({
          id: milestones.id,
          contractId: milestones.contractId,
          position: milestones.position,
          title: milestones.title,
          dueOn: milestones.dueOn,
          trancheYuan: milestones.trancheYuan,
          status: milestones.status,
          overdueSince: milestones.overdueSince,
          updatedAt: milestones.updatedAt,
        })
        .from(milestones)
        .where(inArray(milestones.contractId, publishedContractIds(ex)))
        .orderBy(asc(milestones.contractId), asc(milestones.position));
    },

    /** The payment ledger: amounts and dates, not who confirmed them. */
    async payments(ex: Executor) {
      return ex
        .select({ id: payments.id, contractId: payments.contractId, milestoneId: payments.milestoneId, amountYuan: payments.amountYuan, paidOn: payments.paidOn, createdAt: payments.createdAt })
        .from(payments)
        .where(inArray(payments.contractId, publishedContractIds(ex)))
        .orderBy(asc(payments.paidOn), asc(payments.createdAt));
    },
  };
}
export type OpenDataRepository = ReturnType<typeof createOpenDataRepository>;
