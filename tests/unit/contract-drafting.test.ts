import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tranches } from '../../server/modules/contracts/drafting';
import { milestoneSchedule, reminderRunAt } from '../../server/modules/contracts/schedule';

describe('tranches', () => {
  it('split what is left after the first tranche by the shares, adding up exactly', () => {
    expect(tranches(1_000_000, 0, [30, 30, 40])).toEqual([300_000, 300_000, 400_000]);
    expect(tranches(1_000_001, 600_000, [50, 50])).toEqual([200_000, 200_001]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 0, max: 100 }), fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 10 }), (amount, firstPct, raw) => {
        const first = Math.floor((amount * firstPct) / 100);
        const total = raw.reduce((a, b) => a + b, 0);
        const shares = raw.map((r) => (r * 100) / total);
        const t = tranches(amount, first, shares);
        expect(t.reduce((a, b) => a + b, 0) + first).toBe(amount);
        expect(t.every((x) => x >= 0)).toBe(true);
      }),
    );
  });
});

describe('a milestone’s schedule', () => {
  it('reminds 14 and 3 days before at 09:00 China time and flags overdue when the due date is over', () => {
    expect(reminderRunAt('2027-03-15', 'remind-14').toISOString()).toBe('2027-03-01T01:00:00.000Z');
    expect(reminderRunAt('2027-03-15', 'remind-3').toISOString()).toBe('2027-03-12T01:00:00.000Z');
    expect(reminderRunAt('2027-03-15', 'due').toISOString()).toBe('2027-03-15T16:00:00.000Z');
    expect(reminderRunAt('2027-03-15', 'escalate', 2).toISOString()).toBe('2027-03-29T16:00:00.000Z');
  });

  it('skips reminders already past, never the due date', () => {
    const kinds = (now: string) => milestoneSchedule('00000000-0000-4000-8000-000000000001', '2027-03-15', new Date(now)).map((j) => (j.payload as { kind: string }).kind);
    expect(kinds('2027-01-01T00:00:00Z')).toEqual(['remind-14', 'remind-3', 'due']);
    expect(kinds('2027-03-05T00:00:00Z')).toEqual(['remind-3', 'due']);
    expect(kinds('2027-03-20T00:00:00Z')).toEqual(['due']);
  });
});
