import { describe, expect, it } from 'vitest';
import { zhCN } from '../i18n/zh-CN';
import { batchTitleZh, chineseNumeral } from './batch-title';

describe('chineseNumeral', () => {
  it('writes 1–99 as batch titles do', () => {
    const cases: [number, string][] = [
      [1, '一'],
      [2, '二'],
      [9, '九'],
      [10, '十'],
      [11, '十一'],
      [12, '十二'],
      [19, '十九'],
      [20, '二十'],
      [21, '二十一'],
      [30, '三十'],
      [45, '四十五'],
      [99, '九十九'],
    ];
    for (const [n, numeral] of cases) expect(chineseNumeral(n)).toBe(numeral);
  });

  it('falls back to digits outside 1–99', () => {
    expect(chineseNumeral(0)).toBe('0');
    expect(chineseNumeral(100)).toBe('100');
    expect(chineseNumeral(1.5)).toBe('1.5');
  });
});

describe('batchTitleZh', () => {
  it('titles a batch as "{year}年第{number}批"', () => {
    expect(batchTitleZh(2026, 1)).toBe('2026年第一批');
    expect(batchTitleZh(2026, 12)).toBe('2026年第十二批');
  });

  it('agrees with the zh-CN message', () => {
    expect(zhCN['batch.title'].replace('{year}', '2026').replace('{number}', chineseNumeral(3))).toBe(batchTitleZh(2026, 3));
  });
});
