import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import cookie from '@fastify/cookie';
import { and, eq } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, challengeAttachments, challenges } from '../../db/schema';
import type { Ctx } from '../../server/context';
import { systemClock } from '../../server/infra/clock';
import type { Db } from '../../server/infra/database';
import { diskStorage, StoredFileMissing, type FileStorage } from '../../server/infra/storage';
import { accountsRoutes } from '../../server/modules/accounts/routes';
import { createAttachmentsRepository } from '../../server/modules/attachments/repository';
import { attachmentsRoutes } from '../../server/modules/attachments/routes';
import { createAttachmentsService, type AttachmentsService, type ChallengeAccess } from '../../server/modules/attachments/service';
import { errorHandlerPlugin } from '../../server/plugins/error-handler';
import { sessionPlugin } from '../../server/plugins/session';
import { createRuntime, type Runtime } from '../../server/runtime';
import type { ChallengeState } from '../../shared/lifecycles/challenge';
import { publicStates } from '../../shared/lifecycles/challenge';
import { multipart, pdf } from '../helpers/uploads';
import { logIn, type Client } from '../helpers/client';
import { testConfig } from '../helpers/config';
import { makeUser, unique } from '../helpers/factories';

const MiB = 1024 * 1024;
const maxBytes = 2 * MiB;

/**
 * ChallengeAccess on the database, with the rules the challenges service applies: publisher
 * members edit drafts and rework; anyone sees a published public challenge. The production
 * wiring (server/services.ts) passes the challenges service's own `access`, not this.
 */
function databaseChallengeAccess(db: Db): ChallengeAccess {
  const find = async (id: string) => (await db.select().from(challenges).where(eq(challenges.id, id)))[0];
  const isPublisherMember = (ctx: Ctx, publisherId: string) => ctx.actor?.memberships.some((m) => m.organisationId === publisherId) ?? false;
  return {
    async canEdit(id, ctx) {
      const c = await find(id);
      return !!c && (c.status === 'draft' || c.status === 'rework') && isPublisherMember(ctx, c.publisherId);
    },
    async canView(id, ctx) {
      const c = await find(id);
      if (!c) return false;
      if (isPublisherMember(ctx, c.publisherId) || ctx.actor?.roles.some((r) => r === 'official' || r === 'admin')) return true;
      return publicStates.includes(c.status) && (c.descriptionVisibility === 'public' || ctx.actor !== null);
    },
    async canSee(id, ctx) {
      const c = await find(id);
      if (!c) return false;
      return isPublisherMember(ctx, c.publisherId) || (ctx.actor?.roles.some((r) => r === 'official' || r === 'admin') ?? false) || publicStates.includes(c.status);
    },
  };
}

let rt: Runtime;
let app: FastifyInstance;
let storageRoot: string;
let storage: FileStorage;
let service: AttachmentsService;
const db = () => rt.database.db;

/**
 * The app's own plugins (error handler, cookies, sessions with CSRF, zod compilers) and the
 * log-in route, plus the attachments routes wired to the database access port above.
 */
beforeAll(async () => {
  const config = testConfig();
  rt = await createRuntime(config, config.DATABASE_URL!);
  storageRoot = await mkdtemp(join(tmpdir(), 'jiebang-attachments-'));
  storage = diskStorage(storageRoot);
  service = createAttachmentsService({ db: db(), clock: systemClock, storage, attachments: createAttachmentsRepository(), access: databaseChallengeAccess(db()), bidFiles: rt.services.bids.files, milestoneFiles: rt.services.contracts.milestones.files });
  app = Fastify({ logger: false, bodyLimit: MiB });
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(errorHandlerPlugin);
  await app.register(cookie);
  await app.register(sessionPlugin, { accounts: rt.services.accounts, config });
  await app.register(accountsRoutes, { accounts: rt.services.accounts, config });
  await app.register(attachmentsRoutes, { attachments: service, maxBytes });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await rt?.close();
  if (storageRoot) await rm(storageRoot, { recursive: true, force: true });
});

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from('This program cannot be run in DOS mode.'), Buffer.alloc(100)]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const upload = (c: Client, challengeId: string, fileName: string, data: Buffer, contentType?: string) => {
  const body = multipart([{ name: 'file', fileName, data, ...(contentType ? { contentType } : {}) }]);
  return c.request('POST', `/api/challenges/${challengeId}/attachments`, body.payload, body.headers);
};

async function makeChallenge(publisherId: string, createdBy: string, o: { status?: ChallengeState; descriptionVisibility?: 'public' | 'restricted' } = {}) {
  const [row] = await db()
    .insert(challenges)
    .values({ publisherId, createdBy, status: o.status ?? 'draft', title: unique('固态电池电解质'), descriptionVisibility: o.descriptionVisibility ?? null })
    .returning();
  return row!;
}

/** An enterprise member, logged in, with a draft challenge of their enterprise. */
async function publisherWithDraft() {
  const member = await makeUser(db(), { role: 'enterprise_member' });
  const challenge = await makeChallenge(member.organisationId, member.id);
  return { member, challenge, c: await logIn(app, member.email) };
}

async function storedFiles(): Promise<string[]> {
  const entries = await readdir(storageRoot, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

const rowsOf = (challengeId: string) => db().select().from(challengeAttachments).where(eq(challengeAttachments.challengeId, challengeId));

describe('challenge attachments', () => {
  it('lets a publisher member attach a PDF to a draft, stored under a random key and audited', async () => {
    const { member, challenge, c } = await publisherWithDraft();
    const bytes = pdf();
    const res = await upload(c, challenge.id, '技术方案.pdf', bytes, 'application/pdf');
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toEqual({ id: expect.any(String), fileName: '技术方案.pdf', mimeType: 'application/pdf', sizeBytes: bytes.length, sha256: sha256(bytes), createdAt: expect.any(String) });

    const [row] = await rowsOf(challenge.id);
    expect(row).toMatchObject({ id: body.id, uploadedBy: member.id, storageKey: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(await storedFiles()).toContain(row!.storageKey);
    expect((await storedFiles()).some((f) => f.endsWith('.part'))).toBe(false);

    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.entityId, challenge.id), eq(auditLog.action, 'challenge.attachment_added')));
    expect(audit).toMatchObject({ entityType: 'challenge', actorId: member.id, after: { attachmentId: body.id, fileName: '技术方案.pdf', sha256: sha256(bytes), sizeBytes: bytes.length } });
  });

  it('serves the file back byte for byte, as an attachment under its Chinese name, never sniffed', async () => {
    const { challenge, c } = await publisherWithDraft();
    const created = (await upload(c, challenge.id, '样品 照片.png', png, 'image/png')).json();
    expect(created.mimeType).toBe('image/png');

    const res = await c.request('GET', `/api/challenges/${challenge.id}/attachments/${created.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(png)).toBe(true);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-length']).toBe(String(png.length));
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="__ __.png"; filename*=UTF-8''${encodeURIComponent('样品 照片.png')}`);
  });

  it('judges the type by the content: an executable named .pdf is refused with 415 naming the field, and nothing is kept', async () => {
    const { challenge, c } = await publisherWithDraft();
    const before = await storedFiles();
    const res = await upload(c, challenge.id, '报价单.pdf', exe, 'application/pdf');
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', fields: [{ path: 'file', message: expect.stringContaining('application/x-msdownload') }] });
    expect(await rowsOf(challenge.id)).toEqual([]);
    expect(await storedFiles()).toEqual(before);
  });

  it('keeps the content type even when the name says otherwise, giving the name the right extension', async () => {
    const { challenge, c } = await publisherWithDraft();
    const res = await upload(c, challenge.id, 'C:\\fakepath\\photo.exe', png);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ fileName: 'photo.exe.png', mimeType: 'image/png' });
  });

  it('accepts a file over the 1 MiB JSON body limit but refuses one over MAX_UPLOAD_MB with 413, keeping nothing', async () => {
    const { challenge, c } = await publisherWithDraft();
    const under = pdf(1.5 * MiB);
    const ok = await upload(c, challenge.id, 'big.pdf', under);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().sizeBytes).toBe(under.length);

    const before = await storedFiles();
    const res = await upload(c, challenge.id, 'too-big.pdf', pdf(maxBytes));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', fields: [{ path: 'file' }] });
    expect(await rowsOf(challenge.id)).toHaveLength(1);
    expect(await storedFiles()).toEqual(before);
  });

  it('refuses an oversized upload over a real connection, where the body arrives while it is stored', async () => {
    const { challenge, c } = await publisherWithDraft();
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const send = (bytes: Buffer, name: string) => {
      const form = new FormData();
      form.append('file', new Blob([bytes]), name);
      return fetch(`${address}/api/challenges/${challenge.id}/attachments`, { method: 'POST', body: form, headers: { cookie: c.cookie, 'x-csrf-token': c.csrfToken } });
    };
    const before = await storedFiles();
    const tooBig = await send(pdf(3 * maxBytes), '大文件.pdf');
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(await storedFiles()).toEqual(before);

    const fits = await send(pdf(MiB), '报告.pdf');
    expect(fits.status).toBe(201);
    expect(await fits.json()).toMatchObject({ fileName: '报告.pdf' });

    // Refused before a byte is read: the rest of the body must still be drained.
    const outsider = await logIn(app, (await makeUser(db(), { role: 'enterprise_member' })).email);
    const form = new FormData();
    form.append('file', new Blob([pdf(MiB)]), 'x.pdf');
    const refused = await fetch(`${address}/api/challenges/${challenge.id}/attachments`, { method: 'POST', body: form, headers: { cookie: outsider.cookie, 'x-csrf-token': outsider.csrfToken } });
    expect(refused.status).toBe(404);
  });

  it('answers a malformed multipart body with a 400, keeping nothing', async () => {
    const { challenge, c } = await publisherWithDraft();
    const before = await storedFiles();
    const body = multipart([{ name: 'file', fileName: 'a.pdf', data: pdf(1000) }]);
    const cut = body.payload.subarray(0, body.payload.length - 40);
    const res = await c.request('POST', `/api/challenges/${challenge.id}/attachments`, cut, body.headers);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([expect.objectContaining({ path: 'file' })]);
    for (const [payload, type] of [['garbage', body.headers['content-type']], [body.payload, 'multipart/form-data']] as const) {
      const broken = await c.request('POST', `/api/challenges/${challenge.id}/attachments`, payload, { 'content-type': type });
      expect(broken.statusCode, `${type}: ${broken.body}`).toBe(400);
    }
    expect(await rowsOf(challenge.id)).toEqual([]);
    expect(await storedFiles()).toEqual(before);
  });

  it('answers 400 naming the field for an empty file or a file in another field, and 415 for a body that is not multipart', async () => {
    const { challenge, c } = await publisherWithDraft();
    const empty = await upload(c, challenge.id, 'empty.pdf', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields).toEqual([expect.objectContaining({ path: 'file' })]);

    const other = multipart([{ name: 'document', fileName: 'a.pdf', data: pdf() }]);
    const wrongField = await c.request('POST', `/api/challenges/${challenge.id}/attachments`, other.payload, other.headers);
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().fields).toEqual([expect.objectContaining({ path: 'file' })]);

    const json = await c.request('POST', `/api/challenges/${challenge.id}/attachments`, { file: 'x' });
    expect(json.statusCode).toBe(415);
    expect(json.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', fields: [{ path: 'file' }] });
    expect(await rowsOf(challenge.id)).toEqual([]);
  });

  it('removes an attachment: the row, the stored file, with an audit entry', async () => {
    const { member, challenge, c } = await publisherWithDraft();
    const created = (await upload(c, challenge.id, '附件.pdf', pdf())).json();
    const [row] = await rowsOf(challenge.id);

    const res = await c.request('DELETE', `/api/challenges/${challenge.id}/attachments/${created.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect(await rowsOf(challenge.id)).toEqual([]);
    await expect(storage.get(row!.storageKey)).rejects.toBeInstanceOf(StoredFileMissing);
    expect((await c.request('GET', `/api/challenges/${challenge.id}/attachments/${created.id}`)).statusCode).toBe(404);
    expect((await c.request('DELETE', `/api/challenges/${challenge.id}/attachments/${created.id}`)).statusCode).toBe(404);

    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.entityId, challenge.id), eq(auditLog.action, 'challenge.attachment_removed')));
    expect(audit).toMatchObject({ entityType: 'challenge', actorId: member.id, before: { attachmentId: created.id, fileName: '附件.pdf', sha256: row!.sha256, sizeBytes: row!.sizeBytes } });
  });

  it('hides another enterprise’s draft from a member who would add, download or remove (404, as for the draft itself)', async () => {
    const { challenge, c } = await publisherWithDraft();
    const created = (await upload(c, challenge.id, 'a.pdf', pdf())).json();
    const outsider = await logIn(app, (await makeUser(db(), { role: 'enterprise_member' })).email);

    const add = await upload(outsider, challenge.id, 'b.pdf', pdf());
    expect(add.statusCode).toBe(404);
    expect(add.json().code).toBe('NOT_FOUND');
    expect((await outsider.request('GET', `/api/challenges/${challenge.id}/attachments/${created.id}`)).statusCode).toBe(404);
    expect((await outsider.request('DELETE', `/api/challenges/${challenge.id}/attachments/${created.id}`)).statusCode).toBe(404);
    expect(await rowsOf(challenge.id)).toHaveLength(1);
  });

  it('asks anonymous visitors to log in for a draft, and serves them a published public challenge’s attachment', async () => {
    const { challenge, c } = await publisherWithDraft();
    const created = (await upload(c, challenge.id, 'a.pdf', pdf())).json();
    const url = `/api/challenges/${challenge.id}/attachments/${created.id}`;
    const body = multipart([{ name: 'file', fileName: 'b.pdf', data: pdf() }]);

    const add = await app.inject({ method: 'POST', url: `/api/challenges/${challenge.id}/attachments`, ...body });
    expect(add.statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await app.inject({ method: 'DELETE', url })).statusCode).toBe(401);

    await db().update(challenges).set({ status: 'published', descriptionVisibility: 'public' }).where(eq(challenges.id, challenge.id));
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(pdf())).toBe(true);
  });

  it('refuses to add or remove once the challenge is submitted', async () => {
    const { challenge, c } = await publisherWithDraft();
    const created = (await upload(c, challenge.id, 'a.pdf', pdf())).json();
    await db().update(challenges).set({ status: 'submitted' }).where(eq(challenges.id, challenge.id));
    expect((await upload(c, challenge.id, 'b.pdf', pdf())).statusCode).toBe(403);
    expect((await c.request('DELETE', `/api/challenges/${challenge.id}/attachments/${created.id}`)).statusCode).toBe(403);
    expect((await c.request('GET', `/api/challenges/${challenge.id}/attachments/${created.id}`)).statusCode).toBe(200);
  });

  it('answers 404 for an unknown challenge, an unknown attachment, or an attachment of another challenge', async () => {
    const { member, challenge, c } = await publisherWithDraft();
    const other = await makeChallenge(member.organisationId, member.id);
    const created = (await upload(c, challenge.id, 'a.pdf', pdf())).json();
    const unknown = crypto.randomUUID();

    const noChallenge = await upload(c, unknown, 'a.pdf', pdf());
    expect(noChallenge.statusCode).toBe(404);
    expect(noChallenge.json().code).toBe('NOT_FOUND');
    expect((await c.request('GET', `/api/challenges/${challenge.id}/attachments/${unknown}`)).statusCode).toBe(404);
    expect((await c.request('GET', `/api/challenges/${other.id}/attachments/${created.id}`)).statusCode).toBe(404);
    expect((await c.request('DELETE', `/api/challenges/${other.id}/attachments/${created.id}`)).statusCode).toBe(404);
    expect((await c.request('GET', `/api/challenges/${challenge.id}/attachments/not-a-uuid`)).json().fields[0].path).toBe('params.attachmentId');
  });

  it('deletes the stored file when the challenge is submitted while the file uploads', async () => {
    const { member, challenge } = await publisherWithDraft();
    const ctx: Ctx = {
      reqId: null,
      actor: {
        id: member.id,
        name: member.name,
        email: member.email,
        locale: 'zh-CN',
        roles: ['enterprise_member'],
        memberships: [{ organisationId: member.organisationId, organisationName: 'x', organisationKind: 'enterprise', verification: 'verified', role: 'enterprise_member', canManage: true }],
      },
    };
    // The submission commits after the permission check, while the bytes are still arriving.
    let submitted = false;
    const content = new Readable({
      async read() {
        if (submitted) return;
        submitted = true;
        await db().update(challenges).set({ status: 'submitted' }).where(eq(challenges.id, challenge.id));
        this.push(pdf());
        this.push(null);
      },
    });
    const before = await storedFiles();
    await expect(service.add(challenge.id, { fileName: 'late.pdf', content }, ctx)).rejects.toMatchObject({ statusCode: 409, code: 'CONFLICT' });
    expect(submitted).toBe(true);
    expect(await rowsOf(challenge.id)).toEqual([]);
    expect(await storedFiles()).toEqual(before);
  });
});

describe('diskStorage', () => {
  it('stores content under a random sharded key with its size and SHA-256, and gives it back', async () => {
    const root = await mkdtemp(join(tmpdir(), 'jiebang-storage-'));
    try {
      const s = diskStorage(join(root, 'not-yet-made'));
      const stored = await s.put(Buffer.from('揭榜挂帅'));
      expect(stored).toEqual({ key: expect.stringMatching(/^[0-9a-f]{32}$/), sizeBytes: 12, sha256: sha256(Buffer.from('揭榜挂帅')) });
      const files = await readdir(join(root, 'not-yet-made', stored.key.slice(0, 2), stored.key.slice(2, 4)));
      expect(files).toEqual([stored.key]);
      expect(await text(await s.get(stored.key))).toBe('揭榜挂帅');
      expect((await s.put(Buffer.from('揭榜挂帅'))).key).not.toBe(stored.key);

      await s.delete(stored.key);
      await expect(s.get(stored.key)).rejects.toBeInstanceOf(StoredFileMissing);
      await expect(s.delete(stored.key)).resolves.toBeUndefined();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('leaves nothing behind when the content fails part-way', async () => {
    const root = await mkdtemp(join(tmpdir(), 'jiebang-storage-'));
    try {
      const s = diskStorage(root);
      let sent = false;
      const failing = new Readable({
        read() {
          if (sent) return this.destroy(new Error('connection reset'));
          sent = true;
          this.push(Buffer.alloc(64 * 1024, 1));
        },
      });
      await expect(s.put(failing)).rejects.toThrow('connection reset');
      const entries = await readdir(root, { recursive: true, withFileTypes: true });
      expect(entries.filter((e) => e.isFile())).toEqual([]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('refuses keys it did not make, so a key cannot reach outside its folder', async () => {
    await expect(storage.get('../../../etc/passwd')).rejects.toBeInstanceOf(StoredFileMissing);
  });
});
