import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  boardCounts,
  boardRows,
  compareBoardRows,
  daysBetween,
  daysOverdue,
  earliestExtensionDate,
  extensionDateProblem,
  formatDay,
  isOverdue,
  latestExtensionDate,
  parseBoardFilter,
} from './milestone-schedule';

describe('addMonths', () => {
  it('adds calendar months', () => {
    expect(addMonths('2026-03-15', 12)).toBe('2027-03-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
  });

  it('takes the day of a timestamp and refuses what is not a date', () => {
    expect(addMonths('2026-05-31T00:00:00+08:00', 1)).toBe('2026-06-30');
    expect(addMonths('2026-02-30', 1)).toBeNull();
    expect(addMonths('soon', 1)).toBeNull();
  });
});

describe('days', () => {
  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('counts whole days between two dates', () => {
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30);
    // Daylight saving elsewhere does not matter: the arithmetic is on calendar days.
    expect(daysBetween('2026-03-01', '2026-11-01')).toBe(245);
    expect(daysBetween('x', '2026-03-01')).toBeNull();
  });
});

describe('overdue', () => {
  it('counts days since the flag was set, 0 on that day', () => {
    expect(daysOverdue({ status: 'pending', overdueSince: '2026-04-01' }, '2026-04-11')).toBe(10);
    expect(daysOverdue({ status: 'returned', overdueSince: '2026-04-01' }, '2026-04-01')).toBe(0);
  });

  it('is not overdue without the flag or once the work is accepted', () => {
    expect(daysOverdue({ status: 'pending', overdueSince: null }, '2026-04-11')).toBeNull();
    expect(isOverdue({ status: 'approved', overdueSince: '2026-04-01' })).toBe(false);
    expect(isOverdue({ status: 'confirmed', overdueSince: '2026-04-01' })).toBe(false);
    expect(isOverdue({ status: 'submitted', overdueSince: '2026-04-01' })).toBe(true);
  });
});

describe('extension window', () => {
  it('allows up to 12 months past the original due date, clamped to month end', () => {
    expect(latestExtensionDate({ dueOn: '2026-06-30', originalDueOn: null })).toBe('2027-06-30');
    expect(latestExtensionDate({ dueOn: '2027-01-31', originalDueOn: null })).toBe('2028-01-31');
    expect(latestExtensionDate({ dueOn: '2028-02-29', originalDueOn: null })).toBe('2029-02-28');
    // After the extension, the window is still counted from the original date.
    expect(latestExtensionDate({ dueOn: '2026-12-31', originalDueOn: '2026-06-30' })).toBe('2027-06-30');
    expect(latestExtensionDate({ dueOn: null, originalDueOn: null })).toBeNull();
  });

  it('starts the day after the current due date', () => {
    expect(earliestExtensionDate({ dueOn: '2026-06-30', originalDueOn: null })).toBe('2026-07-01');
  });

  it('names what is wrong with a requested date', () => {
    const m = { dueOn: '2026-06-30', originalDueOn: null };
    expect(extensionDateProblem('', m)).toBe('required');
    expect(extensionDateProblem('2026-13-01', m)).toBe('invalid');
    expect(extensionDateProblem('2026-06-30', m)).toBe('notLater');
    expect(extensionDateProblem('2027-07-01', m)).toBe('tooLate');
    expect(extensionDateProblem('2027-06-30', m)).toBeNull();
    expect(extensionDateProblem('2026-07-01', m)).toBeNull();
  });
});

describe('the board', () => {
  const today = '2026-05-10';
  const row = (id: string, status: 'pending' | 'submitted' | 'returned' | 'approved' | 'confirmed', dueOn: string | null, overdueSince: string | null = null) => ({ id, status, dueOn, overdueSince });
  const items = [
    row('later', 'pending', '2026-08-01'),
    row('soon', 'submitted', '2026-05-20'),
    row('late-a-little', 'returned', '2026-05-01', '2026-05-01'),
    row('late-a-lot', 'pending', '2026-03-01', '2026-03-01'),
    row('approved', 'approved', '2026-05-12'),
    row('edge', 'pending', '2026-06-09'),
    row('undated', 'pending', null),
  ];
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

  it('puts the overdue first, longest overdue on top, then by due date', () => {
    expect(ids(boardRows(items, 'all', today))).toEqual(['late-a-lot', 'late-a-little', 'approved', 'soon', 'edge', 'later', 'undated']);
    expect(compareBoardRows(row('a', 'pending', '2026-01-01'), row('b', 'pending', '2026-01-01'))).toBe(0);
  });

  it('filters overdue, due within 30 days and awaiting payment', () => {
    expect(ids(boardRows(items, 'overdue', today))).toEqual(['late-a-lot', 'late-a-little']);
    expect(ids(boardRows(items, 'due30', today))).toEqual(['soon', 'edge']);
    expect(ids(boardRows(items, 'approved', today))).toEqual(['approved']);
    expect(boardCounts(items, today)).toEqual({ all: 7, overdue: 2, due30: 2, approved: 1 });
  });

  it('reads the filter from the query, defaulting to all', () => {
    expect(parseBoardFilter('overdue')).toBe('overdue');
    expect(parseBoardFilter('due30')).toBe('due30');
    expect(parseBoardFilter('bogus')).toBe('all');
    expect(parseBoardFilter(null)).toBe('all');
  });
});

describe('formatDay', () => {
  it('shows the calendar day as written in either language', () => {
    expect(formatDay('2026-03-31', 'zh-CN')).toBe('2026年3月31日');
    expect(formatDay('2026-03-31', 'en')).toBe('March 31, 2026');
    expect(formatDay(null, 'en')).toBeNull();
  });
});
