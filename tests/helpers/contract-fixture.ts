import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { awardDecisions, contracts } from '../../db/schema';
import type { Services } from '../../server/services';
import type { Db } from '../../server/infra/database';
import type { Client } from './client';
import { closedWithEligibleBids, reviewed } from './review-fixture';

/** A challenge whose award became final: its contracts are drafted. */
export async function finalAward(app: FastifyInstance, db: Db, services: Services, o: { publisherId: string; authorId: string; publisher: Client; official: Client; n?: number; horseRace?: boolean }) {
  const n = o.n ?? 1;
  const f = await closedWithEligibleBids(app, db, { publisherId: o.publisherId, authorId: o.authorId, official: o.official, n, allowsHorseRace: o.horseRace });
  await reviewed(app, db, o.official, f.challenge.id, f.bids.map((b) => b.id));
  const winners = o.horseRace ? f.bids.slice(0, 2).map((b) => b.id) : [f.bids[0]!.id];
  const proposed = await o.publisher.request('POST', `/api/challenges/${f.challenge.id}/awards`, { winnerBidIds: winners });
  expect(proposed.statusCode, proposed.body).toBe(201);
  const awardId = proposed.json().id as string;
  expect((await o.official.request('POST', `/api/awards/${awardId}/confirm`)).statusCode).toBe(200);
  await db.update(awardDecisions).set({ noticeEndsAt: new Date(Date.now() - 1000) }).where(eq(awardDecisions.id, awardId));
  expect(await services.awards.endNotice(awardId)).toBe('final');
  const rows = await db.select().from(contracts).where(eq(contracts.awardId, awardId));
  return { ...f, awardId, contracts: rows };
}
