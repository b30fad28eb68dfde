import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody, errorCodes } from '../../shared/contracts/errors';
import type { Role } from '../../shared/roles';
import { createTestApp } from '../helpers/app';
import { logIn, type Client } from '../helpers/client';
import { makeUser } from '../helpers/factories';

/**
 * "Bad input gets a clear error naming the field, never a 5xx, and loses nothing", for every
 * API operation the app documents. The route list comes from the OpenAPI document the app
 * serves (GET /docs/json), so a route added later is covered without touching this file.
 * Derived from the document: the operations under /api, their path and query parameters and
 * schemas, the JSON request body schema and its required properties; valid and invalid values
 * are made from those schemas. Written down here: which operations anonymous callers may use
 * (`publicOperations`; a new route is assumed to need a session until listed), the sealed-bid
 * routes that answer them 404 instead of 401, and the known server defects (`known`).
 * Multipart upload routes are left to attachments.test.ts and bid-attachments.test.ts.
 *
 * The app answers in this order: session (onRequest: an unknown cookie counts as no cookie, a
 * known one on a write needs its x-csrf-token, else 403 CSRF_TOKEN_INVALID), content type
 * (415), JSON parsing (400), schema validation (400 naming `params.x`, `query.x` or the body
 * path without prefix), then the handler, where `requireActor` answers 401 UNAUTHENTICATED.
 * So an anonymous caller learns about its input before it learns it must log in, and the
 * anonymous check below sends well-formed input to reach the session check.
 */

// The app is built while the file is collected: the operations to test are read from it.
const t = await createTestApp();
afterAll(async () => t.close());

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Schema {
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
interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema: Schema;
}
interface OpenApiOperation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
}
interface Operation {
  method: Method;
  /** As the OpenAPI document writes it: /api/bids/{id}. */
  path: string;
  /** "POST /api/bids/{id}/submit": every test title starts with it. */
  label: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  body: Schema | null;
  /** Request body types other than JSON. */
  otherContent: string[];
}

const unknownId = randomUUID();
const roles: Role[] = ['team_member', 'official', 'expert', 'enterprise_member'];

/** Operations open to anonymous callers; every other one must answer them 401. */
const publicOperations = new Set([
  'GET /api/auth/me',
  'POST /api/auth/register',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/invitations/{token}',
  'GET /api/challenges',
  'GET /api/challenges/{id}',
  'GET /api/batches',
  'GET /api/notices',
  'GET /api/challenges/{id}/awards',
  'GET /api/challenges/{id}/attachments/{attachmentId}',
  // Open data (issue 7): public by design, and checked for confidential content in open-data.test.ts.
  'GET /api/open-data/releases.json',
  'GET /api/open-data/releases.csv',
  'GET /api/open-data/milestones.csv',
  'GET /api/open-data/policy',
]);
/**
 * Sealed bids: whoever may not read a bid, anonymous callers included, gets 404 exactly as
 * for a bid that does not exist (tests/api/bid-sealing.test.ts, "as-missing"), not 401.
 */
const anonymousAsMissing = new Set(['GET /api/bids/{id}', 'POST /api/bids/{id}/verify-receipt', 'GET /api/bids/{id}/attachments/{attachmentId}']);
/** Operations a logged-in test client must not call with valid input: they end its session. */
const endsSession = new Set(['POST /api/auth/logout']);

/**
 * Cases that fail today. Each is a server defect for the lead engineer; the key is the exact
 * test title. `it.fails` keeps the suite green until the server is fixed, then turns red so
 * the entry is removed.
 */
const known: Record<string, string> = {};

// ---------------------------------------------------------------- the operations, from the app

const docs = await t.app.inject({ method: 'GET', url: '/docs/json' });
if (docs.statusCode !== 200) throw new Error(`GET /docs/json answered ${docs.statusCode}`);
const spec = docs.json() as { paths: Record<string, Record<string, OpenApiOperation>> };

const documented: Operation[] = Object.entries(spec.paths)
  .filter(([path]) => path.startsWith('/api/'))
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

/**
 * Multipart upload routes (tests/api/attachments.test.ts and bid-attachments.test.ts cover
 * them). The document does not show them (a route with `consumes` but no body schema gets no
 * requestBody), so ask the app: only an upload route has a multipart parser; any other write
 * refuses multipart/form-data with 415 before it reads a byte.
 */
async function acceptsMultipart(op: Operation): Promise<boolean> {
  if (op.otherContent.some((c) => c.startsWith('multipart/'))) return true;
  // Only a write that carries a body can be an upload. (A DELETE registered next to the upload
  // routes also accepts multipart/form-data, and ignores it.)
  if (!['POST', 'PUT', 'PATCH'].includes(op.method) || op.body) return false;
  const res = await t.app.inject({
    method: op.method,
    url: urlFor(op, () => unknownId),
    headers: { 'content-type': 'multipart/form-data; boundary=----probe' },
    payload: '------probe--\r\n',
  });
  return res.statusCode !== 415;
}
const uploads: string[] = [];
const operations: Operation[] = [];
for (const op of documented) {
  if (await acceptsMultipart(op)) uploads.push(op.label);
  else operations.push(op);
}

// ---------------------------------------------------------------- values from schemas

const variants = (s: Schema): Schema[] => s.oneOf ?? s.anyOf ?? [s];
const patternCandidates = ['x', '1', 'a1', '0'.repeat(64), '13800000000', '0514-87654321'];

type SampleMode = 'minimal' | 'full' | 'maximal';
/**
 * A value the schema accepts. Minimal: required properties only, the smallest of everything.
 * Full: every declared property and at least one item in every array, so that the ids a body
 * names (partners, joint publishers, organisations) reach the service too. Maximal: every
 * property at its largest (numbers at their maximum, text at its maximum length in Chinese,
 * up to three items per array, each naming a different unknown id).
 */
function sample(s: Schema, name = '', mode: SampleMode = 'minimal'): unknown {
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
function wrongType(s: Schema): unknown {
  const first = variants(s)[0]!;
  const isString = first.type === 'string' || typeof first.enum?.[0] === 'string';
  return isString ? 42 : 'x';
}

/** Whether the schema refuses this string (for parameters: only the checks a URL value meets). */
function refuses(s: Schema, v: string): boolean {
  if (s.enum) return !s.enum.includes(v);
  if (s.format === 'uuid') return !/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(v);
  if (s.type === 'integer' || s.type === 'number') return !/^-?\d+(\.\d+)?$/.test(v);
  return v.length < (s.minLength ?? 0) || v.length > (s.maxLength ?? Infinity) || (s.pattern !== undefined && !new RegExp(s.pattern).test(v));
}

/** Values the schema refuses, for a parameter sent in a URL (so always strings). */
function invalidValues(s: Schema): string[] {
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
function requiredProperties(body: Schema): { name: string; schema: Schema }[] {
  const seen = new Map<string, Schema>();
  for (const v of variants(body)) for (const k of v.required ?? []) if (!seen.has(k)) seen.set(k, v.properties?.[k] ?? {});
  return [...seen].map(([name, schema]) => ({ name, schema }));
}
function declaredProperties(body: Schema): { name: string; schema: Schema }[] {
  return variants(body).flatMap((v) => Object.entries(v.properties ?? {}).map(([name, schema]) => ({ name, schema })));
}

/** A long value, as a test title shows it. */
function shorten(v: string): string {
  return v.length > 20 ? `${v.slice(0, 8)}…(${v.length} chars)` : v;
}

function urlFor(op: Pick<Operation, 'path'> & { pathParams: Parameter[] }, value: (p: Parameter) => string, query: Record<string, string> = {}): string {
  let url = op.path;
  for (const p of op.pathParams) url = url.replace(`{${p.name}}`, encodeURIComponent(value(p)));
  const qs = new URLSearchParams(query).toString();
  return qs ? `${url}?${qs}` : url;
}
const validParam = (p: Parameter) => String(sample(p.schema, p.name));
/** Required query parameters, well-formed, so that only the one under test is wrong. */
const requiredQuery = (op: Operation) => Object.fromEntries(op.queryParams.filter((p) => p.required).map((p) => [p.name, validParam(p)]));
const validUrl = (op: Operation) => urlFor(op, validParam, requiredQuery(op));
const validBody = (op: Operation) => (op.body ? sample(op.body) : undefined);

// ---------------------------------------------------------------- assertions

/** Under 500, and any error in the one shared shape. */
function expectSafe(res: LightMyRequestResponse) {
  expect(res.statusCode, res.body).toBeLessThan(500);
  if (res.statusCode >= 400) expectErrorShape(res);
}
function expectErrorShape(res: LightMyRequestResponse) {
  expect(res.headers['content-type'], res.body).toMatch(/^application\/json/);
  const body = errorBody.strict().parse(res.json());
  expect(body.statusCode).toBe(res.statusCode);
  expect(errorCodes).toContain(body.code);
  expect(body.message.length).toBeGreaterThan(0);
  expect(body.reqId.length).toBeGreaterThan(0);
  return body;
}
/** A 400 VALIDATION_FAILED that names `path` among its fields. */
function expectFieldNamed(res: LightMyRequestResponse, path: string) {
  expect(res.statusCode, res.body).toBe(400);
  const body = expectErrorShape(res);
  expect(body.code).toBe('VALIDATION_FAILED');
  expect(body.fields?.map((f) => f.path), res.body).toContain(path);
}

/** `it`, or `it.fails` for a case listed in `known`. */
const usedKnown = new Set<string>();
function check(title: string, fn: () => Promise<void>) {
  if (known[title] !== undefined) {
    usedKnown.add(title);
    it.fails(title, fn);
  } else it(title, fn);
}

// ---------------------------------------------------------------- callers

const clients = {} as Record<Role, Client>;
beforeAll(async () => {
  for (const role of roles) clients[role] = await logIn(t.app, (await makeUser(t.rt.database.db, { role })).email);
});

const anonymous = (op: Operation, url: string, body?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: op.method, url, headers, ...(body === undefined ? {} : { payload: body as object }) });

// ---------------------------------------------------------------- the cases

describe('the route list', () => {
  it('is read from the app and covers every module', () => {
    const modules = new Set(operations.map((op) => op.path.split('/')[2]));
    for (const m of ['auth', 'organisations', 'notifications', 'challenges', 'batches', 'bids', 'assignments', 'experts', 'awards', 'objections', 'notices', 'mails', 'contracts', 'milestones'])
      expect([...modules]).toContain(m);
    expect(uploads.sort()).toEqual(['POST /api/bids/{id}/attachments', 'POST /api/challenges/{id}/attachments', 'POST /api/imports', 'POST /api/milestones/{id}/files']);
  });

  it('lists only documented operations as public', () => {
    const labels = new Set(operations.map((op) => op.label));
    for (const p of [...publicOperations, ...anonymousAsMissing, ...endsSession]) expect(labels, p).toContain(p);
  });
});

describe('1. anonymous caller', () => {
  for (const op of operations) {
    const expected = publicOperations.has(op.label) ? 'never 401 UNAUTHENTICATED' : anonymousAsMissing.has(op.label) ? '404 NOT_FOUND as if missing' : '401 UNAUTHENTICATED';
    check(`${op.label}: no cookie, or an unknown session cookie, with well-formed input → ${expected}, never 5xx`, async () => {
      for (const cookie of [undefined, `jb_session=${randomUUID()}`]) {
        const res = await anonymous(op, validUrl(op), validBody(op), cookie ? { cookie } : {});
        expectSafe(res);
        if (publicOperations.has(op.label)) {
          if (res.statusCode === 401) expect(res.json().code, res.body).not.toBe('UNAUTHENTICATED');
        } else if (anonymousAsMissing.has(op.label)) {
          expect(res.statusCode, res.body).toBe(404);
          expect(res.json().code).toBe('NOT_FOUND');
        } else {
          expect(res.statusCode, res.body).toBe(401);
          expect(res.json().code).toBe('UNAUTHENTICATED');
        }
      }
    });
  }
});

describe('1b. logged in, a write without its CSRF token', () => {
  for (const op of operations.filter((o) => o.method !== 'GET')) {
    check(`${op.label}: session cookie without or with a wrong x-csrf-token → 403 CSRF_TOKEN_INVALID`, async () => {
      const c = clients.team_member;
      for (const token of [undefined, 'wrong']) {
        const res = await anonymous(op, validUrl(op), validBody(op), { cookie: c.cookie, ...(token ? { 'x-csrf-token': token } : {}) });
        expect(res.statusCode, res.body).toBe(403);
        expect(expectErrorShape(res).code).toBe('CSRF_TOKEN_INVALID');
      }
      // The refused write changed nothing: the session still works.
      expect((await c.request('GET', '/api/auth/me')).json().user).not.toBeNull();
    });
  }
});

describe('2. logged in, a path parameter that is not valid', () => {
  for (const op of operations.filter((o) => o.pathParams.length > 0))
    for (const param of op.pathParams)
      for (const role of roles)
        for (const bad of new Set([...(refuses(param.schema, 'not-a-uuid') ? ['not-a-uuid'] : []), ...invalidValues(param.schema)]))
          check(`${op.label} as ${role}: ${param.name}=${shorten(bad)} → 400 naming params.${param.name}`, async () => {
            // Everything else well-formed, so the parameter is the one thing wrong.
            const url = urlFor(op, (p) => (p === param ? bad : validParam(p)), requiredQuery(op));
            expectFieldNamed(await clients[role].request(op.method, url, validBody(op)), `params.${param.name}`);
          });
});

describe('3. logged in, well-formed input naming things that do not exist', () => {
  for (const op of operations.filter((o) => !endsSession.has(o.label)))
    for (const role of roles) {
      const what = op.pathParams.length > 0 ? 'unknown id' : 'no path parameter';
      if (!op.body)
        check(`${op.label} as ${role}: ${what} → < 500 with the error shape`, async () => {
          expectSafe(await clients[role].request(op.method, validUrl(op)));
        });
      else {
        check(`${op.label} as ${role}: ${what}, minimal well-formed body → < 500 with the error shape`, async () => {
          expectSafe(await clients[role].request(op.method, validUrl(op), validBody(op)));
        });
        // Every variant of a union body, with every property set and unknown ids inside.
        variants(op.body).forEach((variant, i) => {
          const label = variant.properties && Object.values(variant.properties).find((p) => p.enum?.length === 1)?.enum?.[0];
          const which = variants(op.body!).length > 1 ? ` (variant ${label ?? i + 1})` : '';
          for (const mode of ['full', 'maximal'] as const)
            check(`${op.label} as ${role}: ${what}, ${mode} well-formed body${which} → < 500 with the error shape`, async () => {
              expectSafe(await clients[role].request(op.method, validUrl(op), sample(variant, '', mode)));
            });
        });
      }
    }
});

describe('4. request bodies', () => {
  for (const op of operations.filter((o) => o.body !== null)) {
    const body = op.body!;
    const required = requiredProperties(body);
    const wrongTargets = required.length > 0 ? required : declaredProperties(body);

    check(`${op.label}: an array body → 400 VALIDATION_FAILED with fields`, async () => {
      const res = await clients.official.request(op.method, validUrl(op), []);
      expect(res.statusCode, res.body).toBe(400);
      expect(expectErrorShape(res).fields?.length).toBeGreaterThan(0);
    });

    check(`${op.label}: every ${required.length > 0 ? 'required' : 'declared'} property of the wrong type (${wrongTargets.map((p) => p.name).join(', ')}) → 400 naming one`, async () => {
      const payload = Object.fromEntries(wrongTargets.map((p) => [p.name, wrongType(p.schema)]));
      const res = await clients.official.request(op.method, validUrl(op), payload);
      expect(res.statusCode, res.body).toBe(400);
      const fields = expectErrorShape(res).fields ?? [];
      expect(fields.length, res.body).toBeGreaterThan(0);
      for (const f of fields) expect(f.path, res.body).not.toBe('');
      expect(fields.some((f) => wrongTargets.some((p) => f.path === p.name || f.path.startsWith(`${p.name}.`))), res.body).toBe(true);
    });

    if (required.length > 0)
      check(`${op.label}: an empty object → 400 naming a required property (${required.map((p) => p.name).join(', ')})`, async () => {
        const res = await clients.official.request(op.method, validUrl(op), {});
        expect(res.statusCode, res.body).toBe(400);
        const fields = expectErrorShape(res).fields ?? [];
        expect(fields.some((f) => required.some((p) => f.path === p.name)), res.body).toBe(true);
      });

    check(`${op.label}: '{' as application/json → 400, not 5xx`, async () => {
      const res = await clients.official.request(op.method, validUrl(op), '{', { 'content-type': 'application/json' });
      expect(res.statusCode, res.body).toBe(400);
      expect(expectErrorShape(res).code).toBe('VALIDATION_FAILED');
    });

    check(`${op.label}: a text/plain body, anonymous or logged in → 415 UNSUPPORTED_MEDIA_TYPE`, async () => {
      const text = JSON.stringify(validBody(op));
      for (const res of [
        await anonymous(op, validUrl(op), text, { 'content-type': 'text/plain' }),
        await clients.official.request(op.method, validUrl(op), text, { 'content-type': 'text/plain' }),
      ]) {
        expect(res.statusCode, res.body).toBe(415);
        expect(expectErrorShape(res).code).toBe('UNSUPPORTED_MEDIA_TYPE');
      }
    });
  }
});

describe('5. query parameters', () => {
  for (const op of operations)
    for (const param of op.queryParams)
      for (const bad of invalidValues(param.schema)) {
        check(`${op.label}: ?${param.name}=${shorten(bad)} → 400 naming query.${param.name}`, async () => {
          const url = urlFor(op, validParam, { ...requiredQuery(op), [param.name]: bad });
          expectFieldNamed(await clients.official.request(op.method, url), `query.${param.name}`);
        });
      }
});

describe('5b. query parameters at the edges of what they accept', () => {
  /** Well-formed values a caller may send: the bounds of numbers, text at its longest. */
  const edges = (s: Schema): string[] => {
    if (s.enum) return s.enum.map(String);
    if (s.type === 'integer' || s.type === 'number') return [s.minimum, s.maximum].filter((v) => v !== undefined).map(String);
    if (s.type === 'string' && !s.format && !s.pattern && s.maxLength !== undefined) return ['字'.repeat(s.maxLength), '%_\\\'"'];
    return [];
  };
  for (const op of operations)
    for (const param of op.queryParams)
      for (const value of edges(param.schema))
        check(`${op.label}: ?${param.name}=${shorten(value)} (well-formed) → < 500 with the error shape`, async () => {
          expectSafe(await clients.official.request(op.method, urlFor(op, validParam, { ...requiredQuery(op), [param.name]: value })));
        });
});

describe('known defects', () => {
  it('lists only cases that exist', () => {
    expect(Object.keys(known).filter((k) => !usedKnown.has(k))).toEqual([]);
  });
});
