import { chinaDate, daysBetween } from '../../../shared/calendar';
import type { WorkQueues } from '../../../shared/contracts/analytics';

/**
 * 今日待办: the seven queues officials chase, in the order the work flows (a need is vetted,
 * published, bid on, reviewed, awarded, delivered, registered).
 */
export const queueKinds = ['vetting', 'noBidsClosingSoon', 'eligibility', 'incompleteReviews', 'openObjections', 'overdueMilestones', 'unregisteredContracts'] as const satisfies readonly (keyof WorkQueues)[];
export type QueueKind = (typeof queueKinds)[number];

/** Where a whole queue is worked through, for "handle them all there" beside the list. */
export const queueHome: Record<QueueKind, string> = {
  vetting: '/officials/vetting',
  noBidsClosingSoon: '/challenges?status=published&sort=deadline',
  eligibility: '/officials/review?stage=eligibility',
  incompleteReviews: '/officials/review',
  openObjections: '/officials/review',
  overdueMilestones: '/officials/milestones?filter=overdue',
  unregisteredContracts: '/contracts?status=signed',
};

/** The anchor of a queue's section on the work-queues page. */
export const queueAnchor = (kind: QueueKind) => `queue-${kind}`;
export const workQueuesPath = '/officials/work-queues';

/** How many items each dashboard card shows before "all N". */
export const cardItems = 3;

/** Everything still to chase, over all queues. */
export const queueTotal = (q: WorkQueues) => queueKinds.reduce((sum, kind) => sum + q[kind].total, 0);

/**
 * The day an item became urgent, YYYY-MM-DD in China. The server sends a date for date
 * columns and an instant for timestamps; both mean a day in Beijing time.
 */
export function sinceDay(since: string | null): string | null {
  if (!since) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(since)) return since;
  const at = new Date(since);
  return Number.isNaN(at.getTime()) ? null : chinaDate(at);
}

/** An item's day and how far it is from today: "18 天前", "今天", or for a deadline "还剩 3 天". */
export interface When {
  day: string;
  relative: 'ago' | 'today' | 'ahead';
  days: number;
}

export function itemWhen(since: string | null, today: string): When | null {
  const day = sinceDay(since);
  if (!day) return null;
  const days = daysBetween(day, today);
  if (days === 0) return { day, relative: 'today', days: 0 };
  return days > 0 ? { day, relative: 'ago', days } : { day, relative: 'ahead', days: -days };
}
