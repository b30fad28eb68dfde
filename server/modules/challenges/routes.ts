import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  answerBody,
  batch,
  batchCreateBody,
  batchList,
  batchPublishResult,
  challengeDetail,
  challengeDraft,
  challengeList,
  decisionBody,
  publicChallengeList,
  mineQuery,
  publicListQuery,
  questionBody,
  termsChangeBody,
  vettingQuery,
} from '../../../shared/contracts/challenges';
import { idParams } from '../../../shared/contracts/common';
import { directoryList, directoryQuery } from '../../../shared/contracts/directory';
import type { BatchesService } from './batches';
import type { ChallengesService } from './service';

export const challengesRoutes: FastifyPluginAsyncZod<{ challenges: ChallengesService; batches: BatchesService }> = async (app, { challenges, batches }) => {
  const tags = ['challenges'];
  const detail = { 200: challengeDetail };

  // Anonymous readers all get the same: the service hands them cached JSON, sent as it is.
  const sendJson = (reply: FastifyReply, body: Buffer) => reply.type('application/json; charset=utf-8').send(body);
  app.addHook('onClose', async () => challenges.closePublicReads());

  app.get('/api/challenges', { schema: { tags, summary: 'Public list of published challenges with Chinese search and filters', querystring: publicListQuery, response: { 200: publicChallengeList } } }, async (req, reply) =>
    req.ctx.actor ? challenges.listPublic(req.query, req.ctx) : sendJson(reply, await challenges.listPublicJson(req.query)),
  );
  app.get('/api/challenges/:id', { schema: { tags, summary: 'A challenge, as far as the viewer may see it', params: idParams, response: detail } }, async (req, reply) =>
    req.ctx.actor ? challenges.get(req.params.id, req.ctx) : sendJson(reply, await challenges.getPublicJson(req.params.id)),
  );
  app.post('/api/challenges', { schema: { tags, summary: 'Start a draft (enterprise members)', body: challengeDraft, response: { 201: challengeDetail } } }, async (req, reply) =>
    reply.code(201).send(await challenges.create(req.body, req.ctx)),
  );
  app.patch('/api/challenges/:id', { schema: { tags, summary: 'Save changes to a draft or a challenge in rework', params: idParams, body: challengeDraft, response: detail } }, async (req) =>
    challenges.update(req.params.id, req.body, req.ctx),
  );
  app.post('/api/challenges/:id/submit', { schema: { tags, summary: 'Submit for vetting', params: idParams, response: detail } }, async (req) => challenges.submit(req.params.id, req.ctx));
  app.post('/api/challenges/:id/withdraw', { schema: { tags, summary: 'Withdraw before publication', params: idParams, response: detail } }, async (req) => challenges.withdraw(req.params.id, req.ctx));
  app.post('/api/challenges/:id/decision', { schema: { tags, summary: 'Vet: approve, reject or send back for rework (officials)', params: idParams, body: decisionBody, response: detail } }, async (req) =>
    challenges.decide(req.params.id, req.body, req.ctx),
  );
  app.post('/api/challenges/:id/terms', { schema: { tags, summary: 'Change a published challenge’s terms, with a reason', params: idParams, body: termsChangeBody, response: detail } }, async (req) =>
    challenges.changeTerms(req.params.id, req.body, req.ctx),
  );
  app.post('/api/challenges/:id/joint-publishers/confirm', { schema: { tags, summary: 'Confirm publishing jointly', params: idParams, response: detail } }, async (req) =>
    challenges.confirmJointPublisher(req.params.id, req.ctx),
  );
  app.post('/api/challenges/:id/questions', { schema: { tags, summary: 'Ask a question (verified teams)', params: idParams, body: questionBody, response: detail } }, async (req) =>
    challenges.ask(req.params.id, req.body, req.ctx),
  );
  app.post(
    '/api/challenges/:id/questions/:questionId/answer',
    { schema: { tags, summary: 'Answer a question (publisher or officials)', params: z.object({ id: z.uuid(), questionId: z.uuid() }), body: answerBody, response: detail } },
    async (req) => challenges.answer(req.params.id, req.params.questionId, req.body, req.ctx),
  );
  app.get('/api/my/challenges', { schema: { tags, summary: 'My enterprise’s challenges, alone or jointly published', querystring: mineQuery, response: { 200: challengeList } } }, async (req) =>
    challenges.listMine(req.query.status, req.ctx),
  );
  app.get('/api/vetting/challenges', { schema: { tags, summary: 'Challenges awaiting vetting or publication (officials)', querystring: vettingQuery, response: { 200: challengeList } } }, async (req) =>
    challenges.listForVetting(req.query.status, req.ctx),
  );
  app.get('/api/directory/organisations', { schema: { tags, summary: 'Verified organisations by name, for choosing partners', querystring: directoryQuery, response: { 200: directoryList } } }, async (req) =>
    challenges.directory(req.query.kind, req.query.q, req.query.limit, req.ctx),
  );

  app.get('/api/batches', { schema: { tags: ['batches'], summary: 'Publication batches: published ones for everyone, drafts for officials', response: { 200: batchList } } }, async (req) => batches.list(req.ctx));
  app.post('/api/batches', { schema: { tags: ['batches'], summary: 'Group approved challenges into a numbered batch', body: batchCreateBody, response: { 201: batch } } }, async (req, reply) =>
    reply.code(201).send(await batches.create(req.body, req.ctx)),
  );
  app.post('/api/batches/:id/publish', { schema: { tags: ['batches'], summary: 'Publish every challenge of the batch at once', params: idParams, response: { 200: batchPublishResult } } }, async (req) =>
    batches.publish(req.params.id, req.ctx),
  );
};
