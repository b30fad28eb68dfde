import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dashboard, periodQuery, targetBody, workQueues, yearParams } from '../../../shared/contracts/analytics';
import type { AnalyticsService } from './service';

export const analyticsRoutes: FastifyPluginAsyncZod<{ analytics: AnalyticsService }> = async (app, { analytics }) => {
  const tags = ['analytics'];
  app.get('/api/analytics/dashboard', { schema: { tags, summary: 'Deals against the target, forecast, funnel, stage times, breakdowns and money for a year or a quarter (officials)', querystring: periodQuery, response: { 200: dashboard } } }, async (req) =>
    analytics.dashboard({ year: req.query.year, quarter: (req.query.quarter ?? null) as 1 | 2 | 3 | 4 | null }, req.ctx),
  );
  app.get('/api/analytics/work-queues', { schema: { tags, summary: "Officials' work queues, each item linking to where it is handled", response: { 200: workQueues } } }, async (req) => analytics.workQueues(req.ctx));
  app.put('/api/analytics/targets/:year', { schema: { tags, summary: "Set a year's deal target (officials; audited)", params: yearParams, body: targetBody, response: { 200: z.object({ year: z.number(), deals: z.number(), isDefault: z.boolean() }) } } }, async (req) =>
    analytics.setTarget(req.params.year, req.body.deals, req.ctx),
  );
};
