import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fromDateTimeLocal, timeLeft, toDateTimeLocal } from './deadline';

const now = new Date('2026-04-01T08:00:00Z');

describe('timeLeft', () => {
  it('counts whole days while a day or more is left', () => {
    expect(timeLeft('2026-04-11T08:00:00Z', now)).toEqual({ kind: 'days', days: 10 });
    expect(timeLeft('2026-04-11T07:59:00Z', now)).toEqual({ kind: 'days', days: 9 });
    expect(timeLeft('2026-04-02T08:00:00Z', now)).toEqual({ kind: 'days', days: 1 });
  });

  it('counts hours on the last day, rounding up', () => {
    expect(timeLeft('2026-04-02T07:00:00Z', now)).toEqual({ kind: 'hours', hours: 23 });
    expect(timeLeft('2026-04-01T08:10:00Z', now)).toEqual({ kind: 'hours', hours: 1 });
  });

  it('says when the deadline has passed or is unknown', () => {
    expect(timeLeft('2026-04-01T08:00:00Z', now)).toEqual({ kind: 'passed' });
    expect(timeLeft('2025-12-31T00:00:00+08:00', now)).toEqual({ kind: 'passed' });
    expect(timeLeft(null, now)).toEqual({ kind: 'none' });
    expect(timeLeft('not a date', now)).toEqual({ kind: 'none' });
  });
});

describe('datetime-local conversion', () => {
  it('gives ISO with an offset that the contract accepts and means the same instant', () => {
    const iso = fromDateTimeLocal('2026-05-31T17:00');
    expect(iso).toMatch(/^2026-05-31T17:00:00[+-]\d{2}:\d{2}$/);
    expect(z.iso.datetime({ offset: true }).safeParse(iso).success).toBe(true);
    expect(new Date(iso!).getTime()).toBe(new Date(2026, 4, 31, 17, 0).getTime());
  });

  it('round-trips through the input value', () => {
    for (const value of ['2026-05-31T17:00', '2027-01-01T00:00', '2026-12-31T23:59']) {
      expect(toDateTimeLocal(fromDateTimeLocal(value))).toBe(value);
    }
  });

  it('refuses values that are not dates', () => {
    expect(fromDateTimeLocal('')).toBeNull();
    expect(fromDateTimeLocal('2026-02-30T10:00')).toBeNull();
    expect(fromDateTimeLocal('31/05/2026 17:00')).toBeNull();
    expect(toDateTimeLocal(null)).toBe('');
    expect(toDateTimeLocal('garbage')).toBe('');
  });
});
