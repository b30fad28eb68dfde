import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

const allowedMethods = 'GET, HEAD, POST, PUT, PATCH, DELETE';
/** What the web client sends: JSON bodies and the CSRF header. */
const allowedHeaders = 'content-type, x-csrf-token';

/**
 * CORS, closed unless CORS_ORIGINS names other origins. The app's own pages are same-origin
 * and need none of it; an origin on the list may call the API with the user's cookies (and
 * still needs the CSRF token for writes). Any other origin gets no Access-Control-* header, so
 * the browser hides every answer from it and refuses its preflights: with no preflight
 * granted, a foreign page cannot send JSON or the CSRF header at all.
 */
export const corsPlugin = fp(async (app: FastifyInstance, opts: { origins: readonly string[] }) => {
  const allowed = new Set(opts.origins);
  if (allowed.size === 0) return;

  app.addHook('onRequest', async (request, reply) => {
    // The answer depends on the Origin header, so caches must key on it.
    reply.header('vary', 'Origin');
    const origin = request.headers.origin;
    if (!origin || !allowed.has(origin)) return;
    reply.header('access-control-allow-origin', origin).header('access-control-allow-credentials', 'true');
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
      return reply
        .code(204)
        .header('access-control-allow-methods', allowedMethods)
        .header('access-control-allow-headers', allowedHeaders)
        .header('access-control-max-age', '600')
        .send();
    }
  });
});
