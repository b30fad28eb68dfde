import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import { milestoneReminderJob, outcomePromptJob, type JobRequest } from '../../jobs/contracts';
import { loadConfig } from '../../server/config';
import type { Tx } from '../../server/infra/database';
import { bidDigest } from '../../server/modules/bids/service';
import { batchTitle } from '../../server/modules/challenges/batches';
import type { ChallengeRow } from '../../server/modules/challenges/repository';
import { searchTokens } from '../../server/modules/challenges/service';
import { acceptanceCriteria, tranches } from '../../server/modules/contracts/drafting';
import { milestoneSchedule, reminderRunAt } from '../../server/modules/contracts/schedule';
import { bigrams } from '../../server/modules/search/segment';
import { addDays, addMonths, chinaDate, chinaInstant, daysBetween } from '../../shared/calendar';
import type { BidContent } from '../../shared/contracts/bids';
import type { Indicator, IpTerms } from '../../shared/contracts/challenges';
import { proposedSplit, type FundingRule, type FundingSplit } from '../../shared/funding-rules';
import type { InstitutionKind } from '../../shared/roles';
import type { IndustryCode } from '../../shared/taxonomy/industries';
import { industryOfChain } from '../../shared/taxonomy/industry-chains';
import { addWorkingDays } from '../../shared/working-days';
import {
  awardDecisions,
  batches,
  bids,
  bidVersions,
  challenges,
  contractParties,
  contracts,
  creditRecords,
  milestoneEvidence,
  milestones,
  organisations,
  outbox,
  payments,
  users,
} from '../schema';
import type { SeedRefs } from './challenges';
import { demoLogins } from './data/accounts';
import { bureauPeople } from './data/bureau';
import { enterprises } from './data/enterprises';
import * as H from './data/history';
import { historyTopics, type HistoryTopic } from './data/history-topics';
import { acceptanceReport, evidenceText, needTexts, proposal, topicIndicators } from './data/history-texts';
import { teamProfiles } from './data/team-profiles';
import { teams } from './data/teams';

/**
 * The bureau's last two years (issue 7 item 7), so the dashboard, the forecast and the
 * quarterly report have something to say on first start. This is history the bureau kept in
 * its spreadsheets before the platform and migrated into it: about 190 needs from the demo
 * enterprises in numbered batches, with their bids, final awards, signed contracts, milestones,
 * payments, acceptances and terminations. Being a migration, it is inserted directly in
 * batches rather than played through the services like the live stories (./reviews.ts,
 * ./contracts.ts), which keeps it fast, and it writes no audit_log rows: the audit log is the
 * platform's own hash-chained record of what was done in it, by whom and when, and entries for
 * actions nobody took here would be forged evidence. Reviews (criteria, scores) were kept on
 * paper and are not migrated either.
 *
 * Everything is dated relative to `now` (like the other steps) and drawn from a seeded random
 * source, so the same start gives the same history; ties go to seed-data order, never to ids.
 * The shape (./data/history.ts):
 *
 *   deals      signed contracts per calendar month follow a seasonal share of 46 a year, the
 *              live stories' deals included, so last year is a near miss of the target of 50
 *              and this year's forecast is a real question
 *   funnel     needs submitted → about 10 % rejected at vetting (a few withdrawn after rework)
 *              → published in a batch 2–6 weeks later → 4–8 weeks of bidding, about 15 % draw
 *              no bid (流榜) → 1–5 bids by relevant verified teams → a final award 3–8 weeks
 *              after the deadline for about six in ten (two horse races) → signed 1–6 weeks
 *              later; some awards were never signed, some challenges ended without a winner
 *   delivery   older contracts mostly completed and graded, a few terminated (one with a
 *              credit penalty still in force, on a team no demo log-in or live story uses),
 *              younger ones running with milestones paid, a few overdue and one extended
 *   registry   most contracts registered (技术合同登记); about 40 % brokered by named
 *              technology managers or the officials
 *
 * Unfilled and unawarded needs are often published again later (二次发榜). Running contracts
 * get their reminder and escalation jobs, so the platform keeps track of them from now on.
 * Runs after the contracts step (it counts the live deals) and before matching (which counts
 * track records).
 */
export async function seedHistoryStep(tx: Tx, refs: SeedRefs, now: Date): Promise<HistorySummary> {
  const inputs = await loadInputs(tx, refs, now);
  const plan = planHistory(inputs);
  await writeHistory(tx, inputs, plan);
  return summarise(plan);
}

export interface HistorySummary {
  needs: number;
  published: number;
  bidOn: number;
  awarded: number;
  deals: number;
  completed: number;
}

// ───────────────────────────── a seeded random source ─────────────────────────────

interface Rng {
  next(): number;
  /** An integer in [lo, hi]; lo when the range is empty. */
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(xs: readonly T[]): T;
  weighted<T>(w: H.Weighted<T>): T;
  shuffle<T>(xs: T[]): T[];
}

/** mulberry32: small, fast and good enough to draw a demo from. */
function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (lo: number, hi: number) => (hi <= lo ? lo : lo + Math.floor(next() * (hi - lo + 1)));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(xs: readonly T[]) => xs[int(0, xs.length - 1)]!,
    weighted: <T>(w: H.Weighted<T>) => {
      let r = next() * w.reduce((s, [, x]) => s + x, 0);
      for (const [v, x] of w) if ((r -= x) < 0) return v;
      return w.at(-1)![0];
    },
    shuffle: <T>(xs: T[]) => {
      for (let i = xs.length - 1; i > 0; i--) {
        const j = int(0, i);
        [xs[i], xs[j]] = [xs[j]!, xs[i]!];
      }
      return xs;
    },
  };
}

// ───────────────────────────── dates ─────────────────────────────

const day = 86_400_000;
const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
const isWorkday = (d: string) => weekday(d) !== 0 && weekday(d) !== 6;
const workdayFrom = (d: string): string => (isWorkday(d) ? d : workdayFrom(addDays(d, 1)));
/** An instant on a China date at hour:minute. */
const at = (d: string, hour: number, minute = 0) => new Date(chinaInstant(d, hour).getTime() + minute * 60_000);
const latest = (...ds: Date[]) => new Date(Math.max(...ds.map((d) => d.getTime())));

// ───────────────────────────── what the plan is drawn from ─────────────────────────────

interface TeamInfo {
  id: string;
  order: number;
  name: string;
  kind: InstitutionKind;
  /** Industry-chain codes (team-profiles.ts). */
  fields: readonly string[];
  researchFields: readonly string[];
  grams: Set<string>;
  capacity: number;
  members: { userId: string; name: string; title: string }[];
  /** A printed demo log-in's team, in a live contract, with open bids, or already barred: never penalised by history. */
  protectedFromPenalty: boolean;
}

interface EnterpriseInfo {
  id: string;
  order: number;
  name: string;
  district: string;
  description: string;
  userId: string;
  contact: { name: string; phone: string | null; email: string };
  topics: readonly HistoryTopic[];
}

interface Inputs {
  now: Date;
  today: string;
  enterprises: EnterpriseInfo[];
  teams: TeamInfo[];
  officials: { id: string; name: string }[];
  bureauId: string;
  liveSignedOn: string[];
  liveBars: { teamId: string; from: Date }[];
  liveBatches: { year: number; number: number; publishedOn: string }[];
  liveRegistrationNos: string[];
  rule: FundingRule;
  noticeWorkingDays: number;
  creditBarYears: number;
}

async function loadInputs(tx: Tx, refs: SeedRefs, now: Date): Promise<Inputs> {
  const config = loadConfig({});
  const orgs = await tx.select({ id: organisations.id, kind: organisations.kind, verification: organisations.verification }).from(organisations);
  const verified = new Set(orgs.filter((o) => o.verification === 'verified').map((o) => o.id));
  const bureau = orgs.find((o) => o.kind === 'bureau');
  if (!bureau) throw new Error('seed history: no bureau');

  const liveContracts = await tx.select({ teamId: contracts.teamId, signedAt: contracts.signedAt, registrationNo: contracts.registrationNo }).from(contracts);
  const openBidders = await tx
    .selectDistinct({ id: bids.teamId })
    .from(bids)
    .innerJoin(challenges, eq(challenges.id, bids.challengeId))
    .where(and(eq(challenges.status, 'published'), inArray(bids.status, ['draft', 'submitted'])));
  const credit = await tx.select().from(creditRecords);
  const printed = new Set(demoLogins.map((l) => l.email));
  const shielded = new Set([...liveContracts.map((c) => c.teamId), ...openBidders.map((b) => b.id), ...credit.map((c) => c.organisationId)]);

  const officialPeople = bureauPeople.filter((p) => p.role === 'official');
  const officialRows = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, officialPeople.map((p) => p.email)));
  const liveBatchRows = await tx.select().from(batches);

  const inputs: Inputs = {
    now,
    today: chinaDate(now),
    enterprises: enterprises.flatMap((e, order) => {
      const id = refs.organisationByKey.get(e.key);
      const topics = historyTopics[e.key];
      const manager = e.members[0];
      if (!id || !verified.has(id) || !topics || !manager) return [];
      return [{ id, order, name: e.name, district: e.district, description: e.description, userId: refs.firstMemberByOrganisation.get(id)!, contact: { name: manager.name, phone: manager.phone ?? null, email: manager.email }, topics }];
    }),
    teams: teams.flatMap((t, order) => {
      const id = refs.organisationByKey.get(t.key);
      const profile = teamProfiles[t.key];
      if (!id || !verified.has(id) || !profile) return [];
      return [
        {
          id,
          order,
          name: t.name,
          kind: t.institutionKind,
          fields: profile.fields,
          researchFields: t.researchFields,
          grams: new Set(bigrams(t.researchFields.join(' '))),
          capacity: profile.capacity,
          members: (refs.teamProfiles.get(id)?.members ?? []).map((m) => ({ userId: m.userId, name: m.name, title: m.title })),
          protectedFromPenalty: shielded.has(id) || t.members.some((m) => printed.has(m.email)),
        },
      ];
    }),
    officials: officialPeople.map((p) => ({ id: officialRows.find((r) => r.email === p.email)!.id, name: p.name })),
    bureauId: bureau.id,
    liveSignedOn: liveContracts.flatMap((c) => (c.signedAt ? [chinaDate(c.signedAt)] : [])),
    liveBars: credit.map((c) => ({ teamId: c.organisationId, from: c.createdAt })),
    liveBatches: liveBatchRows.map((b) => ({ year: b.year, number: b.number, publishedOn: chinaDate(b.publishedAt ?? b.createdAt) })),
    liveRegistrationNos: liveContracts.flatMap((c) => (c.registrationNo ? [c.registrationNo] : [])),
    rule: { maxSubsidyPercent: config.FUNDING_MAX_SUBSIDY_PERCENT, enterpriseLeadMultiple: config.FUNDING_ENTERPRISE_LEAD_MULTIPLE, academicLeadMultiple: config.FUNDING_ACADEMIC_LEAD_MULTIPLE },
    noticeWorkingDays: config.NOTICE_WORKING_DAYS,
    creditBarYears: config.CREDIT_BAR_YEARS,
  };
  shieldSoleFits(inputs);
  return inputs;
}

// ───────────────────────────── the plan ─────────────────────────────

type Fate = 'deal' | 'unsigned' | 'noAward' | 'unfilled' | 'rejected' | 'withdrawn';

interface BatchPlan {
  id: string;
  publishedOn: string;
  year: number;
  number: number;
  deals: number;
  total: number;
}

/** A need's place in the timeline, before it has a topic. */
interface Slot {
  index: number;
  fate: Fate;
  /** How a challenge with bids ended without a winner: every bid ineligible, a proposal declined, or no proposal. */
  noAward: 'ineligible' | 'declined' | 'none';
  batch: BatchPlan | null;
  submittedAt: Date;
  deadlineOn: string | null;
  /** When the award became final, roughly: the notice ends about nine days after the confirmation. */
  finalOn: string | null;
  /** A deal's signing date per winner (two in a horse race). */
  signOn: string[];
  /** Rejected or withdrawn (after rework comments): when. */
  decidedAt: Date | null;
  /** When the need visibly failed, after which it may be published again. */
  failedAt: Date | null;
  terminate: boolean;
}

interface Need extends Slot {
  challengeId: string;
  enterprise: EnterpriseInfo;
  topic: HistoryTopic;
  title: string;
  industry: IndustryCode;
  indicators: Indicator[];
  bountyWan: number;
  subsidyWan: number;
  deliveryMonths: number;
  ipTerms: IpTerms;
  visibility: 'public' | 'restricted';
  academicOnly: boolean;
  variant: number;
  /** A second listing of a failed need, or a follow-up phase: not published again itself. */
  repeat: boolean;
}

interface BidPlan {
  id: string;
  need: Need;
  team: TeamInfo;
  content: BidContent;
  submittedAt: Date;
  checkedAt: Date;
  reason: string | null;
}

interface AwardPlan {
  id: string;
  need: Need;
  status: 'final' | 'declined';
  winners: BidPlan[];
  proposedAt: Date;
  confirmedAt: Date | null;
  finalAt: Date | null;
  closedReason: string | null;
  confirmedBy: string | null;
}

interface MilestonePlan {
  id: string;
  position: number;
  title: string;
  deliverable: string;
  dueMonth: number;
  dueOn: string | null;
  trancheYuan: number;
  confirmedOn: string | null;
  overdueSince: string | null;
  originalDueOn: string | null;
  extendedAt: Date | null;
}

interface ContractPlan {
  id: string;
  need: Need;
  award: AwardPlan;
  bid: BidPlan;
  title: string;
  split: FundingSplit;
  firstTrancheYuan: number;
  milestones: MilestonePlan[];
  status: 'signed' | 'completed' | 'terminated';
  signedOn: string | null;
  signedAt: Date | null;
  parties: { organisationId: string; role: 'publisher' | 'lead' | 'bureau'; signedBy: string | null; signedAt: Date | null }[];
  completedAt: Date | null;
  grade: keyof typeof H.gradeText | null;
  terminatedAt: Date | null;
  termination: { reason: string; outcome: 'excused' | 'penalised' } | null;
  registration: { no: string; on: string; by: string } | null;
  broker: { name: string; userId: string | null; introducedOn: string } | null;
  official: string;
}

interface HistoryPlan {
  batches: BatchPlan[];
  needs: Need[];
  bids: BidPlan[];
  awards: AwardPlan[];
  contracts: ContractPlan[];
  credit: { organisationId: string; reason: string; barredUntil: Date; createdBy: string; createdAt: Date }[];
}

function planHistory(inp: Inputs): HistoryPlan {
  const rnd = seededRng(0x6a62_2026);
  const batchList = planBatches(inp);
  const slots = planSlots(inp, rnd, batchList);
  const needs = assignTopics(inp, rnd, slots);
  const played = playNeeds(inp, rnd, needs);
  settle(inp, rnd, played.contracts);
  return { batches: numberBatches(inp, batchList), needs, ...played };
}

/**
 * Signing dates: each calendar month's share of the deals a year, less the live stories' deals
 * that month, on working days. Rounding the running total keeps each year's count exact.
 */
function signingDates(inp: Inputs, rnd: Rng): string[] {
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
function planBatches(inp: Inputs): BatchPlan[] {
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
function numberBatches(inp: Inputs, list: BatchPlan[]): BatchPlan[] {
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
function durations(rnd: Rng, total: number, signWithin: number): [bidding: number, award: number] {
  const bidding = rnd.int(Math.max(28, Math.min(56, total - 56 - signWithin)), Math.max(28, Math.min(56, total - 28)));
  const rest = total - bidding;
  return [bidding, rnd.int(Math.max(21, rest - signWithin), Math.max(21, Math.min(56, rest - 7)))];
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

/**
 * A team that alone fits some topic (the live stories' barred teams aside) is never the one
 * history bars, or that topic's later needs would find no bidder.
 */
function shieldSoleFits(inp: Inputs): void {
  const usable = inp.teams.filter((t) => !inp.liveBars.some((b) => b.teamId === t.id));
  for (const topic of inp.enterprises.flatMap((e) => e.topics)) {
    const fitting = usable.filter((t) => fits(t, topic));
    if (fitting.length === 1) fitting[0]!.protectedFromPenalty = true;
  }
}

/**
 * Topics in submission order: each enterprise's own topics spread evenly over the two years,
 * and, as the count requires, failed needs listed again (二次发榜; a rejected or withdrawn need
 * resubmitted) or, when every topic is used, a second phase of an earlier deal.
 */
function assignTopics(inp: Inputs, rnd: Rng, slots: Slot[]): Need[] {
  const fresh = inp.enterprises
    .flatMap((e) => e.topics.map((topic, i) => ({ e, topic, key: (i + 0.25 + 0.5 * rnd.next()) / e.topics.length })))
    .sort((a, b) => a.key - b.key || a.e.order - b.e.order);
  const order = [...slots].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || a.index - b.index);
  const failures: Need[] = [];
  const followed: Need[] = [];
  const needs: Need[] = [];
  let used = 0;
  for (const [i, s] of order.entries()) {
    const left = order.length - i;
    const freshLeft = fresh.length - used;
    const due = failures.filter((f) => f.failedAt!.getTime() < s.submittedAt.getTime() - 7 * day).sort((a, b) => a.failedAt!.getTime() - b.failedAt!.getTime() || a.index - b.index);
    const reuse = left - freshLeft;
    // A horse race needs a topic at least three teams fit.
    const wide = (topic: HistoryTopic) => s.signOn.length < 2 || inp.teams.filter((t) => fits(t, topic)).length >= 3;
    if (s.signOn.length > 1) {
      const k = fresh.findIndex((f, j) => j >= used && wide(f.topic));
      if (k > used) fresh.splice(used, 0, ...fresh.splice(k, 1));
    }
    const againable = due.filter((f) => wide(f.topic));
    let origin: { e: EnterpriseInfo; topic: HistoryTopic; title: string; bountyWan: number | null; repeat: boolean };
    if (againable.length && reuse > 0 && (freshLeft === 0 || rnd.chance(Math.min(1, (1.5 * reuse) / left)))) {
      const f = againable[0]!;
      failures.splice(failures.indexOf(f), 1);
      const listed = f.fate === 'unfilled' || f.fate === 'noAward';
      origin = { e: f.enterprise, topic: f.topic, title: listed ? `${f.title}（二次发榜）` : f.title, bountyWan: f.fate === 'unfilled' ? Math.round((f.bountyWan * 1.25) / 10) * 10 : f.bountyWan, repeat: true };
    } else if (freshLeft > 0) {
      const f = fresh[used++]!;
      origin = { e: f.e, topic: f.topic, title: f.topic.title, bountyWan: null, repeat: false };
    } else {
      const p = followed.find((x) => x.signOn[0]! < chinaDate(s.submittedAt));
      if (!p) throw new Error('seed history: not enough topics for the needs');
      followed.splice(followed.indexOf(p), 1);
      origin = { e: p.enterprise, topic: p.topic, title: `${p.topic.title}（二期）`, bountyWan: null, repeat: true };
    }
    const industry = industryOfChain(origin.topic.chain);
    if (!industry) throw new Error(`seed history: unknown chain ${origin.topic.chain}`);
    const bountyWan = origin.bountyWan ?? rnd.weighted(H.bountyWan);
    const subsidyWan = Math.round(bountyWan * rnd.weighted(H.subsidyShare));
    const variant = rnd.int(0, 3);
    const need: Need = {
      ...s,
      challengeId: randomUUID(),
      enterprise: origin.e,
      topic: origin.topic,
      title: origin.title,
      industry,
      indicators: topicIndicators(origin.topic, variant),
      bountyWan,
      subsidyWan,
      deliveryMonths: rnd.weighted(H.deliveryMonths),
      ipTerms: rnd.weighted(H.ipTermsChoice),
      visibility: rnd.chance(0.2) ? 'restricted' : 'public',
      academicOnly: rnd.chance(0.3),
      variant,
      repeat: origin.repeat,
    };
    needs.push(need);
    if (['unfilled', 'noAward', 'rejected', 'withdrawn'].includes(s.fate) && !origin.repeat) failures.push(need);
    if (s.fate === 'deal' && !origin.repeat) followed.push(need);
  }
  return needs;
}

const topicGrams = new WeakMap<HistoryTopic, Set<string>>();
/** How well a team fits a need: its chain (3), its industry (2), and shared words with its research fields (up to 3). */
function relevance(t: TeamInfo, topic: HistoryTopic): number {
  let grams = topicGrams.get(topic);
  if (!grams) topicGrams.set(topic, (grams = new Set(bigrams(`${topic.title}${topic.pain}`))));
  let shared = 0;
  for (const g of grams) if (t.grams.has(g)) shared++;
  const industry = industryOfChain(topic.chain);
  return (t.fields.includes(topic.chain) ? 3 : 0) + (t.fields.some((f) => industryOfChain(f) === industry) ? 2 : 0) + Math.min(3, Math.floor(shared / 2));
}

/** A team fits a topic when it works in the topic's industry or its chain (score 2 or more). */
const fits = (t: TeamInfo, topic: HistoryTopic) => relevance(t, topic) >= 2;

/**
 * Bids, awards and contracts, challenge by challenge in deadline order, so a team's credit bar
 * and its running contracts (against its capacity) are known when it bids and wins.
 */
function playNeeds(inp: Inputs, rnd: Rng, needs: Need[]): Omit<HistoryPlan, 'batches' | 'needs'> {
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

/**
 * One winner's contract: the quoted price split by the funding rule as drafting does, then
 * signed on its day and delivered milestone by milestone up to today, or terminated (after an
 * overdue milestone), or, with no signing day, terminated before anyone but the team signed.
 */
function planContract(
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
function settle(inp: Inputs, rnd: Rng, list: ContractPlan[]): void {
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

function summarise(plan: HistoryPlan): HistorySummary {
  const withBids = new Set(plan.bids.map((b) => b.need.challengeId));
  return {
    needs: plan.needs.length,
    published: plan.needs.filter((n) => n.batch).length,
    bidOn: withBids.size,
    awarded: plan.awards.filter((a) => a.status === 'final').length,
    deals: plan.contracts.filter((c) => c.signedAt).length,
    completed: plan.contracts.filter((c) => c.status === 'completed').length,
  };
}

// ───────────────────────────── writing it ─────────────────────────────

/** Rows of one table in statements of `size`, well inside PostgreSQL's bind-parameter limit. */
async function insertAll<T extends PgTable>(tx: Tx, table: T, rows: PgInsertValue<T>[], size = 250): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await tx.insert(table).values(rows.slice(i, i + size));
}

async function writeHistory(tx: Tx, inp: Inputs, plan: HistoryPlan): Promise<void> {
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

  // From now on the platform keeps the running contracts' schedule: reminders before each due
  // date, the overdue flag on it, and the weekly escalation of what is already overdue; and it
  // asks for the outcome (成果转化) of recent acceptances 6 and 12 months after them.
  const jobs: JobRequest[] = plan.contracts.flatMap((c) => {
    if (c.status === 'completed') {
      const done = chinaDate(c.completedAt!);
      return ([6, 12] as const).flatMap((months) => {
        const runAt = chinaInstant(addMonths(done, months), 9);
        return runAt > inp.now ? [outcomePromptJob({ contractId: c.id, months }, runAt)] : [];
      });
    }
    if (c.status !== 'signed') return [];
    return c.milestones.flatMap((m) => {
      if (m.confirmedOn || !m.dueOn) return [];
      if (!m.overdueSince) return m.dueOn >= inp.today ? milestoneSchedule(m.id, m.dueOn, inp.now) : [];
      const week = Math.floor((inp.now.getTime() - reminderRunAt(m.dueOn, 'due').getTime()) / (7 * day)) + 1;
      return [milestoneReminderJob({ milestoneId: m.id, kind: 'escalate', dueOn: m.dueOn, week }, reminderRunAt(m.dueOn, 'escalate', week))];
    });
  });
  if (jobs.length) {
    await insertAll(
      tx,
      outbox,
      jobs.map((j) => ({ queue: j.queue, name: j.name, jobId: j.jobId, payload: j.payload, runAt: j.runAt ?? inp.now })),
    );
  }
}
