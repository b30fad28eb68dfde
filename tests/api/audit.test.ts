import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntityTypes, auditList, auditVerification } from '../../shared/contracts/audit';
import { appendAudit } from '../../server/infra/audit';
import { auditEn, auditZhCN } from '../../web/src/i18n/parts/audit';
import { createTestApp, type TestApp } from '../helpers/app';
import { logIn, type Client } from '../helpers/client';
import { makeOrganisation, makeUser } from '../helpers/factories';

let t: TestApp;
const db = () => t.rt.database.db;
let official: Client;
let officialName: string;
let admin: Client;
const others = {} as Record<'team_member' | 'enterprise_member' | 'expert', Client>;

/** One record with five entries (the fourth by the system), and a neighbour that must not show. */
const challengeId = randomUUID();
const trail = (q = '') => `/api/audit?entityType=challenge&entityId=${challengeId}${q}`;

beforeAll(async () => {
  t = await createTestApp();
  const o = await makeUser(db(), { role: 'official' });
  officialName = o.name;
  official = await logIn(t.app, o.email);
  admin = await logIn(t.app, (await makeUser(db(), { role: 'admin' })).email);
  for (const role of ['team_member', 'enterprise_member', 'expert'] as const) others[role] = await logIn(t.app, (await makeUser(db(), { role })).email);
  for (let i = 0; i < 5; i++) {
    await db().transaction((tx) =>
      appendAudit(tx, {
        at: new Date(Date.UTC(2026, 2, 1, 8, i)),
        actorId: i === 3 ? null : o.id,
        reqId: i === 3 ? null : `req-${i}`,
        action: `challenge.step_${i}`,
        entityType: 'challenge',
        entityId: challengeId,
        before: { step: i - 1 },
        after: { step: i, 名称: '储能' },
      }),
    );
  }
  await db().transaction((tx) => appendAudit(tx, { at: new Date(), actorId: o.id, action: 'challenge.edited', entityType: 'challenge', entityId: randomUUID() }));
});
afterAll(async () => t?.close());

describe('GET /api/audit', () => {
  it("gives officials one record's entries, newest first, with actor, values, request id and hash", async () => {
    const res = await official.request('GET', trail());
    expect(res.statusCode, res.body).toBe(200);
    const body = auditList.parse(res.json());
    expect(body.items.map((e) => e.action)).toEqual([4, 3, 2, 1, 0].map((i) => `challenge.step_${i}`));
    expect(body.nextBefore).toBeNull();
    const [newest, , , , oldest] = body.items;
    expect(newest).toMatchObject({ at: '2026-03-01T08:04:00.000Z', actorName: officialName, reqId: 'req-4', before: { step: 3 }, after: { step: 4, 名称: '储能' } });
    expect(body.items[1]).toMatchObject({ action: 'challenge.step_3', actorId: null, actorName: null, reqId: null });
    expect(oldest!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('pages with limit and before until nextBefore is null', async () => {
    const seen: number[] = [];
    let before: number | null = null;
    const pages: number[] = [];
    do {
      const res = await official.request('GET', trail(`&limit=2${before ? `&before=${before}` : ''}`));
      expect(res.statusCode, res.body).toBe(200);
      const page = auditList.parse(res.json());
      pages.push(page.items.length);
      seen.push(...page.items.map((e) => e.id));
      before = page.nextBefore;
    } while (before !== null);
    expect(pages).toEqual([2, 2, 1]);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(new Set(seen).size).toBe(5);
  });

  it('gives admins the trail too', async () => {
    const res = await admin.request('GET', trail('&limit=1'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toHaveLength(1);
  });

  it('shows what an official did through the API, under their name', async () => {
    const org = await makeOrganisation(db(), { kind: 'enterprise', verification: 'pending' });
    expect((await official.request('POST', `/api/organisations/${org.id}/verification`, { decision: 'verify' })).statusCode).toBe(200);
    const res = await official.request('GET', `/api/audit?entityType=organisation&entityId=${org.id}`);
    expect(res.json().items).toEqual([
      expect.objectContaining({ action: 'organisation.verify', actorName: officialName, before: { verification: 'pending' }, after: { verification: 'verified', rejectionReason: null }, reqId: expect.any(String) }),
    ]);
  });

  it('refuses other roles with 403 and anonymous callers with 401', async () => {
    for (const [role, c] of Object.entries(others)) {
      for (const url of [trail(), '/api/audit/verify']) {
        const res = await c.request('GET', url);
        expect(res.statusCode, `${role} ${url}`).toBe(403);
        expect(res.json().code).toBe('FORBIDDEN');
      }
    }
    for (const url of [trail(), '/api/audit/verify']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().code).toBe('UNAUTHENTICATED');
    }
  });

  const bad: [string, string][] = [
    [`/api/audit?entityId=${challengeId}`, 'query.entityType'],
    [`/api/audit?entityType=invoice&entityId=${challengeId}`, 'query.entityType'],
    ['/api/audit?entityType=challenge', 'query.entityId'],
    ['/api/audit?entityType=challenge&entityId=%20', 'query.entityId'],
    [`/api/audit?entityType=challenge&entityId=${'x'.repeat(101)}`, 'query.entityId'],
    [trail('&limit=0'), 'query.limit'],
    [trail('&limit=101'), 'query.limit'],
    [trail('&limit=ten'), 'query.limit'],
    [trail('&before=0'), 'query.before'],
    [trail('&before=1.5'), 'query.before'],
    [trail('&before=latest'), 'query.before'],
  ];
  for (const [url, field] of bad)
    it(`answers ${url.replace(challengeId, '<id>').slice(0, 80)} with 400 naming ${field}`, async () => {
      const res = await official.request('GET', url);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(res.json().fields.map((f: { path: string }) => f.path)).toContain(field);
    });
});

describe('GET /api/audit/verify', () => {
  it('walks the chain for officials and admins and finds it intact', async () => {
    for (const c of [official, admin]) {
      const res = await c.request('GET', '/api/audit/verify');
      expect(res.statusCode, res.body).toBe(200);
      const result = auditVerification.parse(res.json());
      expect(result).toMatchObject({ ok: true, firstBroken: null });
      expect(result.checked).toBeGreaterThanOrEqual(6);
      expect(result.lastGood?.hash).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});

describe('the audited entity types', () => {
  it('include every entityType the server writes, so each trail can be asked for', async () => {
    const root = join(import.meta.dirname, '../../server');
    const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.ts'));
    const written = new Set<string>();
    for (const f of files) {
      const source = await readFile(join(root, f), 'utf8');
      for (const m of source.matchAll(/entityType: '(\w+)'/g)) written.add(m[1]!);
      // The reviews module's helper takes the type as its second argument.
      for (const m of source.matchAll(/audit\(tx, \w+, '[\w.]+', '(\w+)'/g)) written.add(m[1]!);
    }
    expect(written.size).toBeGreaterThan(5);
    expect([...written].filter((type) => !(auditEntityTypes as readonly string[]).includes(type))).toEqual([]);
  });

  it('have a label in both languages for every action the server writes by name', async () => {
    /** Modules whose audit helper prefixes the action with the entity type. */
    const prefixes: Record<string, string> = { 'challenges/service.ts': 'challenge.', 'bids/service.ts': 'bid.', 'awards/service.ts': 'award.', 'contracts/service.ts': 'contract.', 'contracts/milestones.ts': 'contract.' };
    const root = join(import.meta.dirname, '../../server/modules');
    const actions = new Set<string>();
    for (const f of (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.ts'))) {
      const source = await readFile(join(root, f), 'utf8');
      for (const m of source.matchAll(/action: '([\w.]+)'/g)) actions.add(m[1]!);
      for (const m of source.matchAll(/\baudit\(tx, \w+, '([\w.]+)'/g)) actions.add(m[1]!.includes('.') ? m[1]! : `${prefixes[f] ?? '?'}${m[1]}`);
    }
    expect(actions.size).toBeGreaterThan(50);
    const unlabelled = [...actions].filter((a) => !(`audit.action.${a}` in auditZhCN) || !(`audit.action.${a}` in auditEn));
    expect(unlabelled).toEqual([]);
  });
});
