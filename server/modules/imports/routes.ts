import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Readable } from 'node:stream';
import { idParams } from '../../../shared/contracts/common';
import { importList, importTemplateQuery, importView } from '../../../shared/contracts/imports';
import { AppError, ValidationError } from '../../errors';
import { contentDisposition } from '../attachments/routes';
import { payloadTooLarge, unsupportedMediaType } from '../attachments/service';
import type { ImportsService } from './service';

export interface ImportsRoutesOptions {
  imports: ImportsService;
  /** MAX_UPLOAD_MB in bytes, as for attachments. */
  maxBytes: number;
}

const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const importsRoutes: FastifyPluginAsyncZod<ImportsRoutesOptions> = async (app, { imports, maxBytes }) => {
  const tags = ['imports'];

  // As for attachments: multipart only on this plugin's routes (they need a session and its
  // CSRF header), one file and the `kind` field, the file at most MAX_UPLOAD_MB.
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 5, fieldSize: 1024, parts: 6, headerPairs: 20 } });
  app.addHook('onResponse', async (request) => {
    if (!request.raw.complete) request.raw.resume();
  });

  /**
   * Reads `kind` and the one file of the upload and hands them to `store`. `kind` must come
   * before the file (FormData keeps the order fields were appended in), since the file is
   * streamed to storage as it arrives. Over the size limit busboy truncates: that is a 413.
   */
  async function receive<T>(request: FastifyRequest, store: (kind: unknown, upload: { fileName: string; content: Readable }) => Promise<T>): Promise<T> {
    if (!request.isMultipart()) throw unsupportedMediaType('send the file as multipart/form-data in the field "file", after the field "kind"');
    const part = await request.file().catch((err: { statusCode?: number }) => {
      throw err.statusCode ? err : ValidationError.field('file', 'the multipart body is malformed');
    });
    if (!part || part.fieldname !== 'file') {
      part?.file.resume();
      throw ValidationError.field('file', 'attach the file in the multipart field "file"');
    }
    const field = part.fields.kind;
    const kind = field && !Array.isArray(field) && field.type === 'field' ? field.value : undefined;
    const refuse = () => part.file.destroy(payloadTooLarge(maxBytes));
    if (part.file.truncated) refuse();
    else part.file.once('limit', refuse);
    try {
      return await store(kind, { fileName: part.filename, content: part.file });
    } catch (err) {
      if (!(err instanceof AppError) && err === part.file.errored) throw ValidationError.field('file', 'the upload ended before the file did; send it again');
      throw err;
    } finally {
      part.file.resume();
    }
  }

  app.get(
    '/api/imports/template',
    { schema: { tags, summary: 'Download the import template (.xlsx: a data sheet and a 说明 sheet listing every column and allowed value; officials)', querystring: importTemplateQuery } },
    async (request, reply) => {
      const { fileName, content } = await imports.template(request.query.kind, request.ctx);
      return reply
        .header('content-type', xlsxMime)
        .header('content-length', content.length)
        .header('content-disposition', contentDisposition(fileName))
        .header('x-content-type-options', 'nosniff')
        .send(content);
    },
  );

  app.post(
    '/api/imports',
    {
      schema: {
        tags,
        summary: 'Upload teams or enterprises to import (multipart: field "kind" = teams|enterprises, then "file": .xlsx or .csv in UTF-8 or GB18030; officials). Checked and applied by a job.',
        consumes: ['multipart/form-data'],
        response: { 202: importView },
      },
    },
    async (request, reply) => reply.code(202).send(await receive(request, (kind, upload) => imports.create(kind, upload, request.ctx))),
  );

  app.get('/api/imports', { schema: { tags, summary: 'Recent imports (officials)', response: { 200: importList } } }, async (request) => imports.list(request.ctx));

  app.get('/api/imports/:id', { schema: { tags, summary: "An import's status, progress (processedRows of totalRows) and, if it failed, every problem by line and column (officials)", params: idParams, response: { 200: importView } } }, async (request) =>
    imports.get(request.params.id, request.ctx),
  );
};
