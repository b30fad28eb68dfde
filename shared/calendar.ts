/**
 * Calendar dates in China Standard Time (UTC+8, no daylight saving): due dates, payment dates
 * and registration dates are days, not instants. Dates are 'YYYY-MM-DD' strings.
 */
const cstOffsetMs = 8 * 3_600_000;

/** The date in China at an instant. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + cstOffsetMs).toISOString().slice(0, 10);
}

/** An instant on a China date at a given hour (0–24) local time. */
export function chinaInstant(date: string, hour = 0): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - cstOffsetMs + hour * 3_600_000);
}

/** `months` after a date; the 31st becomes the last day of a shorter month (Jan 31 + 1 → Feb 28/29). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
