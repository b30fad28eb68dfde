import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { challenges } from '../../db/schema';
import { migrateDatabase } from '../../db/migrate';
import { buildApp } from '../../server/app';
import { createRuntime, type Runtime } from '../../server/runtime';
import { completeDraft, makeChallenge } from '../helpers/challenges';
import { testConfig } from '../helpers/config';
import { makeOrganisation, makeUser, testPassword } from '../helpers/factories';
import { startPrivatePostgres, timedFetch, type PrivatePostgres } from './fault-helpers';
import { createTally } from './tally';

/**
 * Fault (c): PostgreSQL restarts under load. The API (a real HTTP listener, the PostgreSQL
 * queue backend, as `npm start` has it) runs on a private embedded PostgreSQL while 20
 * clients list challenges and two more keep writing. PostgreSQL is stopped (fast shutdown:
 * sessions are cut, as by `systemctl restart`) and started again on the same port and data.
 * Meanwhile /readyz says not ready, every request fails cleanly and quickly (503
 * SERVICE_UNAVAILABLE with a Retry-After, never a 500, never a hang), and afterwards the same
 * process serves again: no restart, no write that was acknowledged is missing.
 */
const tally = createTally('faults-postgres');
const readers = 20;
const requestTimeoutMs = 10_000;

let pg: PrivatePostgres;
let rt: Runtime;
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  pg = await startPrivatePostgres();
  await migrateDatabase(pg.url);
  const config = testConfig({ DATABASE_URL: pg.url, DATABASE_POOL_MAX: '10' });
  rt = await createRuntime(config, pg.url);
  app = await buildApp({ config, services: rt.services, probes: rt.probes });
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await app?.close();
  await rt?.close();
  await pg?.close();
  tally.flush();
});

/** up: PostgreSQL serving; down: stopped; starting: started again, /readyz not yet 200; transition: a request that spanned a change. */
type Phase = 'up' | 'down' | 'starting' | 'transition';
interface Outcome {
  phase: Phase;
  kind: 'read' | 'write';
  status: number;
  code: string | null;
  retryAfter: string | null;
  ms: number;
  error: string | null;
  id: string | null;
}

describe('PostgreSQL restarted during load', () => {
  it('reports not ready, fails requests cleanly while it is down, and serves again without a restart', async () => {
    const db = rt.database.db;
    const enterpriseId = (await makeOrganisation(db, { kind: 'enterprise' })).id;
    const author = await makeUser(db, { role: 'enterprise_member', organisationId: enterpriseId });
    for (let i = 0; i < 5; i++) await makeChallenge(db, { publisherId: enterpriseId, createdBy: author.id, status: 'published' });
    const login = await timedFetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: author.email, password: testPassword }) });
    expect(login.status, login.text).toBe(200);
    const session = { cookie: login.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': JSON.parse(login.text).csrfToken as string };

    let phase: Phase = 'up';
    let running = true;
    const outcomes: Outcome[] = [];
    const record = async (kind: Outcome['kind'], req: () => ReturnType<typeof timedFetch>) => {
      const at = phase;
      const r = await req();
      let body: { code?: string; id?: string } = {};
      try {
        body = JSON.parse(r.text);
      } catch {
        // not JSON: left empty, and the checks below name the request
      }
      outcomes.push({ phase: at === phase ? at : 'transition', kind, status: r.status, code: body.code ?? null, retryAfter: r.headers.get('retry-after'), ms: r.ms, error: r.error, id: body.id ?? null });
    };
    const loops = [
      ...Array.from({ length: readers }, async () => {
        while (running) await record('read', () => timedFetch(`${base}/api/challenges?limit=20`, { timeoutMs: requestTimeoutMs }));
      }),
      ...Array.from({ length: 2 }, async () => {
        while (running) {
          await record('write', () => timedFetch(`${base}/api/challenges`, { method: 'POST', headers: { 'content-type': 'application/json', ...session }, body: JSON.stringify(completeDraft()), timeoutMs: requestTimeoutMs }));
          await new Promise((r) => setTimeout(r, 20));
        }
      }),
    ];
    const served = (kind: Outcome['kind'], since: number) => outcomes.slice(since).filter((o) => o.phase === 'up' && o.kind === kind && o.status >= 200 && o.status < 300).length;
    const readiness = async () => {
      const r = await timedFetch(`${base}/readyz`, { timeoutMs: requestTimeoutMs });
      return { status: r.status, body: r.text ? JSON.parse(r.text) : null };
    };

    try {
      await vi.waitFor(() => expect(served('read', 0)).toBeGreaterThan(100), { timeout: 30_000, interval: 50 });
      for (const how of ['fast', 'crash'] as const) {
        // PostgreSQL goes away under load: a restart's fast shutdown, then a crash.
        phase = 'down';
        await pg.stop(how);
        tally.add({ faults: 1 });
        const since = outcomes.length;
        const downAt = Date.now();
        expect(await readiness()).toEqual({ status: 503, body: { status: 'not_ready', checks: { database: false, queue: false } } });
        expect((await timedFetch(`${base}/healthz`)).status).toBe(200);
        await vi.waitFor(() => {
          expect(outcomes.length - since).toBeGreaterThan(200);
          expect(Date.now() - downAt).toBeGreaterThan(2000);
        }, { timeout: 30_000, interval: 50 });

        // It comes back on the same port and data; the same API process recovers by itself.
        phase = 'starting';
        await pg.start();
        await vi.waitFor(async () => expect(await readiness()).toEqual({ status: 200, body: { status: 'ready', checks: { database: true, queue: true } } }), { timeout: 30_000, interval: 100 });
        phase = 'up';
        const back = outcomes.length;
        await vi.waitFor(() => {
          expect(served('read', back)).toBeGreaterThan(100);
          expect(served('write', back)).toBeGreaterThan(2);
        }, { timeout: 30_000, interval: 50 });
      }
    } finally {
      running = false;
      await Promise.all(loops);
    }
    if (process.env.FAULT_DEBUG) {
      const summary: Record<string, number> = {};
      for (const o of outcomes) {
        const key = `${o.phase} ${o.kind} ${o.status} ${o.code ?? ''}${o.error ?? ''}`;
        summary[key] = (summary[key] ?? 0) + 1;
      }
      console.log(summary, 'slowest', Math.max(...outcomes.map((o) => o.ms)), 'ms');
    }

    // Clean failures only: 503 SERVICE_UNAVAILABLE with Retry-After, and only while the database is away; no 500, no hang.
    const clean503 = (o: Outcome) => o.status === 503 && o.code === 'SERVICE_UNAVAILABLE' && o.retryAfter === '5';
    const unclean = outcomes.filter((o) => o.error !== null || ((o.status < 200 || o.status >= 300) && !clean503(o)));
    const misplaced = outcomes.filter((o) => o.phase === 'up' && (o.status < 200 || o.status >= 300));
    tally.add({ requests: outcomes.length + 1, serverErrors: unclean.filter((o) => o.status >= 500).length + misplaced.length });
    expect(unclean.slice(0, 5)).toEqual([]);
    expect(misplaced.slice(0, 5)).toEqual([]);
    expect(outcomes.filter((o) => o.phase === 'down' && o.kind === 'read' && clean503(o)).length).toBeGreaterThan(300);
    expect(outcomes.filter((o) => o.phase === 'down' && o.kind === 'write' && clean503(o)).length).toBeGreaterThan(2);
    expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(requestTimeoutMs);

    // Every acknowledged write is there.
    const acknowledged = outcomes.filter((o) => o.kind === 'write' && o.status === 201).map((o) => o.id!);
    const stored = new Set((await db.select({ id: challenges.id }).from(challenges).where(eq(challenges.publisherId, enterpriseId))).map((r) => r.id));
    const missing = acknowledged.filter((id) => !stored.has(id));
    tally.add({ jobsLost: missing.length });
    expect(missing).toEqual([]);
  }, 120_000);
});
