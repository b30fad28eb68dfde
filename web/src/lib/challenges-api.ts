import type { z } from 'zod';
import {
  answerBody,
  attachment,
  challengeDetail,
  challengeList,
  publicChallengeList,
  type ChallengeDraft,
  type decisionBody,
  type mineQuery,
  type questionBody,
  type termsChangeBody,
  type vettingQuery,
} from '../../../shared/contracts/challenges';
import { okBody } from '../../../shared/contracts/common';
import type { ChallengeState } from '../../../shared/lifecycles/challenge';
import { request, upload, type Query } from './api';
import { translated } from './challenge-errors';

export type ChallengeList = z.output<typeof challengeList>;
export type PublicChallengeList = z.output<typeof publicChallengeList>;
export type Decision = z.input<typeof decisionBody>;
export type TermsChange = z.input<typeof termsChangeBody>;
export type QuestionBody = z.input<typeof questionBody>;
export type AnswerBody = z.input<typeof answerBody>;
export type MineQuery = z.input<typeof mineQuery>;
export type VettingQuery = z.input<typeof vettingQuery>;
export type Attachment = z.output<typeof attachment>;

const path = (id: string, rest = '') => `/api/challenges/${encodeURIComponent(id)}${rest}`;

/** Where an attachment downloads from (a plain link: the session cookie goes along). */
export const attachmentHref = (challengeId: string, attachmentId: string) =>
  path(challengeId, `/attachments/${encodeURIComponent(attachmentId)}`);

/** Every call's errors come back with the services' known messages in the user's language. */
export const challengesApi = {
  list: (query: Query) => translated(request('GET', '/api/challenges', { query, response: publicChallengeList })),
  get: (id: string) => translated(request('GET', path(id), { response: challengeDetail })),
  create: (body: ChallengeDraft) => translated(request('POST', '/api/challenges', { body, response: challengeDetail })),
  update: (id: string, body: ChallengeDraft) => translated(request('PATCH', path(id), { body, response: challengeDetail })),
  submit: (id: string) => translated(request('POST', path(id, '/submit'), { response: challengeDetail })),
  withdraw: (id: string) => translated(request('POST', path(id, '/withdraw'), { response: challengeDetail })),
  decide: (id: string, body: Decision) => translated(request('POST', path(id, '/decision'), { body, response: challengeDetail })),
  changeTerms: (id: string, body: TermsChange) => translated(request('POST', path(id, '/terms'), { body, response: challengeDetail })),
  confirmJointPublisher: (id: string) =>
    translated(request('POST', path(id, '/joint-publishers/confirm'), { response: challengeDetail })),
  ask: (id: string, body: QuestionBody) => translated(request('POST', path(id, '/questions'), { body, response: challengeDetail })),
  answer: (id: string, questionId: string, body: AnswerBody) =>
    translated(request('POST', path(id, `/questions/${encodeURIComponent(questionId)}/answer`), { body, response: challengeDetail })),
  uploadAttachment: (id: string, file: File, onProgress: (fraction: number) => void, signal?: AbortSignal) =>
    translated(upload(path(id, '/attachments'), file, { response: attachment, onProgress, signal })),
  deleteAttachment: (id: string, attachmentId: string) =>
    translated(request('DELETE', attachmentHref(id, attachmentId), { response: okBody })),
  mine: (status?: ChallengeState) => translated(request('GET', '/api/my/challenges', { query: { status }, response: challengeList })),
  vetting: (status: 'submitted' | 'approved') =>
    translated(request('GET', '/api/vetting/challenges', { query: { status }, response: challengeList })),
};
