import { z } from 'zod';
import { awardState } from '../lifecycles/award';
import { assignmentState } from '../lifecycles/review-assignment';
import { text } from './common';

export const criterion = z.object({
  name: text(50),
  description: z.string().trim().max(500).default(''),
  /** Percent; the weights of a challenge's criteria sum to 100. */
  weight: z.number().int().min(1).max(100),
});
export const criteriaBody = z.object({ criteria: z.array(criterion).min(1).max(10) });
export const criteriaView = z.object({
  criteria: z.array(criterion.extend({ id: z.uuid() })),
  /** Criteria can change until the first score is given. */
  locked: z.boolean(),
});

export function criteriaProblems(criteria: readonly { weight: number }[]): { path: string; message: string }[] {
  const sum = criteria.reduce((s, c) => s + c.weight, 0);
  return sum === 100 ? [] : [{ path: 'criteria', message: `weights must sum to 100 (now ${sum})` }];
}

/** Each criterion is scored 0–10; a bid's score is on 0–100. */
export const maxCriterionScore = 10;

export interface ScoreInput {
  weight: number;
  score: number;
}

/** One expert's total for a bid: Σ score × weight / 10, on a 0–100 scale. */
export function expertTotal(scores: readonly ScoreInput[]): number {
  return scores.reduce((s, x) => s + (x.score * x.weight) / maxCriterionScore, 0);
}

/** A bid's score: the mean of its experts' totals, rounded to two decimals. */
export function bidScore(expertTotals: readonly number[]): number | null {
  if (expertTotals.length === 0) return null;
  return Math.round((expertTotals.reduce((s, x) => s + x, 0) / expertTotals.length) * 100) / 100;
}

export const tieBody = z.object({ organisationId: z.uuid(), note: z.string().trim().max(200).default('') });
export const expertProfileView = z.object({
  institution: z.string().nullable(),
  expertise: z.string(),
  ties: z.array(z.object({ organisationId: z.uuid(), name: z.string(), note: z.string() })),
});
export const expertProfileBody = z.object({ institution: text(100).nullable(), expertise: z.string().trim().max(500) });

export const conflictReason = z.enum(['same_institution', 'member_of_organisation', 'declared_tie', 'recent_deal']);
export type ConflictReason = z.infer<typeof conflictReason>;
export const assignmentBody = z.object({ expertId: z.uuid() });
export const conflictView = z.object({ reason: conflictReason, organisationName: z.string() });

export const assignmentView = z.object({
  id: z.uuid(),
  bidId: z.uuid(),
  expertId: z.uuid(),
  expertName: z.string(),
  status: assignmentState,
  recusalReason: z.string().nullable(),
});

export const myAssignmentList = z.object({
  items: z.array(z.object({ id: z.uuid(), bidId: z.uuid(), challengeId: z.uuid(), challengeTitle: z.string(), teamName: z.string(), status: assignmentState, assignedAt: z.string() })),
});

/** What an assigned expert works from: the criteria and, once given, their own scores. */
export const assignmentDetailView = z.object({
  assignment: assignmentView,
  challengeId: z.uuid(),
  challengeTitle: z.string(),
  teamName: z.string(),
  criteria: z.array(criterion.extend({ id: z.uuid() })),
  scores: z.array(z.object({ criterionId: z.uuid(), score: z.number().int(), comment: z.string(), shareable: z.boolean() })),
  /** This expert's weighted total (0–100) once scored. */
  total: z.number().nullable(),
});

/** An expert in the pool as a candidate for one bid, with the conflicts that block them. */
export const candidateView = z.object({
  expertId: z.uuid(),
  name: z.string(),
  institution: z.string().nullable(),
  expertise: z.string(),
  conflicts: z.array(conflictView),
});

/** The officials' review board of a challenge: criteria and, per eligible bid, experts assigned and available. */
export const reviewBoardView = z.object({
  challengeId: z.uuid(),
  challengeTitle: z.string(),
  criteria: criteriaView,
  bids: z.array(
    z.object({
      bidId: z.uuid(),
      teamName: z.string(),
      assignments: z.array(assignmentView),
      /** Every expert in the pool not yet assigned to this bid; those with conflicts cannot be assigned. */
      candidates: z.array(candidateView),
    }),
  ),
});

/** Officials' pipeline of challenges past their deadline, with where each stands. */
export const reviewQueue = z.object({
  items: z.array(
    z.object({
      challengeId: z.uuid(),
      title: z.string(),
      publisherName: z.string(),
      deadline: z.string().nullable(),
      submitted: z.number().int(),
      awaitingEligibility: z.number().int(),
      eligible: z.number().int(),
      criteriaSet: z.boolean(),
      assignments: z.number().int(),
      scored: z.number().int(),
      rankingFinal: z.boolean(),
      award: z.object({ id: z.uuid(), status: awardState, openObjections: z.number().int() }).nullable(),
    }),
  ),
});

export const recusalBody = z.object({ reason: text(500) });

export const scoreBody = z.object({
  scores: z
    .array(z.object({ criterionId: z.uuid(), score: z.number().int().min(0).max(maxCriterionScore), comment: z.string().trim().max(1000).default(''), shareable: z.boolean().default(false) }))
    .min(1)
    .max(10),
});

/** What a team that did not win learns: per-criterion scores and shareable comments, experts anonymous. */
export const feedbackView = z.object({
  score: z.number().nullable(),
  rank: z.number().int().nullable(),
  of: z.number().int(),
  criteria: z.array(
    z.object({
      name: z.string(),
      weight: z.number().int(),
      /** One per expert, in no particular order: which expert gave which is not shown. */
      scores: z.array(z.number().int()),
      comments: z.array(z.string()),
    }),
  ),
});

export const rankingView = z.object({
  final: z.boolean(),
  items: z.array(
    z.object({
      bidId: z.uuid(),
      teamName: z.string(),
      score: z.number().nullable(),
      expertsScored: z.number().int(),
      expertsAssigned: z.number().int(),
    }),
  ),
});
