import { randomUUID } from 'node:crypto';
import { addDays, daysBetween } from '../../../shared/calendar';
import { addWorkingDays } from '../../../shared/working-days';
import * as H from '../data/history';
import { proposal } from '../data/history-texts';
import { at } from './calendar';
import { planContract } from './contracts';
import type { Inputs, TeamInfo } from './inputs';
import type { AwardPlan, BidPlan, HistoryPlan, Need } from './plan-types';
import type { Rng } from './random';
import { relevance } from './relevance';

/**
 * Bids, awards and contracts, challenge by challenge in deadline order, so a team's credit bar
 * and its running contracts (against its capacity) are known when it bids and wins.
 */
export function playNeeds(inp: Inputs, rnd: Rng, needs: Need[]): Omit<HistoryPlan, 'batches' | 'needs'> {
  const out: Omit<HistoryPlan, 'batches' | 'needs'> = { bids: [], awards: [], contracts: [], credit: [] };
  const bars = [...inp.liveBars];
  const running: { teamId: string; from: number; to: number }[] = [];
  const busy = (t: TeamInfo, when: Date) => running.filter((r) => r.teamId === t.id && r.from <= when.getTime() && when.getTime() < r.to).length;
  let penalised = false;
  const listed = needs.filter((n) => n.batch).sort((a, b) => a.deadlineOn!.localeCompare(b.deadlineOn!) || a.index - b.index);

  for (const n of listed) {
    const deadline = at(n.deadlineOn!, 17);
    if (n.fate === 'unfilled') continue;
    const winnersWanted = n.fate === 'deal' ? n.signOn.length : n.fate === 'unsigned' ? 1 : 0;
    const scored = inp.teams
      .filter((t) => !bars.some((b) => b.teamId === t.id && b.from.getTime() <= deadline.getTime()))
      .map((t) => ({ t, score: relevance(t, n.topic) }))
      .sort((a, b) => b.score - a.score || a.t.order - b.t.order);
    let fitting = scored.filter((x) => x.score >= 2);
    // Too few teams in the field (one barred meanwhile): those sharing words with the need bid too.
    if (fitting.length < winnersWanted) fitting = scored.filter((x) => x.score >= 1);
    let count = n.noAward === 'ineligible' ? rnd.int(1, 2) : rnd.weighted(H.bidsPerChallenge);
    if (winnersWanted > 1) count = Math.max(count, 3);
    count = Math.min(count, fitting.length);
    if (count < Math.max(1, winnersWanted)) {
      if (winnersWanted) throw new Error(`seed history: too few teams fit “${n.title}”`);
      n.fate = 'unfilled';
      continue;
    }
    // The deal to be terminated with a credit penalty goes, where one fits the need well, to a team nothing else depends on.
    const unshielded = (x: (typeof fitting)[number]) => !x.t.protectedFromPenalty && x.score >= 3;
    const preferUnprotected = n.terminate && !penalised && fitting.some(unshielded);
    // Drawn by fit (score squared), then listed most relevant first.
    const pool = [...fitting];
    const chosen: typeof fitting = [];
    while (chosen.length < count) {
      let r = rnd.next() * pool.reduce((s, x) => s + x.score * x.score, 0);
      const k = Math.max(0, pool.findIndex((x) => (r -= x.score * x.score) < 0));
      chosen.push(...pool.splice(k, 1));
    }
    if (preferUnprotected && !chosen.some(unshielded)) chosen[chosen.length - 1] = pool.find(unshielded)!;
    chosen.sort((a, b) => b.score - a.score || a.t.order - b.t.order);

    let blocked = (t: TeamInfo) => n.academicOnly && t.kind === 'company';
    let open = chosen.filter((x) => !blocked(x.t));
    if (open.length < winnersWanted) {
      // The enterprise did not restrict who may lead after all: the teams that fit are companies.
      n.academicOnly = false;
      blocked = () => false;
      open = chosen;
    }
    if (preferUnprotected) open = [...open.filter(unshielded), ...open.filter((x) => !unshielded(x))];
    const finalTarget = n.finalOn ? at(n.finalOn, 10) : deadline;
    // Not one barred by the time of the award, and, where there is a choice, one with spare capacity.
    const clear = open.filter((x) => !bars.some((b) => b.teamId === x.t.id && b.from.getTime() <= finalTarget.getTime()));
    if (clear.length >= winnersWanted) open = clear;
    const free = open.filter((x) => busy(x.t, finalTarget) < x.t.capacity);
    const candidates = free.length >= winnersWanted ? free : open;
    const skip = !preferUnprotected && candidates.length > winnersWanted && rnd.chance(0.25) ? 1 : 0;
    const winners = new Set(candidates.slice(skip, skip + winnersWanted).map((x) => x.t.id));

    const checkedOn = addDays(n.deadlineOn!, rnd.int(1, 3));
    const biddingDays = daysBetween(n.batch!.publishedOn, n.deadlineOn!);
    const official = rnd.pick(inp.officials);
    const needBids = chosen.map((x, i): BidPlan => {
      const content = proposal({
        title: n.title,
        indicators: n.indicators,
        team: x.t,
        quotedPriceYuan: Math.round((n.bountyWan * 10_000 * (0.8 + 0.2 * rnd.next())) / 1000) * 1000,
        deliveryMonths: n.deliveryMonths,
        plan: rnd.pick(H.milestonePlans),
        variant: n.variant + i,
      });
      let reason: string | null = null;
      if (blocked(x.t)) reason = H.ineligibilityReasons.kind;
      else if (n.noAward === 'ineligible' || (!winners.has(x.t.id) && rnd.chance(0.06))) reason = rnd.pick(H.ineligibilityReasons.other);
      return {
        id: randomUUID(),
        need: n,
        team: x.t,
        content,
        submittedAt: at(addDays(n.deadlineOn!, -rnd.int(1, Math.min(20, biddingDays - 3))), rnd.int(9, 21), rnd.int(0, 59)),
        checkedAt: at(checkedOn, 10, 17 * i + rnd.int(0, 10)),
        reason,
      };
    });
    out.bids.push(...needBids);
    const publisher = n.enterprise.userId;

    if (n.fate === 'noAward') {
      const best = needBids.find((b) => !b.reason);
      const proposedOn = addDays(n.deadlineOn!, rnd.int(14, 30));
      if (n.noAward === 'declined' && best && proposedOn < addDays(inp.today, -5)) {
        out.awards.push({ id: randomUUID(), need: n, status: 'declined', winners: [best], proposedAt: at(proposedOn, rnd.int(9, 16), rnd.int(0, 59)), confirmedAt: null, finalAt: null, closedReason: rnd.pick(H.declineReasons), confirmedBy: null });
      }
      continue;
    }

    // 确定揭榜方 → 公示 → final, then a contract per winner.
    const confirmOn = addDays(n.finalOn!, -9);
    const confirmedAt = at(confirmOn, 10, rnd.int(0, 300));
    const award: AwardPlan = {
      id: randomUUID(),
      need: n,
      status: 'final',
      winners: needBids.filter((b) => winners.has(b.team.id)),
      proposedAt: at(addDays(confirmOn, -rnd.int(1, 5)), rnd.int(9, 16), rnd.int(0, 59)),
      confirmedAt,
      finalAt: addWorkingDays(confirmedAt, inp.noticeWorkingDays),
      closedReason: null,
      confirmedBy: official.id,
    };
    out.awards.push(award);
    for (const [j, bid] of award.winners.entries()) {
      const penalise = n.terminate && !penalised && !bid.team.protectedFromPenalty;
      const c = planContract(inp, rnd, { need: n, award, bid, signOn: n.signOn[j] ?? null, penalise, official: official.id, publisher });
      out.contracts.push(c);
      running.push({ teamId: bid.team.id, from: (c.signedAt ?? award.finalAt!).getTime(), to: (c.completedAt ?? c.terminatedAt)?.getTime() ?? Infinity });
      if (c.termination?.outcome === 'penalised') {
        penalised = true;
        const until = new Date(c.terminatedAt!);
        until.setUTCFullYear(until.getUTCFullYear() + inp.creditBarYears);
        bars.push({ teamId: bid.team.id, from: c.terminatedAt! });
        out.credit.push({ organisationId: bid.team.id, reason: `合同终止：${c.title}。${c.termination.reason}`, barredUntil: until, createdBy: official.id, createdAt: c.terminatedAt! });
      }
    }
  }
  return out;
}
