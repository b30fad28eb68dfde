import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../../shared/contracts/analytics';
import { formatCount, formatRate, formatShare, progress, standing, topRows, verdictTone } from './dashboard-figures';

function dashboard(over: Partial<Dashboard> = {}): Dashboard {
  return {
    period: { year: 2026, quarter: null, from: '2026-01-01', to: '2027-01-01' },
    asOf: '2026-11-21T04:00:00.000Z',
    target: { year: 2026, deals: 50, isDefault: false },
    dealsSigned: 38,
    forecast: null,
    dealsByMonth: [],
    funnel: [],
    medianDays: [],
    breakdowns: { industry: [], district: [], institution: [], broker: [] },
    money: { contractValueYuan: 0, subsidyYuan: 0, enterpriseFundsYuan: 0, tranchesPaidYuan: 0 },
    ...over,
  };
}

describe('standing', () => {
  it('takes the forecast verdict and gap while the year runs', () => {
    const forecast = { expected: 45.8, verdict: 'at_risk' as const, gap: 4.2, stages: [] };
    expect(standing(dashboard({ forecast }))).toEqual({ verdict: 'at_risk', gap: 4.2 });
    expect(standing(dashboard({ forecast: { ...forecast, expected: 52, verdict: 'on_track', gap: 0 } }))).toEqual({ verdict: 'on_track', gap: 0 });
  });

  it('judges a finished year by what was signed', () => {
    const past = { period: { year: 2025, quarter: null, from: '2025-01-01', to: '2026-01-01' } };
    expect(standing(dashboard({ ...past, dealsSigned: 38 }))).toEqual({ verdict: 'missed', gap: 12 });
    expect(standing(dashboard({ ...past, dealsSigned: 50 }))).toEqual({ verdict: 'achieved', gap: 0 });
    expect(standing(dashboard({ ...past, dealsSigned: 61 }))).toEqual({ verdict: 'achieved', gap: 0 });
  });

  it('gives no verdict for a quarter (the target is a year’s) or a year not begun', () => {
    expect(standing(dashboard({ period: { year: 2025, quarter: 2, from: '2025-04-01', to: '2025-07-01' } }))).toBeNull();
    expect(standing(dashboard({ period: { year: 2027, quarter: null, from: '2027-01-01', to: '2028-01-01' }, dealsSigned: 0 }))).toBeNull();
  });

  it('colours good news and warnings apart', () => {
    expect(['on_track', 'achieved', 'at_risk', 'missed'].map((v) => verdictTone(v as never))).toEqual(['good', 'good', 'bad', 'bad']);
  });
});

describe('progress', () => {
  it('stacks the expected rest on what is signed, within the target', () => {
    expect(progress(38, 50, 45.8)).toEqual({ signed: 76, pipeline: 15.6, percent: 76 });
  });

  it('never draws past the target, while the percentage may pass 100', () => {
    expect(progress(60, 50, 70)).toEqual({ signed: 100, pipeline: 0, percent: 120 });
    expect(progress(40, 50, 80)).toEqual({ signed: 80, pipeline: 20, percent: 80 });
  });

  it('has no pipeline without a forecast, and nothing to divide by without a target', () => {
    expect(progress(10, 40, null)).toEqual({ signed: 25, pipeline: 0, percent: 25 });
    expect(progress(10, 0, 12)).toEqual({ signed: 0, pipeline: 0, percent: 0 });
  });
});

describe('formatting', () => {
  it('writes counts grouped with at most one decimal', () => {
    expect(formatCount(1204, 'zh-CN')).toBe('1,204');
    expect(formatCount(45.83, 'en')).toBe('45.8');
    expect(formatCount(46, 'en')).toBe('46');
  });

  it('writes shares as percentages and rates with two decimals', () => {
    expect(formatShare(0.625, 'zh-CN')).toBe('62.5%');
    expect(formatShare(1, 'en')).toBe('100%');
    expect(formatRate(0.9, 'zh-CN')).toBe('0.90');
    expect(formatRate(1.234, 'en')).toBe('1.23');
  });
});

describe('topRows', () => {
  const rows = Array.from({ length: 13 }, (_, i) => ({ key: `k${i}`, deals: 20 - i, amountYuan: 10_000 * (i + 1) }));

  it('keeps the ten largest and sums the rest, so nothing silently disappears', () => {
    const top = topRows(rows);
    expect(top.shown.map((r) => r.key)).toEqual(rows.slice(0, 10).map((r) => r.key));
    expect(top.rest).toEqual({ rows: 3, deals: 10 + 9 + 8, amountYuan: 10_000 * (11 + 12 + 13) });
  });

  it('leaves nothing over when there are ten or fewer', () => {
    expect(topRows(rows.slice(0, 4)).rest).toEqual({ rows: 0, deals: 0, amountYuan: 0 });
  });
});
