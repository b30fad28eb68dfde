import { randomUUID } from 'node:crypto';
import { addDays, addMonths, chinaInstant, daysBetween } from '../../../shared/calendar';
import * as H from '../data/history';
import type { Inputs } from './inputs';
import type { BatchPlan } from './plan-types';
import type { Rng } from './random';

// The timeline's calendar: working days and instants on China dates, signing dates by month,
// batch dates, and the days between the stages.

export const day = 86_400_000;
export const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
export const isWorkday = (d: string) => weekday(d) !== 0 && weekday(d) !== 6;
export const workdayFrom = (d: string): string => (isWorkday(d) ? d : workdayFrom(addDays(d, 1)));
/** An instant on a China date at hour:minute. */
export const at = (d: string, hour: number, minute = 0) => new Date(chinaInstant(d, hour).getTime() + minute * 60_000);
export const latest = (...ds: Date[]) => new Date(Math.max(...ds.map((d) => d.getTime())));

/**
 * Signing dates: each calendar month's share of the deals a year, less the live stories' deals
 * that month, on working days. Rounding the running total keeps each year's count exact.
 */
export function signingDates(inp: Inputs, rnd: Rng): string[] {
  const start = addMonths(inp.today, -24);
  const end = addDays(inp.today, -3);
  const live = inp.liveSignedOn.filter((d) => d >= start);
  const out: string[] = [];
  let target = 0;
  let drawn = 0;
  for (let month = `${start.slice(0, 7)}-01`; month <= end; month = addMonths(month, 1)) {
    const monthEnd = addDays(addMonths(month, 1), -1);
    const from = month < start ? start : month;
    const to = monthEnd > end ? end : monthEnd;
    target += (H.dealsPerYear * H.monthlyDealShare[Number(month.slice(5, 7)) - 1]! * (daysBetween(from, to) + 1)) / (daysBetween(month, monthEnd) + 1);
    const n = Math.max(0, Math.round(target) - live.filter((d) => d <= to).length - drawn);
    drawn += n;
    const days: string[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkday(d)) days.push(d);
    for (let i = 0; i < n; i++) out.push(days.length ? days.splice(rnd.int(0, days.length - 1), 1)[0]! : to);
  }
  return out.sort();
}

/**
 * A list about every two months, on a Tuesday, back far enough to feed the oldest deals; none
 * over Spring Festival and none within three weeks of a live batch.
 */
export function planBatches(inp: Inputs): BatchPlan[] {
  const earliest = addDays(addMonths(inp.today, -24), -(22 * 7 + 14));
  const live = inp.liveBatches.map((b) => b.publishedOn);
  const dates = new Set<string>();
  for (let k = 0; ; k++) {
    let d = addDays(inp.today, -(H.batchCadence.newestDaysAgo + H.batchCadence.everyDays * k));
    if (d < earliest) break;
    d = addDays(d, -((weekday(d) - 2 + 7) % 7));
    const festival = `${d.slice(0, 4)}-02-24`;
    if (d.slice(5) >= '01-18' && d.slice(5) <= '02-22') d = addDays(festival, (2 - weekday(festival) + 7) % 7);
    while (live.some((l) => Math.abs(daysBetween(l, d)) < H.batchCadence.clearOfLiveBatchDays)) d = addDays(d, -7);
    dates.add(d);
  }
  return [...dates].sort().map((publishedOn) => ({ id: randomUUID(), publishedOn, year: 0, number: 0, deals: 0, total: 0 }));
}

/** The batches that got challenges, numbered by year in date order, passing over the (year, number) pairs the live batches hold. */
export function numberBatches(inp: Inputs, list: BatchPlan[]): BatchPlan[] {
  const taken = new Set(inp.liveBatches.map((b) => `${b.year}.${b.number}`));
  const next = new Map<number, number>();
  return list
    .filter((b) => b.total > 0)
    .map((b) => {
      const year = Number(b.publishedOn.slice(0, 4));
      let number = (next.get(year) ?? 0) + 1;
      while (taken.has(`${year}.${number}`)) number++;
      next.set(year, number);
      return Object.assign(b, { year, number });
    });
}

/** Bidding, award and signing days that add up to `total`, each in its usual range where it can be. */
export function durations(rnd: Rng, total: number, signWithin: number): [bidding: number, award: number] {
  const bidding = rnd.int(Math.max(28, Math.min(56, total - 56 - signWithin)), Math.max(28, Math.min(56, total - 28)));
  const rest = total - bidding;
  return [bidding, rnd.int(Math.max(21, rest - signWithin), Math.max(21, Math.min(56, rest - 7)))];
}
