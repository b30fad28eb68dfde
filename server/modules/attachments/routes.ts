import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bidAttachment } from '../../../shared/contracts/bids';
import { attachment } from '../../../shared/contracts/challenges';
import { idParams, okBody } from '../../../shared/contracts/common';
import { AppError, ValidationError } from '../../errors';
import { payloadTooLarge, unsupportedMediaType, type AttachmentsService } from './service';

const attachmentParams = idParams.extend({ attachmentId: z.uuid() });

/**
 * `attachment` with an ASCII fallback for old clients and the exact name in RFC 5987 form
 * (filename*), which every current browser prefers, so a Chinese name survives the download.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export interface AttachmentsRoutesOptions {
  attachments: AttachmentsService;
  /** MAX_UPLOAD_MB in bytes. */
  maxBytes: number;
}

export const attachmentsRoutes: FastifyPluginAsyncZod<AttachmentsRoutesOptions> = async (app, { attachments, maxBytes }) => {
  const tags = ['challenges'];

  // Registered inside this plugin, not app-wide: a cross-site HTML form can post
  // multipart/form-data without a CORS preflight, so only these routes (which need a session
  // and its CSRF header) accept it. Fastify's 1 MiB bodyLimit does not apply to multipart;
  // fileSize is the limit. One file, and a handful of small fields at most.
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 1024, parts: 11, headerPairs: 20 } });

  // A refused upload (too large, no right to add) stops reading its body half-way, and Node
  // only discards bodies nobody started to read: the client would go on sending into a full
  // socket and never see the answer. Discard the rest once the answer is out.
  app.addHook('onResponse', async (request) => {
    if (!request.raw.complete) request.raw.resume();
  });

  /**
   * Reads the one file of a multipart upload and hands it to `store`. At fileSize busboy
   * quietly ends the stream and marks it truncated; that becomes a 413 instead, so the storage
   * discards what it wrote. A broken-off body is the sender's fault (400), not a 500.
   */
  async function receive<T>(request: FastifyRequest, store: (upload: { fileName: string; content: Readable }) => Promise<T>): Promise<T> {
    if (!request.isMultipart()) throw unsupportedMediaType('send the file as multipart/form-data in the field "file"');
    const part = await request.file().catch((err: { statusCode?: number }) => {
      // busboy's parse errors carry no status: a body that is not valid multipart.
      throw err.statusCode ? err : ValidationError.field('file', 'the multipart body is malformed');
    });
    if (!part || part.fieldname !== 'file') {
      part?.file.resume();
      throw ValidationError.field('file', 'attach the file in the multipart field "file"');
    }
    // A small body may have been parsed to its end already, so check the mark as well.
    const refuse = () => part.file.destroy(payloadTooLarge(maxBytes));
    if (part.file.truncated) refuse();
    else part.file.once('limit', refuse);
    try {
      return await store({ fileName: part.filename, content: part.file });
    } catch (err) {
      if (!(err instanceof AppError) && err === part.file.errored) throw ValidationError.field('file', 'the upload ended before the file did; send it again');
      throw err;
    } finally {
      // Refused before the upload was read (no session, no right): drain it so the request can end.
      part.file.resume();
    }
  }

  /** The download headers: the type was sniffed on upload; nothing may cache a sealed or draft file. */
  const download = (reply: FastifyReply, a: { mimeType: string; sizeBytes: number; fileName: string }, content: Readable) =>
    reply
      .header('content-type', a.mimeType)
      .header('content-length', a.sizeBytes)
      .header('content-disposition', contentDisposition(a.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(content);

  app.post(
    '/api/challenges/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Attach a file to a challenge (multipart field "file": PDF, PNG, JPEG, WebP, Word, Excel, PowerPoint)',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 201: attachment },
      },
    },
    async (request, reply) => reply.code(201).send(await receive(request, (upload) => attachments.add(request.params.id, upload, request.ctx))),
  );

  app.post(
    '/api/bids/:id/attachments',
    {
      schema: {
        tags: ['bids'],
        summary: 'Attach a file to the team’s bid before the deadline (multipart field "file"; sealed like the bid)',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 201: bidAttachment },
      },
    },
    async (request, reply) => reply.code(201).send(await receive(request, (upload) => attachments.addToBid(request.params.id, upload, request.ctx))),
  );

  app.post(
    '/api/milestones/:id/files',
    {
      schema: {
        tags: ['contracts'],
        summary: 'Upload an evidence file for a milestone (the contracted team; multipart field "file")',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 201: bidAttachment },
      },
    },
    async (request, reply) => reply.code(201).send(await receive(request, (upload) => attachments.addToMilestone(request.params.id, upload, request.ctx))),
  );

  app.get('/api/milestones/:id/files/:attachmentId', { schema: { tags: ['contracts'], summary: 'Download a milestone evidence file (the contract’s parties and officials)', params: attachmentParams } }, async (request, reply) => {
    const { attachment: a, content } = await attachments.openForMilestone(request.params.id, request.params.attachmentId, request.ctx);
    return download(reply, a, content);
  });

  app.get('/api/bids/:id/attachments/:attachmentId', { schema: { tags: ['bids'], summary: 'Download a bid’s file (whoever may read the bid)', params: attachmentParams } }, async (request, reply) => {
    const { attachment: a, content } = await attachments.openForBid(request.params.id, request.params.attachmentId, request.ctx);
    return download(reply, a, content);
  });

  app.delete(
    '/api/bids/:id/attachments/:attachmentId',
    { schema: { tags: ['bids'], summary: 'Remove a file from the bid’s working copy', params: attachmentParams, response: { 200: okBody } } },
    async (request) => {
      await attachments.removeFromBid(request.params.id, request.params.attachmentId, request.ctx);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/challenges/:id/attachments/:attachmentId',
    { schema: { tags, summary: 'Download a challenge attachment', params: attachmentParams } },
    async (request, reply) => {
      const { attachment: a, content } = await attachments.open(request.params.id, request.params.attachmentId, request.ctx);
      return download(reply, a, content);
    },
  );

  app.delete(
    '/api/challenges/:id/attachments/:attachmentId',
    { schema: { tags, summary: 'Remove a challenge attachment', params: attachmentParams, response: { 200: okBody } } },
    async (request) => {
      await attachments.remove(request.params.id, request.params.attachmentId, request.ctx);
      return { ok: true as const };
    },
  );
};
