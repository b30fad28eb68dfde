import type { z } from 'zod';
import { awardList, awardView, type proposeAwardBody, type resolveObjectionBody } from '../../../shared/contracts/awards';
import { request } from './api';
import { translatedWorkflow as translated } from './review-messages';

export type { AwardView } from '../../../shared/contracts/awards';

const enc = encodeURIComponent;

/** 确定揭榜方 → 公示 → 异议 (issue 4 item 6). */
export const awardsApi = {
  forChallenge: (challengeId: string) => translated(request('GET', `/api/challenges/${enc(challengeId)}/awards`, { response: awardList })),
  propose: (challengeId: string, body: z.input<typeof proposeAwardBody>) =>
    translated(request('POST', `/api/challenges/${enc(challengeId)}/awards`, { body, response: awardView })),
  confirm: (id: string) => translated(request('POST', `/api/awards/${enc(id)}/confirm`, { response: awardView })),
  decline: (id: string, reason: string) => translated(request('POST', `/api/awards/${enc(id)}/decline`, { body: { reason }, response: awardView })),
  object: (id: string, reason: string) => translated(request('POST', `/api/awards/${enc(id)}/objections`, { body: { reason }, response: awardView })),
  resolveObjection: (id: string, body: z.input<typeof resolveObjectionBody>) =>
    translated(request('POST', `/api/objections/${enc(id)}/resolve`, { body, response: awardView })),
  notices: () => translated(request('GET', '/api/notices', { response: awardList })),
};
