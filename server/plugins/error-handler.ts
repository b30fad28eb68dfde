import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode, FieldError } from '../../shared/contracts/errors';
import { AppError } from '../errors';
import { pgErrorCode } from '../infra/database';

const codeByStatus: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/** node-postgres / socket errors that mean "the database is not reachable right now". */
const unavailableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08003', '08006']);
function isDatabaseUnavailable(err: unknown): boolean {
  const code = pgErrorCode(err);
  const message = `${(err as Error).message ?? ''} ${(err as { cause?: Error }).cause?.message ?? ''}`;
  return (code !== undefined && unavailableCodes.has(code)) || /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(message);
}

const prefixByContext: Record<string, string> = { body: '', querystring: 'query.', params: 'params.', headers: 'headers.' };

/**
 * Text PostgreSQL cannot store: NUL, and UTF-16 surrogates without their pair (JSON can carry
 * both as \u escapes). Refused before validation with a 400 naming the field, instead of
 * failing in the database as a 500.
 */
const unstorable = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first path (in the error vocabulary's form) whose string or key holds unstorable text. Iterative: bodies may nest deeply. */
export function unstorablePath(value: unknown, prefix = ''): string | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (unstorable.test(v)) return prefix + path;
    } else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
        const childPath = path ? `${path}.${k}` : k;
        if (unstorable.test(k)) return prefix + childPath;
        stack.push([child, childPath]);
      }
    }
  }
  return null;
}

/**
 * The one error handler: every failure becomes { statusCode, code, message, reqId, fields? }.
 * A 5xx never shows its cause to the caller; it is logged with the request id instead.
 */
export const errorHandlerPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (request) => {
    for (const [part, prefix] of [[request.params, 'params.'], [request.query, 'query.'], [request.body, '']] as const) {
      const path = unstorablePath(part, prefix);
      if (path !== null) throw new AppError(400, 'VALIDATION_FAILED', `${path || '(body)'}: contains a NUL character or broken Unicode (an unpaired surrogate)`, [{ path, message: 'contains a NUL character or broken Unicode (an unpaired surrogate)' }]);
    }
  });

  app.setErrorHandler((err: FastifyError, request, reply) => {
    const send = (statusCode: number, code: ErrorCode, message: string, fields?: FieldError[]) => {
      const body: ErrorBody = { statusCode, code, message, reqId: String(request.id), ...(fields ? { fields } : {}) };
      return reply.code(statusCode).send(body);
    };

    if (err instanceof AppError) return send(err.statusCode, err.code, err.message, err.fields);

    if (hasZodFastifySchemaValidationErrors(err)) {
      const prefix = prefixByContext[err.validationContext ?? 'body'] ?? '';
      const fields = err.validation.map((v) => ({
        path: prefix + v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: v.message ?? 'invalid',
      }));
      const message = fields.map((f) => `${f.path || '(body)'}: ${f.message}`).join('; ');
      return send(400, 'VALIDATION_FAILED', message, fields);
    }

    if (isResponseSerializationError(err)) {
      request.log.error({ err, issues: err.cause.issues }, 'response failed its schema');
      return send(500, 'INTERNAL', 'internal error');
    }

    if (isDatabaseUnavailable(err)) {
      request.log.warn({ err }, 'database unavailable');
      reply.header('retry-after', '5');
      return send(503, 'SERVICE_UNAVAILABLE', 'the service is temporarily unavailable; please retry');
    }

    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return send(status, codeByStatus[status] ?? 'VALIDATION_FAILED', err.message);
    }
    request.log.error({ err }, 'unhandled error');
    return send(500, 'INTERNAL', 'internal error');
  });

  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = { statusCode: 404, code: 'NOT_FOUND', message: `route ${request.method} ${request.url.split('?')[0]} not found`, reqId: String(request.id) };
    return reply.code(404).send(body);
  });
});
