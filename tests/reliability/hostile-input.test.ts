import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, it } from '@fast-check/vitest';
import { eq, inArray } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, describe, expect, vi } from 'vitest';
import { challengeQuestions, milestones, notifications, organisations, reviewAssignments, users } from '../../db/schema';
import { createTestApp } from '../helpers/app';
import { makeChallenge } from '../helpers/challenges';
import { logIn, type Client } from '../helpers/client';
import { finalAward } from '../helpers/contract-fixture';
import { makeOrganisation, makeUser } from '../helpers/factories';
import { createIsolatedDatabase } from '../helpers/isolated-database';
import type { Operation } from '../helpers/openapi';
import {
  binaryBody,
  bogusContentTypes,
  cookieHeader,
  createFingerprint,
  expectSafeAnswer,
  extraHeaders,
  hostileBody,
  knownDefect,
  nestedJson,
  pathSegment,
  queryString,
  readOperations,
  sessionPlaceholder,
  uploadBody,
  uploadForm,
  validLike,
  validSegment,
  wellFormedQuery,
  wrongType,
  type HostileOperation,
  type KnownIds,
} from './hostile-helpers';
import { createTally } from './tally';

/**
 * Hostile input to every route (issue 8, item 2): for each operation in the OpenAPI document,
 * as anonymous, a signed-in official and a signed-in enterprise member, fast-check sends
 * malformed and malicious path parameters, query strings, bodies and headers, and every
 * answer must be under 500, a 4xx must use the error vocabulary, and a rejected request must
 * leave the database and the file store exactly as they were. The ids in the URLs and bodies
 * are often real (a challenge through review and award to drafted contracts exists), so the hostile text gets
 * past validation and into the services and the database.
 *
 * Runs are bounded and seeded (HOSTILE_SEED and HOSTILE_RUNS change them), so a failure
 * replays; fast-check prints the seed and the shrunk request.
 */

const seed = Number(process.env.HOSTILE_SEED ?? 20_260_817);
const runsPerRoute = Number(process.env.HOSTILE_RUNS ?? 12);
const tally = createTally('hostile-input');

// Its own database: the fingerprint must see only this file's requests.
const iso = await createIsolatedDatabase();
const storageDir = mkdtempSync(join(tmpdir(), 'jiebang-hostile-'));
const t = await createTestApp({ DATABASE_URL: iso.url, STORAGE_DIR: storageDir });
const db = t.rt.database.db;
const operations = await readOperations(t.app);

// ---------------------------------------------------------------- the world the requests land in

const officialUser = await makeUser(db, { role: 'official' });
const official = await logIn(t.app, officialUser.email);
const enterpriseUser = await makeUser(db, { role: 'enterprise_member', canManage: true });
const enterprise = await logIn(t.app, enterpriseUser.email);
// A challenge through review and award to drafted contracts (bids, assignments, milestones).
const awarded = await finalAward(t.app, db, t.rt.services, { publisherId: enterpriseUser.organisationId, authorId: enterpriseUser.id, publisher: enterprise, official });
const published = await makeChallenge(db, { publisherId: enterpriseUser.organisationId, createdBy: enterpriseUser.id, status: 'published' });
const draft = await makeChallenge(db, { publisherId: enterpriseUser.organisationId, createdBy: enterpriseUser.id });
const asked = await awarded.bids[0]!.client.request('POST', `/api/challenges/${published.id}/questions`, { question: '涂层厚度有要求吗？' });
expect(asked.statusCode, asked.body).toBe(200);
const pendingOrg = await makeOrganisation(db, { kind: 'enterprise', verification: 'pending' });
const contractIds = awarded.contracts.map((c) => c.id);
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
const known: KnownIds = {
  byName: {
    challenges: [awarded.challenge.id, published.id, draft.id],
    bids: awarded.bids.map((b) => b.id),
    awards: [awarded.awardId],
    contracts: contractIds,
    milestones: ids(await db.select({ id: milestones.id }).from(milestones).where(inArray(milestones.contractId, contractIds))),
    assignments: ids(await db.select({ id: reviewAssignments.id }).from(reviewAssignments)),
    organisations: [pendingOrg.id, awarded.bids[0]!.teamId],
    teams: awarded.bids.map((b) => b.teamId),
    notifications: ids(await db.select({ id: notifications.id }).from(notifications).where(eq(notifications.userId, enterpriseUser.id))),
    questionId: ids(await db.select({ id: challengeQuestions.id }).from(challengeQuestions).where(eq(challengeQuestions.challengeId, published.id))),
  },
  all: [],
};
known.all = [...new Set([...Object.values(known.byName).flat(), officialUser.id, enterpriseUser.id, enterpriseUser.organisationId])];

/** Who sends: nobody, or a signed-in user whose session is renewed if a request ended it (a registration does). */
interface Actor {
  name: 'anonymous' | 'official' | 'enterprise member';
  email: string | null;
  client: Client | null;
}
const actors: Actor[] = [
  { name: 'anonymous', email: null, client: null },
  { name: 'official', email: officialUser.email, client: official },
  { name: 'enterprise member', email: enterpriseUser.email, client: enterprise },
];
/** Operations a signed-in actor does not call: logging out is not hostile, and would only cost a log-in. */
const endsSession = new Set(['POST /api/auth/logout']);
let renewedSessions = 0;

// ---------------------------------------------------------------- sending and checking

const fingerprint = await createFingerprint(iso.url, storageDir);
let before = await fingerprint.take();
const sent = new Map<string, number>();
const statuses = new Map<number, number>();
/** Known defects hit, with the routes they were hit on. */
const defectHits = new Map<string, Set<string>>();

interface HostileRequest {
  method: Operation['method'];
  url: string;
  /** `sessionPlaceholder` in the cookie stands for the actor's session; `csrf` says which x-csrf-token to send. */
  headers: Record<string, string>;
  csrf?: 'valid' | 'missing' | 'wrong';
  payload?: string | Buffer;
}

/** Sends one request and checks the answer and, if it was refused, that nothing was written. */
async function send(op: HostileOperation, actor: Actor, req: HostileRequest) {
  const headers = { ...req.headers };
  if (headers.cookie !== undefined) headers.cookie = headers.cookie.replace(sessionPlaceholder, actor.client?.cookie ?? '');
  const csrf = req.csrf ?? 'valid';
  if (actor.client && csrf === 'valid') headers['x-csrf-token'] = actor.client.csrfToken;
  if (csrf === 'wrong') headers['x-csrf-token'] = '<script>alert(1)</script>';
  const what = `${actor.name}: ${req.method} ${req.url.slice(0, 200)} [${headers['content-type'] ?? 'no content-type'}] ${String(req.payload ?? '').slice(0, 200)}`;
  const res = await t.app.inject({ method: req.method, url: req.url, headers, ...(req.payload === undefined ? {} : { payload: req.payload }) } as InjectOptions);
  const key = `${op.label} as ${actor.name}`;
  const defect = knownDefect(op.label, req.payload, res);
  if (defect) defectHits.set(defect, new Set([...(defectHits.get(defect) ?? []), op.label]));
  tally.add({ requests: 1, hostileInputs: 1, serverErrors: res.statusCode >= 500 && !defect ? 1 : 0 });
  sent.set(key, (sent.get(key) ?? 0) + 1);
  statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
  const after = await fingerprint.take();
  const previous = before;
  before = after;
  if (!defect) expectSafeAnswer(res, what);
  if (res.statusCode >= 400) {
    const changed = Object.keys(after).filter((k) => after[k] !== previous[k]).map((k) => `${k}: ${previous[k]} → ${after[k]}`);
    expect(changed, `${what} was refused with ${res.statusCode} but wrote (table: rows@newest xmin)`).toEqual([]);
  }
  await settle(op, actor, res);
  // A log-in or registration that succeeded ended the session the actor held (a new session
  // cookie came back, not the clearing of a bogus one): log in again.
  if (actor.email && res.statusCode < 300 && /(^|,)\s*jb_session=[^;]/.test(String(res.headers['set-cookie'] ?? ''))) {
    actor.client = await logIn(t.app, actor.email);
    renewedSessions++;
    before = await fingerprint.take();
  }
  return res;
}

/**
 * Waits for work an accepted request left running, so that it is not taken for a write by the
 * next request: a quarterly export (202) writes its file in the background.
 */
async function settle(op: HostileOperation, actor: Actor, res: { statusCode: number; json(): unknown }) {
  if (op.label !== 'POST /api/reports/quarterly/exports' || res.statusCode !== 202 || !actor.client) return;
  const { id } = res.json() as { id: string };
  await vi.waitFor(async () => expect((await actor.client!.request('GET', `/api/reports/quarterly/exports/${id}`)).json().status).not.toBe('running'), { timeout: 20_000, interval: 50 });
  before = await fingerprint.take();
}

/** The path with its parameters filled from `segments` (already in URL form). */
function pathOf(op: HostileOperation, segments: string[]) {
  return op.pathParams.reduce((url, p, i) => url.replace(`{${p.name}}`, segments[i]!), op.path);
}
/** The path segment before {id} says what the id names (bids, challenges, …). */
const collectionOf = (op: HostileOperation) => op.path.match(/\/([a-z-]+)\/\{id\}/)?.[1] ?? '';
const validValue = (p: Operation['queryParams'][number]) => String(p.schema.enum?.[0] ?? (p.schema.type === 'integer' ? (p.schema.minimum ?? 1) : p.schema.format === 'uuid' ? known.all[0] : p.schema.format === 'date' ? '2030-01-01' : 'x'));

/** A request body: JSON from the schema (well-formed with hostile text, or broken), a form for an upload route, nothing for a GET. */
interface RawBody {
  payload?: string | Buffer;
  headers: Record<string, string>;
}
function bodyOf(op: HostileOperation, mode: 'well-formed' | 'hostile'): fc.Arbitrary<RawBody> {
  if (op.upload) return mode === 'hostile' ? uploadBody : uploadForm;
  if (op.method === 'GET') return fc.constant({ headers: {} });
  const json = (value: unknown, contentType = 'application/json'): RawBody => (value === undefined ? { headers: {} } : { payload: JSON.stringify(value), headers: { 'content-type': contentType } });
  if (mode === 'well-formed') return op.body ? validLike(op.body, '', known).map((v) => json(v)) : fc.constant({ headers: {} });
  return fc
    .record({
      value: op.body ? hostileBody(op.body, known) : fc.oneof(fc.constant(undefined), wrongType),
      contentType: fc.oneof({ arbitrary: fc.constant('application/json'), weight: 6 }, { arbitrary: fc.constantFrom(...bogusContentTypes), weight: 1 }),
    })
    .map(({ value, contentType }) => json(value, contentType));
}

// ---------------------------------------------------------------- defects found and fixed, first, on the world as built

/**
 * The defects the properties found, each reproduced on its own and now fixed: NUL and unpaired
 * surrogates refused before validation (server/plugins/error-handler.ts), broken percent-
 * encoding answered in the error vocabulary (frameworkErrors in server/app.ts), a broker's
 * unknown user id refused naming userId.
 */
describe('defects found and fixed', () => {
  const enterpriseClient = () => actors[2]!.client!;
  const refused = async (res: { statusCode: number; body: string; json(): unknown }, field: string) => {
    before = await fingerprint.take();
    tally.add({ requests: 1, hostileInputs: 1 });
    expect(res.statusCode, res.body).toBe(400);
    expect((res.json() as { fields?: { path: string }[] }).fields?.map((f) => f.path), res.body).toContain(field);
  };

  it('PATCH /api/challenges/{id}: a title with U+0000 → 400 naming title', async () => {
    const fresh = await makeChallenge(db, { publisherId: enterpriseUser.organisationId, createdBy: enterpriseUser.id });
    await refused(await enterpriseClient().request('PATCH', `/api/challenges/${fresh.id}`, { title: '揭榜\u0000挂帅' }), 'title');
  });
  it('PATCH /api/challenges/{id}: an indicator name with a lone surrogate → 400 naming indicators.0.name', async () => {
    const fresh = await makeChallenge(db, { publisherId: enterpriseUser.organisationId, createdBy: enterpriseUser.id });
    await refused(await enterpriseClient().request('PATCH', `/api/challenges/${fresh.id}`, { indicators: [{ name: '\uD800析氢', targetValue: '≤ 120', unit: 'mV', verification: '第三方检测' }] }), 'indicators.0.name');
  });
  it('POST /api/challenges/{id}/questions: a question with U+0000 → 400 naming question', async () => {
    await refused(await awarded.bids[0]!.client.request('POST', `/api/challenges/${published.id}/questions`, { question: '厚度\u0000要求？' }), 'question');
  });
  it('PUT /api/teams/{id}/profile: a keyword with U+0000 → 400 naming keywords.0', async () => {
    const profile = { fields: ['electrolysis'], keywords: ['电解\u0000'], description: '', region: '', capacity: 2, people: [], results: [] };
    await refused(await awarded.bids[0]!.client.request('PUT', `/api/teams/${awarded.bids[0]!.teamId}/profile`, profile), 'keywords.0');
  });
  it('GET /api/challenges/%FF (invalid percent-encoding) → 400 in the error vocabulary', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/challenges/%FF' });
    before = await fingerprint.take();
    expectSafeAnswer(res, 'GET /api/challenges/%FF');
  });
  it('PUT /api/contracts/{id}/broker: a userId that is no user → 400 naming userId', async () => {
    await refused(await actors[1]!.client!.request('PUT', `/api/contracts/${contractIds[0]}/broker`, { name: '技术经理人', userId: randomUUID(), introducedOn: '2030-01-01' }), 'userId');
  });
});

// ---------------------------------------------------------------- every route, every actor

describe('every route, hostile path, query, body and headers', () => {
  for (const op of operations)
    for (const actor of actors) {
      if (actor.client && endsSession.has(op.label)) continue;
      const signedIn = actor.client !== null;
      const segments = (segment: typeof pathSegment) => fc.tuple(...op.pathParams.map((p) => segment(p, known, collectionOf(op))));
      // Well-formed: real or random ids, a valid query and body whose text is hostile, the actor's own headers. It gets past validation into the services.
      const wellFormed = fc.record({
        segments: segments(validSegment),
        query: wellFormedQuery(op.queryParams, known),
        body: bodyOf(op, 'well-formed'),
        cookie: fc.constant(signedIn ? sessionPlaceholder : undefined),
        csrf: fc.constant('valid' as const),
        extra: fc.constant({}),
      });
      // Hostile everywhere: path, query, body, content type, cookies, CSRF and extra headers.
      const hostile = fc.record({
        segments: segments(pathSegment),
        query: queryString(op.queryParams, validValue),
        body: bodyOf(op, 'hostile'),
        cookie: cookieHeader(signedIn),
        csrf: fc.oneof({ arbitrary: fc.constant('valid' as const), weight: 8 }, { arbitrary: fc.constantFrom('missing' as const, 'wrong' as const), weight: 1 }),
        extra: fc.oneof({ arbitrary: fc.constant({}), weight: 4 }, { arbitrary: extraHeaders, weight: 1 }),
      });
      const request = fc.oneof(wellFormed, hostile);
      it.prop([request], { seed, numRuns: runsPerRoute })(`${op.label} as ${actor.name}`, async (r) => {
        const url = pathOf(op, r.segments as string[]) + (r.query ? `?${r.query}` : '');
        const headers = { ...r.extra, ...(r.cookie === undefined ? {} : { cookie: r.cookie }), ...r.body.headers };
        await send(op, actor, { method: op.method, url, headers, csrf: r.csrf, payload: r.body.payload });
      });
    }
});

// ---------------------------------------------------------------- whole-request attacks, on any route

const writes = operations.filter((op) => op.method !== 'GET');
const actorArb = fc.constantFrom(...actors);
const writeArb = fc.constantFrom(...writes);
/** A URL for an operation with real or random ids: the request's other parts are the attack. */
const urlArb = (op: HostileOperation) => fc.tuple(...op.pathParams.map((p) => validSegment(p, known, collectionOf(op)))).map((segs) => pathOf(op, segs as string[]));
const session = (actor: Actor): Record<string, string> => (actor.client ? { cookie: sessionPlaceholder } : {});

describe('bodies that are not JSON text', () => {
  it.prop([writeArb.chain((op) => fc.record({ op: fc.constant(op), url: urlArb(op) })), actorArb, binaryBody, fc.constantFrom('application/json', 'application/json; charset=gbk', 'application/json; charset=utf-8', 'text/plain', 'application/octet-stream')], { seed, numRuns: 120 })(
    'random bytes and invalid UTF-8 (C3 28, FF, C0 80, truncated, surrogates) as a raw body',
    async ({ op, url }, actor, bytes, contentType) => {
      if (actor.client && endsSession.has(op.label)) return;
      await send(op, actor, { method: op.method, url, headers: { ...session(actor), 'content-type': contentType }, payload: bytes });
    },
  );

  it.prop([writeArb.chain((op) => fc.record({ op: fc.constant(op), url: urlArb(op) })), actorArb, fc.constantFrom('', 'null', 'true', '0', '"x"', '[]', '{', '{"a":1,}', '{"a":1}{"b":2}', '\uFEFF{}', '{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"isAdmin":true}}}', '{"a":1e999}', '{"a":-0}', `{"a":"${'\\u0000'.repeat(10)}"}`)], { seed, numRuns: 80 })(
    'JSON edge cases: empty, scalars, truncated, trailing commas, two documents, a BOM, prototype keys, overflowing numbers',
    async ({ op, url }, actor, text) => {
      if (actor.client && endsSession.has(op.label)) return;
      await send(op, actor, { method: op.method, url, headers: { ...session(actor), 'content-type': 'application/json' }, payload: text });
    },
  );

  it.prop([writeArb.chain((op) => fc.record({ op: fc.constant(op), url: urlArb(op) })), actorArb, fc.integer({ min: 1_000, max: 20_000 }), fc.constantFrom('array' as const, 'object' as const), fc.boolean()], { seed, numRuns: 30 })(
    'deep nesting: arrays and objects 1,000 to 20,000 levels, as the body or inside a field, some hiding a __proto__ key',
    async ({ op, url }, actor, depth, kind, proto) => {
      if (actor.client && endsSession.has(op.label)) return;
      const leaf = proto ? '{"__proto__":{"x":1}}' : '"<script>alert(1)</script>"';
      const nested = nestedJson(depth, kind, leaf);
      const field = Object.keys(op.body?.properties ?? {})[0] ?? 'x';
      const payload = depth % 2 === 0 ? nested : `{"${field}":${nested}}`;
      await send(op, actor, { method: op.method, url, headers: { ...session(actor), 'content-type': 'application/json' }, payload });
    },
  );

  it.prop([writeArb.chain((op) => fc.record({ op: fc.constant(op), url: urlArb(op) })), actorArb, fc.integer({ min: 1_000_000, max: 2_000_000 }), fc.constantFrom('字', 'a', '<', '\\u0000')], { seed, numRuns: 6 })(
    'huge strings: a field of 1–2 MB (above the 1 MiB body limit) → 413, never 5xx',
    async ({ op, url }, actor, size, unit) => {
      if (actor.client && endsSession.has(op.label)) return;
      const field = Object.keys(op.body?.properties ?? {})[0] ?? 'x';
      const res = await send(op, actor, { method: op.method, url, headers: { ...session(actor), 'content-type': 'application/json' }, payload: `{"${field}":"${unit.repeat(Math.ceil(size / unit.length))}"}` });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
    },
  );
});

describe('headers', () => {
  const anyOp = fc.constantFrom(...operations.filter((op) => !endsSession.has(op.label)));
  const contentTypes = fc.constantFrom(...bogusContentTypes, 'application/json; charset=gbk', 'application/json; charset=latin1', 'application/json; charset="utf-8"');
  it.prop([anyOp.chain((op) => fc.record({ op: fc.constant(op), url: urlArb(op) })), actorArb, contentTypes, extraHeaders], { seed, numRuns: 100 })(
    'bogus content types, charset=gbk with a UTF-8 body, long header values, junk negotiation headers',
    async ({ op, url }, actor, contentType, extra) => {
      const body = op.method === 'GET' ? undefined : JSON.stringify({ title: '揭榜<script>alert(1)</script>', name: '测试', answer: '答复' });
      await send(op, actor, { method: op.method, url, headers: { ...extra, ...session(actor), 'content-type': contentType }, payload: body });
    },
  );

  it.prop([anyOp.chain((op) => fc.record({ op: fc.constant(op), url: urlArb(op) })), actorArb, fc.constantFrom('dup-first', 'dup-last', 'malformed', 'huge', 'two-csrf')], { seed, numRuns: 60 })(
    'duplicate, malformed and oversized session cookies; a CSRF header sent twice',
    async ({ op, url }, actor, kind) => {
      const real = actor.client ? sessionPlaceholder : 'jb_session=none';
      const cookie = { 'dup-first': `${real}; jb_session=forged`, 'dup-last': `jb_session=forged; ${real}`, malformed: `${real}; ;;=;jb_session`, huge: `${real}; pad=${'p'.repeat(8000)}`, 'two-csrf': real }[kind];
      const twice: Record<string, string> = kind === 'two-csrf' && actor.client ? { 'x-csrf-token': `${actor.client.csrfToken}, ${actor.client.csrfToken}` } : {};
      await send(op, actor, { method: op.method, url, headers: { cookie, ...twice }, csrf: kind === 'two-csrf' ? 'missing' : 'valid' });
    },
  );
});

// ---------------------------------------------------------------- the count

describe('coverage', () => {
  it('the fingerprint sees an update, an insert and a delete (control)', async () => {
    const start = await fingerprint.take();
    const differs = async (a: Record<string, string>) => {
      const b = await fingerprint.take();
      return Object.keys(a).filter((k) => a[k] !== b[k]);
    };
    await db.update(users).set({ name: '改名' }).where(eq(users.id, officialUser.id));
    expect(await differs(start)).toEqual(['users']);
    const updated = await fingerprint.take();
    const org = await makeOrganisation(db, { kind: 'enterprise' });
    expect(await differs(updated)).toEqual(['organisations']);
    const inserted = await fingerprint.take();
    await db.delete(organisations).where(eq(organisations.id, org.id));
    expect(await differs(inserted)).toEqual(['organisations']);
    before = await fingerprint.take();
  });

  it('every route was sent hostile input as each actor, and no answer was a 5xx', () => {
    for (const op of operations)
      for (const actor of actors) {
        if (actor.client && endsSession.has(op.label)) continue;
        expect(sent.get(`${op.label} as ${actor.name}`) ?? 0, `${op.label} as ${actor.name}`).toBeGreaterThanOrEqual(runsPerRoute);
      }
    expect(tally.get().serverErrors).toBe(0);
  });
});

afterAll(async () => {
  const perRoute = [...sent.values()];
  console.log(`hostile input: ${tally.get().requests} requests to ${operations.length} operations (${operations.filter((o) => o.upload).length} uploads), ${Math.min(...perRoute)}–${Math.max(...perRoute)} per route and actor, ${renewedSessions} sessions renewed, seed ${seed}; answers ${[...statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(' ')}`);
  for (const [defect, routes] of defectHits) console.log(`known defect ${defect} hit on ${routes.size} routes: ${[...routes].sort().join(', ')}`);
  tally.flush();
  await fingerprint.close();
  await t.close();
  await iso.drop();
  rmSync(storageDir, { recursive: true, force: true });
});
