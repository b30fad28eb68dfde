import { z } from 'zod';
import type { assignmentBody, criteriaBody, expertProfileBody, recusalBody, scoreBody, tieBody } from '../../../shared/contracts/reviews';
import { bidScore, criteriaProblems, expertTotal } from '../../../shared/contracts/reviews';
import type { Ctx } from '../../context';
import { requireActor, requireRole } from '../../context';
import { AppError, Conflict, Forbidden, NotFound, ValidationError } from '../../errors';
import { appendAudit } from '../../infra/audit';
import type { Clock } from '../../infra/clock';
import { pgErrorCode, uniqueViolation, type Db, type Tx } from '../../infra/database';
import type { AccountsRepository } from '../accounts/repository';
import type { BidsRepository } from '../bids/repository';
import type { ChallengesRepository } from '../challenges/repository';
import { isOfficial, isPublisherSide } from '../challenges/views';
import { assignmentLifecycle } from '../../../shared/lifecycles/review-assignment';
import type { AwardState } from '../../../shared/lifecycles/award';
import { guardTransition } from '../../lifecycle-guard';
import { findConflicts, type ExpertFacts } from './conflicts';
import { notifyJob } from '../../../jobs/contracts';
import { enqueueJob } from '../../infra/outbox';
import type { ReviewsRepository } from './repository';

export interface ReviewsDeps {
  db: Db;
  clock: Clock;
  reviews: ReviewsRepository;
  bids: BidsRepository;
  challenges: ChallengesRepository;
  accounts: AccountsRepository;
  /** The final award decision on a challenge, if there is one. */
  finalAward(ex: Db, challengeId: string): Promise<{ winnerBidIds: string[] } | undefined>;
}

/** 专家评审 (DOMAIN.md step 5): criteria, conflict-checked assignments, recusal, scores, ranking. */
export function createReviewsService(d: ReviewsDeps) {
  function audit(tx: Tx, ctx: Ctx, action: string, type: string, id: string, after: unknown) {
    return appendAudit(tx, { at: d.clock.now(), actorId: ctx.actor?.id ?? null, reqId: ctx.reqId, action, entityType: type, entityId: id, after });
  }

  async function challengeAfterDeadline(tx: Tx | Db, challengeId: string) {
    const c = await d.challenges.findById(tx, challengeId);
    if (!c) throw new NotFound('challenge');
    return c;
  }

  async function setCriteria(challengeId: string, body: z.infer<typeof criteriaBody>, ctx: Ctx) {
    requireRole(ctx, 'official');
    const problems = criteriaProblems(body.criteria);
    if (problems.length) throw new ValidationError(problems);
    return d.db.transaction(async (tx) => {
      const c = await challengeAfterDeadline(tx, challengeId);
      if (!['published', 'closed'].includes(c.status)) throw new Conflict('criteria are set for published challenges');
      if (await d.reviews.anyScoreFor(tx, challengeId)) throw new Conflict('scoring has started; the criteria can no longer change');
      await d.reviews.replaceCriteria(tx, challengeId, body.criteria.map((x) => ({ name: x.name, description: x.description, weight: x.weight })));
      await audit(tx, ctx, 'review.criteria_set', 'challenge', challengeId, body);
      return criteriaView(tx, challengeId);
    });
  }

  async function criteriaView(ex: Tx | Db, challengeId: string) {
    const rows = await d.reviews.criteria(ex, challengeId);
    return { criteria: rows.map((r) => ({ id: r.id, name: r.name, description: r.description, weight: r.weight })), locked: await d.reviews.anyScoreFor(ex, challengeId) };
  }

  async function getCriteria(challengeId: string, ctx: Ctx) {
    const actor = requireActor(ctx);
    const c = await challengeAfterDeadline(d.db, challengeId);
    if (!isOfficial(actor) && !isPublisherSide(actor, c, await d.challenges.related(d.db, challengeId)) && !actor.roles.includes('expert')) throw new Forbidden('criteria are for officials, the publisher and experts');
    return criteriaView(d.db, challengeId);
  }

  /** What conflict checks know of an expert, with the organisations they shared a deal with in the last three years. */
  async function expertFacts(ex: Tx | Db, e: Omit<ExpertFacts, 'recentDealOrganisationIds'>): Promise<ExpertFacts> {
    const since = new Date(d.clock.now());
    since.setUTCFullYear(since.getUTCFullYear() - 3);
    return { ...e, recentDealOrganisationIds: await d.reviews.recentDealPartners(ex, e.memberOrganisationIds, since) };
  }

  /** Assigns an expert to an eligible bid, unless a conflict of interest blocks it. */
  async function assign(bidId: string, body: z.infer<typeof assignmentBody>, ctx: Ctx) {
    const actor = requireRole(ctx, 'official');
    try {
      return await d.db.transaction(async (tx) => {
        const bid = await d.bids.findById(tx, bidId, { forUpdate: true });
        const challenge = bid && (await d.challenges.findById(tx, bid.challengeId));
        // A sealed bid (before the deadline, or never submitted) does not exist for an official.
        const visible = !!bid && !!challenge?.deadline && challenge.deadline <= d.clock.now() && ['submitted', 'eligible', 'ineligible'].includes(bid.status);
        if (!bid || !visible) throw new NotFound('bid');
        if (bid.status !== 'eligible') throw new Conflict('only bids that passed the eligibility check are reviewed');
        const expertMemberships = await d.accounts.membershipsOf(tx, body.expertId);
        if (!expertMemberships.some((m) => m.role === 'expert')) throw ValidationError.field('expertId', 'this person is not in the expert pool');
        const profile = await d.reviews.profile(tx, body.expertId);
        const ties = await d.reviews.ties(tx, body.expertId);
        const facts = await expertFacts(tx, {
          institution: profile?.institution ?? null,
          memberOrganisationIds: expertMemberships.map((m) => m.organisationId),
          tiedOrganisationIds: ties.map((t) => t.organisationId),
        });
        const conflicts = findConflicts(facts, await d.reviews.parties(tx, bidId));
        if (conflicts.length) {
          throw new AppError(409, 'CONFLICT', 'conflict of interest: the expert must not review this bid', conflicts.map((c) => ({ path: 'expertId', message: `${c.reason}: ${c.organisationName}` })));
        }
        const a = await d.reviews.insertAssignment(tx, { bidId, expertId: body.expertId, assignedBy: actor.id, createdAt: d.clock.now() });
        await audit(tx, ctx, 'review.assigned', 'bid', bidId, { assignmentId: a.id, expertId: body.expertId });
        await enqueueJob(tx, notifyJob({ kind: 'review_assigned', audience: { type: 'user', userId: body.expertId }, refs: { challengeId: bid.challengeId }, extra: {}, link: `/bids/${bidId}`, cause: `review.assigned.${a.id}` }));
        return { ...a, expertName: (await d.accounts.findUserById(tx, body.expertId))?.name ?? '' };
      });
    } catch (err) {
      if (uniqueViolation(err) !== null) throw new Conflict('this expert is already assigned to this bid');
      throw err;
    }
  }

  async function recuse(assignmentId: string, body: z.infer<typeof recusalBody>, ctx: Ctx) {
    const actor = requireRole(ctx, 'expert');
    return d.db.transaction(async (tx) => {
      const a = await d.reviews.assignment(tx, assignmentId, { forUpdate: true });
      if (!a || a.expertId !== actor.id) throw new NotFound('assignment');
      const t = guardTransition(assignmentLifecycle, a.status, 'recuse', actor.roles);
      const updated = await d.reviews.updateAssignment(tx, assignmentId, { status: t.to, recusalReason: body.reason });
      await audit(tx, ctx, 'review.recused', 'bid', a.bidId, { assignmentId, reason: body.reason });
      const bid = (await d.bids.findById(tx, a.bidId))!;
      if ((await rankingOf(tx, bid.challengeId)).final) await notifyScoresComplete(tx, bid.challengeId);
      return { ...updated, expertName: actor.name };
    });
  }

  async function score(assignmentId: string, body: z.infer<typeof scoreBody>, ctx: Ctx) {
    const actor = requireRole(ctx, 'expert');
    return d.db.transaction(async (tx) => {
      const a = await d.reviews.assignment(tx, assignmentId, { forUpdate: true });
      if (!a || a.expertId !== actor.id) throw new NotFound('assignment');
      const t = guardTransition(assignmentLifecycle, a.status, 'score', actor.roles);
      const bid = (await d.bids.findById(tx, a.bidId))!;
      const criteria = await d.reviews.criteria(tx, bid.challengeId);
      const given = new Set(body.scores.map((s) => s.criterionId));
      const missing = criteria.filter((c) => !given.has(c.id));
      const unknown = body.scores.filter((s) => !criteria.some((c) => c.id === s.criterionId));
      if (criteria.length === 0) throw new Conflict('the officials have not set the criteria yet');
      if (missing.length || unknown.length || given.size !== body.scores.length) {
        throw ValidationError.field('scores', `score every criterion exactly once: ${criteria.map((c) => c.name).join('、')}`);
      }
      await d.reviews.insertScores(tx, body.scores.map((s) => ({ assignmentId, criterionId: s.criterionId, score: s.score, comment: s.comment, shareable: s.shareable })));
      const updated = await d.reviews.updateAssignment(tx, assignmentId, { status: t.to, scoredAt: d.clock.now() });
      const total = expertTotal(body.scores.map((s) => ({ score: s.score, weight: criteria.find((c) => c.id === s.criterionId)!.weight })));
      await audit(tx, ctx, 'review.scored', 'bid', a.bidId, { assignmentId, total });
      if ((await rankingOf(tx, bid.challengeId)).final) await notifyScoresComplete(tx, bid.challengeId);
      return { ...updated, expertName: actor.name };
    });
  }

  /** 评分完成: the officials and the publisher side learn that the ranking is final. */
  async function notifyScoresComplete(tx: Tx, challengeId: string) {
    const c = (await d.challenges.findById(tx, challengeId))!;
    const link = `/challenges/${challengeId}/review`;
    await enqueueJob(tx, notifyJob({ kind: 'scores_complete', audience: { type: 'role', role: 'official' }, refs: { challengeId }, extra: {}, link, cause: `review.complete.${challengeId}.officials` }));
    const related = await d.challenges.related(tx, challengeId);
    for (const orgId of [c.publisherId, ...related.jointPublisherIds]) {
      await enqueueJob(tx, notifyJob({ kind: 'scores_complete', audience: { type: 'organisation', organisationId: orgId }, refs: { challengeId }, extra: {}, link, cause: `review.complete.${challengeId}.${orgId}` }));
    }
  }

  /** The weighted ranking; not final until every assigned expert (who did not recuse) has scored. */
  async function ranking(challengeId: string, ctx: Ctx) {
    const actor = requireActor(ctx);
    const c = await challengeAfterDeadline(d.db, challengeId);
    if (!isOfficial(actor) && !isPublisherSide(actor, c, await d.challenges.related(d.db, challengeId))) {
      throw new Forbidden('the ranking is for officials and the publisher');
    }
    return rankingOf(d.db, challengeId);
  }

  async function rankingOf(ex: Tx | Db, challengeId: string) {
    const eligible = (await d.bids.submittedFor(ex, challengeId)).filter((r) => r.bid.status === 'eligible');
    const assignments = await d.reviews.assignmentsForBids(ex, eligible.map((r) => r.bid.id));
    const scores = await d.reviews.scoresFor(ex, assignments.filter((a) => a.assignment.status === 'scored').map((a) => a.assignment.id));
    const items = eligible.map((r) => {
      const mine = assignments.filter((a) => a.assignment.bidId === r.bid.id && a.assignment.status !== 'recused');
      const scored = mine.filter((a) => a.assignment.status === 'scored');
      const totals = scored.map((a) => expertTotal(scores.filter((s) => s.assignmentId === a.assignment.id)));
      return { bidId: r.bid.id, teamName: r.teamName, score: bidScore(totals), expertsScored: scored.length, expertsAssigned: mine.length };
    });
    items.sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
    const final = items.length > 0 && items.every((i) => i.expertsAssigned > 0 && i.expertsScored === i.expertsAssigned);
    return { final, items };
  }

  async function myAssignments(ctx: Ctx) {
    const actor = requireRole(ctx, 'expert');
    const rows = await d.reviews.assignmentsOf(d.db, actor.id);
    return {
      items: rows.map((r) => ({
        id: r.assignment.id,
        bidId: r.assignment.bidId,
        challengeId: r.challengeId,
        challengeTitle: r.challengeTitle,
        teamName: r.teamName,
        status: r.assignment.status,
        assignedAt: r.assignment.createdAt.toISOString(),
      })),
    };
  }

  /** One assignment as its expert works from it: the criteria and, once given, their own scores. */
  async function assignmentDetail(assignmentId: string, ctx: Ctx) {
    const actor = requireRole(ctx, 'expert');
    const row = (await d.reviews.assignmentsOf(d.db, actor.id)).find((r) => r.assignment.id === assignmentId);
    if (!row) throw new NotFound('assignment');
    const [criteria, scores] = await Promise.all([d.reviews.criteria(d.db, row.challengeId), d.reviews.scoresOf(d.db, assignmentId)]);
    return {
      assignment: { ...row.assignment, expertName: actor.name },
      challengeId: row.challengeId,
      challengeTitle: row.challengeTitle,
      teamName: row.teamName,
      criteria: criteria.map((c) => ({ id: c.id, name: c.name, description: c.description, weight: c.weight })),
      scores: scores.map((x) => ({ criterionId: x.criterionId, score: x.score, comment: x.comment, shareable: x.shareable })),
      total: scores.length ? Math.round(expertTotal(scores) * 100) / 100 : null,
    };
  }

  /** The officials' board: criteria, and per eligible bid the experts assigned and the candidates with their conflicts. */
  async function board(challengeId: string, ctx: Ctx) {
    requireRole(ctx, 'official');
    const c = await challengeAfterDeadline(d.db, challengeId);
    const eligible = (await d.bids.submittedFor(d.db, challengeId)).filter((r) => r.bid.status === 'eligible');
    const [assignments, pool] = await Promise.all([d.reviews.assignmentsForBids(d.db, eligible.map((r) => r.bid.id)), d.reviews.expertPool(d.db)]);
    const facts = await Promise.all(pool.map((p) => expertFacts(d.db, p)));
    const bids = [];
    for (const r of eligible) {
      const parties = await d.reviews.parties(d.db, r.bid.id);
      const mine = assignments.filter((a) => a.assignment.bidId === r.bid.id);
      bids.push({
        bidId: r.bid.id,
        teamName: r.teamName,
        assignments: mine.map((a) => ({ id: a.assignment.id, bidId: a.assignment.bidId, expertId: a.assignment.expertId, expertName: a.expertName, status: a.assignment.status, recusalReason: a.assignment.recusalReason })),
        candidates: pool
          .map((p, i) => ({ expertId: p.id, name: p.name, institution: p.institution, expertise: p.expertise, conflicts: findConflicts(facts[i]!, parties) }))
          .filter((p) => !mine.some((a) => a.assignment.expertId === p.expertId)),
      });
    }
    return { challengeId, challengeTitle: c.title, criteria: await criteriaView(d.db, challengeId), bids };
  }

  /** Officials' pipeline of challenges past their deadline. */
  async function queue(ctx: Ctx) {
    requireRole(ctx, 'official');
    const rows = await d.reviews.queue(d.db, d.clock.now());
    return {
      items: rows.map((r) => ({
        challengeId: r.challenge_id,
        title: r.title,
        publisherName: r.publisher_name,
        deadline: r.deadline ? new Date(r.deadline).toISOString() : null,
        submitted: r.submitted,
        awaitingEligibility: r.awaiting,
        eligible: r.eligible,
        criteriaSet: r.criteria > 0,
        assignments: r.assignments,
        scored: r.scored,
        rankingFinal: r.eligible > 0 && r.unreviewed === 0 && r.assignments === r.scored,
        award: r.award_id ? { id: r.award_id, status: r.award_status as AwardState, openObjections: r.open_objections } : null,
      })),
    };
  }

  async function profile(ctx: Ctx) {
    const actor = requireRole(ctx, 'expert');
    const [p, ties] = await Promise.all([d.reviews.profile(d.db, actor.id), d.reviews.ties(d.db, actor.id)]);
    return { institution: p?.institution ?? null, expertise: p?.expertise ?? '', ties };
  }

  async function updateProfile(body: z.infer<typeof expertProfileBody>, ctx: Ctx) {
    const actor = requireRole(ctx, 'expert');
    await d.db.transaction(async (tx) => {
      await d.reviews.upsertProfile(tx, actor.id, body, d.clock.now());
      await audit(tx, ctx, 'expert.profile_updated', 'user', actor.id, body);
    });
    return profile(ctx);
  }

  async function declareTie(body: z.infer<typeof tieBody>, ctx: Ctx) {
    const actor = requireRole(ctx, 'expert');
    try {
      await d.db.transaction(async (tx) => {
        await d.reviews.addTie(tx, actor.id, body.organisationId, body.note);
        await audit(tx, ctx, 'expert.tie_declared', 'user', actor.id, body);
      });
    } catch (err) {
      if (pgErrorCode(err) === '23503') throw ValidationError.field('organisationId', 'no such organisation');
      throw err;
    }
    return profile(ctx);
  }

  async function removeTie(organisationId: string, ctx: Ctx) {
    const actor = requireRole(ctx, 'expert');
    await d.db.transaction(async (tx) => {
      await d.reviews.removeTie(tx, actor.id, organisationId);
      await audit(tx, ctx, 'expert.tie_removed', 'user', actor.id, { organisationId });
    });
    return profile(ctx);
  }

  /**
   * Feedback for a bidding team, once an award on the challenge is final and the team did not
   * win: its per-criterion scores and the comments experts marked shareable, with no names.
   */
  async function feedback(bidId: string, ctx: Ctx) {
    const actor = requireActor(ctx);
    const bid = await d.bids.findById(d.db, bidId);
    if (!bid || !actor.memberships.some((m) => m.organisationId === bid.teamId)) throw new NotFound('bid');
    const award = await d.finalAward(d.db, bid.challengeId);
    if (!award) throw new Conflict('feedback is shown once the award is final');
    if (award.winnerBidIds.includes(bidId)) throw new Conflict('feedback is for the teams that did not win');
    const ranking = await rankingOf(d.db, bid.challengeId);
    const position = ranking.items.findIndex((i) => i.bidId === bidId);
    const assignments = (await d.reviews.assignmentsForBids(d.db, [bidId])).filter((a) => a.assignment.status === 'scored');
    const scores = await d.reviews.detailedScores(d.db, assignments.map((a) => a.assignment.id));
    const criteria = await d.reviews.criteria(d.db, bid.challengeId);
    return {
      score: position >= 0 ? ranking.items[position]!.score : null,
      rank: position >= 0 ? position + 1 : null,
      of: ranking.items.length,
      criteria: criteria.map((c) => ({
        name: c.name,
        weight: c.weight,
        scores: scores.filter((s) => s.criterionId === c.id).map((s) => s.score).sort((a, b) => b - a),
        comments: scores.filter((s) => s.criterionId === c.id && s.shareable && s.comment).map((s) => s.comment),
      })),
    };
  }

  return { setCriteria, getCriteria, assign, recuse, score, ranking, myAssignments, assignmentDetail, board, queue, profile, updateProfile, declareTie, removeTie, feedback };
}
export type ReviewsService = ReturnType<typeof createReviewsService>;
