import type { ContractView, MilestoneView } from '../../../shared/contracts/contracts';
import type { FundingRule, LeadKind } from '../../../shared/funding-rules';
import type { Actor } from '../../context';
import type { Executor } from '../../infra/database';
import type { ContractRow, ContractsRepository, MilestoneRow } from './repository';

export type MilestoneEventsFor = (actor: Actor, c: ContractRow, parties: { organisationId: string; role: string }[], m: MilestoneRow) => string[];

/** The contract as its parties and officials see it (no personal data beyond names). */
export async function contractView(
  ex: Executor,
  repo: ContractsRepository,
  c: ContractRow,
  actor: Actor,
  o: { leadKind: LeadKind; rule: FundingRule; signsFor: string | null; events: (milestones: MilestoneRow[]) => string[]; milestoneEvents: MilestoneEventsFor },
): Promise<ContractView> {
  // One query at a time: `ex` may be a transaction.
  const parties = await repo.parties(ex, c.id);
  const ms = await repo.milestones(ex, c.id);
  const evidence = await repo.evidence(ex, ms.map((m) => m.id));
  const payments = await repo.payments(ex, c.id);
  const outcomes = await repo.outcomes(ex, c.id);
  const partyRoles = parties.map((p) => ({ organisationId: p.party.organisationId, role: p.party.role }));
  const milestones: MilestoneView[] = ms.map((m) => ({
    id: m.id,
    position: m.position,
    title: m.title,
    deliverable: m.deliverable,
    dueMonth: m.dueMonth,
    dueOn: m.dueOn,
    trancheYuan: m.trancheYuan,
    status: m.status,
    overdueSince: m.overdueSince,
    originalDueOn: m.originalDueOn,
    extensionReason: m.extensionReason,
    extensionRequest: m.extensionRequestedOn ? { newDueOn: m.extensionRequestedOn, reason: m.extensionRequestReason ?? '' } : null,
    extensionDeclinedReason: m.extensionDeclinedReason,
    reviewComment: m.reviewComment,
    evidence: evidence
      .filter((e) => e.evidence.milestoneId === m.id)
      .map((e) => ({ id: e.evidence.id, text: e.evidence.text, files: e.evidence.attachments, submittedAt: e.evidence.submittedAt.toISOString(), submittedBy: e.submitterName })),
    paidOn: payments.find((p) => p.payment.milestoneId === m.id)?.payment.paidOn ?? null,
    events: o.milestoneEvents(actor, c, partyRoles, m),
  }));
  return {
    id: c.id,
    title: c.title,
    challengeId: c.challengeId,
    bidId: c.bidId,
    awardId: c.awardId,
    status: c.status,
    publisherName: parties.find((p) => p.party.role === 'publisher')?.name ?? '',
    teamName: parties.find((p) => p.party.role === 'lead')?.name ?? '',
    leadKind: o.leadKind,
    amountYuan: c.amountYuan,
    enterpriseFundsYuan: c.enterpriseFundsYuan,
    subsidyYuan: c.subsidyYuan,
    firstTrancheYuan: c.firstTrancheYuan,
    paidYuan: c.paidYuan,
    fundingRule: o.rule,
    criteria: c.criteria,
    parties: parties.map((p) => ({ organisationId: p.party.organisationId, name: p.name, role: p.party.role, signedAt: p.party.signedAt?.toISOString() ?? null, signedBy: p.signerName })),
    milestones,
    payments: payments.map((p) => ({ id: p.payment.id, milestoneId: p.payment.milestoneId, milestoneTitle: p.milestoneTitle, amountYuan: p.payment.amountYuan, paidOn: p.payment.paidOn, confirmedBy: p.confirmerName })),
    signedAt: c.signedAt?.toISOString() ?? null,
    registrationNo: c.registrationNo,
    registeredOn: c.registeredOn,
    broker: c.brokerName && c.brokerIntroducedOn ? { name: c.brokerName, userId: c.brokerUserId, introducedOn: c.brokerIntroducedOn } : null,
    grade: c.grade,
    acceptanceReport: c.acceptanceReport,
    completedAt: c.completedAt?.toISOString() ?? null,
    terminatedAt: c.terminatedAt?.toISOString() ?? null,
    terminationReason: c.terminationReason,
    terminationOutcome: c.terminationOutcome,
    outcomes: outcomes.map((x) => ({
      months: x.months,
      promptedAt: x.promptedAt.toISOString(),
      product: x.product,
      revenueYuan: x.revenueYuan,
      patents: x.patents,
      note: x.note,
      answeredAt: x.answeredAt?.toISOString() ?? null,
    })),
    viewer: { signsFor: o.signsFor, events: o.events(ms) },
    updatedAt: c.updatedAt.toISOString(),
  };
}
