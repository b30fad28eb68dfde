import type { z } from 'zod';
import type { challengeMatches, matchExplanation } from '../../../shared/contracts/matching';
import type { Grade } from '../../../shared/contracts/contracts';

export type MatchExplanation = z.output<typeof matchExplanation>;
export type MatchComponents = MatchExplanation['components'];
export type FieldMatch = MatchExplanation['fieldMatch'];

/** The parts of a score, in the order the stacked bar and its legend show them. */
export const componentNames = ['text', 'field', 'track', 'capacity'] as const;
export type ComponentName = (typeof componentNames)[number];

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/** A fraction 0–1 as a whole percentage. */
export const percent = (fraction: number) => Math.round(clamp01(fraction) * 100);

export interface ScoreSegment {
  name: ComponentName;
  /** The weighted part, 0–1 (the parts add up to the score). */
  value: number;
  /** Its width in the bar, in % of a perfect score (one decimal); the widths never add up past 100. */
  width: number;
}

/** The stacked bar's segments: each component's share of a perfect score of 1. */
export function scoreSegments(components: MatchComponents): ScoreSegment[] {
  let left = 100;
  return componentNames.map((name) => {
    const value = clamp01(components[name]);
    const width = Math.min(left, Math.round(value * 1000) / 10);
    left = Math.round((left - width) * 10) / 10;
    return { name, value, width };
  });
}

/** The nearest acceptance grade to an average on the ranker's scale (excellent 1, good 0.75, pass 0.5, fail 0). */
export function gradeBand(average: number): Grade {
  if (average >= 0.875) return 'excellent';
  if (average >= 0.625) return 'good';
  if (average >= 0.25) return 'pass';
  return 'fail';
}

export type RankingState = 'unranked' | 'queued' | 'current';

/**
 * Whether the ranking job has run (the revision is read off the stored rows, so no rows means
 * not yet), and whether it ranked the challenge's current text or a re-rank is still queued.
 */
export function rankingState(m: Pick<z.output<typeof challengeMatches>, 'revision' | 'currentRevision' | 'items'>): RankingState {
  if (m.items.length === 0 || m.revision === null) return 'unranked';
  return m.revision === m.currentRevision ? 'current' : 'queued';
}

/** The label key of a field match; none says nothing. */
export function fieldMatchKey(match: FieldMatch): 'match.field.chain' | 'match.field.industry' | null {
  if (match === 'chain') return 'match.field.chain';
  if (match === 'industry') return 'match.field.industry';
  return null;
}
