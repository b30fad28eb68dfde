import type { z } from 'zod';
import { errorBody, type ErrorBody } from '../../../shared/contracts/errors';

/**
 * Codes the client itself produces when there is no server error body to go by. They are
 * not in shared/contracts/errors.ts because the server never sends them.
 */
export type ClientErrorCode = 'NETWORK_ERROR' | 'INVALID_RESPONSE';

/** A non-2xx answer (or no usable answer) from the API, carrying the shared error body. */
export class ApiError extends Error {
  readonly body: ErrorBody;

  constructor(body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.body = body;
  }

  get status() {
    return this.body.statusCode;
  }

  get code() {
    return this.body.code;
  }

  get fields() {
    return this.body.fields ?? [];
  }
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions<S extends z.ZodType> {
  body?: unknown;
  query?: Query;
  /** The shared contract the response must satisfy; its output type is what the caller gets. */
  response: S;
}

let csrfTokenSource: () => string | null = () => null;
let unauthenticatedListener: (path: string) => void = () => {};

/** The session state owns the CSRF token; the client reads it on every write. */
export function setCsrfTokenSource(source: () => string | null) {
  csrfTokenSource = source;
}

/** Called when the server says the session is gone, so the session state can catch up. */
export function onUnauthenticated(listener: (path: string) => void) {
  unauthenticatedListener = listener;
}

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function clientError(code: ClientErrorCode, statusCode: number, message: string): ApiError {
  return new ApiError({ statusCode, code, message, reqId: '' });
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function request<S extends z.ZodType>(
  method: Method,
  path: string,
  { body, query, response: schema }: RequestOptions<S>,
): Promise<z.output<S>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // Only declare JSON when there is a body: Fastify rejects an empty body sent as JSON.
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfTokenSource();
    if (token) headers['x-csrf-token'] = token;
  }

  let response: Response;
  try {
    response = await fetch(withQuery(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      // The API is same-origin (served by the same Fastify, proxied by Vite in dev).
      credentials: 'same-origin',
    });
  } catch (cause) {
    throw clientError('NETWORK_ERROR', 0, cause instanceof Error ? cause.message : String(cause));
  }

  const json = await readJson(response);

  if (!response.ok) {
    const parsed = errorBody.safeParse(json);
    // A proxy or a crashed server may answer with HTML; still give the caller an ApiError.
    const error = parsed.success
      ? new ApiError(parsed.data)
      : new ApiError({
          statusCode: response.status,
          code: response.status >= 500 ? 'SERVICE_UNAVAILABLE' : 'UNKNOWN',
          message: response.statusText || `HTTP ${response.status}`,
          reqId: response.headers.get('x-request-id') ?? '',
        });
    if (error.code === 'UNAUTHENTICATED') unauthenticatedListener(path);
    throw error;
  }

  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    // The server broke its contract: report it loudly in the console, calmly to the user.
    console.error(`Response of ${method} ${path} does not match its contract`, parsed.error.issues);
    throw clientError('INVALID_RESPONSE', response.status, parsed.error.message);
  }
  return parsed.data;
}
