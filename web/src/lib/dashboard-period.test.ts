import { describe, expect, it } from 'vitest';
import { chinaMonth, chinaYear, isFutureMonth, monthLabel, parsePeriod, periodAhead, periodEnded, periodHref, yearOptions } from './dashboard-period';

const q = (s: string) => new URLSearchParams(s);

describe('the dashboard period', () => {
  it('counts the year in China time: 16:00 UTC on 31 December is already the new year there', () => {
    expect(chinaYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(chinaYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
  });

  it('reads year and quarter from the query, defaulting to the current year, whole', () => {
    expect(parsePeriod(q(''), 2026)).toEqual({ year: 2026, quarter: null });
    expect(parsePeriod(q('year=2025'), 2026)).toEqual({ year: 2025, quarter: null });
    expect(parsePeriod(q('year=2025&quarter=3'), 2026)).toEqual({ year: 2025, quarter: 3 });
  });

  it('falls back on what the API would refuse instead of asking it', () => {
    expect(parsePeriod(q('year=abc&quarter=5'), 2026)).toEqual({ year: 2026, quarter: null });
    expect(parsePeriod(q('year=1999&quarter=0'), 2026)).toEqual({ year: 2026, quarter: null });
    expect(parsePeriod(q('year=2025.5&quarter=2'), 2026)).toEqual({ year: 2026, quarter: 2 });
  });

  it('keeps the address of the current whole year bare and round-trips the others', () => {
    expect(periodHref('/d', { year: 2026, quarter: null }, 2026)).toBe('/d');
    expect(periodHref('/d', { year: 2026, quarter: 2 }, 2026)).toBe('/d?year=2026&quarter=2');
    expect(periodHref('/d', { year: 2024, quarter: null }, 2026)).toBe('/d?year=2024');
    for (const p of [{ year: 2026, quarter: 4 as const }, { year: 2023, quarter: null }]) {
      expect(parsePeriod(new URL(periodHref('/d', p, 2026), 'http://x').searchParams, 2026)).toEqual(p);
    }
  });

  it('offers next year, this year and five before, newest first, plus a linked year outside that range', () => {
    expect(yearOptions(2026, 2026)).toEqual([2027, 2026, 2025, 2024, 2023, 2022, 2021]);
    expect(yearOptions(2026, 2015)).toEqual([2027, 2026, 2025, 2024, 2023, 2022, 2021, 2015]);
  });

  it('greys the months after the one the figures were read in (China time)', () => {
    const current = chinaMonth('2026-10-31T16:30:00Z'); // 1 November, 00:30 in Beijing
    expect(current).toBe('2026-11');
    expect(isFutureMonth('2026-11', current)).toBe(false);
    expect(isFutureMonth('2026-12', current)).toBe(true);
    expect(isFutureMonth('2025-12', current)).toBe(false);
  });

  it('labels months in the user language', () => {
    expect(monthLabel('2026-03', 'zh-CN')).toBe('3月');
    expect(monthLabel('2026-03', 'en')).toBe('Mar');
  });

  it('tells an ended period and one not begun from the instant the figures were read', () => {
    expect(periodEnded('2026-01-01', '2025-12-31T16:00:00Z')).toBe(true);
    expect(periodEnded('2026-01-01', '2025-12-31T15:59:00Z')).toBe(false);
    expect(periodAhead('2027-01-01', '2026-12-31T15:59:00Z')).toBe(true);
    expect(periodAhead('2027-01-01', '2026-12-31T16:00:00Z')).toBe(false);
  });
});
