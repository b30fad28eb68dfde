import { z } from 'zod';
import type { declineAwardBody, objectionBody, proposeAwardBody, resolveObjectionBody } from '../../../shared/contracts/awards';
import { awardLifecycle } from '../../../shared/lifecycles/award';
import { addWorkingDays } from '../../../shared/working-days';
import { noticeJob, notifyJob } from '../../../jobs/contracts';
import type { Config } from '../../config';
import type { Actor, Ctx } from '../../context';
import { requireActor, requireRole, systemCtx } from '../../context';
import { Conflict, Forbidden, NotFound, ValidationError } from '../../errors';
import { appendAudit } from '../../infra/audit';
import type { Clock } from '../../infra/clock';
import { uniqueViolation, type Db, type Executor, type Tx } from '../../infra/database';
import { enqueueJob } from '../../infra/outbox';
import { guardTransition } from '../../lifecycle-guard';
import type { ChallengesRepository } from '../challenges/repository';
import { canSeeChallenge, isOfficial, isPublisherSide } from '../challenges/views';
import type { ReviewsService } from '../reviews/service';
import type { AwardRow, AwardsRepository } from './repository';

export interface AwardsDeps {
  db: Db;
  clock: Clock;
  awards: AwardsRepository;
  challenges: ChallengesRepository;
  ranking: ReviewsService['ranking'];
  config: Pick<Config, 'NOTICE_WORKING_DAYS'>;
  /** Drafts the contracts of an award that became final, in the same transaction (contracts module). */
  onFinal(tx: Tx, award: AwardRow): Promise<void>;
}

/** 确定揭榜方 → 公示 → final (DOMAIN.md step 6). */
export function createAwardsService(d: AwardsDeps) {
  async function view(ex: Executor, a: AwardRow, actor: Actor | null) {
    // One query at a time: `ex` may be a transaction, whose one connection runs one query at a time.
    const winners = await d.awards.winners(ex, a.winnerBidIds);
    const objections = await d.awards.objectionsOf(ex, a.id);
    const title = await d.awards.challengeTitle(ex, a.challengeId);
    const staff = isOfficial(actor);
    return {
      id: a.id,
      challengeId: a.challengeId,
      challengeTitle: title,
      status: a.status,
      // In the order proposed (the ranking's order unless the publisher departed from it).
      winners: a.winnerBidIds.flatMap((id) => winners.filter((w) => w.bidId === id).map((w) => ({ bidId: w.bidId, teamName: w.teamName }))),
      horseRace: a.winnerBidIds.length > 1,
      reason: a.reason,
      closedReason: a.closedReason ?? null,
      proposedAt: a.proposedAt.toISOString(),
      confirmedAt: a.confirmedAt?.toISOString() ?? null,
      noticeEndsAt: a.noticeEndsAt?.toISOString() ?? null,
      finalAt: a.finalAt?.toISOString() ?? null,
      // The public sees that objections exist and how they ended; officials handle them.
      objections: objections
        .filter((o) => staff || o.lodgedBy === actor?.id || o.status !== 'open')
        .map((o) => ({ id: o.id, reason: o.reason, status: o.status, resolution: o.resolution, lodgedAt: o.createdAt.toISOString(), mine: o.lodgedBy === actor?.id })),
    };
  }

  function audit(tx: Tx, ctx: Ctx, action: string, id: string, before: unknown, after: unknown) {
    return appendAudit(tx, { at: d.clock.now(), actorId: ctx.actor?.id ?? null, reqId: ctx.reqId, action: `award.${action}`, entityType: 'award', entityId: id, before, after });
  }

  const notifyOrg = (tx: Tx, kind: Parameters<typeof notifyJob>[0]['kind'], orgId: string, challengeId: string, cause: string, extra: Record<string, string> = {}) =>
    enqueueJob(tx, notifyJob({ kind, audience: { type: 'organisation', organisationId: orgId }, refs: { challengeId }, extra, link: `/challenges/${challengeId}`, cause }));

  /**
   * The publisher proposes from the final ranking: one winner, or two or three in a horse race
   * when the challenge allows it; departing from the ranking needs a reason.
   */
  async function propose(challengeId: string, body: z.infer<typeof proposeAwardBody>, ctx: Ctx) {
    const actor = requireActor(ctx);
    const c = await d.challenges.findById(d.db, challengeId);
    if (!c) throw new NotFound('challenge');
    if (!isPublisherSide(actor, c, await d.challenges.related(d.db, challengeId))) {
      throw new Forbidden('the publisher proposes the winner');
    }
    const ranking = await d.ranking(challengeId, ctx);
    if (!ranking.final) throw new Conflict('the ranking is not final: every assigned expert must score first');
    const winners = [...new Set(body.winnerBidIds)];
    const max = c.allowsHorseRace ? 3 : 1;
    if (winners.length > max) throw ValidationError.field('winnerBidIds', c.allowsHorseRace ? 'a horse race awards two or three teams' : 'this challenge awards one team (no horse race)');
    const ranked = ranking.items.map((i) => i.bidId);
    if (winners.some((w) => !ranked.includes(w))) throw ValidationError.field('winnerBidIds', 'winners must be eligible, reviewed bids of this challenge');
    const top = ranked.slice(0, winners.length);
    if (winners.some((w) => !top.includes(w)) && !body.reason) throw ValidationError.field('reason', 'explain why the award departs from the ranking');
    try {
      return await d.db.transaction(async (tx) => {
        const now = d.clock.now();
        const a = await d.awards.insert(tx, { challengeId, winnerBidIds: winners, reason: body.reason, proposedBy: actor.id, proposedAt: now });
        await audit(tx, ctx, 'proposed', a.id, null, { challengeId, winners, reason: body.reason });
        await enqueueJob(tx, notifyJob({ kind: 'award_proposed', audience: { type: 'role', role: 'official' }, refs: { challengeId }, extra: {}, link: `/challenges/${challengeId}`, cause: `award.proposed.${a.id}` }));
        return view(tx, a, actor);
      });
    } catch (err) {
      if (uniqueViolation(err) !== null) throw new Conflict('an award decision already stands for this challenge');
      throw err;
    }
  }

  /** Confirmation opens the public notice. Of concurrent confirmations exactly one succeeds. */
  async function confirm(id: string, ctx: Ctx) {
    const actor = requireRole(ctx, 'official');
    return d.db.transaction(async (tx) => {
      const current = await d.awards.find(tx, id);
      if (!current) throw new NotFound('award');
      const t = guardTransition(awardLifecycle, current.status, 'confirm', actor.roles);
      const now = d.clock.now();
      const noticeEndsAt = addWorkingDays(now, d.config.NOTICE_WORKING_DAYS);
      const a = await d.awards.transition(tx, id, 'proposed', { status: t.to, confirmedBy: actor.id, confirmedAt: now, noticeEndsAt });
      if (!a) throw new Conflict('this award decision was confirmed or declined a moment ago');
      await audit(tx, ctx, 'confirm', id, { status: 'proposed' }, { status: t.to, noticeEndsAt });
      await enqueueJob(tx, noticeJob(id, noticeEndsAt));
      const c = (await d.challenges.findById(tx, a.challengeId))!;
      const until = noticeEndsAt.toISOString().slice(0, 10);
      await notifyOrg(tx, 'award_in_notice', c.publisherId, c.id, `award.notice.${id}.publisher`, { until });
      for (const w of await d.awards.winners(tx, a.winnerBidIds)) await notifyOrg(tx, 'award_in_notice', w.teamId, c.id, `award.notice.${id}.${w.teamId}`, { until });
      return view(tx, a, actor);
    });
  }

  async function decline(id: string, body: z.infer<typeof declineAwardBody>, ctx: Ctx) {
    const actor = requireRole(ctx, 'official');
    return d.db.transaction(async (tx) => {
      const current = await d.awards.find(tx, id);
      if (!current) throw new NotFound('award');
      const t = guardTransition(awardLifecycle, current.status, 'decline', actor.roles);
      const a = await d.awards.transition(tx, id, 'proposed', { status: t.to, closedReason: body.reason });
      if (!a) throw new Conflict('this award decision was confirmed or declined a moment ago');
      await audit(tx, ctx, 'decline', id, { status: 'proposed' }, { status: t.to, reason: body.reason });
      const c = (await d.challenges.findById(tx, a.challengeId))!;
      await notifyOrg(tx, 'award_declined', c.publisherId, c.id, `award.declined.${id}`, { reason: body.reason });
      return view(tx, a, actor);
    });
  }

  /** Any logged-in user may object while the notice runs. */
  async function object(id: string, body: z.infer<typeof objectionBody>, ctx: Ctx) {
    const actor = requireActor(ctx);
    return d.db.transaction(async (tx) => {
      const a = await d.awards.find(tx, id, { forUpdate: true });
      if (!a) throw new NotFound('award');
      if (a.status !== 'in_notice' || !a.noticeEndsAt || a.noticeEndsAt <= d.clock.now()) throw new Conflict('objections are taken while the award is in public notice');
      const o = await d.awards.insertObjection(tx, { awardId: id, lodgedBy: actor.id, reason: body.reason, createdAt: d.clock.now() });
      await audit(tx, ctx, 'objection_lodged', id, null, { objectionId: o.id });
      await enqueueJob(tx, notifyJob({ kind: 'objection_lodged', audience: { type: 'role', role: 'official' }, refs: { challengeId: a.challengeId }, extra: {}, link: `/challenges/${a.challengeId}`, cause: `award.objection.${o.id}` }));
      return view(tx, a, actor);
    });
  }

  /** Upheld: the award is revoked and the challenge goes back to review. Dismissed: it stands. */
  async function resolveObjection(objectionId: string, body: z.infer<typeof resolveObjectionBody>, ctx: Ctx) {
    const actor = requireRole(ctx, 'official');
    return d.db.transaction(async (tx) => {
      const o = await d.awards.findObjection(tx, objectionId, { forUpdate: true });
      if (!o) throw new NotFound('objection');
      const a = (await d.awards.find(tx, o.awardId, { forUpdate: true }))!;
      const now = d.clock.now();
      const resolved = await d.awards.resolveObjection(tx, objectionId, { status: body.decision, resolution: body.resolution, resolvedBy: actor.id, resolvedAt: now });
      if (!resolved) throw new Conflict('this objection is already resolved');
      let current = a;
      if (body.decision === 'upheld') {
        const t = guardTransition(awardLifecycle, a.status, 'revoke', actor.roles);
        current = (await d.awards.transition(tx, a.id, 'in_notice', { status: t.to, closedReason: body.resolution }))!;
        await audit(tx, ctx, 'revoke', a.id, { status: a.status }, { status: t.to, objectionId });
        const c = (await d.challenges.findById(tx, a.challengeId))!;
        await notifyOrg(tx, 'award_revoked', c.publisherId, c.id, `award.revoked.${a.id}`);
      }
      await audit(tx, ctx, `objection_${body.decision}`, a.id, { objection: 'open' }, { objection: body.decision, resolution: body.resolution });
      await enqueueJob(tx, notifyJob({ kind: 'objection_resolved', audience: { type: 'user', userId: o.lodgedBy }, refs: { challengeId: a.challengeId }, extra: { decision: body.decision === 'upheld' ? '异议成立 / upheld' : '异议不成立 / dismissed' }, link: `/challenges/${a.challengeId}`, cause: `award.objection.resolved.${o.id}` }));
      // The last open objection dismissed after the notice ended: the award becomes final now.
      if (body.decision === 'dismissed' && (await finaliseIfDue(tx, a.id))) current = (await d.awards.find(tx, a.id))!;
      return view(tx, current, actor);
    });
  }

  async function finaliseIfDue(tx: Tx, id: string): Promise<boolean> {
    const a = await d.awards.find(tx, id, { forUpdate: true });
    const now = d.clock.now();
    if (!a || a.status !== 'in_notice' || !a.noticeEndsAt || a.noticeEndsAt > now) return false;
    if ((await d.awards.objectionsOf(tx, id)).some((o) => o.status === 'open')) return false;
    const t = guardTransition(awardLifecycle, a.status, 'finalise', 'system');
    const final = (await d.awards.transition(tx, id, 'in_notice', { status: t.to, finalAt: now }))!;
    await audit(tx, systemCtx, 'finalise', id, { status: a.status }, { status: t.to });
    await d.onFinal(tx, final);
    const c = (await d.challenges.findById(tx, a.challengeId))!;
    await notifyOrg(tx, 'award_final', c.publisherId, c.id, `award.final.${id}.publisher`);
    for (const w of await d.awards.winners(tx, a.winnerBidIds)) await notifyOrg(tx, 'award_final', w.teamId, c.id, `award.final.${id}.${w.teamId}`);
    return true;
  }

  /** The notice-ending job: idempotent; with an objection still open it waits for its resolution. */
  async function endNotice(id: string): Promise<'final' | 'skipped'> {
    return d.db.transaction(async (tx) => ((await finaliseIfDue(tx, id)) ? 'final' : 'skipped'));
  }

  async function forChallenge(challengeId: string, ctx: Ctx) {
    const c = await d.challenges.findById(d.db, challengeId);
    const related = c ? await d.challenges.related(d.db, challengeId) : null;
    // A challenge the viewer may not see (a draft, a directed one) has no awards to show them.
    if (!c || !related || !canSeeChallenge(ctx.actor, c, related)) throw new NotFound('challenge');
    const rows = await d.awards.forChallenge(d.db, challengeId);
    const insider = isOfficial(ctx.actor) || isPublisherSide(ctx.actor, c, related);
    // Proposals and declined ones are internal to the publisher side and officials; the public sees decisions from the notice on.
    const visible = rows.filter((r) => insider || ['in_notice', 'final', 'revoked'].includes(r.status));
    return { items: await Promise.all(visible.map((r) => view(d.db, r, ctx.actor))) };
  }

  /** The public notice board (公示): awards currently in notice, on challenges the viewer may see. */
  async function notices(ctx: Ctx) {
    const rows = await d.awards.inStates(d.db, ['in_notice']);
    const seen = [];
    for (const r of rows) {
      const c = await d.challenges.findById(d.db, r.challengeId);
      if (c && canSeeChallenge(ctx.actor, c, await d.challenges.related(d.db, c.id))) seen.push(r);
    }
    return { items: await Promise.all(seen.map((r) => view(d.db, r, ctx.actor))) };
  }

  return { propose, confirm, decline, object, resolveObjection, endNotice, forChallenge, notices };
}
export type AwardsService = ReturnType<typeof createAwardsService>;
