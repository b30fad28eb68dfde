import { describe, expect, it } from 'vitest';
import { defaultRates, forecastDeals, smoothedRate } from '../../shared/analytics/forecast';
import { funnel, medianDays } from '../../shared/analytics/funnel';
import { periodBounds, periodLabel, periodMonths } from '../../shared/analytics/periods';

const none = { cases: 0, deals: 0 };

describe('the forecast', () => {
  it('uses the default rates before there is history', () => {
    const f = forecastDeals({ target: 50, signed: 40, pipeline: { awaitingSignature: 2, inNotice: 3, inReview: 5 }, history: { awaitingSignature: none, inNotice: none, inReview: none } });
    // 40 + 2 × 0.9 + 3 × 0.8 + 5 × 0.6 = 47.2
    expect(f.expected).toBe(47.2);
    expect(f.verdict).toBe('at_risk');
    expect(f.gap).toBe(2.8);
    expect(f.stages.map((s) => s.rate)).toEqual([defaultRates.awaitingSignature, defaultRates.inNotice, defaultRates.inReview]);
  });

  it('moves each rate towards what history shows, five cases of prior weight', () => {
    // 20 reviews finished, 18 deals (a horse race can make more than one): (18 + 0.6 × 5) / 25 = 0.84.
    expect(smoothedRate({ cases: 20, deals: 18 }, 0.6)).toBeCloseTo(0.84, 12);
    const f = forecastDeals({ target: 45, signed: 40, pipeline: { awaitingSignature: 0, inNotice: 0, inReview: 6 }, history: { awaitingSignature: none, inNotice: none, inReview: { cases: 20, deals: 18 } } });
    expect(f.expected).toBe(45);
    expect(f.verdict).toBe('on_track');
    expect(f.gap).toBe(0);
  });
});

describe('the funnel and stage times', () => {
  it('gives each stage its share of the previous one', () => {
    const steps = funnel({ submitted: 40, published: 36, bid: 30, awarded: 24, signed: 24, accepted: 0 });
    expect(steps.map((s) => s.conversion)).toEqual([null, 0.9, 0.833, 0.8, 1, 0]);
    expect(funnel({ submitted: 0, published: 0, bid: 0, awarded: 0, signed: 0, accepted: 0 })[1]!.conversion).toBeNull();
  });

  it('takes the median of day counts', () => {
    expect(medianDays([])).toBeNull();
    expect(medianDays([10, 2, 7])).toBe(7);
    expect(medianDays([1, 2, 3, 10])).toBe(2.5);
  });
});

describe('periods', () => {
  it('bounds a quarter and a year at midnight China time', () => {
    const q3 = periodBounds({ year: 2026, quarter: 3 });
    expect(q3.from.toISOString()).toBe('2026-06-30T16:00:00.000Z');
    expect(q3.to.toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(periodBounds({ year: 2026, quarter: 4 }).toDate).toBe('2027-01-01');
    expect(periodMonths({ year: 2026, quarter: 2 })).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(periodMonths({ year: 2026, quarter: null })).toHaveLength(12);
    expect(periodLabel({ year: 2026, quarter: 3 }, 'zh-CN')).toBe('2026年第三季度');
    expect(periodLabel({ year: 2026, quarter: null }, 'en')).toBe('2026');
  });
});
