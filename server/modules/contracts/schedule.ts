import { milestoneReminderJob, type JobRequest, type ReminderKind } from '../../../jobs/contracts';
import { addDays, chinaInstant } from '../../../shared/calendar';

/** Reminders go out at 09:00 China time; the due date ends at midnight after it. */
const reminderHour = 9;

/** When each job of a milestone's schedule runs, for a due date. */
export function reminderRunAt(dueOn: string, kind: ReminderKind, week = 0): Date {
  if (kind === 'remind-14') return chinaInstant(addDays(dueOn, -14), reminderHour);
  if (kind === 'remind-3') return chinaInstant(addDays(dueOn, -3), reminderHour);
  // Submitted on the due date is on time: the flag is raised when the day is over.
  const endOfDue = chinaInstant(addDays(dueOn, 1), 0);
  return kind === 'due' ? endOfDue : new Date(endOfDue.getTime() + week * 7 * 86_400_000);
}

/**
 * The jobs for a milestone's due date: reminders 14 and 3 days before (skipped when already
 * past, so a short milestone does not get a stale reminder) and the due-date job, which
 * schedules the weekly escalations itself while the milestone stays overdue.
 */
export function milestoneSchedule(milestoneId: string, dueOn: string, now: Date): JobRequest[] {
  const kinds: ReminderKind[] = ['remind-14', 'remind-3', 'due'];
  return kinds
    .map((kind) => ({ kind, at: reminderRunAt(dueOn, kind) }))
    .filter((x) => x.kind === 'due' || x.at > now)
    .map((x) => milestoneReminderJob({ milestoneId, kind: x.kind, dueOn, week: 0 }, x.at));
}
