import { describe, expect, it } from 'vitest';
import { parseTarget, targetMax, targetMin } from './dashboard-target';

describe('parseTarget', () => {
  it('takes a whole number of deals, as typed with a Chinese IME too', () => {
    expect(parseTarget('50')).toEqual({ ok: true, deals: 50 });
    expect(parseTarget(' ５０ ')).toEqual({ ok: true, deals: 50 });
    expect(parseTarget('1,200')).toEqual({ ok: true, deals: 1200 });
  });

  it('names what is wrong: nothing typed, not a whole number, out of the API bounds', () => {
    expect(parseTarget('')).toEqual({ ok: false, problem: 'required' });
    expect(parseTarget('12.5')).toEqual({ ok: false, problem: 'whole' });
    expect(parseTarget('-3')).toEqual({ ok: false, problem: 'whole' });
    expect(parseTarget('五十')).toEqual({ ok: false, problem: 'whole' });
    expect(parseTarget('0')).toEqual({ ok: false, problem: 'range' });
    expect(parseTarget(String(targetMax + 1))).toEqual({ ok: false, problem: 'range' });
  });

  it('uses the bounds of the shared contract', () => {
    expect([targetMin, targetMax]).toEqual([1, 100_000]);
    expect(parseTarget(String(targetMax))).toEqual({ ok: true, deals: targetMax });
  });
});
