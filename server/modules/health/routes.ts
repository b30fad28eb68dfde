import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthBody, readinessBody } from '../../../shared/contracts/health';

export interface Probes {
  database(): Promise<boolean>;
  queue(): Promise<boolean>;
}

/** /healthz: the process is up. /readyz: it can serve (database and queue reachable). */
export const healthRoutes: FastifyPluginAsyncZod<{ probes: Probes }> = async (app, { probes }) => {
  const tags = ['health'];
  app.get('/healthz', { schema: { tags, response: { 200: healthBody } } }, async () => ({ status: 'ok' as const }));
  app.get('/readyz', { schema: { tags, response: { 200: readinessBody, 503: readinessBody } } }, async (_request, reply) => {
    const [database, queue] = await Promise.all([probes.database(), probes.queue()]);
    const ready = database && queue;
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks: { database, queue } });
  });
};
