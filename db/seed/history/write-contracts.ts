import type { Tx } from '../../../server/infra/database';
import { acceptanceCriteria } from '../../../server/modules/contracts/drafting';
import { addDays, chinaInstant } from '../../../shared/calendar';
import { contractParties, contracts, creditRecords, milestoneEvidence, milestones, payments } from '../../schema';
import * as H from '../data/history';
import { acceptanceReport, evidenceText } from '../data/history-texts';
import { at, day, latest } from './calendar';
import { insertAll } from './insert-all';
import type { HistoryPlan } from './plan-types';

/** The contracts with their parties and milestones, the evidence and payments of what was delivered, and the credit bars. */
export async function writeContracts(tx: Tx, plan: HistoryPlan): Promise<void> {
  await insertAll(
    tx,
    contracts,
    plan.contracts.map((c) => {
      const confirmed = c.milestones.flatMap((m) => (m.confirmedOn ? [at(m.confirmedOn, 15)] : []));
      return {
        id: c.id,
        awardId: c.award.id,
        bidId: c.bid.id,
        challengeId: c.need.challengeId,
        publisherId: c.need.enterprise.id,
        teamId: c.bid.team.id,
        status: c.status,
        title: c.title,
        amountYuan: c.split.amountYuan,
        enterpriseFundsYuan: c.split.enterpriseFundsYuan,
        subsidyYuan: c.split.subsidyYuan,
        firstTrancheYuan: c.firstTrancheYuan,
        criteria: acceptanceCriteria(c.need.indicators, c.bid.content),
        signedAt: c.signedAt,
        registrationNo: c.registration?.no ?? null,
        registeredOn: c.registration?.on ?? null,
        registeredBy: c.registration?.by ?? null,
        brokerName: c.broker?.name ?? null,
        brokerUserId: c.broker?.userId ?? null,
        brokerIntroducedOn: c.broker?.introducedOn ?? null,
        grade: c.grade,
        acceptanceReport: c.grade ? acceptanceReport(c.grade, c.need.indicators.length) : null,
        completedAt: c.completedAt,
        terminatedAt: c.terminatedAt,
        terminationReason: c.termination?.reason ?? null,
        terminationOutcome: c.termination?.outcome ?? null,
        createdAt: c.award.finalAt!,
        updatedAt: latest(c.award.finalAt!, c.signedAt ?? c.award.finalAt!, c.completedAt ?? c.award.finalAt!, c.terminatedAt ?? c.award.finalAt!, ...confirmed),
      };
    }),
  );
  await insertAll(
    tx,
    contractParties,
    plan.contracts.flatMap((c) => c.parties.map((p) => ({ contractId: c.id, ...p }))),
  );
  await insertAll(
    tx,
    milestones,
    plan.contracts.flatMap((c) =>
      c.milestones.map((m) => ({
        id: m.id,
        contractId: c.id,
        position: m.position,
        title: m.title,
        deliverable: m.deliverable,
        dueMonth: m.dueMonth,
        dueOn: m.dueOn,
        trancheYuan: m.trancheYuan,
        status: m.confirmedOn ? ('confirmed' as const) : ('pending' as const),
        overdueSince: m.overdueSince,
        originalDueOn: m.originalDueOn,
        extensionReason: m.extendedAt ? H.extensionReason : null,
        extensionRequestedBy: m.extendedAt ? c.bid.team.members[0]!.userId : null,
        extendedBy: m.extendedAt ? c.official : null,
        extendedAt: m.extendedAt,
        updatedAt: m.confirmedOn ? at(m.confirmedOn, 15) : (m.extendedAt ?? (m.overdueSince ? chinaInstant(addDays(m.overdueSince, 1)) : (c.signedAt ?? c.award.finalAt!))),
      })),
    ),
  );

  // Evidence and the ledger: the first tranche on signing, each confirmed milestone's tranche on its day.
  await insertAll(
    tx,
    milestoneEvidence,
    plan.contracts.flatMap((c) =>
      c.milestones.flatMap((m, i) =>
        m.confirmedOn
          ? [
              {
                milestoneId: m.id,
                text: evidenceText({ stage: m.title, deliverable: m.deliverable, indicator: c.need.indicators[i % c.need.indicators.length]!.name, variant: c.need.variant + i }),
                submittedBy: c.bid.team.members[0]!.userId,
                submittedAt: latest(new Date(c.signedAt!.getTime() + day), at(addDays(m.confirmedOn, -(4 + ((c.need.index + i) % 10))), 16)),
              },
            ]
          : [],
      ),
    ),
  );
  await insertAll(
    tx,
    payments,
    plan.contracts.flatMap((c) => [
      ...(c.signedOn && c.firstTrancheYuan > 0 ? [{ contractId: c.id, milestoneId: null, amountYuan: c.firstTrancheYuan, paidOn: c.signedOn, confirmedBy: null, createdAt: c.signedAt! }] : []),
      ...c.milestones.flatMap((m) => (m.confirmedOn && m.trancheYuan > 0 ? [{ contractId: c.id, milestoneId: m.id, amountYuan: m.trancheYuan, paidOn: m.confirmedOn, confirmedBy: c.official, createdAt: at(m.confirmedOn, 15) }] : [])),
    ]),
  );
  if (plan.credit.length) await insertAll(tx, creditRecords, plan.credit);
}
