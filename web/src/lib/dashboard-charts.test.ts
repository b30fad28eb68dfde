import { describe, expect, it } from 'vitest';
import { barChartHeight, chartTheme, funnelOption, funnelShade, horizontalBarOption, monthlyOption, textWidth } from './dashboard-charts';

const theme = chartTheme(false);

/** The first series of an option, as the plain object the builders make. */
const series = (option: ReturnType<typeof monthlyOption>): any => (option.series as unknown[])[0];

describe('monthlyOption', () => {
  const rows = [
    { label: '10月', deals: 4, future: false },
    { label: '11月', deals: 0, future: false },
    { label: '12月', deals: 0, future: true },
  ];

  it('draws a bar per month in order with its count on top', () => {
    const s = series(monthlyOption(rows, theme));
    expect(s.type).toBe('bar');
    expect(s.data.map((d: { value: number }) => d.value)).toEqual([4, 0, 0]);
    expect(s.data[0].label.show).toBe(true);
  });

  it('writes no "0" on empty months, so the months with deals stand out', () => {
    expect(series(monthlyOption(rows, theme)).data[1].label.show).toBe(false);
  });

  it('greys the months still ahead, bar and axis label', () => {
    const option = monthlyOption(rows, theme);
    const s = series(option);
    expect(s.data.map((d: { itemStyle: { color: string } }) => d.itemStyle.color)).toEqual([theme.accent, theme.accent, theme.future]);
    expect(s.data[2].label.show).toBe(false);
    const axis = (option.xAxis as any).data;
    expect(axis.map((a: { value: string }) => a.value)).toEqual(['10月', '11月', '12月']);
    expect(axis[2].textStyle.color).toBe(theme.muted);
    expect(axis[0].textStyle.color).toBe(theme.text);
  });

  it('counts whole deals on the value axis', () => {
    expect((monthlyOption(rows, theme).yAxis as any).minInterval).toBe(1);
  });
});

describe('funnelOption', () => {
  const rows = [
    { label: '提交需求', count: 40, text: '提交需求 40' },
    { label: '发榜', count: 30, text: '发榜 30 · 75%' },
    { label: '签约', count: 0, text: '签约 0 · 0%' },
  ];

  it('keeps the stage order and scales to the first stage', () => {
    const s = series(funnelOption(rows, theme));
    expect(s.type).toBe('funnel');
    expect(s.sort).toBe('none');
    expect(s.max).toBe(40);
    expect(s.data.map((d: { name: string; value: number }) => [d.name, d.value])).toEqual([
      ['提交需求', 40],
      ['发榜', 30],
      ['签约', 0],
    ]);
  });

  it('writes each stage’s text beside it', () => {
    const s = series(funnelOption(rows, theme));
    expect([0, 1, 2].map((dataIndex) => s.label.formatter({ dataIndex }))).toEqual(rows.map((r) => r.text));
  });

  it('does not divide by zero when nothing was submitted', () => {
    expect(series(funnelOption([{ label: 'a', count: 0, text: 'a 0' }], theme)).max).toBe(1);
  });

  it('shades later stages lighter, from the accent', () => {
    expect(funnelShade('#1f4e99', 0, 6)).toBe('#1f4e99');
    expect(funnelShade('#000000', 5, 6)).toBe('#737373');
    expect(funnelShade('#1f4e99', 0, 1)).toBe('#1f4e99');
  });
});

describe('horizontalBarOption', () => {
  const rows = [
    { label: '新能源', value: 12, text: '12 项 · 1,200 万元' },
    { label: '未记录', value: 3, text: '3 项 · 90 万元' },
    { label: '履约验收', value: null, text: '暂无' },
  ];

  it('lists the first row on top and writes each row’s text after its bar', () => {
    const option = horizontalBarOption(rows, theme);
    const y = option.yAxis as any;
    expect(y.inverse).toBe(true);
    expect(y.data).toEqual(['新能源', '未记录', '履约验收']);
    const s = series(option);
    expect([0, 1, 2].map((dataIndex) => s.label.formatter({ dataIndex }))).toEqual(rows.map((r) => r.text));
  });

  it('keeps a row without data in place, greyed, rather than dropping it', () => {
    const s = series(horizontalBarOption(rows, theme));
    expect(s.data[0]).toBe(12);
    expect(s.data[2]).toEqual({ value: 0, itemStyle: { color: theme.future } });
  });

  it('leaves room on the right for the longest text', () => {
    const grid = horizontalBarOption(rows, theme).grid as any;
    expect(grid.right).toBe(textWidth('12 项 · 1,200 万元', theme.fontSize) + 16);
  });
});

describe('chart sizes', () => {
  it('grows the type for a projector', () => {
    expect(chartTheme(true).fontSize).toBeGreaterThan(chartTheme(false).fontSize);
  });

  it('counts CJK characters a full em and Latin ones about half', () => {
    expect(textWidth('万元', 10)).toBe(20);
    expect(textWidth('12', 10)).toBe(12);
  });

  it('gives each bar a row and a small chart at least three', () => {
    expect(barChartHeight(10, theme)).toBeGreaterThan(barChartHeight(5, theme));
    expect(barChartHeight(1, theme)).toBe(barChartHeight(3, theme));
  });
});
