import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { ErrorBody } from '../shared/contracts/errors';
import { accountsRoutes } from './modules/accounts/routes';
import { attachmentsRoutes } from './modules/attachments/routes';
import { auditRoutes } from './modules/audit/routes';
import { awardsRoutes } from './modules/awards/routes';
import { contractsRoutes } from './modules/contracts/routes';
import { matchingRoutes } from './modules/matching/routes';
import { openDataRoutes } from './modules/open-data/routes';
import { analyticsRoutes } from './modules/analytics/routes';
import { reportsRoutes } from './modules/reports/routes';
import { importsRoutes } from './modules/imports/routes';
import { bidsRoutes } from './modules/bids/routes';
import { reviewsRoutes } from './modules/reviews/routes';
import { challengesRoutes } from './modules/challenges/routes';
import { healthRoutes, type Probes } from './modules/health/routes';
import { notificationsRoutes } from './modules/notifications/routes';
import { organisationsRoutes } from './modules/organisations/routes';
import { corsPlugin } from './plugins/cors';
import { errorHandlerPlugin } from './plugins/error-handler';
import { loggerOptions, type LogStream } from './plugins/logging';
import { sessionPlugin } from './plugins/session';
import type { Services } from './services';

export interface AppDeps {
  config: Config;
  services: Services;
  probes: Probes;
  /** Where log lines go; stdout unless given. */
  logStream?: LogStream;
}

export async function buildApp({ config, services, probes, logStream }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config, logStream),
    // Ids are unique across processes and restarts so a user's report can be found in logs.
    genReqId: () => crypto.randomUUID(),
    bodyLimit: 1024 * 1024,
    // Invitation tokens may be up to 200 characters (the schema's limit); longer ones get the
    // schema's 400 naming the parameter rather than "route not found".
    routerOptions: { maxParamLength: 256 },
    trustProxy: config.NODE_ENV === 'production',
    // A path with broken percent-encoding (/api/challenges/%FF) gets the one error body too.
    frameworkErrors: (_err, request, reply) => {
      const message = 'the address is not valid: broken percent-encoding';
      const body: ErrorBody = { statusCode: 400, code: 'VALIDATION_FAILED', message, reqId: String(request.id), fields: [{ path: 'url', message }] };
      void (reply as unknown as FastifyReply).code(400).send(body);
    },
  });
  // JSON only: a cross-site HTML form can send text/plain without a CORS preflight, so
  // accepting it would let a forged form reach anonymous writes such as log-in.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(errorHandlerPlugin);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Svelte sets element styles at run time (style: directives, transitions).
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
    // Secure cookies mean the site is served over https; only then may browsers be told to
    // insist on it (HSTS on a plain-http demo would lock its users out of the address).
    strictTransportSecurity: config.cookieSecure ? { maxAge: 365 * 86_400, includeSubDomains: true } : false,
    // frame-ancestors 'none' above, and the same for browsers that only know the old header.
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  // Before the session hook, so a preflight is answered before any session or CSRF check.
  await app.register(corsPlugin, { origins: config.CORS_ORIGINS });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Jiebang API', description: '揭榜挂帅 challenge marketplace', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'jb_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(sessionPlugin, { accounts: services.accounts, config });

  await app.register(healthRoutes, { probes });
  await app.register(accountsRoutes, { accounts: services.accounts, config });
  await app.register(organisationsRoutes, { organisations: services.organisations });
  await app.register(notificationsRoutes, { notifications: services.notifications });
  await app.register(challengesRoutes, { challenges: services.challenges, batches: services.batches });
  await app.register(bidsRoutes, { bids: services.bids });
  await app.register(reviewsRoutes, { reviews: services.reviews });
  await app.register(awardsRoutes, { awards: services.awards });
  await app.register(contractsRoutes, { contracts: services.contracts });
  await app.register(matchingRoutes, { matching: services.matching, profiles: services.teamProfiles });
  await app.register(openDataRoutes, { openData: services.openData });
  await app.register(analyticsRoutes, { analytics: services.analytics });
  await app.register(reportsRoutes, { reports: services.reports });
  await app.register(auditRoutes, { audit: services.audit });
  await app.register(importsRoutes, { imports: services.imports, maxBytes: config.MAX_UPLOAD_MB * 1024 * 1024 });
  await app.register(attachmentsRoutes, { attachments: services.attachments, maxBytes: config.MAX_UPLOAD_MB * 1024 * 1024 });

  registerWeb(app, resolve(config.WEB_DIST_DIR));
  return app;
}

/** Serves the built web app; any non-API GET falls back to index.html so deep links work. */
function registerWeb(app: FastifyInstance, dist: string) {
  const indexFile = join(dist, 'index.html');
  if (!existsSync(indexFile)) {
    app.log.warn({ dist }, 'web app not built; run npm run build:web');
    return;
  }
  const indexHtml = readFileSync(indexFile, 'utf8');
  app.register(fastifyStatic, { root: dist, index: false, wildcard: false, prefix: '/' });
  const page = async (_req: unknown, reply: import('fastify').FastifyReply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
  app.get('/', { schema: { hide: true } }, page);
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/api/') || path.startsWith('/assets/')) {
      return reply.code(404).send({ statusCode: 404, code: 'NOT_FOUND', message: `route GET ${path} not found`, reqId: String(request.id) });
    }
    return page(request, reply);
  });
}
