import { describe, expect, it } from 'vitest';
import { formatWan, maxYuan, parseWan, wanInput } from './money';

describe('parseWan', () => {
  it('converts 万元 to whole yuan without float error', () => {
    expect(parseWan('150')).toEqual({ ok: true, yuan: 1_500_000 });
    expect(parseWan('150.5')).toEqual({ ok: true, yuan: 1_505_000 });
    expect(parseWan('0.0001')).toEqual({ ok: true, yuan: 1 });
    expect(parseWan('1.1')).toEqual({ ok: true, yuan: 11_000 });
    expect(parseWan('0.3')).toEqual({ ok: true, yuan: 3_000 });
    expect(parseWan('.5')).toEqual({ ok: true, yuan: 5_000 });
    expect(parseWan('12.')).toEqual({ ok: true, yuan: 120_000 });
    expect(parseWan('0')).toEqual({ ok: true, yuan: 0 });
  });

  it('accepts what a Chinese IME or a careful typist enters', () => {
    expect(parseWan('１５０．２５')).toEqual({ ok: true, yuan: 1_502_500 });
    expect(parseWan(' 1,000 ')).toEqual({ ok: true, yuan: 10_000_000 });
    expect(parseWan('007')).toEqual({ ok: true, yuan: 70_000 });
  });

  it('is null for an empty field', () => {
    expect(parseWan('')).toBeNull();
    expect(parseWan('   ')).toBeNull();
  });

  it('refuses text, negatives, a fifth decimal and more than the ceiling', () => {
    expect(parseWan('abc')).toEqual({ ok: false, problem: 'format' });
    expect(parseWan('-5')).toEqual({ ok: false, problem: 'format' });
    expect(parseWan('.')).toEqual({ ok: false, problem: 'format' });
    expect(parseWan('1.2.3')).toEqual({ ok: false, problem: 'format' });
    expect(parseWan('1e3')).toEqual({ ok: false, problem: 'format' });
    expect(parseWan('0.00001')).toEqual({ ok: false, problem: 'precision' });
    expect(parseWan('100000')).toEqual({ ok: true, yuan: maxYuan });
    expect(parseWan('100000.0001')).toEqual({ ok: false, problem: 'range' });
    expect(parseWan('99999999999999999999')).toEqual({ ok: false, problem: 'range' });
  });
});

describe('formatWan', () => {
  it('shows yuan in 万元 with up to four decimals and grouped thousands', () => {
    expect(formatWan(1_500_000)).toBe('150');
    expect(formatWan(1_505_000)).toBe('150.5');
    expect(formatWan(12_345)).toBe('1.2345');
    expect(formatWan(1)).toBe('0.0001');
    expect(formatWan(0)).toBe('0');
    expect(formatWan(maxYuan)).toBe('100,000');
    expect(formatWan(12_345_670_000 / 10)).toBe('123,456.7');
  });
});

describe('wanInput', () => {
  it('round-trips through parseWan', () => {
    for (const yuan of [0, 1, 9_999, 10_000, 1_505_000, 123_456_789, maxYuan]) {
      expect(parseWan(wanInput(yuan))).toEqual({ ok: true, yuan });
    }
  });

  it('is empty for no amount', () => {
    expect(wanInput(null)).toBe('');
    expect(wanInput(undefined)).toBe('');
  });
});
