import type { z } from 'zod';
import { errorBody, type ErrorBody } from '../../../shared/contracts/errors';

/**
 * Codes the client itself produces when there is no server error body to go by. They are
 * not in shared/contracts/errors.ts because the server never sends them.
 */
export type ClientErrorCode = 'NETWORK_ERROR' | 'INVALID_RESPONSE' | 'ABORTED';

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
  return settle(method, path, schema, {
    status: response.status,
    ok: response.ok,
    statusText: response.statusText,
    reqId: response.headers.get('x-request-id'),
    json,
  });
}

interface RawAnswer {
  status: number;
  ok: boolean;
  statusText: string;
  reqId: string | null;
  json: unknown;
}

/** Turns an answer into the contract's value or an ApiError; shared by fetch and upload. */
function settle<S extends z.ZodType>(method: Method, path: string, schema: S, answer: RawAnswer): z.output<S> {
  if (!answer.ok) {
    const parsed = errorBody.safeParse(answer.json);
    // A proxy or a crashed server may answer with HTML; still give the caller an ApiError.
    const error = parsed.success
      ? new ApiError(parsed.data)
      : new ApiError({
          statusCode: answer.status,
          code: knownStatusCode(answer.status),
          message: answer.statusText || `HTTP ${answer.status}`,
          reqId: answer.reqId ?? '',
        });
    if (error.code === 'UNAUTHENTICATED') unauthenticatedListener(path);
    throw error;
  }

  const parsed = schema.safeParse(answer.json);
  if (!parsed.success) {
    // The server broke its contract: report it loudly in the console, calmly to the user.
    console.error(`Response of ${method} ${path} does not match its contract`, parsed.error.issues);
    throw clientError('INVALID_RESPONSE', answer.status, parsed.error.message);
  }
  return parsed.data;
}

/** A proxy in front of the API (nginx's body size limit) answers 413 in HTML: still say what it means. */
function knownStatusCode(status: number): string {
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  return status >= 500 ? 'SERVICE_UNAVAILABLE' : 'UNKNOWN';
}

export interface UploadOptions<S extends z.ZodType> {
  response: S;
  /** Form field name of the file (the API's is `file`). */
  field?: string;
  /** Other form fields, sent before the file (a server streaming the file reads them first). */
  fields?: Record<string, string>;
  /** Fraction sent, 0–1, as the browser reports upload progress. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * POSTs one file as multipart/form-data. XMLHttpRequest rather than fetch, because only XHR
 * reports upload progress; the session cookie and CSRF header are sent as `request` does.
 */
export function upload<S extends z.ZodType>(
  path: string,
  file: File,
  { response: schema, field = 'file', fields = {}, onProgress, signal }: UploadOptions<S>,
): Promise<z.output<S>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    const token = csrfTokenSource();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      let json: unknown;
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        json = undefined;
      }
      try {
        resolve(
          settle('POST', path, schema, {
            status: xhr.status,
            ok: xhr.status >= 200 && xhr.status < 300,
            statusText: xhr.statusText,
            reqId: xhr.getResponseHeader('x-request-id'),
            json,
          }),
        );
      } catch (error) {
        reject(error);
      }
    };
    // The server may close the connection on an oversized body before answering.
    xhr.onerror = () => reject(clientError('NETWORK_ERROR', 0, 'upload failed'));
    xhr.onabort = () => reject(clientError('ABORTED', 0, 'upload cancelled'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    body.append(field, file, file.name);
    xhr.send(body);
  });
}
