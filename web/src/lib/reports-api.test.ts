import { describe, expect, it } from 'vitest';
import { chinaTime, hasBegun, isRunning, lastFinishedQuarter, parseReportPeriod, quarterOf, quartersBegun, reportHref, reportYears } from './reports-api';

// 2026-11-21 12:00 in China; and 2026-12-31 23:30 in China, which is still the 31st there.
const now = new Date('2026-11-21T04:00:00Z');
const newYearsEve = new Date('2026-12-31T15:30:00Z');
const newYear = new Date('2026-12-31T16:30:00Z');

describe('the quarterly report period', () => {
  it('finds the quarter of a China date and the last finished one', () => {
    expect(quarterOf('2026-07-01')).toEqual({ year: 2026, quarter: 3 });
    expect(quarterOf('2026-09-30')).toEqual({ year: 2026, quarter: 3 });
    expect(lastFinishedQuarter(now)).toEqual({ year: 2026, quarter: 3 });
    expect(lastFinishedQuarter(newYearsEve)).toEqual({ year: 2026, quarter: 3 });
    // Midnight in Beijing, 16:30 UTC: the new year has begun there, so Q4 is finished.
    expect(lastFinishedQuarter(newYear)).toEqual({ year: 2026, quarter: 4 });
  });

  it('offers only quarters that have begun, and knows the running one', () => {
    expect(quartersBegun(2026, now)).toEqual([1, 2, 3, 4]);
    expect(quartersBegun(2027, now)).toEqual([]);
    expect(quartersBegun(2027, newYear)).toEqual([1]);
    expect(hasBegun({ year: 2027, quarter: 1 }, now)).toBe(false);
    expect(isRunning({ year: 2026, quarter: 4 }, now)).toBe(true);
    expect(isRunning({ year: 2026, quarter: 3 }, now)).toBe(false);
  });

  it('reads the period from the address, falling back to the last finished quarter', () => {
    const read = (search: string) => parseReportPeriod(new URLSearchParams(search), now);
    expect(read('year=2025&quarter=2')).toEqual({ year: 2025, quarter: 2 });
    expect(read('year=2026&quarter=4')).toEqual({ year: 2026, quarter: 4 });
    for (const bad of ['', 'year=2026', 'year=2026&quarter=5', 'year=abc&quarter=1', 'year=2027&quarter=1']) expect(read(bad), bad).toEqual({ year: 2026, quarter: 3 });
    expect(reportHref({ year: 2025, quarter: 2 })).toBe('/officials/reports/quarterly?year=2025&quarter=2');
  });

  it('lists this year and the five before, keeping a year reached by a link', () => {
    expect(reportYears(now, 2026)).toEqual([2026, 2025, 2024, 2023, 2022, 2021]);
    expect(reportYears(now, 2015)).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2015]);
  });

  it('prints instants in China time', () => {
    expect(chinaTime('2026-11-21T04:00:00.000Z')).toBe('2026-11-21 12:00');
    expect(chinaTime('2026-12-31T16:30:00Z')).toBe('2027-01-01 00:30');
  });
});
