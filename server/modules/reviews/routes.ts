import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/contracts/common';
import {
  assignmentBody,
  assignmentDetailView,
  assignmentView,
  criteriaBody,
  criteriaView,
  expertProfileBody,
  expertProfileView,
  feedbackView,
  myAssignmentList,
  rankingView,
  recusalBody,
  reviewBoardView,
  reviewQueue,
  scoreBody,
  tieBody,
} from '../../../shared/contracts/reviews';
import type { ReviewsService } from './service';

const assignment = (a: { id: string; bidId: string; expertId: string; expertName: string; status: 'assigned' | 'recused' | 'scored'; recusalReason: string | null }) => ({
  id: a.id,
  bidId: a.bidId,
  expertId: a.expertId,
  expertName: a.expertName,
  status: a.status,
  recusalReason: a.recusalReason,
});

export const reviewsRoutes: FastifyPluginAsyncZod<{ reviews: ReviewsService }> = async (app, { reviews }) => {
  const tags = ['reviews'];
  app.get('/api/challenges/:id/criteria', { schema: { tags, summary: 'Review criteria of a challenge', params: idParams, response: { 200: criteriaView } } }, async (req) => reviews.getCriteria(req.params.id, req.ctx));
  app.put('/api/challenges/:id/criteria', { schema: { tags, summary: 'Set the criteria (officials; weights sum to 100)', params: idParams, body: criteriaBody, response: { 200: criteriaView } } }, async (req) =>
    reviews.setCriteria(req.params.id, req.body, req.ctx),
  );
  app.get('/api/challenges/:id/ranking', { schema: { tags, summary: 'Weighted ranking of eligible bids', params: idParams, response: { 200: rankingView } } }, async (req) => reviews.ranking(req.params.id, req.ctx));
  app.get('/api/bids/:id/feedback', { schema: { tags, summary: 'Scores and shareable comments for a team that did not win', params: idParams, response: { 200: feedbackView } } }, async (req) =>
    reviews.feedback(req.params.id, req.ctx),
  );
  app.post('/api/bids/:id/assignments', { schema: { tags, summary: 'Assign an expert, unless a conflict of interest blocks it (officials)', params: idParams, body: assignmentBody, response: { 201: assignmentView } } }, async (req, reply) =>
    reply.code(201).send(assignment(await reviews.assign(req.params.id, req.body, req.ctx))),
  );
  app.post('/api/assignments/:id/recuse', { schema: { tags, summary: 'The expert recuses themself, with a reason', params: idParams, body: recusalBody, response: { 200: assignmentView } } }, async (req) =>
    assignment(await reviews.recuse(req.params.id, req.body, req.ctx)),
  );
  app.post('/api/assignments/:id/scores', { schema: { tags, summary: 'Score every criterion 0–10 with comments', params: idParams, body: scoreBody, response: { 200: assignmentView } } }, async (req) =>
    assignment(await reviews.score(req.params.id, req.body, req.ctx)),
  );
  app.get('/api/experts/me/assignments', { schema: { tags, summary: 'My review assignments (experts)', response: { 200: myAssignmentList } } }, async (req) => reviews.myAssignments(req.ctx));
  app.get('/api/assignments/:id', { schema: { tags, summary: 'One of my assignments: criteria and my scores (experts)', params: idParams, response: { 200: assignmentDetailView } } }, async (req) =>
    reviews.assignmentDetail(req.params.id, req.ctx),
  );
  app.get('/api/challenges/:id/review-board', { schema: { tags, summary: 'Criteria, assignments and candidate experts with conflicts (officials)', params: idParams, response: { 200: reviewBoardView } } }, async (req) =>
    reviews.board(req.params.id, req.ctx),
  );
  app.get('/api/review/challenges', { schema: { tags, summary: 'Challenges past their deadline and where review and award stand (officials)', response: { 200: reviewQueue } } }, async (req) => reviews.queue(req.ctx));
  app.get('/api/experts/me/profile', { schema: { tags, summary: 'My expert profile and declared ties', response: { 200: expertProfileView } } }, async (req) => reviews.profile(req.ctx));
  app.put('/api/experts/me/profile', { schema: { tags, summary: 'Update my institution and expertise', body: expertProfileBody, response: { 200: expertProfileView } } }, async (req) =>
    reviews.updateProfile(req.body, req.ctx),
  );
  app.post('/api/experts/me/ties', { schema: { tags, summary: 'Declare a tie to an organisation', body: tieBody, response: { 200: expertProfileView } } }, async (req) => reviews.declareTie(req.body, req.ctx));
  app.delete('/api/experts/me/ties/:id', { schema: { tags, summary: 'Remove a declared tie', params: idParams, response: { 200: expertProfileView } } }, async (req) => reviews.removeTie(req.params.id, req.ctx));
};
