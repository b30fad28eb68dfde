import { and, asc, desc, eq, gt, inArray, isNull, max } from 'drizzle-orm';
import { loadConfig } from '../../server/config';
import type { Actor, Ctx } from '../../server/context';
import { AppError } from '../../server/errors';
import { fixedClock } from '../../server/infra/clock';
import type { Db, Tx } from '../../server/infra/database';
import { storeMailer } from '../../server/infra/mailer';
import { argon2Hasher } from '../../server/infra/password-hasher';
import { createAccountsRepository } from '../../server/modules/accounts/repository';
import { createServices, type Services } from '../../server/services';
import { declineAwardBody, objectionBody, proposeAwardBody, resolveObjectionBody } from '../../shared/contracts/awards';
import { eligibilityBody, type BidContent } from '../../shared/contracts/bids';
import { criteriaBody, recusalBody, scoreBody } from '../../shared/contracts/reviews';
import type { InstitutionKind } from '../../shared/roles';
import { addWorkingDays } from '../../shared/working-days';
import { bids, bidVersions, challenges, organisations, outbox, users } from '../schema';
import type { SeedRefs } from './challenges';
import { bureauPeople } from './data/bureau';
import { seedChallenges, type SeedChallenge } from './data/challenges';
import {
  baseScores,
  catalystCriteria,
  commentBank,
  ineligibilityReason,
  modelCriteria,
  panelOffsets,
  reviewTexts,
  shareable,
  softwareCommentBank,
  standardCriteria,
  type BidTier,
  type SeedCriterion,
} from './data/reviews';

/**
 * 形式审查 → 专家评审 → 确定揭榜方 → 公示 on the closed demo challenges, one stage of the pipeline
 * on each, played through the same services the API calls (with the clock set to when each
 * step happened), so every row, audit entry and queued job is what a real run would leave:
 *
 *   高浓度单抗皮下注射制剂开发                        bids submitted, eligibility not checked
 *   医用输注器械非DEHP增塑PVC材料替代                 one bid ineligible; review half done (one expert
 *                                                   recused, one still to score)
 *   大型结构件压铸充型凝固仿真标定与工艺参数优化      ranking final, the publisher has not proposed
 *   草酸二甲酯加氢制乙二醇铜基催化剂长周期稳定性提升  a proposal declined, then a horse race (赛马)
 *                                                   of two teams proposed, awaiting an official
 *   连续碳纤维增强PEEK预浸带低孔隙率稳定制备          award revoked on an upheld objection; the next
 *                                                   team in public notice with an objection open
 *   基于加工数据的数控刀具磨损预测模型                final after a dismissed objection; the losing
 *                                                   teams can read their feedback
 *
 * Steps are dated relative to `now`: either working days after the challenge's deadline or
 * working days before today, at office hours Beijing time, and run in date order. Experts are
 * taken in order of preference, passing over those the service refuses for a conflict of
 * interest, so no assignment exists that `reviews.assign` would not make.
 */

interface SeedBid {
  id: string;
  teamId: string;
  teamName: string;
  institutionKind: InstitutionKind | null;
  district: string | null;
  fields: readonly string[];
  content: BidContent;
}

type Outcome = 'score' | 'recuse' | 'open';

interface Case {
  seed: SeedChallenge;
  id: string;
  deadline: Date;
  allowedInstitutionKinds: string[];
  allowedRegions: string[];
  publisher: Ctx;
  /** Submitted bids, most relevant bidder first (the challenge step submits them in that order). */
  bids: SeedBid[];
  eligible: SeedBid[];
  criteria: { id: string; kind: SeedCriterion['kind'] }[];
  comments: typeof commentBank;
  /** Per bid, its experts in panel order with what each will do. */
  panels: Map<string, { assignmentId: string; expert: Ctx; position: number; outcome: Outcome }[]>;
  awardId: string | null;
}

interface Step {
  at: Date;
  run(): Promise<void>;
}

const minute = 60_000;
const beijing = 8 * 3600_000;

/** `hour` o'clock Beijing time on the (Beijing) day of `d`. */
function atHour(d: Date, hour: number): Date {
  const day = Math.floor((d.getTime() + beijing) / 86_400_000) * 86_400_000 - beijing;
  return new Date(day + hour * 3600_000);
}

function subtractWorkingDays(start: Date, days: number): Date {
  let t = start.getTime();
  let left = days;
  while (left > 0) {
    t -= 86_400_000;
    const weekday = new Date(t + beijing).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return new Date(t);
}

/** The conflict-of-interest refusal of `reviews.assign` (as opposed to any other error). */
const isConflictOfInterest = (err: unknown) => err instanceof AppError && err.statusCode === 409 && !!err.fields?.some((f) => f.path === 'expertId');

export async function seedReviewsStep(tx: Tx, refs: SeedRefs, now: Date): Promise<void> {
  const clock = fixedClock(now);
  // The demo runs with the default notice period, whatever the environment says, so its dates hold.
  const config = loadConfig({});
  // Services on the seed's transaction: theirs become savepoints, so a refusal rolls back alone.
  const services: Services = createServices({ db: tx as unknown as Db, clock, hasher: argon2Hasher, mailer: storeMailer, config });
  const accounts = createAccountsRepository();

  const ctxCache = new Map<string, Ctx>();
  const ctxOf = async (userId: string): Promise<Ctx> => {
    const cached = ctxCache.get(userId);
    if (cached) return cached;
    const user = await accounts.findUserById(tx, userId);
    if (!user) throw new Error(`seed: no user ${userId}`);
    const memberships = await accounts.membershipsOf(tx, userId);
    const actor: Actor = { id: user.id, name: user.name, email: user.email, locale: user.locale, roles: [...new Set(memberships.map((m) => m.role))], memberships };
    const ctx = { actor, reqId: null };
    ctxCache.set(userId, ctx);
    return ctx;
  };
  // Bureau people (officials and experts) by name, as the stories below refer to them.
  const bureauUsers = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, bureauPeople.map((p) => p.email)));
  const ctxByName = (name: string): Promise<Ctx> => {
    const email = bureauPeople.find((p) => p.name === name)?.email;
    const user = bureauUsers.find((u) => u.email === email);
    if (!user) throw new Error(`seed: no bureau person ${name}`);
    return ctxOf(user.id);
  };
  const leadOf = (b: SeedBid) => ctxOf(refs.firstMemberByOrganisation.get(b.teamId)!);

  // The closed challenges and their submitted bids, most relevant bidder first.
  const closed = await tx.select().from(challenges).where(eq(challenges.status, 'closed'));
  const bidRows = await tx
    .select({ bid: bids, team: organisations, content: bidVersions.content })
    .from(bids)
    .innerJoin(organisations, eq(organisations.id, bids.teamId))
    .innerJoin(bidVersions, and(eq(bidVersions.bidId, bids.id), eq(bidVersions.version, 1)))
    .where(and(inArray(bids.challengeId, closed.map((c) => c.id)), eq(bids.status, 'submitted')))
    .orderBy(asc(bids.challengeId), desc(bids.submittedAt));
  const caseFor = async (key: string): Promise<Case> => {
    const seed = seedChallenges.find((s) => s.key === key);
    const row = seed && closed.find((c) => c.title === seed.title && c.publisherId === refs.organisationByKey.get(seed.publisherKey));
    if (!seed || !row) throw new Error(`seed: closed challenge ${key} not found`);
    return {
      seed,
      id: row.id,
      deadline: row.deadline!,
      allowedInstitutionKinds: row.allowedInstitutionKinds,
      allowedRegions: row.allowedRegions,
      publisher: await ctxOf(refs.firstMemberByOrganisation.get(row.publisherId)!),
      bids: bidRows
        .filter((r) => r.bid.challengeId === row.id)
        .map((r) => ({
          id: r.bid.id,
          teamId: r.team.id,
          teamName: r.team.name,
          institutionKind: r.team.institutionKind,
          district: r.team.district,
          fields: r.team.researchFields,
          content: r.content,
        })),
      eligible: [],
      criteria: [],
      comments: commentBank,
      panels: new Map(),
      awardId: null,
    };
  };

  const [xue, tangWenbin] = [await ctxByName('薛雨桐'), await ctxByName('唐文斌')];
  const steps: Step[][] = [];
  /** One challenge's story: its steps must be in date order (checked), then all stories interleave by date. */
  const story = () => {
    const list: Step[] = [];
    steps.push(list);
    const add = (at: Date, run: () => Promise<void>) => {
      const last = list.at(-1);
      if (last && last.at >= at) throw new Error(`seed: review steps out of order at ${at.toISOString()}`);
      list.push({ at, run });
    };
    return add;
  };
  const afterDeadline = (c: Case, workingDays: number, hour: number) => atHour(addWorkingDays(c.deadline, workingDays), hour);
  const daysAgo = (workingDays: number, hour: number) => atHour(subtractWorkingDays(now, workingDays), hour);
  /** Several actions in one step happen some minutes apart. */
  const tick = (at: Date, i: number) => clock.set(new Date(at.getTime() + i * 17 * minute));

  // ── the steps, as an official, expert, publisher or objector would take them ──

  const checkEligibility = async (c: Case, at: Date, official: Ctx) => {
    for (const [i, b] of c.bids.entries()) {
      tick(at, i);
      const reason = ineligibilityReason({ name: b.teamName, institutionKind: b.institutionKind, district: b.district }, c);
      const body = eligibilityBody.parse(reason ? { decision: 'ineligible', reason } : { decision: 'eligible' });
      await services.bids.decideEligibility(b.id, body, official);
      if (!reason) c.eligible.push(b);
    }
  };

  const setCriteria = async (c: Case, at: Date, official: Ctx, list: readonly SeedCriterion[], comments = commentBank) => {
    clock.set(at);
    c.comments = comments;
    const view = await services.reviews.setCriteria(c.id, criteriaBody.parse({ criteria: list.map(({ name, description, weight }) => ({ name, description, weight })) }), official);
    c.criteria = view.criteria.map((x, i) => ({ id: x.id, kind: list[i]!.kind }));
  };

  /**
   * The official picks experts for each eligible bid in order of preference; one the service
   * refuses for a conflict of interest (回避) is passed over, as the review board shows them.
   */
  const assignPanels = async (c: Case, at: Date, official: Ctx, preference: readonly string[], outcomes: (bidIndex: number) => readonly Outcome[]) => {
    let n = 0;
    for (const [i, b] of c.eligible.entries()) {
      const wanted = outcomes(i);
      const panel: { assignmentId: string; expert: Ctx; position: number; outcome: Outcome }[] = [];
      for (const name of preference) {
        if (panel.length === wanted.length) break;
        const expert = await ctxByName(name);
        tick(at, n++);
        try {
          const a = await services.reviews.assign(b.id, { expertId: expert.actor!.id }, official);
          panel.push({ assignmentId: a.id, expert, position: panel.length, outcome: wanted[panel.length]! });
        } catch (err) {
          if (!isConflictOfInterest(err)) throw err;
        }
      }
      if (panel.length < wanted.length) throw new Error(`seed: not enough experts without a conflict for ${b.teamName}`);
      c.panels.set(b.id, panel);
    }
  };

  const fill = (template: string, c: Case, b: SeedBid, position: number, criterionIndex: number) => {
    const indicators = c.seed.indicators ?? [];
    const quote = b.content.quotedPriceYuan ?? 0;
    return template
      .replaceAll('{ind}', indicators[(position + criterionIndex) % Math.max(1, indicators.length)]?.name ?? '关键指标')
      .replaceAll('{n}', String(indicators.length))
      .replaceAll('{field}', b.fields[position % Math.max(1, b.fields.length)] ?? '相关')
      .replaceAll('{quote}', String(Math.round(quote / 10_000)))
      .replaceAll('{pct}', String(Math.round((quote / (c.seed.bountyWan * 10_000)) * 100)))
      .replaceAll('{months}', String(b.content.durationMonths ?? c.seed.deliveryMonths));
  };

  /** Every expert at `position` on a panel who is to score does so; tiers go by the bid's place among the eligible. */
  const scorePosition = async (c: Case, at: Date, position: number, tiers: readonly BidTier[] = ['strong', 'good', 'fair']) => {
    let n = 0;
    for (const [i, b] of c.eligible.entries()) {
      const member = c.panels.get(b.id)?.find((m) => m.position === position && m.outcome === 'score');
      if (!member) continue;
      const tier = tiers[Math.min(i, tiers.length - 1)]!;
      const scores = c.criteria.map((cr, ci) => ({
        criterionId: cr.id,
        score: Math.max(0, Math.min(10, baseScores[tier][cr.kind] + panelOffsets[position % panelOffsets.length]![cr.kind])),
        comment: fill(c.comments[cr.kind][tier][position % 3]!, c, b, position, ci),
        shareable: shareable(position, ci),
      }));
      tick(at, n++);
      await services.reviews.score(member.assignmentId, scoreBody.parse({ scores }), member.expert);
    }
  };

  const recuse = async (c: Case, at: Date, reason: string) => {
    let n = 0;
    for (const panel of c.panels.values()) {
      for (const m of panel.filter((x) => x.outcome === 'recuse')) {
        tick(at, n++);
        await services.reviews.recuse(m.assignmentId, recusalBody.parse({ reason }), m.expert);
      }
    }
  };

  /** The publisher proposes from the final ranking: `places` are 0-based positions in it. */
  const propose = async (c: Case, at: Date, places: readonly number[], reason = '') => {
    clock.set(at);
    const ranking = await services.reviews.ranking(c.id, c.publisher);
    const winnerBidIds = places.map((p) => ranking.items[p]!.bidId);
    const award = await services.awards.propose(c.id, proposeAwardBody.parse({ winnerBidIds, reason }), c.publisher);
    c.awardId = award.id;
  };
  const confirm = async (c: Case, at: Date, official: Ctx) => {
    clock.set(at);
    await services.awards.confirm(c.awardId!, official);
  };
  const decline = async (c: Case, at: Date, official: Ctx, reason: string) => {
    clock.set(at);
    await services.awards.decline(c.awardId!, declineAwardBody.parse({ reason }), official);
  };
  /** The lead of the team at `place` in the ranking objects; returns the objection's id. */
  const object = async (c: Case, at: Date, place: number, reason: string) => {
    clock.set(at);
    const ranking = await services.reviews.ranking(c.id, c.publisher);
    const bid = c.bids.find((b) => b.id === ranking.items[place]!.bidId)!;
    const view = await services.awards.object(c.awardId!, objectionBody.parse({ reason }), await leadOf(bid));
    return view.objections.filter((o) => o.mine && o.status === 'open').at(-1)!.id;
  };
  const resolve = async (at: Date, official: Ctx, objectionId: string, decision: 'upheld' | 'dismissed', resolution: string) => {
    clock.set(at);
    await services.awards.resolveObjection(objectionId, resolveObjectionBody.parse({ decision, resolution }), official);
  };
  /** The notice-ending job, run when it is due. */
  const endNotice = async (c: Case, at: Date) => {
    clock.set(at);
    if ((await services.awards.endNotice(c.awardId!)) !== 'final') throw new Error(`seed: the notice on ${c.seed.key} did not end`);
  };
  const noticeEnd = (confirmedAt: Date) => addWorkingDays(confirmedAt, config.NOTICE_WORKING_DAYS);

  // ── (a) 高浓度单抗皮下注射制剂开发: closed with bids; nothing checked yet (the officials' eligibility work) ──
  await caseFor('kanghui-high-conc-sc-formulation');

  // ── (b) 非DEHP PVC: one bid ineligible, review half done ──
  {
    const c = await caseFor('yikang-non-dehp-pvc');
    const add = story();
    add(daysAgo(16, 10), () => checkEligibility(c, daysAgo(16, 10), xue));
    add(daysAgo(15, 15), () => setCriteria(c, daysAgo(15, 15), tangWenbin, standardCriteria));
    // The first bid: one expert scores, another recuses (and is not yet replaced); the second:
    // 汤建华 has still to score, the other expert has scored. So the ranking is not final.
    add(daysAgo(6, 10), () => assignPanels(c, daysAgo(6, 10), tangWenbin, ['何素芬', '汤建华', '柳承志', '殷志红', '储明杰'], (i) => (i === 0 ? ['score', 'recuse'] : ['open', 'score'])));
    add(daysAgo(5, 11), () => recuse(c, daysAgo(5, 11), reviewTexts.yikangRecusal));
    add(daysAgo(3, 16), () => scorePosition(c, daysAgo(3, 16), 0));
    add(daysAgo(2, 10), () => scorePosition(c, daysAgo(2, 10), 1));
  }

  // ── (c) 压铸仿真: every expert has scored, so the ranking is final; the publisher has yet to propose ──
  {
    const c = await caseFor('tongchi-die-casting-simulation');
    const add = story();
    add(daysAgo(14, 10), () => checkEligibility(c, daysAgo(14, 10), xue));
    add(daysAgo(13, 15), () => setCriteria(c, daysAgo(13, 15), tangWenbin, standardCriteria));
    add(daysAgo(12, 10), () => assignPanels(c, daysAgo(12, 10), tangWenbin, ['殷志红', '柳承志', '汤建华', '储明杰', '何素芬'], () => ['score', 'score', 'score']));
    add(daysAgo(8, 15), () => scorePosition(c, daysAgo(8, 15), 0));
    add(daysAgo(5, 11), () => scorePosition(c, daysAgo(5, 11), 1));
    add(daysAgo(3, 16), () => scorePosition(c, daysAgo(3, 16), 2));
  }

  // ── (d) 草酸二甲酯加氢, a horse race: the first proposal declined; two teams proposed, awaiting an official ──
  {
    const c = await caseFor('changhe-dmo-hydrogenation-catalyst');
    // Published as a horse race (赛马): up to three teams may be funded in parallel.
    await tx.update(challenges).set({ allowsHorseRace: true }).where(eq(challenges.id, c.id));
    const add = story();
    add(afterDeadline(c, 3, 10), () => checkEligibility(c, afterDeadline(c, 3, 10), xue));
    add(afterDeadline(c, 4, 15), () => setCriteria(c, afterDeadline(c, 4, 15), tangWenbin, catalystCriteria));
    add(afterDeadline(c, 6, 10), () => assignPanels(c, afterDeadline(c, 6, 10), tangWenbin, ['汤建华', '柳承志', '储明杰', '殷志红', '何素芬'], () => ['score', 'score', 'score']));
    add(afterDeadline(c, 10, 15), () => scorePosition(c, afterDeadline(c, 10, 15), 0));
    add(afterDeadline(c, 12, 10), () => scorePosition(c, afterDeadline(c, 12, 10), 1));
    add(afterDeadline(c, 14, 16), () => scorePosition(c, afterDeadline(c, 14, 16), 2));
    add(afterDeadline(c, 20, 10), () => propose(c, afterDeadline(c, 20, 10), [1], reviewTexts.changheFirstReason));
    add(afterDeadline(c, 23, 15), () => decline(c, afterDeadline(c, 23, 15), tangWenbin, reviewTexts.changheDecline));
    add(daysAgo(2, 10), () => propose(c, daysAgo(2, 10), [0, 1], reviewTexts.changheHorseRace));
  }

  // ── (e) PEEK预浸带: award revoked on an upheld objection; the next team in notice, an objection open ──
  {
    const c = await caseFor('tuoxin-cf-peek-prepreg-porosity');
    const add = story();
    let upheld = '';
    add(afterDeadline(c, 3, 10), () => checkEligibility(c, afterDeadline(c, 3, 10), xue));
    add(afterDeadline(c, 4, 15), () => setCriteria(c, afterDeadline(c, 4, 15), tangWenbin, standardCriteria));
    add(afterDeadline(c, 6, 10), () => assignPanels(c, afterDeadline(c, 6, 10), tangWenbin, ['柳承志', '汤建华', '殷志红', '储明杰', '何素芬'], () => ['score', 'score', 'score']));
    add(afterDeadline(c, 9, 15), () => scorePosition(c, afterDeadline(c, 9, 15), 0));
    add(afterDeadline(c, 11, 10), () => scorePosition(c, afterDeadline(c, 11, 10), 1));
    add(afterDeadline(c, 13, 16), () => scorePosition(c, afterDeadline(c, 13, 16), 2));
    add(afterDeadline(c, 16, 10), () => propose(c, afterDeadline(c, 16, 10), [0]));
    add(afterDeadline(c, 18, 15), () => confirm(c, afterDeadline(c, 18, 15), tangWenbin));
    add(afterDeadline(c, 20, 10), async () => {
      upheld = await object(c, afterDeadline(c, 20, 10), 1, reviewTexts.tuoxinUpheldObjection);
    });
    add(daysAgo(22, 15), () => resolve(daysAgo(22, 15), tangWenbin, upheld, 'upheld', reviewTexts.tuoxinUpheld));
    add(daysAgo(8, 10), () => propose(c, daysAgo(8, 10), [1], reviewTexts.tuoxinSecondReason));
    // Confirmed three working days ago: the notice ends a few working days from today.
    add(daysAgo(3, 10), () => confirm(c, daysAgo(3, 10), tangWenbin));
    add(daysAgo(1, 14), async () => {
      await object(c, daysAgo(1, 14), 0, reviewTexts.tuoxinOpenObjection);
    });
  }

  // ── (f) 刀具磨损预测: final after a dismissed objection; the losing teams read their feedback ──
  {
    const c = await caseFor('shuzhi-tool-wear-prediction');
    const add = story();
    let objection = '';
    add(afterDeadline(c, 2, 10), () => checkEligibility(c, afterDeadline(c, 2, 10), xue));
    add(afterDeadline(c, 3, 15), () => setCriteria(c, afterDeadline(c, 3, 15), tangWenbin, modelCriteria, softwareCommentBank));
    add(afterDeadline(c, 4, 10), () => assignPanels(c, afterDeadline(c, 4, 10), tangWenbin, ['殷志红', '储明杰', '柳承志', '汤建华', '何素芬'], () => ['score', 'score', 'score']));
    add(afterDeadline(c, 8, 16), () => scorePosition(c, afterDeadline(c, 8, 16), 0));
    add(afterDeadline(c, 10, 11), () => scorePosition(c, afterDeadline(c, 10, 11), 1));
    add(afterDeadline(c, 12, 15), () => scorePosition(c, afterDeadline(c, 12, 15), 2));
    add(afterDeadline(c, 15, 10), () => propose(c, afterDeadline(c, 15, 10), [0]));
    const confirmedAt = afterDeadline(c, 16, 15);
    add(confirmedAt, () => confirm(c, confirmedAt, tangWenbin));
    add(afterDeadline(c, 18, 9), async () => {
      objection = await object(c, afterDeadline(c, 18, 9), 1, reviewTexts.shuzhiObjection);
    });
    add(afterDeadline(c, 20, 16), () => resolve(afterDeadline(c, 20, 16), tangWenbin, objection, 'dismissed', reviewTexts.shuzhiDismissal));
    add(noticeEnd(confirmedAt), () => endNotice(c, noticeEnd(confirmedAt)));
  }

  // ── (g, h) 真空泄漏检测 and 电芯快速分选: horse races (赛马) awarded to three teams each, final
  //    long ago; their contracts are played on by the contracts step (db/seed/contracts.ts) ──
  for (const [key, places, preference] of [
    ['tongchi-casting-vacuum-leak-detection', [0, 1, 2], ['柳承志', '殷志红', '储明杰', '汤建华', '何素芬']],
    ['hengyuan-cell-consistency-screening', [0, 1, 2], ['汤建华', '何素芬', '储明杰', '柳承志', '殷志红']],
  ] as const) {
    const c = await caseFor(key);
    await tx.update(challenges).set({ allowsHorseRace: true }).where(eq(challenges.id, c.id));
    const add = story();
    add(afterDeadline(c, 2, 10), () => checkEligibility(c, afterDeadline(c, 2, 10), xue));
    add(afterDeadline(c, 3, 15), () => setCriteria(c, afterDeadline(c, 3, 15), tangWenbin, standardCriteria));
    add(afterDeadline(c, 4, 10), () => assignPanels(c, afterDeadline(c, 4, 10), tangWenbin, preference, () => ['score', 'score', 'score']));
    add(afterDeadline(c, 7, 16), () => scorePosition(c, afterDeadline(c, 7, 16), 0));
    add(afterDeadline(c, 9, 11), () => scorePosition(c, afterDeadline(c, 9, 11), 1));
    add(afterDeadline(c, 11, 15), () => scorePosition(c, afterDeadline(c, 11, 15), 2));
    add(afterDeadline(c, 13, 10), () => propose(c, afterDeadline(c, 13, 10), places, reviewTexts.horseRaceReason));
    const confirmedAt = afterDeadline(c, 15, 15);
    add(confirmedAt, () => confirm(c, confirmedAt, tangWenbin));
    add(noticeEnd(confirmedAt), () => endNotice(c, noticeEnd(confirmedAt)));
  }

  // All stories by date (a stable sort keeps each story's order), each step at its own time.
  // Notifications of what happened more than six weeks ago reached their people back then: they
  // count as delivered, so a first start shows the current ones rather than a year's backlog.
  const timeline = steps.flat().sort((a, b) => a.at.getTime() - b.at.getTime());
  const toldAtTheTime = new Date(now.getTime() - 42 * 86_400_000);
  const [before] = await tx.select({ id: max(outbox.id) }).from(outbox);
  let seen = before?.id ?? 0;
  for (const s of timeline) {
    if (s.at >= now) throw new Error(`seed: a review step is dated in the future (${s.at.toISOString()})`);
    clock.set(s.at);
    await s.run();
    if (s.at < toldAtTheTime) {
      const told = await tx
        .update(outbox)
        .set({ deliveredAt: s.at })
        .where(and(eq(outbox.queue, 'notifications'), gt(outbox.id, seen), isNull(outbox.deliveredAt)))
        .returning({ id: outbox.id });
      seen = Math.max(seen, ...told.map((r) => r.id));
    }
  }
}
