/**
 * Calendar arithmetic for milestones (节点) and the officials' board (节点督办): days overdue,
 * the window for the one extension, and the board's filters and order. Dates are the API's
 * calendar days (YYYY-MM-DD); "today" is the browser's local day (`localDate` in deadline.ts).
 */
import * as calendar from '../../../shared/calendar';
import { maxExtensionMonths } from '../../../shared/contracts/contracts';
import { settledMilestoneStates, type MilestoneState } from '../../../shared/lifecycles/milestone';

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day as UTC midnight (ms), or null when it is not a real date (2026-02-30). */
function toUtc(day: string): number | null {
  const match = dayPattern.exec(day.trim());
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = Date.UTC(y, m - 1, d);
  const date = new Date(at);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return at;
}

export function isDay(value: string): boolean {
  return toUtc(value) !== null;
}

/** The API sends dates, but take a timestamp too: its calendar day as written. */
function dayOf(value: string): string {
  return value.slice(0, 10);
}

/** `day` plus `months` calendar months, clamped to the month's end (2026-01-31 + 1 → 2026-02-28): the server's own arithmetic (shared/calendar.ts). */
export function addMonths(day: string, months: number): string | null {
  const d = dayOf(day);
  return isDay(d) ? calendar.addMonths(d, months) : null;
}

export function addDays(day: string, days: number): string | null {
  const d = dayOf(day);
  return isDay(d) ? calendar.addDays(d, days) : null;
}

/** Whole days from `from` to `to` (negative when `to` is earlier); null if either is not a date. */
export function daysBetween(from: string, to: string): number | null {
  const a = dayOf(from);
  const b = dayOf(to);
  return isDay(a) && isDay(b) ? calendar.daysBetween(a, b) : null;
}

interface Flagged {
  status: MilestoneState;
  overdueSince: string | null;
}

/** Overdue is a flag the due-date job sets; an approved or confirmed milestone no longer counts. */
export function isOverdue(m: Flagged): boolean {
  return m.overdueSince !== null && !settledMilestoneStates.includes(m.status);
}

/**
 * Days since the milestone became overdue, for "逾期 n 天"; 0 on the day it was flagged (shown as
 * "今日逾期"), null when it is not overdue.
 */
export function daysOverdue(m: Flagged, today: string): number | null {
  if (!isOverdue(m) || m.overdueSince === null) return null;
  const days = daysBetween(m.overdueSince, today);
  return days === null ? null : Math.max(0, days);
}

// The one extension -----------------------------------------------------------------------

interface Extendable {
  dueOn: string | null;
  originalDueOn: string | null;
}

/** The latest new due date a request may ask for: the original due date plus 12 months (month end clamped). */
export function latestExtensionDate(m: Extendable): string | null {
  const original = m.originalDueOn ?? m.dueOn;
  return original ? addMonths(original, maxExtensionMonths) : null;
}

/** The earliest: the day after the current due date (the new date must be later). */
export function earliestExtensionDate(m: Extendable): string | null {
  return m.dueOn ? addDays(m.dueOn, 1) : null;
}

export type ExtensionDateProblem = 'required' | 'invalid' | 'notLater' | 'tooLate';

/** What is wrong with a requested new due date before it is sent; the server checks the same. */
export function extensionDateProblem(value: string, m: Extendable): ExtensionDateProblem | null {
  const day = value.trim();
  if (day === '') return 'required';
  if (!isDay(day)) return 'invalid';
  const earliest = earliestExtensionDate(m);
  const latest = latestExtensionDate(m);
  if (earliest && day < earliest) return 'notLater';
  if (latest && day > latest) return 'tooLate';
  return null;
}

// The officials' board ----------------------------------------------------------------------

export const boardFilters = ['all', 'overdue', 'due30', 'approved'] as const;
export type BoardFilter = (typeof boardFilters)[number];
/** "30 天内到期": due today or within this many days. */
export const dueSoonDays = 30;

export function parseBoardFilter(value: string | null): BoardFilter {
  return boardFilters.find((f) => f === value) ?? 'all';
}

interface BoardRow extends Flagged {
  dueOn: string | null;
}

/** Whether a row belongs under a filter on `today`. */
export function matchesBoardFilter(row: BoardRow, filter: BoardFilter, today: string): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'overdue':
      return isOverdue(row);
    case 'approved':
      // 待确认拨付: the publisher accepted the evidence; an official confirms and pays.
      return row.status === 'approved';
    case 'due30': {
      // Work still to be done and not yet overdue, due within the next 30 days.
      if (isOverdue(row) || settledMilestoneStates.includes(row.status) || !row.dueOn) return false;
      const days = daysBetween(today, row.dueOn);
      return days !== null && days >= 0 && days <= dueSoonDays;
    }
  }
}

/** Overdue first (longest overdue on top), then by due date (undated last); stable otherwise. */
export function compareBoardRows(a: BoardRow, b: BoardRow): number {
  const ao = isOverdue(a);
  const bo = isOverdue(b);
  if (ao !== bo) return ao ? -1 : 1;
  if (ao && bo && a.overdueSince !== b.overdueSince) return (a.overdueSince ?? '') < (b.overdueSince ?? '') ? -1 : 1;
  if (a.dueOn === b.dueOn) return 0;
  if (a.dueOn === null) return 1;
  if (b.dueOn === null) return -1;
  return a.dueOn < b.dueOn ? -1 : 1;
}

/** The board's rows under a filter, in the board's order. */
export function boardRows<T extends BoardRow>(items: readonly T[], filter: BoardFilter, today: string): T[] {
  return items.filter((row) => matchesBoardFilter(row, filter, today)).sort(compareBoardRows);
}

/** How many rows each filter holds, for the filter's labels. */
export function boardCounts(items: readonly BoardRow[], today: string): Record<BoardFilter, number> {
  return Object.fromEntries(boardFilters.map((f) => [f, items.filter((row) => matchesBoardFilter(row, f, today)).length])) as Record<BoardFilter, number>;
}

/** A calendar day in the user's language without a time-zone shift ("2026年3月31日", "March 31, 2026"). */
export function formatDay(day: string | null, locale: string): string | null {
  if (!day) return null;
  const at = toUtc(dayOf(day));
  if (at === null) return day;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(at));
}
