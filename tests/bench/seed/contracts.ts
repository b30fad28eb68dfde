import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { awardDecisions, contractParties, contracts, creditRecords, milestoneEvidence, milestones, payments } from '../../../db/schema';
import * as H from '../../../db/seed/data/history';
import { acceptanceReport, evidenceText } from '../../../db/seed/data/history-texts';
import { at } from '../../../db/seed/history/calendar';
import type { Rng } from '../../../db/seed/history/random';
import { acceptanceCriteria, tranches } from '../../../server/modules/contracts/drafting';
import { addDays, addMonths, chinaDate } from '../../../shared/calendar';
import { defaultFundingRule, proposedSplit } from '../../../shared/funding-rules';
import { contentOf } from './bids';
import { bulkInsert, timed, type BulkRow } from './bulk-insert';
import { day, type BidInfo, type ChallengeInfo, type StepLog, type World } from './world';

type Rows = {
  awards: BulkRow<typeof awardDecisions>[];
  contracts: BulkRow<typeof contracts>[];
  parties: BulkRow<typeof contractParties>[];
  milestones: BulkRow<typeof milestones>[];
  payments: BulkRow<typeof payments>[];
  evidence: BulkRow<typeof milestoneEvidence>[];
  credit: BulkRow<typeof creditRecords>[];
};

/**
 * Award decisions and contracts on closed challenges, drawn so the contracts come to about
 * `target`: a final award (one winner) on about half the challenges closed 40 days ago or more
 * with an eligible bid, a few declined, and proposals or public notices on the recently
 * closed. Each contract is drafted from the winning bid as the app drafts it (the funding
 * rule's split, the bid's milestones and tranches, the acceptance criteria), then signed and
 * delivered milestone by milestone up to today, completed and graded, or terminated. Payments
 * go through the ledger's trigger, which keeps contracts.paid_yuan.
 */
export async function seedContracts(client: pg.ClientBase, rnd: Rng, target: number, world: Pick<World, 'now' | 'bureauId' | 'officials' | 'bids'>, log: StepLog): Promise<number> {
  const { now } = world;
  const today = chinaDate(now);
  const eligibleByChallenge = new Map<ChallengeInfo, BidInfo[]>();
  for (const b of world.bids) if (b.status === 'eligible') (eligibleByChallenge.get(b.challenge) ?? eligibleByChallenge.set(b.challenge, []).get(b.challenge)!).push(b);
  const daysClosed = (c: ChallengeInfo) => (now.getTime() - c.deadline!.getTime()) / day;
  const candidates = [...eligibleByChallenge.keys()].filter((c) => daysClosed(c) >= 40).length;
  const pFinal = Math.min(0.9, target / Math.max(1, candidates));
  const officialByName = new Map(world.officials.map((o) => [o.name, o.userId]));
  const rows: Rows = { awards: [], contracts: [], parties: [], milestones: [], payments: [], evidence: [], credit: [] };
  let serial = 0;

  for (const [c, eligible] of eligibleByChallenge) {
    const closedDays = daysClosed(c);
    const r = rnd.next();
    const winner = rnd.pick(eligible);
    const proposedBy = c.publisher.member.userId;
    const official = rnd.pick(world.officials).userId;
    const award = { id: randomUUID(), challengeId: c.id, winnerBidIds: [winner.id], reason: '', proposedBy, confirmedBy: null as string | null, confirmedAt: null as Date | null, noticeEndsAt: null as Date | null, finalAt: null as Date | null, closedReason: null as string | null };
    if (closedDays >= 40 && r < pFinal) {
      const proposedAt = new Date(c.deadline!.getTime() + rnd.int(10, 20) * day);
      const confirmedAt = new Date(proposedAt.getTime() + rnd.int(2, 5) * day);
      const finalAt = new Date(confirmedAt.getTime() + rnd.int(9, 12) * day);
      rows.awards.push({ ...award, status: 'final', proposedAt, confirmedBy: official, confirmedAt, noticeEndsAt: finalAt, finalAt });
      planContract(rnd, rows, { award: award.id, finalAt, bid: winner, official, bureau: world.bureauId, today, officialByName, serial: () => ++serial });
    } else if (closedDays >= 40 && r < pFinal + 0.04) {
      rows.awards.push({ ...award, status: 'declined', proposedAt: new Date(c.deadline!.getTime() + rnd.int(10, 20) * day), closedReason: rnd.pick(H.declineReasons) });
    } else if (closedDays >= 15 && closedDays < 40 && r < 0.5) {
      const proposedAt = new Date(c.deadline!.getTime() + rnd.int(10, Math.floor(closedDays) - 3) * day);
      const inNotice = r < 0.25 && proposedAt.getTime() + 3 * day < now.getTime();
      const confirmedAt = inNotice ? new Date(proposedAt.getTime() + 2 * day) : null;
      rows.awards.push({ ...award, status: inNotice ? 'in_notice' : 'proposed', proposedAt, confirmedBy: inNotice ? official : null, confirmedAt, noticeEndsAt: confirmedAt && new Date(confirmedAt.getTime() + 10 * day) });
    }
  }

  await timed(client, log, 'award_decisions', () => bulkInsert(client, awardDecisions, rows.awards));
  const n = await timed(client, log, 'contracts', () => bulkInsert(client, contracts, rows.contracts, 2000));
  await timed(client, log, 'contract_parties', () => bulkInsert(client, contractParties, rows.parties));
  await timed(client, log, 'milestones', () => bulkInsert(client, milestones, rows.milestones));
  await timed(client, log, 'payments (trigger adds to paid_yuan)', () => bulkInsert(client, payments, rows.payments));
  await timed(client, log, 'milestone_evidence', () => bulkInsert(client, milestoneEvidence, rows.evidence));
  await timed(client, log, 'credit_records', () => bulkInsert(client, creditRecords, rows.credit));
  return n;
}

function planContract(
  rnd: Rng,
  rows: Rows,
  o: { award: string; finalAt: Date; bid: BidInfo; official: string; bureau: string; today: string; officialByName: Map<string, string>; serial: () => number },
): void {
  const { bid, today } = o;
  const c = bid.challenge;
  const content = contentOf(bid);
  const amount = bid.quotedPriceYuan;
  const split = proposedSplit(amount, { bountyYuan: c.bountyWan * 10_000, subsidyYuan: c.subsidyWan * 10_000 }, bid.team.institutionKind === 'company' ? 'enterprise' : 'academic', defaultFundingRule);
  const id = randomUUID();
  const lead = bid.team.members[0]!.userId;
  const publisherUser = c.publisher.member.userId;
  const signOn = addDays(chinaDate(o.finalAt), rnd.int(7, 42));
  const neverSigned = rnd.chance(0.03) && addDays(signOn, 20) < today;
  const signed = !neverSigned && signOn < today;
  const signedAt = signed ? at(signOn, 15, rnd.int(0, 90)) : null;
  const firstTrancheYuan = Math.round((amount * rnd.weighted(H.firstTrancheShare)) / 1000) * 1000;
  const amounts = tranches(amount, firstTrancheYuan, content.milestones.map((m) => m.sharePercent));
  const ms = content.milestones.map((m, i) => ({ id: randomUUID(), position: i + 1, m, dueOn: signed ? addMonths(signOn, m.dueMonth) : null, tranche: amounts[i]!, confirmedOn: null as string | null, overdueSince: null as string | null }));

  let status: 'drafted' | 'signed' | 'completed' | 'terminated' = neverSigned ? 'terminated' : signed ? 'signed' : 'drafted';
  let terminatedAt: Date | null = neverSigned ? at(addDays(signOn, rnd.int(0, 20)), 10) : null;
  let termination: { reason: string; outcome: 'excused' | 'penalised' } | null = neverSigned ? { reason: rnd.pick(H.terminationTexts.unsigned), outcome: 'excused' } : null;
  let completedAt: Date | null = null;
  let grade: 'excellent' | 'good' | 'pass' | 'fail' | null = null;

  if (signed) {
    // Delivered in order up to today; a few stop at an overdue milestone, some of those are terminated.
    const stall = rnd.chance(0.06);
    let prev = addDays(signOn, 14);
    for (const m of ms) {
      if (m.dueOn! >= today) break;
      if (stall) {
        m.overdueSince = m.dueOn;
        if (addDays(m.dueOn!, 35) < today && rnd.chance(0.4)) {
          const endOn = addDays(m.dueOn!, rnd.int(35, 60));
          if (endOn < today) {
            status = 'terminated';
            terminatedAt = at(endOn, 10, rnd.int(0, 120));
            termination = rnd.chance(0.3) ? { reason: H.terminationTexts.penalised, outcome: 'penalised' } : { reason: rnd.pick(H.terminationTexts.excused), outcome: 'excused' };
          }
        }
        break;
      }
      let on = addDays(m.dueOn!, rnd.int(-20, 12));
      if (on <= prev) on = addDays(prev, rnd.int(3, 10));
      if (on >= today) on = addDays(today, -1);
      if (on <= prev) break;
      m.confirmedOn = on;
      prev = on;
    }
    if (status === 'signed' && ms.every((m) => m.confirmedOn)) {
      const doneOn = addDays(prev, rnd.int(10, 35));
      if (doneOn < today) {
        status = 'completed';
        completedAt = at(doneOn, 10, rnd.int(0, 300));
        grade = rnd.weighted(H.grades);
      }
    }
  }

  const registeredOn = signed ? addDays(signOn, rnd.int(5, 40)) : null;
  const registered = registeredOn !== null && registeredOn < today && !rnd.chance(H.unregisteredShare);
  const broker = signed && rnd.chance(H.brokeredShare) ? rnd.weighted(H.brokers.map((b) => [b, b.weight] as const)) : null;
  const confirmed = ms.filter((m) => m.confirmedOn);
  const last = [o.finalAt, signedAt, completedAt, terminatedAt, ...confirmed.map((m) => at(m.confirmedOn!, 15))].filter((d): d is Date => d !== null);
  rows.contracts.push({
    id,
    awardId: o.award,
    bidId: bid.id,
    challengeId: c.id,
    publisherId: c.publisher.id,
    teamId: bid.team.id,
    status,
    title: c.title,
    amountYuan: split.amountYuan,
    enterpriseFundsYuan: split.enterpriseFundsYuan,
    subsidyYuan: split.subsidyYuan,
    firstTrancheYuan,
    paidYuan: 0,
    criteria: acceptanceCriteria(c.indicators, content),
    signedAt,
    registrationNo: registered ? `${registeredOn!.slice(0, 4)}${H.divisionCodes[c.publisher.district] ?? '321000'}${String(o.serial()).padStart(6, '0')}` : null,
    registeredOn: registered ? registeredOn : null,
    registeredBy: registered ? o.official : null,
    brokerName: broker?.name ?? null,
    brokerUserId: broker?.official ? (o.officialByName.get(broker.official) ?? null) : null,
    brokerIntroducedOn: broker ? addDays(chinaDate(c.publishedAt!), rnd.int(3, 20)) : null,
    grade,
    acceptanceReport: grade ? acceptanceReport(grade, c.indicators.length) : null,
    completedAt,
    terminatedAt,
    terminationReason: termination?.reason ?? null,
    terminationOutcome: termination?.outcome ?? null,
    createdAt: o.finalAt,
    updatedAt: new Date(Math.max(...last.map((d) => d.getTime()))),
  });

  const teamSignedAt = signedAt ? new Date(signedAt.getTime() - rnd.int(2, 6) * day) : neverSigned ? new Date(o.finalAt.getTime() + rnd.int(5, 15) * day) : null;
  const party = (organisationId: string, role: 'publisher' | 'lead' | 'bureau', by: string, when: Date | null) => rows.parties.push({ contractId: id, organisationId, role, signedBy: when ? by : null, signedAt: when });
  party(c.publisher.id, 'publisher', publisherUser, signedAt);
  party(bid.team.id, 'lead', lead, teamSignedAt);
  if (split.subsidyYuan > 0) party(o.bureau, 'bureau', o.official, signedAt && new Date(signedAt.getTime() - day));

  for (const m of ms) {
    rows.milestones.push({
      id: m.id,
      contractId: id,
      position: m.position,
      title: m.m.title,
      deliverable: m.m.deliverable,
      dueMonth: m.m.dueMonth,
      dueOn: m.dueOn,
      trancheYuan: m.tranche,
      status: m.confirmedOn ? 'confirmed' : 'pending',
      overdueSince: m.overdueSince,
      updatedAt: m.confirmedOn ? at(m.confirmedOn, 15) : (signedAt ?? o.finalAt),
    });
  }
  for (const [i, m] of confirmed.entries()) {
    const submittedAt = new Date(Math.max(signedAt!.getTime() + day, at(addDays(m.confirmedOn!, -rnd.int(4, 13)), 16).getTime()));
    rows.evidence.push({ milestoneId: m.id, text: evidenceText({ stage: m.m.title, deliverable: m.m.deliverable, indicator: c.indicators[i % c.indicators.length]!.name, variant: c.variant + i }), attachments: [], submittedBy: lead, submittedAt });
  }
  if (signed && firstTrancheYuan > 0) rows.payments.push({ contractId: id, milestoneId: null, amountYuan: firstTrancheYuan, paidOn: signOn, confirmedBy: null, createdAt: signedAt! });
  for (const m of confirmed) if (m.tranche > 0) rows.payments.push({ contractId: id, milestoneId: m.id, amountYuan: m.tranche, paidOn: m.confirmedOn!, confirmedBy: o.official, createdAt: at(m.confirmedOn!, 15) });
  if (termination?.outcome === 'penalised') {
    rows.credit.push({ organisationId: bid.team.id, reason: termination.reason, barredUntil: new Date(terminatedAt!.getTime() + 3 * 365 * day), createdBy: o.official, createdAt: terminatedAt! });
  }
}
