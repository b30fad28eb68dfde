import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { challenges } from '../../db/schema';
import { createTestApp, type TestApp } from '../helpers/app';
import { makeChallenge } from '../helpers/challenges';
import { logIn, type Client } from '../helpers/client';
import { makeOrganisation, makeUser } from '../helpers/factories';
import { proposalContent } from '../helpers/review-fixture';
import { multipart, pdf } from '../helpers/uploads';

let t: TestApp;
const db = () => t.rt.database.db;
let publisher: Client;
let official: Client;
let enterpriseId: string;
let authorId: string;

beforeAll(async () => {
  t = await createTestApp();
  enterpriseId = (await makeOrganisation(db(), { kind: 'enterprise' })).id;
  const author = await makeUser(db(), { role: 'enterprise_member', organisationId: enterpriseId });
  authorId = author.id;
  publisher = await logIn(t.app, author.email);
  official = await logIn(t.app, (await makeUser(db(), { role: 'official' })).email);
});
afterAll(async () => t?.close());

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const upload = (c: Client, bidId: string, fileName: string, data: Buffer) => {
  const body = multipart([{ name: 'file', fileName, data }]);
  return c.request('POST', `/api/bids/${bidId}/attachments`, body.payload, body.headers);
};

async function bidWithFile() {
  const challenge = await makeChallenge(db(), { publisherId: enterpriseId, createdBy: authorId, status: 'published' });
  const team = await makeOrganisation(db(), { kind: 'team' });
  const client = await logIn(t.app, (await makeUser(db(), { role: 'team_member', organisationId: team.id })).email);
  const bidId = (await client.request('POST', '/api/bids', { challengeId: challenge.id })).json().id as string;
  await client.request('PUT', `/api/bids/${bidId}/draft`, proposalContent);
  const data = pdf(64);
  const added = await upload(client, bidId, '技术方案附件.pdf', data);
  expect(added.statusCode, added.body).toBe(201);
  return { challenge, client, bidId, data, file: added.json() as { id: string; sha256: string; fileName: string } };
}

const closeNow = (id: string) => db().update(challenges).set({ deadline: new Date(Date.now() - 1000) }).where(eq(challenges.id, id));

describe('files on a bid', () => {
  it('are part of the working copy and of each submitted version, so the receipt covers them', async () => {
    const { client, bidId, data, file } = await bidWithFile();
    expect(file).toMatchObject({ fileName: '技术方案附件.pdf', sha256: sha256(data) });
    const draft = (await client.request('GET', `/api/bids/${bidId}`)).json();
    expect(draft.content.attachments).toEqual([expect.objectContaining({ id: file.id, sha256: sha256(data) })]);

    // A client cannot smuggle a file into the content through the draft.
    await client.request('PUT', `/api/bids/${bidId}/draft`, { ...proposalContent, attachments: [{ ...file, id: crypto.randomUUID() }] });
    expect((await client.request('GET', `/api/bids/${bidId}`)).json().content.attachments.map((a: { id: string }) => a.id)).toEqual([file.id]);

    const v1 = (await client.request('POST', `/api/bids/${bidId}/submit`)).json();
    // Removing the file after submission changes the working copy, not version 1.
    expect((await client.request('DELETE', `/api/bids/${bidId}/attachments/${file.id}`)).statusCode).toBe(200);
    const v2 = (await client.request('POST', `/api/bids/${bidId}/submit`)).json();
    expect(v2.receipts[0].sha256).not.toBe(v1.receipts[0].sha256);
    // Version 1 still names it, so the file is kept and its team can still download it.
    const kept = await client.request('GET', `/api/bids/${bidId}/attachments/${file.id}`);
    expect(kept.statusCode).toBe(200);
    expect(kept.rawPayload.equals(data)).toBe(true);
    expect(kept.headers['cache-control']).toBe('private, no-store');
  });

  it('are sealed like the bid: nobody else before the deadline; reviewers afterwards, only the latest version’s files', async () => {
    const { challenge, client, bidId, file } = await bidWithFile();
    const late = await upload(client, bidId, '补充材料.pdf', pdf(10));
    expect((await client.request('POST', `/api/bids/${bidId}/submit`)).statusCode).toBe(200);
    // A file added after the last submission is in the working copy only.
    const draftOnly = await upload(client, bidId, '未提交的材料.pdf', pdf(20));
    const outsider = await logIn(t.app, (await makeUser(db(), { role: 'team_member', organisationId: (await makeOrganisation(db(), { kind: 'team' })).id })).email);

    for (const c of [publisher, official, outsider]) {
      expect((await c.request('GET', `/api/bids/${bidId}/attachments/${file.id}`)).statusCode).toBe(404);
      expect((await upload(c, bidId, 'x.pdf', pdf())).statusCode).toBe(404);
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/bids/${bidId}/attachments/${file.id}` })).statusCode).toBe(404);

    await closeNow(challenge.id);
    for (const c of [publisher, official]) {
      expect((await c.request('GET', `/api/bids/${bidId}/attachments/${file.id}`)).statusCode).toBe(200);
      expect((await c.request('GET', `/api/bids/${bidId}/attachments/${late.json().id}`)).statusCode).toBe(200);
      expect((await c.request('GET', `/api/bids/${bidId}/attachments/${draftOnly.json().id}`)).statusCode).toBe(404);
      expect((await c.request('DELETE', `/api/bids/${bidId}/attachments/${file.id}`)).statusCode).toBe(403);
    }
    expect((await outsider.request('GET', `/api/bids/${bidId}/attachments/${file.id}`)).statusCode).toBe(404);
    // After the deadline the team can no longer change its files.
    expect((await upload(client, bidId, 'y.pdf', pdf())).statusCode).toBe(409);
    expect((await client.request('DELETE', `/api/bids/${bidId}/attachments/${file.id}`)).statusCode).toBe(409);
  });

  it('refuses a type it does not accept, naming the field, and keeps nothing', async () => {
    const { client, bidId } = await bidWithFile();
    const res = await upload(client, bidId, 'setup.exe', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from('This program cannot be run in DOS mode.'), Buffer.alloc(100)]));
    expect(res.statusCode).toBe(415);
    expect(res.json().fields[0].path).toBe('file');
    expect((await client.request('GET', `/api/bids/${bidId}`)).json().content.attachments).toHaveLength(1);
  });
});
