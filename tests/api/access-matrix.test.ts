import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actors, buildWorld, type ActorKey, type World } from '../helpers/access-world';
import { createTestApp } from '../helpers/app';
import { acceptsMultipart, documentedOperations, requiredQuery, sample, urlFor, type Operation } from '../helpers/openapi';
import { createTally } from '../reliability/tally';
import { accessTable, type Outcome } from './access-table';

/**
 * The access matrix (issue 8, item 1): every operation in the app's OpenAPI document × every
 * actor, each cell one well-formed request whose answer is compared with the table in
 * access-table.ts: allow → 2xx; deny → 401 for the visitor, 403 FORBIDDEN for anyone signed
 * in; hidden → 404 NOT_FOUND; never a 5xx. A documented route without a row fails, and so
 * does a row (or a world request) for a route the app no longer has.
 *
 * The world (tests/helpers/access-world.ts) is built once; a write is asked about records
 * built for each cell that may change them (and once per route for the cells that must be
 * refused), so the cells do not depend on their order.
 */

const storageDir = await mkdtemp(join(tmpdir(), 'jiebang-access-'));
// The app is built while the file is collected: the operations to test are read from it.
const t = await createTestApp({ STORAGE_DIR: storageDir });
const operations = await documentedOperations(t.app, '/');
const uploads = new Set<string>();
for (const op of operations) if (await acceptsMultipart(t.app, op)) uploads.add(op.label);

const tally = createTally('access-matrix');
let world: World;
beforeAll(async () => {
  world = await buildWorld(t);
});
afterAll(async () => {
  tally.flush();
  await t.close();
  await rm(storageDir, { recursive: true, force: true });
});

const documented = new Set(operations.map((op) => op.label));

describe('the access table', () => {
  it('has a row for every operation the app documents', () => {
    const missing = operations.filter((op) => !accessTable[op.label]).map((op) => op.label);
    expect(missing, `add a row to tests/api/access-table.ts for: ${missing.join(', ')}`).toEqual([]);
  });

  it('has no row for an operation the app no longer documents', () => {
    expect(Object.keys(accessTable).filter((label) => !documented.has(label))).toEqual([]);
  });

  it('knows which records to ask about for every route with path parameters or an upload, and for no route that is gone', () => {
    const unbound = operations.filter((op) => (op.pathParams.length > 0 || uploads.has(op.label)) && !world.requests[op.label]).map((op) => op.label);
    expect(unbound, 'add these to `requests` in tests/helpers/access-world.ts').toEqual([]);
    expect(Object.keys(world.requests).filter((label) => !documented.has(label))).toEqual([]);
  });
});

const expectation = (o: Outcome, a: ActorKey) =>
  o === 'allow' ? '2xx' : o === 'deny' ? (a === 'anonymous' ? '401' : '403') : o === 'hidden' ? '404 as if missing' : String(o);

const refused = (o: Outcome) => o === 'deny' || o === 'hidden';

async function ask(op: Operation, actor: ActorKey, expected: Outcome): Promise<LightMyRequestResponse> {
  const req = (await world.requests[op.label]?.(actor, refused(expected))) ?? {};
  await req.before?.();
  const url = urlFor(
    op,
    (p) => {
      const value = req.params?.[p.name];
      if (value === undefined) throw new Error(`${op.label}: the world names no value for {${p.name}}`);
      return value;
    },
    { ...requiredQuery(op), ...req.query },
  );
  const headers = req.upload?.headers ?? {};
  const body = req.upload ? req.upload.payload : req.body !== undefined ? req.body : op.body ? sample(op.body) : undefined;
  const res =
    actor === 'anonymous'
      ? await t.app.inject({ method: op.method, url, headers, ...(body === undefined ? {} : { payload: body as object }) })
      : await world.clients[actor].request(op.method, url, body, headers);
  tally.add({ requests: 1, serverErrors: res.statusCode >= 500 ? 1 : 0 });
  await req.after?.(res);
  return res;
}

function check(res: LightMyRequestResponse, expected: Outcome, actor: ActorKey) {
  const status = res.statusCode;
  const said = `answered ${status}: ${res.body.slice(0, 300)}`;
  expect(status, `never a 5xx; ${said}`).toBeLessThan(500);
  const code = status >= 400 ? (res.json() as { code?: string; message?: string }) : null;
  switch (expected) {
    case 'allow':
      expect(status >= 200 && status < 300, `allowed: expected 2xx, ${said}`).toBe(true);
      break;
    case 'deny':
      expect(status, `refused: ${said}`).toBe(actor === 'anonymous' ? 401 : 403);
      // A 403 for a missing CSRF token would pass for a refusal without being one.
      expect(code?.code, said).toBe(actor === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      break;
    case 'hidden':
      expect(status, `hidden: ${said}`).toBe(404);
      expect(code?.code, said).toBe('NOT_FOUND');
      expect(code?.message, 'the route exists').not.toMatch(/^route /);
      break;
    default:
      expect(status, said).toBe(expected);
  }
}

describe('the access matrix', () => {
  for (const op of operations) {
    const row = accessTable[op.label];
    if (!row) continue; // reported by "has a row for every operation"
    describe(op.label, () => {
      for (const actor of actors) {
        it(`${actor} → ${expectation(row[actor], actor)}`, async () => check(await ask(op, actor, row[actor]), row[actor], actor));
      }
    });
  }
});
