/**
 * The funnel of a cohort (the needs submitted in a period): how many reached each stage, and
 * the share of the previous stage that did. Counting one cohort keeps every rate ≤ 100 %.
 */
export const funnelStages = ['submitted', 'published', 'bid', 'awarded', 'signed', 'accepted'] as const;
export type FunnelStage = (typeof funnelStages)[number];

export interface FunnelStep {
  stage: FunnelStage;
  count: number;
  /** Of the previous stage; null for the first stage or after an empty one. */
  conversion: number | null;
}

export function funnel(counts: Record<FunnelStage, number>): FunnelStep[] {
  return funnelStages.map((stage, i) => {
    const prev = i > 0 ? counts[funnelStages[i - 1]!] : 0;
    return { stage, count: counts[stage], conversion: i === 0 || prev === 0 ? null : Math.round((counts[stage] / prev) * 1000) / 1000 };
  });
}

/** The stages a challenge spends time in, between the timestamps that open and close them. */
export const durationStages = ['vetting', 'bidding', 'review', 'signing', 'delivery'] as const;
export type DurationStage = (typeof durationStages)[number];

/** The median of day counts, to one decimal; null for none. */
export function medianDays(days: readonly number[]): number | null {
  if (days.length === 0) return null;
  const s = [...days].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  const v = s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  return Math.round(v * 10) / 10;
}
