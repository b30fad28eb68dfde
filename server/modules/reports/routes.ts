import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/contracts/common';
import { quarterBody, quarterlyReport, quarterQuery, reportExport } from '../../../shared/contracts/reports';
import { contentDisposition } from '../attachments/routes';
import type { QuarterPeriod, ReportsService } from './service';

const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const period = (q: { year: number; quarter: number }): QuarterPeriod => ({ year: q.year, quarter: q.quarter as QuarterPeriod['quarter'] });

export const reportsRoutes: FastifyPluginAsyncZod<{ reports: ReportsService }> = async (app, { reports }) => {
  const tags = ['reports'];
  app.addHook('onClose', async () => reports.discardAll());
  app.get(
    '/api/reports/quarterly',
    { schema: { tags, summary: "季度通报: the dashboard's figures for a quarter with its deals, the pipeline and overdue milestones, for the printable page (officials)", querystring: quarterQuery, response: { 200: quarterlyReport } } },
    async (req) => reports.quarterly(period(req.query), req.ctx),
  );
  app.post(
    '/api/reports/quarterly/exports',
    { schema: { tags, summary: 'Start an Excel export of a quarterly report (汇总, 合同, 在途, 逾期); poll it for progress (officials)', body: quarterBody, response: { 202: reportExport } } },
    async (req, reply) => reply.code(202).send(await reports.startExport(period(req.body), req.ctx, req.log)),
  );
  app.get(
    '/api/reports/quarterly/exports/:id',
    { schema: { tags, summary: "An export's status and progress (0–1); exports are kept for an hour (the official who started it)", params: idParams, response: { 200: reportExport } } },
    async (req) => reports.exportStatus(req.params.id, req.ctx),
  );
  app.get(
    '/api/reports/quarterly/exports/:id/file',
    { schema: { tags, summary: 'Download a finished export (.xlsx; the official who started it)', params: idParams } },
    async (req, reply) => {
      const { fileName, content } = await reports.exportFile(req.params.id, req.ctx);
      return reply
        .header('content-type', xlsxMime)
        .header('content-disposition', contentDisposition(fileName))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(content);
    },
  );
};
