import type { MessageKey } from '../i18n';
import type { ReviewQueueItem } from './reviews-api';

/**
 * Where a challenge past its deadline stands in 专家评审 and 确定揭榜方 (DOMAIN.md steps 5–6),
 * named by the next step someone has to take. The order is the pipeline's.
 */
export const reviewStages = ['eligibility', 'noEligible', 'criteria', 'assignment', 'scoring', 'proposal', 'confirmation', 'notice', 'final'] as const;
export type ReviewStage = (typeof reviewStages)[number];

export interface ReviewStageInfo {
  stage: ReviewStage;
  /** Needs attention now: open objections during the public notice. */
  alert: boolean;
  key: MessageKey;
  params: Record<string, number>;
}

type Counts = Pick<ReviewQueueItem, 'awaitingEligibility' | 'eligible' | 'criteriaSet' | 'assignments' | 'scored' | 'rankingFinal' | 'award'>;

function info(stage: ReviewStage, params: Record<string, number> = {}, alert = false): ReviewStageInfo {
  return { stage, alert, key: `reviewQueue.stage.${stage}`, params };
}

export function reviewStage(c: Counts): ReviewStageInfo {
  // A standing award decision is further along than anything the counts say. A declined or
  // revoked one is not: the publisher proposes again from the (still final) ranking.
  if (c.award?.status === 'final') return info('final');
  if (c.award?.status === 'in_notice') {
    const open = c.award.openObjections;
    return open > 0 ? { ...info('notice', { count: open }, true), key: 'reviewQueue.stage.noticeObjections' } : info('notice');
  }
  if (c.award?.status === 'proposed') return info('confirmation');

  if (c.awaitingEligibility > 0) return info('eligibility', { count: c.awaitingEligibility });
  if (c.eligible === 0) return info('noEligible');
  if (!c.criteriaSet) return info('criteria');
  if (c.rankingFinal) return info('proposal');
  // Fewer assignments than eligible bids means some bid has no expert at all; nothing left to
  // score while the ranking is not final means a bid has none who did not recuse.
  if (c.assignments < c.eligible || c.scored >= c.assignments) return info('assignment');
  return info('scoring', { scored: c.scored, assignments: c.assignments });
}

/** The `?stage=` filter: a known stage, or null for all. */
export function parseStage(value: string | null): ReviewStage | null {
  return (reviewStages as readonly string[]).includes(value ?? '') ? (value as ReviewStage) : null;
}

/** How many challenges are at each stage, for the filter's options. */
export function countByStage(items: readonly Counts[]): Record<ReviewStage, number> {
  const counts = Object.fromEntries(reviewStages.map((s) => [s, 0])) as Record<ReviewStage, number>;
  for (const item of items) counts[reviewStage(item).stage]++;
  return counts;
}
