import { z } from 'zod';
import type { batchCreateBody } from '../../../shared/contracts/challenges';
import { challengeLifecycle } from '../../../shared/lifecycles/challenge';
import { deadlineJob, notifyJob, rankChallengeJob } from '../../../jobs/contracts';
import type { Ctx } from '../../context';
import { requireRole } from '../../context';
import { Conflict, NotFound, ValidationError } from '../../errors';
import { appendAudit } from '../../infra/audit';
import type { Clock } from '../../infra/clock';
import { uniqueViolation, type Db } from '../../infra/database';
import { enqueueJob } from '../../infra/outbox';
import { guardTransition } from '../../lifecycle-guard';
import type { BatchRow, ChallengesRepository } from './repository';
import { searchTokens } from './service';

const numerals = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1–99 in Chinese numerals, as batch titles are written: 第一批, 第十批, 第十二批, 第二十批. */
export function chineseNumber(n: number): string {
  if (n < 10) return numerals[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : numerals[tens]}十${numerals[n % 10]}`;
}
export const batchTitle = (year: number, number: number) => `${year}年第${chineseNumber(number)}批`;

const toBatch = (b: BatchRow, challengeCount: number) => ({
  id: b.id,
  title: b.title,
  year: b.year,
  number: b.number,
  status: b.status,
  publishedAt: b.publishedAt?.toISOString() ?? null,
  challengeCount,
});

export function createBatchesService(d: { db: Db; clock: Clock; challenges: ChallengesRepository }) {
  /** Published batches are public (the list filters by them); drafts are for officials. */
  async function list(ctx: Ctx) {
    const staff = !!ctx.actor && (ctx.actor.roles.includes('official') || ctx.actor.roles.includes('admin'));
    const rows = await d.challenges.listBatches(d.db);
    return { items: rows.filter((r) => staff || r.batch.status === 'published').map((r) => toBatch(r.batch, r.challengeCount)) };
  }

  async function create(body: z.infer<typeof batchCreateBody>, ctx: Ctx) {
    const actor = requireRole(ctx, 'official');
    try {
      return await d.db.transaction(async (tx) => {
        const now = d.clock.now();
        const batch = await d.challenges.insertBatch(tx, { year: body.year, number: body.number, title: batchTitle(body.year, body.number), createdBy: actor.id, createdAt: now });
        for (const id of new Set(body.challengeIds)) {
          const c = await d.challenges.findById(tx, id, { forUpdate: true });
          if (!c) throw ValidationError.field('challengeIds', `unknown challenge ${id}`);
          if (c.status !== 'approved') throw ValidationError.field('challengeIds', `“${c.title}” is ${c.status}; only approved challenges go into a batch`);
          if (c.batchId) throw ValidationError.field('challengeIds', `“${c.title}” is already in a batch`);
          await d.challenges.update(tx, id, { batchId: batch.id, updatedAt: now });
        }
        await appendAudit(tx, { at: now, actorId: actor.id, reqId: ctx.reqId, action: 'batch.created', entityType: 'batch', entityId: batch.id, after: { title: batch.title, challengeIds: body.challengeIds } });
        return toBatch(batch, new Set(body.challengeIds).size);
      });
    } catch (err) {
      if (uniqueViolation(err) !== null) throw new Conflict(`${batchTitle(body.year, body.number)} already exists`, [{ path: 'number', message: 'this batch number is taken for that year' }]);
      throw err;
    }
  }

  /**
   * 发榜: publishes every challenge of the batch at once, and schedules through the outbox the
   * delayed job that closes bidding at each deadline. All or nothing: one challenge whose
   * deadline has already passed stops the batch with its title named.
   */
  async function publish(id: string, ctx: Ctx) {
    const actor = requireRole(ctx, 'official');
    return d.db.transaction(async (tx) => {
      const batch = await d.challenges.findBatch(tx, id, { forUpdate: true });
      if (!batch) throw new NotFound('batch');
      if (batch.status === 'published') throw new Conflict(`${batch.title} is already published`);
      const now = d.clock.now();
      const members = await d.challenges.challengesInBatch(tx, id);
      if (members.length === 0) throw new Conflict(`${batch.title} has no challenges`);
      const late = members.filter((c) => !c.deadline || c.deadline <= now).map((c) => `“${c.title}”`);
      if (late.length) throw new Conflict(`the deadline has passed for ${late.join('、')}; change it or take it out of the batch`);
      const published: string[] = [];
      for (const c of members) {
        const t = guardTransition(challengeLifecycle, c.status, 'publish', actor.roles);
        const updated = await d.challenges.update(tx, c.id, { status: t.to, publishedAt: now, updatedAt: now });
        await d.challenges.setSearchTokens(tx, c.id, searchTokens(updated, await d.challenges.publisherName(tx, c.publisherId)));
        await enqueueJob(tx, deadlineJob(c.id, c.deadline!));
        // Matching ranks the teams for it and invites the best (issue 6).
        await enqueueJob(tx, rankChallengeJob(c.id, updated.revision));
        await enqueueJob(tx, notifyJob({ kind: 'challenge_published', audience: { type: 'organisation', organisationId: c.publisherId }, refs: { challengeId: c.id }, extra: { batch: batch.title, deadline: c.deadline!.toISOString().slice(0, 10) }, link: `/challenges/${c.id}`, cause: `challenge.publish.${c.id}` }));
        await appendAudit(tx, { at: now, actorId: actor.id, reqId: ctx.reqId, action: 'challenge.publish', entityType: 'challenge', entityId: c.id, before: { status: c.status }, after: { status: t.to, batchId: id } });
        published.push(c.id);
      }
      const updated = await d.challenges.updateBatch(tx, id, { status: 'published', publishedAt: now, publishedBy: actor.id });
      await appendAudit(tx, { at: now, actorId: actor.id, reqId: ctx.reqId, action: 'batch.published', entityType: 'batch', entityId: id, before: { status: batch.status }, after: { status: 'published', challenges: published.length } });
      return { ...toBatch(updated, members.length), published };
    });
  }

  return { list, create, publish };
}
export type BatchesService = ReturnType<typeof createBatchesService>;
