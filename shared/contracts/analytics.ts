import { z } from 'zod';
import { durationStages, funnelStages } from '../analytics/funnel';
import { pipelineStages } from '../analytics/forecast';

/** The officials' dashboard and quarterly report: one shape for a year or a quarter. */

export const periodQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  quarter: z.coerce.number().int().min(1).max(4).optional(),
});

const breakdownRow = z.object({ key: z.string(), deals: z.number(), amountYuan: z.number() });

export const dashboard = z.object({
  period: z.object({ year: z.number(), quarter: z.number().nullable(), from: z.string(), to: z.string() }),
  /** As of when the figures were read. */
  asOf: z.string(),
  target: z.object({ year: z.number(), deals: z.number(), isDefault: z.boolean() }),
  dealsSigned: z.number(),
  /** Only for the current year: what the pipeline is expected to add by year end. */
  forecast: z
    .object({
      expected: z.number(),
      verdict: z.enum(['on_track', 'at_risk']),
      gap: z.number(),
      stages: z.array(z.object({ stage: z.enum(pipelineStages), items: z.number(), rate: z.number(), expectedDeals: z.number() })),
    })
    .nullable(),
  dealsByMonth: z.array(z.object({ month: z.string(), deals: z.number() })),
  funnel: z.array(z.object({ stage: z.enum(funnelStages), count: z.number(), conversion: z.number().nullable() })),
  medianDays: z.array(z.object({ stage: z.enum(durationStages), days: z.number().nullable(), cases: z.number() })),
  breakdowns: z.object({ industry: z.array(breakdownRow), district: z.array(breakdownRow), institution: z.array(breakdownRow), broker: z.array(breakdownRow) }),
  money: z.object({ contractValueYuan: z.number(), subsidyYuan: z.number(), enterpriseFundsYuan: z.number(), tranchesPaidYuan: z.number() }),
});
export type Dashboard = z.infer<typeof dashboard>;

export const workItem = z.object({ id: z.string(), title: z.string(), subtitle: z.string(), link: z.string(), since: z.string().nullable(), count: z.number().nullable() });
const queue = z.object({ total: z.number(), items: z.array(workItem) });
export const workQueues = z.object({
  vetting: queue,
  noBidsClosingSoon: queue,
  eligibility: queue,
  incompleteReviews: queue,
  openObjections: queue,
  overdueMilestones: queue,
  unregisteredContracts: queue,
});
export type WorkQueues = z.infer<typeof workQueues>;

export const targetBody = z.object({ deals: z.number().int().min(1).max(100_000) });
export const yearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
