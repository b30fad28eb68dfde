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
 * The one error handler: every failure becomes { statusCode, code, message, reqId, fields? }.
 * A 5xx never shows its cause to the caller; it is logged with the request id instead.
 */
export const errorHandlerPlugin = fp(async (app: FastifyInstance) => {
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
