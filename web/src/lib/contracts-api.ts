import type { z } from 'zod';
import {
  contractList,
  contractView,
  milestoneBoard,
  milestoneFile,
  type acceptanceBody,
  type brokerBody,
  type evidenceBody,
  type extensionDecisionBody,
  type extensionRequestBody,
  type fundingBody,
  type outcomeBody,
  type registrationBody,
  type terminationBody,
} from '../../../shared/contracts/contracts';
import type { ContractState } from '../../../shared/lifecycles/contract';
import { request, upload } from './api';
import { translatedContract as translated } from './contract-messages';

export type { ContractView, MilestoneView } from '../../../shared/contracts/contracts';
export type ContractSummary = z.output<typeof contractList>['items'][number];
export type MilestoneBoardItem = z.output<typeof milestoneBoard>['items'][number];
export type MilestoneFile = z.output<typeof milestoneFile>;

const enc = encodeURIComponent;
const c = (id: string, rest = '') => `/api/contracts/${enc(id)}${rest}`;
const m = (id: string, rest = '') => `/api/milestones/${enc(id)}${rest}`;

/** A milestone's evidence file: the server decides who may download it (the contract's parties, officials). */
export const milestoneFileHref = (milestoneId: string, fileId: string) => m(milestoneId, `/files/${enc(fileId)}`);

/** 签约 → 节点考核 → 验收 (issue 5). */
export const contractsApi = {
  list: (status?: ContractState) => translated(request('GET', '/api/contracts', { query: status ? { status } : {}, response: contractList })),
  get: (id: string) => translated(request('GET', c(id), { response: contractView })),
  setFunding: (id: string, body: z.input<typeof fundingBody>) => translated(request('PUT', c(id, '/funding'), { body, response: contractView })),
  sign: (id: string) => translated(request('POST', c(id, '/sign'), { response: contractView })),
  register: (id: string, body: z.input<typeof registrationBody>) => translated(request('POST', c(id, '/registration'), { body, response: contractView })),
  setBroker: (id: string, body: z.input<typeof brokerBody>) => translated(request('PUT', c(id, '/broker'), { body, response: contractView })),
  accept: (id: string, body: z.input<typeof acceptanceBody>) => translated(request('POST', c(id, '/acceptance'), { body, response: contractView })),
  terminate: (id: string, body: z.input<typeof terminationBody>) => translated(request('POST', c(id, '/termination'), { body, response: contractView })),
  reportOutcome: (id: string, months: 6 | 12, body: z.input<typeof outcomeBody>) => translated(request('PUT', c(id, `/outcomes/${months}`), { body, response: contractView })),

  board: () => translated(request('GET', '/api/milestones/board', { response: milestoneBoard })),
  uploadFile: (milestoneId: string, file: File, onProgress: (fraction: number) => void) => translated(upload(m(milestoneId, '/files'), file, { response: milestoneFile, onProgress })),
  submitEvidence: (milestoneId: string, body: z.input<typeof evidenceBody>) => translated(request('POST', m(milestoneId, '/evidence'), { body, response: contractView })),
  returnEvidence: (milestoneId: string, comments: string) => translated(request('POST', m(milestoneId, '/return'), { body: { comments }, response: contractView })),
  approve: (milestoneId: string) => translated(request('POST', m(milestoneId, '/approve'), { response: contractView })),
  confirm: (milestoneId: string) => translated(request('POST', m(milestoneId, '/confirm'), { response: contractView })),
  requestExtension: (milestoneId: string, body: z.input<typeof extensionRequestBody>) => translated(request('POST', m(milestoneId, '/extension-request'), { body, response: contractView })),
  decideExtension: (milestoneId: string, body: z.input<typeof extensionDecisionBody>) => translated(request('POST', m(milestoneId, '/extension-decision'), { body, response: contractView })),
};
