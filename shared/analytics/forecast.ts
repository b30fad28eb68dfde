/**
 * The year's forecast of deals (signed contracts): what is signed, plus what is in the
 * pipeline weighted by how often each stage has historically become a deal.
 *
 *   forecast = signed + Σ_stage  items(stage) × rate(stage)
 *
 * A rate is deals per item (a horse-race award yields several contracts, so it may exceed 1),
 * smoothed towards a default with `priorWeight` pseudo-observations: before there is history
 * the default rules, and each finished case moves it towards what really happened.
 */
export const pipelineStages = ['awaitingSignature', 'inNotice', 'inReview'] as const;
export type PipelineStage = (typeof pipelineStages)[number];

/** Deals per item when there is no history: most drafted contracts get signed, fewer reviews end in one. */
export const defaultRates: Record<PipelineStage, number> = { awaitingSignature: 0.9, inNotice: 0.8, inReview: 0.6 };
export const priorWeight = 5;

export interface StageHistory {
  /** Finished cases: items that left the stage (became deals or not). */
  cases: number;
  /** Deals those cases led to. */
  deals: number;
}

export function smoothedRate(h: StageHistory, fallback: number, weight = priorWeight): number {
  return (h.deals + fallback * weight) / (h.cases + weight);
}

export interface ForecastInput {
  target: number;
  signed: number;
  pipeline: Record<PipelineStage, number>;
  history: Record<PipelineStage, StageHistory>;
}

export interface Forecast {
  target: number;
  signed: number;
  /** Expected deals by year end, to one decimal. */
  expected: number;
  stages: { stage: PipelineStage; items: number; rate: number; expectedDeals: number }[];
  verdict: 'on_track' | 'at_risk';
  /** Deals still needed beyond the expected ones (0 when on track). */
  gap: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function forecastDeals(i: ForecastInput): Forecast {
  const stages = pipelineStages.map((stage) => {
    const rate = smoothedRate(i.history[stage], defaultRates[stage]);
    return { stage, items: i.pipeline[stage], rate: Math.round(rate * 1000) / 1000, expectedDeals: round1(i.pipeline[stage] * rate) };
  });
  const expected = round1(i.signed + stages.reduce((s, x) => s + i.pipeline[x.stage] * smoothedRate(i.history[x.stage], defaultRates[x.stage]), 0));
  return { target: i.target, signed: i.signed, expected, stages, verdict: expected >= i.target ? 'on_track' : 'at_risk', gap: Math.max(0, round1(i.target - expected)) };
}
