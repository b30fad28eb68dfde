import { randomUUID } from 'node:crypto';
import { tranches } from '../../../server/modules/contracts/drafting';
import { addDays, addMonths, chinaDate, daysBetween } from '../../../shared/calendar';
import { proposedSplit } from '../../../shared/funding-rules';
import * as H from '../data/history';
import { at, latest } from './calendar';
import type { Inputs } from './inputs';
import type { AwardPlan, BidPlan, ContractPlan, MilestonePlan, Need } from './plan-types';
import type { Rng } from './random';

/**
 * One winner's contract: the quoted price split by the funding rule as drafting does, then
 * signed on its day and delivered milestone by milestone up to today, or terminated (after an
 * overdue milestone), or, with no signing day, terminated before anyone but the team signed.
 */
export function planContract(
  inp: Inputs,
  rnd: Rng,
  o: { need: Need; award: AwardPlan; bid: BidPlan; signOn: string | null; penalise: boolean; official: string; publisher: string },
): ContractPlan {
  const { need: n, award, bid } = o;
  const amount = bid.content.quotedPriceYuan!;
  const lead = bid.team.kind === 'company' ? 'enterprise' : 'academic';
  const split = proposedSplit(amount, { bountyYuan: n.bountyWan * 10_000, subsidyYuan: n.subsidyWan * 10_000 }, lead, inp.rule);
  const firstTrancheYuan = o.signOn ? Math.round((amount * rnd.weighted(H.firstTrancheShare)) / 1000) * 1000 : 0;
  const amounts = tranches(amount, firstTrancheYuan, bid.content.milestones.map((m) => m.sharePercent));
  const ms: MilestonePlan[] = bid.content.milestones.map((m, i) => ({
    id: randomUUID(),
    position: i + 1,
    title: m.title,
    deliverable: m.deliverable,
    dueMonth: m.dueMonth,
    dueOn: o.signOn ? addMonths(o.signOn, m.dueMonth) : null,
    trancheYuan: amounts[i]!,
    confirmedOn: null,
    overdueSince: null,
    originalDueOn: null,
    extendedAt: null,
  }));
  const finalOn = chinaDate(award.finalAt!);
  const teamLead = bid.team.members[0]!.userId;
  const c: ContractPlan = {
    id: randomUUID(),
    need: n,
    award,
    bid,
    title: n.signOn.length > 1 ? `${n.title}（${bid.team.name}）` : n.title,
    split,
    firstTrancheYuan,
    milestones: ms,
    status: 'signed',
    signedOn: o.signOn,
    signedAt: null,
    parties: [
      { organisationId: n.enterprise.id, role: 'publisher', signedBy: null, signedAt: null },
      { organisationId: bid.team.id, role: 'lead', signedBy: null, signedAt: null },
      ...(split.subsidyYuan > 0 ? [{ organisationId: inp.bureauId, role: 'bureau' as const, signedBy: null, signedAt: null }] : []),
    ],
    completedAt: null,
    grade: null,
    terminatedAt: null,
    termination: null,
    registration: null,
    broker: null,
    official: o.official,
  };
  const [publisherParty, leadParty, bureauParty] = c.parties;

  if (!o.signOn) {
    // The team signed; the enterprise never did.
    const endOn = addDays(finalOn, rnd.int(20, 50));
    leadParty!.signedBy = teamLead;
    leadParty!.signedAt = at(addDays(finalOn, rnd.int(5, 15)), 15, rnd.int(0, 59));
    c.status = 'terminated';
    c.terminatedAt = at(endOn < inp.today ? endOn : addDays(inp.today, -2), 10, rnd.int(0, 120));
    c.termination = { reason: rnd.pick(H.terminationTexts.unsigned), outcome: 'excused' };
    return c;
  }

  const signOn = o.signOn;
  c.signedAt = at(signOn, 15, rnd.int(0, 90));
  let teamOn = addDays(signOn, -rnd.int(2, 6));
  if (teamOn <= finalOn) teamOn = addDays(finalOn, 1);
  leadParty!.signedBy = teamLead;
  leadParty!.signedAt = at(teamOn, rnd.int(9, 12), rnd.int(0, 59));
  if (bureauParty) {
    bureauParty.signedBy = o.official;
    bureauParty.signedAt = at(addDays(signOn, -1) > teamOn ? addDays(signOn, -1) : signOn, 11, rnd.int(0, 59));
  }
  publisherParty!.signedBy = o.publisher;
  publisherParty!.signedAt = c.signedAt;

  const lastChance = addDays(inp.today, -7);
  if (n.terminate) {
    const outcome = o.penalise ? 'penalised' : 'excused';
    const k = outcome === 'excused' && ms.length > 1 && addDays(ms[1]!.dueOn!, 35) <= lastChance && rnd.chance(0.5) ? 1 : 0;
    const overdue = ms[k]!.dueOn!;
    if (addDays(overdue, 35) <= lastChance) {
      const endOn = addDays(overdue, rnd.int(35, Math.min(outcome === 'penalised' ? 60 : 75, daysBetween(overdue, lastChance))));
      for (const m of ms.slice(0, k)) m.confirmedOn = addDays(m.dueOn!, rnd.int(-15, 5));
      for (const m of ms.slice(k)) if (m.dueOn! < endOn) m.overdueSince = m.dueOn;
      c.status = 'terminated';
      c.terminatedAt = at(endOn, 10, rnd.int(0, 120));
      c.termination = { reason: outcome === 'penalised' ? H.terminationTexts.penalised : rnd.pick(H.terminationTexts.excused), outcome };
      return c;
    }
  }

  // Delivered in order: a milestone due before today was confirmed around its due date (early,
  // on time or a little late), one due within a month sometimes early; the rest are pending.
  let prev = addDays(signOn, 14);
  let stopped = false;
  for (const [i, m] of ms.entries()) {
    let on: string | null = null;
    if (!stopped) {
      const dueOn = m.dueOn!;
      if (dueOn < inp.today) on = addDays(dueOn, i === ms.length - 1 && rnd.chance(0.3) ? -rnd.int(10, 45) : rnd.int(-20, 12));
      else if (daysBetween(inp.today, dueOn) <= 30 && rnd.chance(0.2)) on = addDays(dueOn, -rnd.int(5, 30));
      if (on !== null && on <= prev) on = addDays(prev, rnd.int(3, 10));
      if (on !== null && on >= inp.today) on = dueOn < inp.today ? addDays(inp.today, -1) : null;
      if (on !== null && on <= prev) on = null;
    }
    if (on) {
      m.confirmedOn = on;
      prev = on;
    } else {
      stopped = true;
      if (m.dueOn! < inp.today) m.overdueSince = m.dueOn;
    }
  }
  if (!stopped) {
    const doneOn = addDays(prev, rnd.int(10, 35));
    if (doneOn < inp.today) {
      c.status = 'completed';
      c.completedAt = at(doneOn, 10, rnd.int(0, 300));
      c.grade = rnd.weighted(H.grades);
    }
  }
  return c;
}

/**
 * After the play: a few running contracts fall behind (their latest confirmed milestone was in
 * fact never delivered), one gets an extension, then registration and brokers.
 */
export function settle(inp: Inputs, rnd: Rng, list: ContractPlan[]): void {
  const running = list.filter((c) => c.status === 'signed');
  const natural = running.flatMap((c) => c.milestones).filter((m) => m.overdueSince).length;
  let wanted = rnd.int(H.overdueMilestones.min + 1, H.overdueMilestones.max - 1) - natural;
  const oldestDue = addDays(inp.today, -150);
  const newestDue = addDays(inp.today, -7);
  for (const c of rnd.shuffle(running.filter((x) => !x.milestones.some((m) => m.overdueSince)))) {
    if (wanted <= 0) break;
    const last = c.milestones.filter((m) => m.confirmedOn).at(-1);
    if (!last || last.dueOn! < oldestDue || last.dueOn! > newestDue) continue;
    last.confirmedOn = null;
    last.overdueSince = last.dueOn;
    wanted--;
  }

  const extendable = running.filter((c) => !c.milestones.some((m) => m.overdueSince));
  for (const c of extendable) {
    const m = c.milestones.find((x) => !x.confirmedOn && x.dueOn! > inp.today && daysBetween(inp.today, x.dueOn!) <= 30);
    if (!m) continue;
    m.originalDueOn = m.dueOn;
    m.dueOn = addMonths(m.dueOn!, 3);
    m.extendedAt = latest(c.signedAt!, at(addDays(inp.today, -rnd.int(3, 14)), 15, rnd.int(0, 59)));
    break;
  }

  const numbers = new Set(inp.liveRegistrationNos);
  const officialsByName = new Map(inp.officials.map((o) => [o.name, o.id]));
  for (const c of list.filter((x) => x.signedOn).sort((a, b) => a.signedOn!.localeCompare(b.signedOn!) || a.need.index - b.need.index)) {
    const on = addDays(c.signedOn!, rnd.int(5, 40));
    if (on < inp.today && !rnd.chance(H.unregisteredShare)) {
      const code = H.divisionCodes[c.need.enterprise.district] ?? '321000';
      let serial = (daysBetween(`${on.slice(0, 4)}-01-01`, on) + 1) * 10 + rnd.int(0, 9);
      const no = () => `${on.slice(0, 4)}${code}${String(serial).padStart(6, '0')}`;
      while (numbers.has(no())) serial++;
      numbers.add(no());
      c.registration = { no: no(), on, by: rnd.pick(inp.officials).id };
    }
    if (rnd.chance(H.brokeredShare)) {
      const broker = rnd.weighted(H.brokers.map((b) => [b, b.weight] as const));
      const publishedOn = c.need.batch!.publishedOn;
      c.broker = { name: broker.name, userId: broker.official ? (officialsByName.get(broker.official) ?? null) : null, introducedOn: addDays(publishedOn, rnd.int(3, Math.max(3, daysBetween(publishedOn, c.need.deadlineOn!) - 3))) };
    }
  }
}
