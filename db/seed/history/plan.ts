import { addDays, addMonths, chinaDate, daysBetween } from '../../../shared/calendar';
import * as H from '../data/history';
import { playNeeds } from './bids-and-awards';
import { at, durations, numberBatches, planBatches, signingDates, workdayFrom } from './calendar';
import { settle } from './contracts';
import type { Inputs } from './inputs';
import type { BatchPlan, Fate, HistoryPlan, Slot } from './plan-types';
import { seededRng, type Rng } from './random';
import { assignTopics } from './topics';

export function planHistory(inp: Inputs): HistoryPlan {
  const rnd = seededRng(0x6a62_2026);
  const batchList = planBatches(inp);
  const slots = planSlots(inp, rnd, batchList);
  const needs = assignTopics(inp, rnd, slots);
  const played = playNeeds(inp, rnd, needs);
  settle(inp, rnd, played.contracts);
  return { batches: numberBatches(inp, batchList), needs, ...played };
}

function planSlots(inp: Inputs, rnd: Rng, batchList: BatchPlan[]): Slot[] {
  const slots: Slot[] = [];
  const slot = (s: Partial<Slot> & Pick<Slot, 'fate' | 'submittedAt'>): Slot => {
    const full: Slot = { index: slots.length, noAward: 'none', batch: null, deadlineOn: null, finalOn: null, signOn: [], decidedAt: null, failedAt: null, terminate: false, ...s };
    slots.push(full);
    return full;
  };
  const submittedBefore = (b: BatchPlan) => at(addDays(b.publishedOn, -rnd.int(14, 42)), rnd.int(9, 17), rnd.int(0, 59));

  // Deals, by signing date; two pairs of close signings are horse races (one challenge, two teams).
  const signs = signingDates(inp, rnd);
  const pairs = new Set<number>();
  for (let h = 1; h <= H.funnel.horseRaces; h++) {
    let i = Math.floor((signs.length * h) / (H.funnel.horseRaces + 1));
    while (i + 1 < signs.length && (pairs.has(i - 1) || pairs.has(i) || pairs.has(i + 1) || daysBetween(signs[i]!, signs[i + 1]!) > 14)) i++;
    if (i + 1 < signs.length) pairs.add(i);
  }
  const sevenMonthsAgo = addMonths(inp.today, -7);
  let dealIndex = 0;
  for (let i = 0; i < signs.length; i++) {
    const signOn = pairs.has(i) ? [signs[i]!, signs[i + 1]!] : [signs[i]!];
    if (pairs.has(i)) i++;
    const signWithin = signOn.length > 1 ? 28 : 42;
    const span = (b: BatchPlan) => daysBetween(b.publishedOn, signOn[0]!);
    let fits = batchList.filter((b) => span(b) >= 58 && span(b) <= 112 + signWithin - 2);
    if (!fits.length) fits = batchList.filter((b) => span(b) >= 56 && span(b) <= 112 + signWithin + 21);
    if (!fits.length) throw new Error(`seed history: no batch can lead to a deal signed on ${signOn[0]}`);
    const b = fits.reduce((best, x) => (x.deals < best.deals || (x.deals === best.deals && x.publishedOn > best.publishedOn) ? x : best));
    b.deals++;
    b.total++;
    const [bidding, award] = durations(rnd, span(b), signWithin);
    const deadlineOn = addDays(b.publishedOn, bidding);
    // About one deal in twenty was terminated after signing (none in a horse race, none too young to have a milestone due).
    const terminate = signOn.length === 1 && dealIndex % 19 === 7 && signOn[0]! <= sevenMonthsAgo;
    dealIndex += signOn.length;
    slot({ fate: 'deal', batch: b, submittedAt: submittedBefore(b), deadlineOn, finalOn: addDays(deadlineOn, award), signOn, terminate });
  }

  // The rest of the funnel, sized from the deals by the rates in data/history.ts.
  const awarded = slots.length + H.funnel.unsignedAwards;
  const bidOn = Math.round(awarded / H.funnel.awardedOfBidOn);
  const published = Math.round(bidOn / H.funnel.bidOnOfPublished);
  const submitted = Math.round(published / H.funnel.publishedOfSubmitted);
  const rejected = Math.round(submitted * H.funnel.rejectedOfSubmitted);
  const withdrawn = Math.max(0, submitted - published - rejected);
  const fates: Fate[] = rnd.shuffle([...Array<Fate>(H.funnel.unsignedAwards).fill('unsigned'), ...Array<Fate>(bidOn - awarded).fill('noAward'), ...Array<Fate>(published - bidOn).fill('unfilled')]);
  for (const fate of fates) {
    // Old enough for what followed the deadline to have happened.
    const newest = addDays(inp.today, fate === 'unsigned' ? -200 : fate === 'noAward' ? -110 : -70);
    const open = batchList.filter((b) => b.publishedOn <= newest);
    const b = (open.length ? open : batchList).reduce((best, x) => (x.total < best.total ? x : best));
    b.total++;
    const deadlineOn = addDays(b.publishedOn, Math.min(rnd.int(28, 56), daysBetween(b.publishedOn, inp.today) - 3));
    const noAward = fate === 'noAward' ? rnd.weighted<Slot['noAward']>([['ineligible', 15], ['declined', 35], ['none', 50]]) : 'none';
    slot({
      fate,
      noAward,
      batch: b,
      submittedAt: submittedBefore(b),
      deadlineOn,
      finalOn: fate === 'unsigned' ? addDays(deadlineOn, rnd.int(21, 56)) : null,
      failedAt: fate === 'unfilled' ? at(deadlineOn, 17) : fate === 'noAward' ? at(addDays(deadlineOn, 45), 10) : null,
    });
  }

  // Needs that never reached a list: rejected at vetting, or withdrawn after rework comments.
  for (let k = 0; k < rejected + withdrawn; k++) {
    const on = workdayFrom(addDays(inp.today, -rnd.int(40, 800)));
    const submittedAt = at(on, rnd.int(9, 17), rnd.int(0, 59));
    if (k < rejected) {
      const decidedAt = at(workdayFrom(addDays(on, rnd.int(7, 25))), rnd.int(9, 17), rnd.int(0, 59));
      slot({ fate: 'rejected', submittedAt, decidedAt, failedAt: decidedAt });
    } else {
      const reworkAt = at(workdayFrom(addDays(on, rnd.int(7, 15))), rnd.int(9, 17), rnd.int(0, 59));
      const decidedAt = at(workdayFrom(addDays(chinaDate(reworkAt), rnd.int(10, 30))), rnd.int(9, 17), rnd.int(0, 59));
      slot({ fate: 'withdrawn', submittedAt, decidedAt, failedAt: decidedAt });
    }
  }
  return slots;
}
