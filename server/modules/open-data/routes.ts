import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { openDataQuery, releasePackage } from '../../../shared/contracts/open-data';
import { contentDisposition } from '../attachments/routes';
import type { OpenDataService } from './service';

/** The field guide, served as the package's publication policy. */
const policy = readFileSync(fileURLToPath(new URL('./README.md', import.meta.url)), 'utf8');

const csvResponse = (description: string) => ({ 200: { description, content: { 'text/csv': { schema: z.string() } } } });

/**
 * 公开数据: public, no session needed, the same bytes for everyone. Shared caches may keep a
 * copy for five minutes, which bounds how stale a mirror can be and spares the database.
 */
export const openDataRoutes: FastifyPluginAsyncZod<{ openData: OpenDataService }> = async (app, { openData }) => {
  const tags = ['open-data'];

  // A response shared caches keep must not carry a Set-Cookie (the session plugin clears an
  // unknown session cookie): a cache would replay it to every later visitor.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.removeHeader('set-cookie');
    return payload;
  });
  const cacheable = (reply: FastifyReply) => reply.header('cache-control', 'public, max-age=300');

  const csv = (reply: FastifyReply, fileName: string, content: string) =>
    cacheable(reply).header('content-type', 'text/csv; charset=utf-8').header('content-disposition', contentDisposition(fileName)).send(Buffer.from(content, 'utf8'));

  app.get(
    '/api/open-data/releases.json',
    {
      schema: {
        tags,
        summary: 'Published challenges, awards, contracts and milestones as an OCDS 1.1 release package (public; ?since=YYYY-MM-DD for changes since that day)',
        querystring: openDataQuery,
        response: { 200: releasePackage },
      },
    },
    async (request, reply) => {
      const body = await openData.releasePackage(request.query.since);
      return cacheable(reply).send(body);
    },
  );

  app.get(
    '/api/open-data/releases.csv',
    { schema: { tags, summary: 'The same releases as CSV, one row per challenge (UTF-8 with BOM; public)', querystring: openDataQuery, response: csvResponse('One row per published challenge') } },
    async (request, reply) => csv(reply, 'jiebang-releases.csv', await openData.releasesCsv(request.query.since)),
  );

  app.get(
    '/api/open-data/milestones.csv',
    { schema: { tags, summary: 'Milestones of published contracts as CSV, one row per milestone (UTF-8 with BOM; public)', querystring: openDataQuery, response: csvResponse('One row per milestone') } },
    async (request, reply) => csv(reply, 'jiebang-milestones.csv', await openData.milestonesCsv(request.query.since)),
  );

  app.get(
    '/api/open-data/policy',
    { schema: { tags, summary: 'The publication policy and field guide of the open data (Markdown; public)', response: { 200: { description: 'Markdown', content: { 'text/markdown': { schema: z.string() } } } } } },
    async (_request, reply) => cacheable(reply).header('content-type', 'text/markdown; charset=utf-8').send(policy),
  );
};
