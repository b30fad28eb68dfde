import { milestoneReminderJob, outcomePromptJob, type JobRequest } from '../../../jobs/contracts';
import type { Tx } from '../../../server/infra/database';
import { milestoneSchedule, reminderRunAt } from '../../../server/modules/contracts/schedule';
import { addMonths, chinaDate, chinaInstant } from '../../../shared/calendar';
import { outbox } from '../../schema';
import { day } from './calendar';
import type { Inputs } from './inputs';
import { insertAll } from './insert-all';
import type { HistoryPlan } from './plan-types';

/**
 * From now on the platform keeps the running contracts' schedule: reminders before each due
 * date, the overdue flag on it, and the weekly escalation of what is already overdue; and it
 * asks for the outcome (成果转化) of recent acceptances 6 and 12 months after them.
 */
export async function writeJobs(tx: Tx, inp: Inputs, plan: HistoryPlan): Promise<void> {
  const jobs: JobRequest[] = plan.contracts.flatMap((c) => {
    if (c.status === 'completed') {
      const done = chinaDate(c.completedAt!);
      return ([6, 12] as const).flatMap((months) => {
        const runAt = chinaInstant(addMonths(done, months), 9);
        return runAt > inp.now ? [outcomePromptJob({ contractId: c.id, months }, runAt)] : [];
      });
    }
    if (c.status !== 'signed') return [];
    return c.milestones.flatMap((m) => {
      if (m.confirmedOn || !m.dueOn) return [];
      if (!m.overdueSince) return m.dueOn >= inp.today ? milestoneSchedule(m.id, m.dueOn, inp.now) : [];
      const week = Math.floor((inp.now.getTime() - reminderRunAt(m.dueOn, 'due').getTime()) / (7 * day)) + 1;
      return [milestoneReminderJob({ milestoneId: m.id, kind: 'escalate', dueOn: m.dueOn, week }, reminderRunAt(m.dueOn, 'escalate', week))];
    });
  });
  if (jobs.length) {
    await insertAll(
      tx,
      outbox,
      jobs.map((j) => ({ queue: j.queue, name: j.name, jobId: j.jobId, payload: j.payload, runAt: j.runAt ?? inp.now })),
    );
  }
}
