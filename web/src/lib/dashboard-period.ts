import { chinaDate } from '../../../shared/calendar';
import { periodQuery } from '../../../shared/contracts/analytics';
import type { Locale } from '../../../shared/roles';

/**
 * The dashboard's period (a year, or one of its quarters) ⇄ the page's query string. Years
 * and quarters are China's calendar, as the server counts them (shared/analytics/periods.ts).
 */
export type Quarter = 1 | 2 | 3 | 4;
export interface DashboardPeriod {
  year: number;
  quarter: Quarter | null;
}

export const quarters: readonly Quarter[] = [1, 2, 3, 4];

/** The year in China at an instant: officials in Beijing time start a new year at midnight there. */
export function chinaYear(at: Date): number {
  return Number(chinaDate(at).slice(0, 4));
}

/** `?year=&quarter=` read with the API's own schema; anything it refuses falls back to the current year, whole. */
export function parsePeriod(query: URLSearchParams, currentYear: number): DashboardPeriod {
  const year = periodQuery.shape.year.safeParse(query.get('year') ?? currentYear);
  const rawQuarter = query.get('quarter');
  const quarter = rawQuarter ? periodQuery.shape.quarter.safeParse(rawQuarter) : null;
  return {
    year: year.success ? year.data : currentYear,
    quarter: quarter?.success && quarter.data !== undefined ? (quarter.data as Quarter) : null,
  };
}

/** The page address for a period; the current whole year is the bare path, so the link stays short. */
export function periodHref(path: string, p: DashboardPeriod, currentYear: number): string {
  const params = new URLSearchParams();
  if (p.year !== currentYear || p.quarter !== null) params.set('year', String(p.year));
  if (p.quarter !== null) params.set('quarter', String(p.quarter));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * The years offered, newest first: next year (to set its target ahead), this year and the five
 * before; a year reached by a link stays in the list so the select shows what is on screen.
 */
export function yearOptions(currentYear: number, selected: number): number[] {
  const years = Array.from({ length: 7 }, (_, i) => currentYear + 1 - i);
  if (!years.includes(selected)) years.push(selected);
  return years.sort((a, b) => b - a);
}

/** YYYY-MM in China at an instant (the dashboard's `asOf`). */
export function chinaMonth(iso: string): string {
  return chinaDate(new Date(iso)).slice(0, 7);
}

/** Whether a month is still ahead of `currentMonth` (both YYYY-MM): its bar is greyed, not a zero to worry about. */
export function isFutureMonth(month: string, currentMonth: string): boolean {
  return month > currentMonth;
}

/** "1月" / "Jan"; a month of the period, YYYY-MM. */
export function monthLabel(month: string, locale: Locale): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** Whether the period has ended by `asOf` (its `to` is exclusive, YYYY-MM-DD). */
export function periodEnded(to: string, asOf: string): boolean {
  return chinaDate(new Date(asOf)) >= to;
}

/** Whether the period starts after `asOf`. */
export function periodAhead(from: string, asOf: string): boolean {
  return chinaDate(new Date(asOf)) < from;
}
