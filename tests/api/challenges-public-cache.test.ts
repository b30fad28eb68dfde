import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { batches, challengeAttachments, challengeJointPublishers, challengeQuestions, challenges, organisations } from '../../db/schema';
import { createTestApp, type TestApp } from '../helpers/app';
import { makeChallenge } from '../helpers/challenges';
import { logIn, type Client } from '../helpers/client';
import { makeOrganisation, makeUser, unique } from '../helpers/factories';

/**
 * Anonymous reads of the public list, search and a challenge's page are served from a cache in
 * each API process (server/modules/challenges/public-reads.ts). Two instances on one database
 * stand for a deployment of several: whatever changes, through either or straight in the
 * database, the very next anonymous read on each shows it.
 */
let a: TestApp;
let b: TestApp;
let admin: pg.Client;
const db = () => a.rt.database.db;
let enterprise: { id: string; name: string };
let author: Awaited<ReturnType<typeof makeUser>>;
let publisher: Client;
let verifiedTeam: Client;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestApp(), createTestApp()]);
  admin = new pg.Client({ connectionString: inject('databaseUrl') });
  await admin.connect();
  enterprise = await makeOrganisation(db(), { kind: 'enterprise' });
  author = await makeUser(db(), { role: 'enterprise_member', organisationId: enterprise.id });
  publisher = await logIn(a.app, author.email);
  verifiedTeam = await logIn(b.app, (await makeUser(db(), { role: 'team_member' })).email);
});
afterAll(async () => {
  await admin?.end();
  await Promise.all([a?.close(), b?.close()]);
});

const anonJson = async (t: TestApp, url: string) => {
  const res = await t.app.inject({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  return res.json();
};
const everywhere = (url: string) => Promise.all([anonJson(a, url), anonJson(b, url)]);
const published = (draft = {}) => makeChallenge(db(), { publisherId: enterprise.id, createdBy: author.id, status: 'published', draft });
const search = (word: string) => `/api/challenges?q=${encodeURIComponent(word)}&pageSize=100`;

/** A write PostgreSQL does not announce (triggers off for the session): only a cache would hide it. */
async function quietly(sql: string, params: unknown[]) {
  await admin.query('begin');
  await admin.query('set local session_replication_role = replica');
  await admin.query(sql, params);
  await admin.query('commit');
}

describe('anonymous public reads', () => {
  it('are served from memory: a write without notification stays unseen by visitors, not by signed-in readers', async () => {
    const word = unique('缓存验证');
    const c = await published({ title: `${word} 原标题` });
    const url = `/api/challenges/${c.id}`;
    expect((await anonJson(a, url)).title).toBe(`${word} 原标题`);
    expect((await anonJson(a, search(word))).items.map((i: { title: string }) => i.title)).toEqual([`${word} 原标题`]);

    await quietly('update challenges set title = $1 where id = $2', [`${word} 静默改名`, c.id]);
    expect((await anonJson(a, url)).title).toBe(`${word} 原标题`);
    expect((await anonJson(a, search(word))).items[0].title).toBe(`${word} 原标题`);
    expect((await publisher.request('GET', url)).json().title).toBe(`${word} 静默改名`);

    // The same change announced: every instance shows it on the next read.
    await db().update(challenges).set({ title: `${word} 新标题` }).where(eq(challenges.id, c.id));
    for (const page of await everywhere(url)) expect(page.title).toBe(`${word} 新标题`);
    for (const list of await everywhere(search(word))) expect(list.items[0].title).toBe(`${word} 新标题`);
  });

  it('show each kind of change on the very next read, on both instances', async () => {
    const word = unique('变更可见');
    const c = await published({ title: `${word} 挑战` });
    const team = await makeOrganisation(db(), { kind: 'team' });
    const asker = await makeUser(db(), { role: 'team_member', organisationId: team.id });
    const partner = await makeOrganisation(db(), { kind: 'enterprise' });
    const page = `/api/challenges/${c.id}`;
    const list = search(word);
    const read = async () => {
      const [pages, lists] = await Promise.all([everywhere(page), everywhere(list)]);
      return { pages, lists };
    };
    await read();

    // A new public challenge joins the search.
    const other = await published({ title: `${word} 第二项` });
    for (const l of (await read()).lists) expect(l.items.map((i: { id: string }) => i.id).sort()).toEqual([c.id, other.id].sort());

    // Closing at the deadline moves it between status filters.
    const closedUrl = `${list}&status=closed`;
    await everywhere(closedUrl);
    await db().update(challenges).set({ status: 'closed', closedAt: new Date() }).where(eq(challenges.id, other.id));
    for (const l of await everywhere(closedUrl)) expect(l.items.map((i: { id: string }) => i.id)).toEqual([other.id]);

    // An answered question, a document, a joint publisher: the page only.
    const [q] = await db().insert(challengeQuestions).values({ challengeId: c.id, askedByOrganisationId: team.id, askedBy: asker.id, question: '是否接受联合体申报？' }).returning();
    for (const p of (await read()).pages) expect(p.questions).toEqual([]);
    await db().update(challengeQuestions).set({ answer: '接受', answeredAt: new Date(), answeredBy: author.id }).where(eq(challengeQuestions.id, q!.id));
    for (const p of (await read()).pages) expect(p.questions.map((x: { answer: string }) => x.answer)).toEqual(['接受']);
    await db().insert(challengeAttachments).values({ challengeId: c.id, fileName: '技术要求.pdf', mimeType: 'application/pdf', sizeBytes: 10, sha256: 'a'.repeat(64), storageKey: unique('key'), uploadedBy: author.id });
    for (const p of (await read()).pages) expect(p.attachments.map((x: { fileName: string }) => x.fileName)).toEqual(['技术要求.pdf']);
    await db().insert(challengeJointPublishers).values({ challengeId: c.id, organisationId: partner.id, confirmedAt: new Date() });
    for (const p of (await read()).pages) expect(p.jointPublishers.map((x: { name: string }) => x.name)).toEqual([partner.name]);

    // The publisher's new name, everywhere it shows.
    const renamed = unique('更名企业');
    await db().update(organisations).set({ name: renamed }).where(eq(organisations.id, enterprise.id));
    const after = await read();
    for (const p of after.pages) expect(p.publisherName).toBe(renamed);
    for (const l of after.lists) expect(l.items.every((i: { publisherName: string }) => i.publisherName === renamed)).toBe(true);

    // A batch's new title.
    const [batch] = await db().insert(batches).values({ year: 1900 + Math.floor(Math.random() * 99), number: 1 + Math.floor(Math.random() * 30000), title: unique('旧批次'), createdBy: author.id, status: 'published' }).returning();
    await db().update(challenges).set({ batchId: batch!.id }).where(eq(challenges.id, c.id));
    await read();
    const title = unique('新批次');
    await db().update(batches).set({ title }).where(eq(batches.id, batch!.id));
    const renamedBatch = await read();
    for (const p of renamedBatch.pages) expect(p.batchTitle).toBe(title);
    for (const l of renamedBatch.lists) expect(l.items.find((i: { id: string }) => i.id === c.id).batchTitle).toBe(title);
  });

  it('show a change made through the other instance’s API on the next read', async () => {
    const word = unique('跨实例');
    const c = await published({ title: `${word} 条款` });
    await everywhere(`/api/challenges/${c.id}`);
    await everywhere(search(word));
    const res = await publisher.request('POST', `/api/challenges/${c.id}/terms`, { bountyYuan: 3_500_000, reason: '追加预算' });
    expect(res.statusCode, res.body).toBe(200);
    for (const p of await everywhere(`/api/challenges/${c.id}`)) expect(p).toMatchObject({ bountyYuan: 3_500_000, revision: 2 });
    for (const l of await everywhere(search(word))) expect(l.items[0].bountyYuan).toBe(3_500_000);
  });

  it('never serve a signed-in reader what visitors get, nor visitors what a signed-in reader may see', async () => {
    const secret = unique('内部工艺参数');
    const c = await published({ descriptionVisibility: 'restricted', description: secret });
    const url = `/api/challenges/${c.id}`;
    expect((await verifiedTeam.request('GET', url)).json().description).toBe(secret);
    const visitor = await anonJson(b, url);
    expect(visitor.description).toBeNull();
    expect(visitor.contact).toBeNull();
    expect(JSON.stringify(visitor)).not.toContain(secret);
    expect((await verifiedTeam.request('GET', url)).json().description).toBe(secret);
    expect((await publisher.request('GET', url)).json().viewer.isPublisher).toBe(true);
    expect((await anonJson(a, url)).viewer).toEqual({ isPublisher: false, canSeeDescription: false, canAsk: false, canAnswer: false, events: [] });
  });

  it('show a change on a page asked for by its id in capitals', async () => {
    const c = await published();
    const url = `/api/challenges/${c.id.toUpperCase()}`;
    expect((await anonJson(a, url)).id).toBe(c.id);
    const title = unique('大写地址');
    await db().update(challenges).set({ title }).where(eq(challenges.id, c.id));
    expect((await anonJson(a, url)).title).toBe(title);
  });

  it('answer 404 for what visitors may not see, every time', async () => {
    const draft = await makeChallenge(db(), { publisherId: enterprise.id, createdBy: author.id, status: 'draft' });
    for (let i = 0; i < 2; i++) expect((await a.app.inject({ method: 'GET', url: `/api/challenges/${draft.id}` })).statusCode).toBe(404);
    await db().update(challenges).set({ status: 'published', publishedAt: new Date() }).where(eq(challenges.id, draft.id));
    expect((await anonJson(a, `/api/challenges/${draft.id}`)).status).toBe('published');
  });
});
