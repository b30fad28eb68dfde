import { describe, expect, it } from 'vitest';
import type { WorkQueues } from '../../../shared/contracts/analytics';
import { matchRoute } from './routes';
import { itemWhen, queueHome, queueKinds, queueTotal, sinceDay } from './dashboard-queues';

const empty = { total: 0, items: [] };
const item = (id: string) => ({ id, title: `t${id}`, subtitle: '', link: `/contracts/${id}`, since: null, count: null });
const queues: WorkQueues = {
  vetting: { total: 25, items: [item('a'), item('b')] },
  noBidsClosingSoon: empty,
  eligibility: { total: 1, items: [item('c')] },
  incompleteReviews: empty,
  openObjections: empty,
  overdueMilestones: { total: 3, items: [item('d')] },
  unregisteredContracts: empty,
};

describe('work queues', () => {
  it('covers every queue the API sends, in the order the work flows', () => {
    expect([...queueKinds].sort()).toEqual(Object.keys(queues).sort());
    expect(queueKinds[0]).toBe('vetting');
    expect(queueKinds.at(-1)).toBe('unregisteredContracts');
  });

  it('adds up the totals, not the items sent (the server caps those)', () => {
    expect(queueTotal(queues)).toBe(29);
    expect(queueTotal({ ...queues, vetting: empty, eligibility: empty, overdueMilestones: empty })).toBe(0);
  });

  it('sends each queue to a page that exists', () => {
    for (const kind of queueKinds) expect(matchRoute(new URL(queueHome[kind], 'http://x').pathname).route.name, kind).not.toBe('not-found');
  });

  it('reads a date as it is and an instant as its day in Beijing', () => {
    expect(sinceDay('2026-11-01')).toBe('2026-11-01');
    expect(sinceDay('2026-10-31T16:00:00.000Z')).toBe('2026-11-01');
    expect(sinceDay('2026-10-31T15:59:59.000Z')).toBe('2026-10-31');
    expect(sinceDay(null)).toBeNull();
    expect(sinceDay('yesterday')).toBeNull();
  });

  it('says how long ago an item became urgent, or how long until its deadline', () => {
    expect(itemWhen('2026-11-03', '2026-11-21')).toEqual({ day: '2026-11-03', relative: 'ago', days: 18 });
    expect(itemWhen('2026-11-21T01:00:00Z', '2026-11-21')).toEqual({ day: '2026-11-21', relative: 'today', days: 0 });
    expect(itemWhen('2026-11-24T09:00:00Z', '2026-11-21')).toEqual({ day: '2026-11-24', relative: 'ahead', days: 3 });
    expect(itemWhen(null, '2026-11-21')).toBeNull();
  });
});
