import type { z } from 'zod';
import {
  assignmentDetailView,
  assignmentView,
  criteriaView,
  expertProfileView,
  feedbackView,
  myAssignmentList,
  rankingView,
  reviewBoardView,
  reviewQueue,
  type criteriaBody,
  type expertProfileBody,
  type scoreBody,
  type tieBody,
} from '../../../shared/contracts/reviews';
import { request } from './api';
import { translatedWorkflow as translated } from './review-messages';

export type CriteriaView = z.output<typeof criteriaView>;
export type RankingView = z.output<typeof rankingView>;
export type ReviewBoard = z.output<typeof reviewBoardView>;
export type ReviewQueueItem = z.output<typeof reviewQueue>['items'][number];
export type AssignmentView = z.output<typeof assignmentView>;
export type AssignmentDetail = z.output<typeof assignmentDetailView>;
export type MyAssignment = z.output<typeof myAssignmentList>['items'][number];
export type ExpertProfile = z.output<typeof expertProfileView>;
export type Feedback = z.output<typeof feedbackView>;

const enc = encodeURIComponent;

/** 专家评审 (issue 4 item 5): criteria, assignments, scores, ranking, expert profiles, feedback. */
export const reviewsApi = {
  queue: () => translated(request('GET', '/api/review/challenges', { response: reviewQueue })),
  board: (challengeId: string) => translated(request('GET', `/api/challenges/${enc(challengeId)}/review-board`, { response: reviewBoardView })),
  criteria: (challengeId: string) => translated(request('GET', `/api/challenges/${enc(challengeId)}/criteria`, { response: criteriaView })),
  setCriteria: (challengeId: string, body: z.input<typeof criteriaBody>) =>
    translated(request('PUT', `/api/challenges/${enc(challengeId)}/criteria`, { body, response: criteriaView })),
  ranking: (challengeId: string) => translated(request('GET', `/api/challenges/${enc(challengeId)}/ranking`, { response: rankingView })),
  assign: (bidId: string, expertId: string) => translated(request('POST', `/api/bids/${enc(bidId)}/assignments`, { body: { expertId }, response: assignmentView })),
  feedback: (bidId: string) => translated(request('GET', `/api/bids/${enc(bidId)}/feedback`, { response: feedbackView })),
  myAssignments: () => translated(request('GET', '/api/experts/me/assignments', { response: myAssignmentList })),
  assignment: (id: string) => translated(request('GET', `/api/assignments/${enc(id)}`, { response: assignmentDetailView })),
  recuse: (id: string, reason: string) => translated(request('POST', `/api/assignments/${enc(id)}/recuse`, { body: { reason }, response: assignmentView })),
  score: (id: string, body: z.input<typeof scoreBody>) => translated(request('POST', `/api/assignments/${enc(id)}/scores`, { body, response: assignmentView })),
  profile: () => translated(request('GET', '/api/experts/me/profile', { response: expertProfileView })),
  updateProfile: (body: z.input<typeof expertProfileBody>) => translated(request('PUT', '/api/experts/me/profile', { body, response: expertProfileView })),
  declareTie: (body: z.input<typeof tieBody>) => translated(request('POST', '/api/experts/me/ties', { body, response: expertProfileView })),
  removeTie: (organisationId: string) => translated(request('DELETE', `/api/experts/me/ties/${enc(organisationId)}`, { response: expertProfileView })),
};
