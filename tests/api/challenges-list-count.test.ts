import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batches, challenges } from '../../db/schema';
import { publicListCountCap } from '../../shared/contracts/challenges';
import { createTestApp, type TestApp } from '../helpers/app';
import { logIn, type Client } from '../helpers/client';
import { makeOrganisation, makeUser, unique } from '../helpers/factories';

/**
 * The public list counts no further than it must (shared/contracts/challenges.ts): 1,000, or
 * as far as the page asked for. One batch of 1,001 public challenges, all found by one made-up
 * word, sits outside every other test's way: published in 2000, no deadline, a bounty of 1
 * yuan, so they come last in every order.
 */
let t: TestApp;
let batchId: string;
let word: string;
let official: Client;
const total = publicListCountCap + 1;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.rt.database.db;
  const enterprise = await makeOrganisation(db, { kind: 'enterprise' });
  const author = await makeUser(db, { role: 'enterprise_member', organisationId: enterprise.id });
  official = await logIn(t.app, (await makeUser(db, { role: 'official' })).email);
  const [batch] = await db.insert(batches).values({ year: 1900 + Math.floor(Math.random() * 99), number: 1 + Math.floor(Math.random() * 30000), title: unique('计数批次'), createdBy: author.id, status: 'published' }).returning();
  batchId = batch!.id;
  word = `zzcount${Date.now().toString(36)}`;
  const publishedAt = new Date('2000-01-01T00:00:00Z');
  await db.insert(challenges).values(
    Array.from({ length: total }, (_, i) => ({
      publisherId: enterprise.id,
      createdBy: author.id,
      status: 'closed' as const,
      title: `计数 ${i}`,
      bountyYuan: 1,
      batchId,
      publishedAt,
      searchVector: sql`array_to_tsvector(array[${word}]::text[])`,
    })),
  );
});
afterAll(async () => t?.close());

const anon = async (query: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/challenges?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: unknown[]; total: number; totalCapped: boolean };
};

describe('the public list’s count', () => {
  it('stops at the cap and says so', async () => {
    expect(await anon(`batchId=${batchId}`)).toMatchObject({ total: publicListCountCap, totalCapped: true, items: expect.any(Array) });
    expect((await anon(`batchId=${batchId}&pageSize=100&page=10`)).items).toHaveLength(100);
  });

  it('counts as far as a later page needs, to the exact number once it is reached', async () => {
    expect(await anon(`batchId=${batchId}&page=50`)).toMatchObject({ total: publicListCountCap, totalCapped: true });
    const last = await anon(`batchId=${batchId}&page=51`);
    expect(last).toMatchObject({ total, totalCapped: false });
    expect(last.items).toHaveLength(1);
  });

  it('counts the same in every order, and exactly below the cap', async () => {
    for (const sort of ['published', 'deadline', 'bounty']) {
      expect(await anon(`batchId=${batchId}&q=${word}&sort=${sort}&pageSize=5`), sort).toMatchObject({ total: publicListCountCap, totalCapped: true });
    }
    expect(await anon(`batchId=${batchId}&status=published`)).toEqual({ items: [], total: 0, totalCapped: false });
    const few = await anon(`batchId=${batchId}&page=41&pageSize=25`);
    expect(few).toMatchObject({ total, totalCapped: false });
    expect(few.items).toHaveLength(1);
  });

  it('counts search by relevance the same way, past the last match too', async () => {
    expect(await anon(`q=${word}&sort=relevance`)).toMatchObject({ total: publicListCountCap, totalCapped: true });
    const last = await anon(`q=${word}&sort=relevance&page=51`);
    expect(last).toMatchObject({ total, totalCapped: false });
    expect(last.items).toHaveLength(1);
    expect(await anon(`q=${word}&sort=relevance&page=52`)).toEqual({ items: [], total, totalCapped: false });
  });

  it('gives signed-in readers the same count', async () => {
    const res = (await official.request('GET', `/api/challenges?q=${word}&sort=relevance`)).json();
    expect(res).toMatchObject({ total: publicListCountCap, totalCapped: true });
  });
});
