import type { BarSeriesOption, FunnelSeriesOption } from 'echarts/charts';
import type { GridComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

/**
 * ECharts options for the dashboard, built from rows the page has already labelled in the
 * user's language. Pure (no DOM, no ECharts runtime), so the unit tests read them directly.
 *
 * No tooltips: every value is written on its bar (a projector has no mouse, and the numbers
 * must be readable from the back of the room), the exact figures are in each chart's table,
 * and a tooltip's HTML would carry organisation names typed by users.
 */
export type DashboardChartOption = ComposeOption<BarSeriesOption | FunnelSeriesOption | GridComponentOption>;

export interface ChartTheme {
  fontSize: number;
  fontFamily: string;
  text: string;
  muted: string;
  accent: string;
  /** Months still ahead and bars without data. */
  future: string;
  gridLine: string;
}

/** app.css's palette; the type grows in presentation mode, for a meeting-room projector. */
export function chartTheme(presenting: boolean): ChartTheme {
  return {
    fontSize: presenting ? 20 : 14,
    fontFamily: "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', system-ui, sans-serif",
    text: '#1a1f29',
    muted: '#555e6d',
    accent: '#1f4e99',
    future: '#c9d1dd',
    gridLine: '#e3e7ee',
  };
}

/**
 * Roughly how wide a label is drawn, for the room beside horizontal bars: CJK characters are a
 * full em, Latin letters and digits about half. Overestimating only leaves some white space.
 */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const ch of text) ems += /[\u2E80-\uFFEF]/.test(ch) ? 1 : 0.6;
  return Math.ceil(ems * fontSize);
}

const base = (theme: ChartTheme) => ({
  textStyle: { fontFamily: theme.fontFamily, fontSize: theme.fontSize, color: theme.text },
  color: [theme.accent],
});

export interface MonthBar {
  label: string;
  deals: number;
  /** After the current month: greyed. */
  future: boolean;
}

/** Deals signed per month: a vertical bar each, the count on top; months ahead greyed. */
export function monthlyOption(rows: readonly MonthBar[], theme: ChartTheme): DashboardChartOption {
  return {
    ...base(theme),
    grid: { left: 8, right: 8, top: theme.fontSize * 2, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'category',
      data: rows.map((r) => ({ value: r.label, textStyle: { color: r.future ? theme.muted : theme.text } })),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: theme.muted } },
      // ECharts drops labels that would overlap (twelve months on a phone), keeping every one on a laptop.
      axisLabel: { fontSize: theme.fontSize },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { fontSize: theme.fontSize, color: theme.muted },
      splitLine: { lineStyle: { color: theme.gridLine } },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 48,
        data: rows.map((r) => ({
          value: r.deals,
          itemStyle: { color: r.future ? theme.future : theme.accent },
          // A count on every bar that has one; rows of "0" would only be noise on a projector.
          label: { show: !r.future && r.deals > 0, position: 'top', fontSize: theme.fontSize, fontWeight: 'bold', color: theme.text },
        })),
      },
    ],
  };
}

export interface FunnelRow {
  label: string;
  count: number;
  /** What is written beside the section: the stage, its count and its conversion. */
  text: string;
}

/** Submitted → … → accepted for one cohort, in stage order (never re-sorted by size). */
export function funnelOption(rows: readonly FunnelRow[], theme: ChartTheme): DashboardChartOption {
  const max = Math.max(1, ...rows.map((r) => r.count));
  const texts = rows.map((r) => r.text);
  return {
    ...base(theme),
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: 8,
        top: 8,
        bottom: 8,
        width: '48%',
        min: 0,
        max,
        minSize: '6%',
        gap: 3,
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        label: {
          show: true,
          position: 'right',
          fontSize: theme.fontSize,
          color: theme.text,
          formatter: (p: { dataIndex: number }) => texts[p.dataIndex] ?? '',
        },
        labelLine: { show: true, lineStyle: { color: theme.muted } },
        data: rows.map((r, i) => ({ name: r.label, value: r.count, itemStyle: { color: funnelShade(theme.accent, i, rows.length) } })),
      },
    ],
  };
}

/** The accent, lighter for each later stage, so adjacent sections stay distinct without a legend. */
export function funnelShade(hex: string, index: number, count: number): string {
  const mix = count <= 1 ? 0 : (index / (count - 1)) * 0.45;
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16);
    return Math.round(c + (255 - c) * mix)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}

export interface LabelledBar {
  label: string;
  /** null: no data (drawn as nothing, the text says so). */
  value: number | null;
  /** Written after the bar, e.g. "12 项 · 1,200 万元" or "暂无". */
  text: string;
}

/** Horizontal bars, first row on top, the value written after each bar (stage times, breakdowns). */
export function horizontalBarOption(rows: readonly LabelledBar[], theme: ChartTheme): DashboardChartOption {
  const texts = rows.map((r) => r.text);
  const room = Math.max(0, ...texts.map((t) => textWidth(t, theme.fontSize))) + 16;
  return {
    ...base(theme),
    grid: { left: 8, right: room, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'value', show: false, min: 0, minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.label),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: theme.muted } },
      axisLabel: { fontSize: theme.fontSize, color: theme.text, width: theme.fontSize * 10, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: theme.fontSize * 1.8,
        // Keeps a row without data in place with its text, where a missing bar would shift the labels.
        data: rows.map((r) => (r.value === null ? { value: 0, itemStyle: { color: theme.future } } : r.value)),
        label: {
          show: true,
          position: 'right',
          fontSize: theme.fontSize,
          color: theme.text,
          formatter: (p: { dataIndex: number }) => texts[p.dataIndex] ?? '',
        },
      },
    ],
  };
}

/** Room a horizontal bar chart needs: a row per bar, at least a few rows' worth. */
export function barChartHeight(rows: number, theme: ChartTheme): number {
  return Math.max(3, rows) * Math.round(theme.fontSize * 2.6) + 24;
}
