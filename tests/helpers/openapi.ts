import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/**
 * The app's operations as its OpenAPI document (GET /docs/json) lists them, and values made
 * from their schemas: what the suites that cover every route (all-routes.test.ts,
 * access-matrix.test.ts) share, so a route added later is covered without touching them.
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export interface Schema {
  type?: string;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  nullable?: boolean;
}
export interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema: Schema;
}
interface OpenApiOperation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
}
export interface Operation {
  method: Method;
  /** As the OpenAPI document writes it: /api/bids/{id}. */
  path: string;
  /** "POST /api/bids/{id}/submit": how tests and tables name the operation. */
  label: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  body: Schema | null;
  /** Request body types other than JSON. */
  otherContent: string[];
}

/** An id nothing has: the samples' uuid. */
export const unknownId = randomUUID();

/** Every operation the app documents whose path starts with `under`. */
export async function documentedOperations(app: FastifyInstance, under = '/api/'): Promise<Operation[]> {
  const docs = await app.inject({ method: 'GET', url: '/docs/json' });
  if (docs.statusCode !== 200) throw new Error(`GET /docs/json answered ${docs.statusCode}`);
  const spec = docs.json() as { paths: Record<string, Record<string, OpenApiOperation>> };
  return Object.entries(spec.paths)
    .filter(([path]) => path.startsWith(under))
    .flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => {
        const parameters = op.parameters ?? [];
        const json = op.requestBody?.content['application/json'];
        const m = method.toUpperCase() as Method;
        return {
          method: m,
          path,
          label: `${m} ${path}`,
          pathParams: parameters.filter((p) => p.in === 'path'),
          queryParams: parameters.filter((p) => p.in === 'query'),
          body: json?.schema ?? null,
          otherContent: Object.keys(op.requestBody?.content ?? {}).filter((c) => c !== 'application/json'),
        };
      }),
    );
}

/**
 * Whether the operation is a multipart upload. The document does not show it (a route with
 * `consumes` but no body schema gets no requestBody), so ask the app: only an upload route has
 * a multipart parser; any other write refuses multipart/form-data with 415 before it reads a byte.
 */
export async function acceptsMultipart(app: FastifyInstance, op: Operation): Promise<boolean> {
  if (op.otherContent.some((c) => c.startsWith('multipart/'))) return true;
  // Only a write that carries a body can be an upload. (A DELETE registered next to the upload
  // routes also accepts multipart/form-data, and ignores it.)
  if (!['POST', 'PUT', 'PATCH'].includes(op.method) || op.body) return false;
  const res = await app.inject({
    method: op.method,
    url: urlFor(op, () => unknownId),
    headers: { 'content-type': 'multipart/form-data; boundary=----probe' },
    payload: '------probe--\r\n',
  });
  return res.statusCode !== 415;
}

// ---------------------------------------------------------------- values from schemas

export const variants = (s: Schema): Schema[] => s.oneOf ?? s.anyOf ?? [s];
const patternCandidates = ['x', '1', 'a1', '0'.repeat(64), '13800000000', '0514-87654321'];

export type SampleMode = 'minimal' | 'full' | 'maximal';
/**
 * A value the schema accepts. Minimal: required properties only, the smallest of everything.
 * Full: every declared property and at least one item in every array, so that the ids a body
 * names (partners, joint publishers, organisations) reach the service too. Maximal: every
 * property at its largest (numbers at their maximum, text at its maximum length in Chinese,
 * up to three items per array, each naming a different unknown id).
 */
export function sample(s: Schema, name = '', mode: SampleMode = 'minimal'): unknown {
  if (s.oneOf || s.anyOf) return sample(variants(s)[0]!, name, mode);
  if (s.enum) return mode === 'maximal' ? s.enum.at(-1) : s.enum[0];
  switch (s.type) {
    case 'object': {
      const keys = mode === 'minimal' ? (s.required ?? []) : Object.keys(s.properties ?? {});
      return Object.fromEntries(keys.map((k) => [k, sample(s.properties?.[k] ?? {}, k, mode)]));
    }
    case 'array': {
      const length = mode === 'minimal' ? (s.minItems ?? 0) : Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, mode === 'full' ? 1 : 3));
      return Array.from({ length }, () => sample(s.items ?? {}, name, mode));
    }
    case 'integer':
    case 'number':
      if (mode === 'maximal' && s.maximum !== undefined) return s.maximum;
      return Math.min(Math.max(s.minimum ?? 1, 1), s.maximum ?? 1);
    case 'boolean':
      return mode === 'maximal';
    case 'string': {
      if (s.format === 'uuid') return mode === 'maximal' ? randomUUID() : unknownId;
      if (s.format === 'date-time') return '2030-01-01T00:00:00Z';
      if (s.format === 'date') return '2030-01-01';
      // E-mail fields are checked by a pipe the document does not show.
      if (/email/i.test(name)) return 'nobody@example.test';
      const fits = (v: string) => v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Infinity);
      if (s.pattern) {
        const re = new RegExp(s.pattern);
        const found = patternCandidates.find((v) => re.test(v) && fits(v));
        if (found === undefined) throw new Error(`no sample for ${name} matching ${s.pattern}: add one to patternCandidates`);
        return found;
      }
      if (mode === 'maximal' && s.maxLength !== undefined) return '字'.repeat(s.maxLength);
      return 'x'.repeat(Math.max(s.minLength ?? 0, 1));
    }
    default:
      return null;
  }
}

/** A value of the wrong type for the schema. */
export function wrongType(s: Schema): unknown {
  const first = variants(s)[0]!;
  const isString = first.type === 'string' || typeof first.enum?.[0] === 'string';
  return isString ? 42 : 'x';
}

/** Whether the schema refuses this string (for parameters: only the checks a URL value meets). */
export function refuses(s: Schema, v: string): boolean {
  if (s.enum) return !s.enum.includes(v);
  if (s.format === 'uuid') return !/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(v);
  if (s.type === 'integer' || s.type === 'number') return !/^-?\d+(\.\d+)?$/.test(v);
  return v.length < (s.minLength ?? 0) || v.length > (s.maxLength ?? Infinity) || (s.pattern !== undefined && !new RegExp(s.pattern).test(v));
}

/** Values the schema refuses, for a parameter sent in a URL (so always strings). */
export function invalidValues(s: Schema): string[] {
  const out: string[] = [];
  if (s.enum) out.push('not-in-the-enum');
  if (s.format === 'uuid') out.push('not-a-uuid');
  if (s.format === 'date' || s.format === 'date-time') out.push('not-a-date');
  if (s.type === 'integer' || s.type === 'number') {
    out.push('abc');
    if (s.type === 'integer') out.push('1.5');
    if (s.minimum !== undefined && s.minimum > -Number.MAX_SAFE_INTEGER) out.push(String(s.minimum - 1));
    if (s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER) out.push(String(s.maximum + 1));
  }
  if (s.type === 'boolean') out.push('maybe');
  if (s.type === 'string' && !s.enum && !s.format) {
    if (s.maxLength !== undefined) out.push('x'.repeat(s.maxLength + 1));
    if (s.minLength !== undefined && s.minLength > 1) out.push('x'.repeat(s.minLength - 1));
  }
  return out;
}

/** The body's required properties (of every variant, for a union). */
export function requiredProperties(body: Schema): { name: string; schema: Schema }[] {
  const seen = new Map<string, Schema>();
  for (const v of variants(body)) for (const k of v.required ?? []) if (!seen.has(k)) seen.set(k, v.properties?.[k] ?? {});
  return [...seen].map(([name, schema]) => ({ name, schema }));
}
export function declaredProperties(body: Schema): { name: string; schema: Schema }[] {
  return variants(body).flatMap((v) => Object.entries(v.properties ?? {}).map(([name, schema]) => ({ name, schema })));
}

// ---------------------------------------------------------------- URLs

export function urlFor(op: Pick<Operation, 'path'> & { pathParams: Parameter[] }, value: (p: Parameter) => string, query: Record<string, string> = {}): string {
  let url = op.path;
  for (const p of op.pathParams) url = url.replace(`{${p.name}}`, encodeURIComponent(value(p)));
  const qs = new URLSearchParams(query).toString();
  return qs ? `${url}?${qs}` : url;
}
export const validParam = (p: Parameter) => String(sample(p.schema, p.name));
/** Required query parameters, well-formed. */
export const requiredQuery = (op: Operation) => Object.fromEntries(op.queryParams.filter((p) => p.required).map((p) => [p.name, validParam(p)]));
