import type { z } from 'zod';
import { dashboard, targetBody, workQueues, type Dashboard, type WorkQueues } from '../../../shared/contracts/analytics';
import { request } from './api';

export type { Dashboard, WorkQueues };
export type WorkItem = WorkQueues['vetting']['items'][number];
export type DealTarget = Dashboard['target'];

/** 领导驾驶舱 (issue 7): a period's figures, the work queues, a year's deal target (officials). */
export const analyticsApi = {
  dashboard: (year: number, quarter: number | null) => request('GET', '/api/analytics/dashboard', { query: { year, quarter }, response: dashboard }),
  workQueues: () => request('GET', '/api/analytics/work-queues', { response: workQueues }),
  setTarget: (year: number, body: z.input<typeof targetBody>) =>
    request('PUT', `/api/analytics/targets/${encodeURIComponent(String(year))}`, { body, response: dashboard.shape.target }),
};
