import type { z } from 'zod';
import { batch, batchList, batchPublishResult, type batchCreateBody } from '../../../shared/contracts/challenges';
import { request } from './api';
import { translated } from './challenge-errors';

export type Batch = z.output<typeof batch>;
export type BatchCreateBody = z.input<typeof batchCreateBody>;
export type BatchPublishResult = z.output<typeof batchPublishResult>;

export const batchesApi = {
  list: () => translated(request('GET', '/api/batches', { response: batchList })),
  create: (body: BatchCreateBody) => translated(request('POST', '/api/batches', { body, response: batch })),
  publish: (id: string) => translated(request('POST', `/api/batches/${encodeURIComponent(id)}/publish`, { response: batchPublishResult })),
};
