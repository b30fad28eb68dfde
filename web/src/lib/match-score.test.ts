import { describe, expect, it } from 'vitest';
import { fieldMatchKey, gradeBand, percent, rankingState, scoreSegments } from './match-score';

describe('match score', () => {
  it('stacks the four weighted parts in a fixed order, each as its share of a perfect score', () => {
    const segments = scoreSegments({ text: 0.3456, field: 0.2, track: 0.1, capacity: 0.05 });
    expect(segments.map((s) => s.name)).toEqual(['text', 'field', 'track', 'capacity']);
    expect(segments.map((s) => s.width)).toEqual([34.6, 20, 10, 5]);
  });

  it('never makes the bar wider than 100 % when the parts round up', () => {
    // Parts that sum to a perfect score, each rounding up: 33.4 + 33.4 + 33.3 would be 100.1.
    const segments = scoreSegments({ text: 0.3336, field: 0.3336, track: 0.3328, capacity: 0 });
    expect(segments.map((s) => s.width)).toEqual([33.4, 33.4, 33.2, 0]);
    expect(segments.reduce((sum, s) => sum + s.width, 0)).toBeCloseTo(100, 5);
  });

  it('treats a negative or missing part as nothing', () => {
    expect(scoreSegments({ text: -0.2, field: Number.NaN, track: 0, capacity: 2 }).map((s) => s.width)).toEqual([0, 0, 0, 100]);
  });

  it('shows fractions as whole percentages, clamped to 0–100', () => {
    expect(percent(0.734)).toBe(73);
    expect(percent(0.735)).toBe(74);
    expect(percent(1.2)).toBe(100);
    expect(percent(-1)).toBe(0);
  });

  it('names the nearest acceptance grade of an average', () => {
    expect([1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.3, 0.2, 0].map(gradeBand)).toEqual(['excellent', 'excellent', 'good', 'good', 'pass', 'pass', 'pass', 'fail', 'fail']);
  });

  it('tells a ranking not yet run from one of an older revision', () => {
    const item = {} as never;
    expect(rankingState({ revision: null, currentRevision: 1, items: [] })).toBe('unranked');
    expect(rankingState({ revision: 2, currentRevision: 2, items: [item] })).toBe('current');
    expect(rankingState({ revision: 1, currentRevision: 3, items: [item] })).toBe('queued');
  });

  it('labels a chain or industry match and says nothing for none', () => {
    expect(fieldMatchKey('chain')).toBe('match.field.chain');
    expect(fieldMatchKey('industry')).toBe('match.field.industry');
    expect(fieldMatchKey('none')).toBeNull();
  });
});
