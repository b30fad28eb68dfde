import type { BidContent } from '../../../shared/contracts/bids';
import type { Indicator } from '../../../shared/contracts/challenges';

/**
 * Milestone tranches: what is left after the first tranche, split by the bid's shares. Whole
 * yuan; the last milestone takes the rounding so the tranches add up exactly.
 */
export function tranches(amountYuan: number, firstTrancheYuan: number, shares: readonly number[]): number[] {
  const rest = amountYuan - firstTrancheYuan;
  const out = shares.map((s) => Math.floor((rest * s) / 100));
  if (out.length) out[out.length - 1]! += rest - out.reduce((a, b) => a + b, 0);
  return out;
}

/** Acceptance criteria: each indicator of the challenge with the value the team committed to. */
export function acceptanceCriteria(indicators: readonly Indicator[], content: BidContent) {
  return indicators.map((ind, i) => ({
    name: ind.name,
    targetValue: ind.targetValue,
    committedValue: content.indicatorResponses.find((r) => r.indicatorIndex === i)?.committedValue ?? ind.targetValue,
    unit: ind.unit || null,
    verification: ind.verification,
  }));
}
