import { z } from 'zod';
import { awardState } from '../lifecycles/award';
import { text } from './common';

export const proposeAwardBody = z.object({
  /** One winner, or 2–3 for a horse race (赛马) when the challenge allows it. */
  winnerBidIds: z.array(z.uuid()).min(1).max(3),
  /** Required when the winners are not the top of the ranking. */
  reason: z.string().trim().max(1000).default(''),
});
export const declineAwardBody = z.object({ reason: text(1000) });
export const objectionBody = z.object({ reason: text(2000) });
export const resolveObjectionBody = z.object({ decision: z.enum(['upheld', 'dismissed']), resolution: text(2000) });

export const objectionView = z.object({
  id: z.uuid(),
  reason: z.string(),
  status: z.enum(['open', 'upheld', 'dismissed']),
  resolution: z.string().nullable(),
  lodgedAt: z.string(),
  /** Only the official handling it, and the person who lodged it, see who that was. */
  mine: z.boolean(),
});

export const awardView = z.object({
  id: z.uuid(),
  challengeId: z.uuid(),
  challengeTitle: z.string(),
  status: awardState,
  winners: z.array(z.object({ bidId: z.uuid(), teamName: z.string() })),
  horseRace: z.boolean(),
  reason: z.string(),
  /** Why an official declined the proposal, or the resolution that revoked the award. */
  closedReason: z.string().nullable(),
  proposedAt: z.string(),
  confirmedAt: z.string().nullable(),
  noticeEndsAt: z.string().nullable(),
  finalAt: z.string().nullable(),
  objections: z.array(objectionView),
});
export type AwardView = z.infer<typeof awardView>;
export const awardList = z.object({ items: z.array(awardView) });
