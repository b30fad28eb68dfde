import type { z } from 'zod';
import {
  bidAttachment,
  bidCount,
  bidSummaryList,
  bidView,
  eligibilityBody,
  verifyReceiptResult,
  type BidContent,
} from '../../../shared/contracts/bids';
import { okBody } from '../../../shared/contracts/common';
import { request, upload } from './api';
import { translated } from './bid-errors';

export type BidSummary = z.output<typeof bidSummaryList>['items'][number];
export type BidCount = z.output<typeof bidCount>;
export type VerifyReceiptResult = z.output<typeof verifyReceiptResult>;

const path = (id: string, rest = '') => `/api/bids/${encodeURIComponent(id)}${rest}`;
/** A bid's file: the server decides who may download it (sealed like the bid). */
export const bidAttachmentHref = (bidId: string, attachmentId: string) => path(bidId, `/attachments/${encodeURIComponent(attachmentId)}`);
const challengePath = (id: string, rest: string) => `/api/challenges/${encodeURIComponent(id)}${rest}`;

/** 揭榜申报 (issue 4): every call's known service messages come back in the user's language. */
export const bidsApi = {
  start: (challengeId: string) => translated(request('POST', '/api/bids', { body: { challengeId }, response: bidView })),
  mine: () => translated(request('GET', '/api/bids/mine', { response: bidSummaryList })),
  get: (id: string) => translated(request('GET', path(id), { response: bidView })),
  saveDraft: (id: string, content: BidContent) => translated(request('PUT', path(id, '/draft'), { body: content, response: bidView })),
  submit: (id: string) => translated(request('POST', path(id, '/submit'), { response: bidView })),
  reconfirm: (id: string) => translated(request('POST', path(id, '/reconfirm'), { response: bidView })),
  withdraw: (id: string) => translated(request('POST', path(id, '/withdraw'), { response: bidView })),
  confirmPartner: (id: string) => translated(request('POST', path(id, '/partners/confirm'), { response: bidView })),
  eligibility: (id: string, body: z.input<typeof eligibilityBody>) => translated(request('POST', path(id, '/eligibility'), { body, response: bidView })),
  verifyReceipt: (id: string, sha256: string) =>
    translated(request('POST', path(id, '/verify-receipt'), { body: { sha256 }, response: verifyReceiptResult })),
  uploadAttachment: (id: string, file: File, onProgress: (fraction: number) => void) =>
    translated(upload(path(id, '/attachments'), file, { response: bidAttachment, onProgress })),
  deleteAttachment: (id: string, attachmentId: string) => translated(request('DELETE', bidAttachmentHref(id, attachmentId), { response: okBody })),
  count: (challengeId: string) => translated(request('GET', challengePath(challengeId, '/bid-count'), { response: bidCount })),
  forChallenge: (challengeId: string) => translated(request('GET', challengePath(challengeId, '/bids'), { response: bidSummaryList })),
};
