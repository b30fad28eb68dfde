import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody, errorCodes } from '../../shared/contracts/errors';
import type { Role } from '../../shared/roles';
import { createTestApp } from '../helpers/app';
import { logIn, type Client } from '../helpers/client';
import { makeUser } from '../helpers/factories';
import {
  acceptsMultipart,
  declaredProperties,
  documentedOperations,
  invalidValues,
  refuses,
  requiredProperties,
  requiredQuery,
  sample,
  unknownId,
  urlFor,
  validParam,
  variants,
  wrongType,
  type Operation,
  type Schema,
} from '../helpers/openapi';

/**
 * "Bad input gets a clear error naming the field, never a 5xx, and loses nothing", for every
 * API operation the app documents. The route list comes from the OpenAPI document the app
 * serves (GET /docs/json), so a route added later is covered without touching this file.
 * Derived from the document: the operations under /api, their path and query parameters and
 * schemas, the JSON request body schema and its required properties; valid and invalid values
 * are made from those schemas (tests/helpers/openapi.ts, shared with the access matrix).
 * Written down here: which operations anonymous callers may use (`publicOperations`; a new
 * route is assumed to need a session until listed), the sealed-bid routes that answer them
 * 404 instead of 401, and the known server defects (`known`).
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

const roles: Role[] = ['team_member', 'official', 'expert', 'enterprise_member'];

/** Operations open to anonymous callers; every other one must answer them 401. */
const publicOperations = new Set([
  'GET /api/auth/me',
  'POST /api/auth/register',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'POST /api/auth/password-reset/request',
  'POST /api/auth/password-reset/complete',
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

const documented = await documentedOperations(t.app);
const uploads: string[] = [];
const operations: Operation[] = [];
for (const op of documented) {
  if (await acceptsMultipart(t.app, op)) uploads.push(op.label);
  else operations.push(op);
}

// ---------------------------------------------------------------- values

/** A long value, as a test title shows it. */
function shorten(v: string): string {
  return v.length > 20 ? `${v.slice(0, 8)}…(${v.length} chars)` : v;
}

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
