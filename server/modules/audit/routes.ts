import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditList, auditListQuery, auditVerification } from '../../../shared/contracts/audit';
import type { AuditService } from './service';

export const auditRoutes: FastifyPluginAsyncZod<{ audit: AuditService }> = async (app, { audit }) => {
  const tags = ['audit'];

  app.get(
    '/api/audit',
    { schema: { tags, summary: "One record's audit trail, newest first, with actors, before/after values and hashes (officials, admins)", querystring: auditListQuery, response: { 200: auditList } } },
    async (request) => audit.list(request.query, request.ctx),
  );

  app.get(
    '/api/audit/verify',
    { schema: { tags, summary: 'Walk the whole audit hash chain and report the first broken link, if any (officials, admins; may take a while)', response: { 200: auditVerification } } },
    async (request) => audit.verify(request.ctx),
  );
};
