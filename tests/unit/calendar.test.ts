import { describe, expect, it } from 'vitest';
import { addDays, addMonths, chinaDate, chinaInstant, daysBetween } from '../../shared/calendar';

describe('calendar dates in China', () => {
  it('reads the date in China, which is ahead of UTC', () => {
    expect(chinaDate(new Date('2026-11-21T15:59:59Z'))).toBe('2026-11-21');
    expect(chinaDate(new Date('2026-11-21T16:00:00Z'))).toBe('2026-11-22');
    expect(chinaInstant('2026-11-22', 9).toISOString()).toBe('2026-11-22T01:00:00.000Z');
  });

  it('adds months, clamping to the end of shorter months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-21', 12)).toBe('2027-11-21');
    expect(addMonths('2026-12-15', 3)).toBe('2027-03-15');
  });

  it('counts days', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(daysBetween('2026-11-21', '2026-12-05')).toBe(14);
    expect(daysBetween('2026-12-05', '2026-11-21')).toBe(-14);
  });
});
