import { chinaDate } from '../../../shared/calendar';
import {
  quarterlyReport,
  quarterQuery,
  reportExport,
  type QuarterlyReport,
  type ReportDeal,
  type ReportExport,
  type ReportOverdueItem,
  type ReportPipelineItem,
} from '../../../shared/contracts/reports';
import { request } from './api';

export type { QuarterlyReport, ReportDeal, ReportExport, ReportOverdueItem, ReportPipelineItem };

/** 季度通报 (issue 7): a quarter's report for the printable page, and its Excel export (officials). */
export type Quarter = 1 | 2 | 3 | 4;
export interface ReportPeriod {
  year: number;
  quarter: Quarter;
}

export const reportsApi = {
  quarterly: (p: ReportPeriod) => request('GET', '/api/reports/quarterly', { query: { year: p.year, quarter: p.quarter }, response: quarterlyReport }),
  startExport: (p: ReportPeriod) => request('POST', '/api/reports/quarterly/exports', { body: { year: p.year, quarter: p.quarter }, response: reportExport }),
  exportStatus: (id: string) => request('GET', `/api/reports/quarterly/exports/${encodeURIComponent(id)}`, { response: reportExport }),
};

/** Where a finished export is downloaded; the server names the file. */
export const exportFileHref = (id: string) => `/api/reports/quarterly/exports/${encodeURIComponent(id)}/file`;

export const reportPath = '/officials/reports/quarterly';
export const reportHref = (p: ReportPeriod) => `${reportPath}?year=${p.year}&quarter=${p.quarter}`;

/** The quarter a China date (YYYY-MM-DD) falls in. */
export function quarterOf(day: string): ReportPeriod {
  return { year: Number(day.slice(0, 4)), quarter: (Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1) as Quarter };
}

/** The last quarter that has ended by `now` (China time): the report officials usually want. */
export function lastFinishedQuarter(now: Date): ReportPeriod {
  const current = quarterOf(chinaDate(now));
  return current.quarter === 1 ? { year: current.year - 1, quarter: 4 } : { year: current.year, quarter: (current.quarter - 1) as Quarter };
}

/** Whether a quarter has begun by `now`: later ones have nothing to report (the server refuses them). */
export function hasBegun(p: ReportPeriod, now: Date): boolean {
  const current = quarterOf(chinaDate(now));
  return p.year < current.year || (p.year === current.year && p.quarter <= current.quarter);
}

/** Whether the quarter is still running at `now`: its figures are so far, not final. */
export function isRunning(p: ReportPeriod, now: Date): boolean {
  const current = quarterOf(chinaDate(now));
  return p.year === current.year && p.quarter === current.quarter;
}

/** The quarters of `year` that have begun by `now`. */
export function quartersBegun(year: number, now: Date): Quarter[] {
  return ([1, 2, 3, 4] as const).filter((quarter) => hasBegun({ year, quarter }, now));
}

/** The years offered, newest first: this year and the five before; a year reached by a link stays listed. */
export function reportYears(now: Date, selected: number): number[] {
  const current = quarterOf(chinaDate(now)).year;
  const years = Array.from({ length: 6 }, (_, i) => current - i);
  if (!years.includes(selected)) years.push(selected);
  return years.sort((a, b) => b - a);
}

/** `?year=&quarter=` read with the API's own schema; anything refused, or a quarter not yet begun, gives the last finished quarter. */
export function parseReportPeriod(query: URLSearchParams, now: Date): ReportPeriod {
  const parsed = quarterQuery.safeParse({ year: query.get('year') ?? undefined, quarter: query.get('quarter') ?? undefined });
  if (!parsed.success) return lastFinishedQuarter(now);
  const p: ReportPeriod = { year: parsed.data.year, quarter: parsed.data.quarter as Quarter };
  return hasBegun(p, now) ? p : lastFinishedQuarter(now);
}

/** An instant in China time, "2026-11-21 12:00", as the report and its workbook print it. */
export function chinaTime(iso: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return new Date(at + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Statuses after which an export changes no more: polling stops. */
export const exportSettled = (e: Pick<ReportExport, 'status'>) => e.status !== 'running';
