import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { awardList, awardView, declineAwardBody, objectionBody, proposeAwardBody, resolveObjectionBody } from '../../../shared/contracts/awards';
import { idParams } from '../../../shared/contracts/common';
import type { AwardsService } from './service';

export const awardsRoutes: FastifyPluginAsyncZod<{ awards: AwardsService }> = async (app, { awards }) => {
  const tags = ['awards'];
  app.post('/api/challenges/:id/awards', { schema: { tags, summary: 'Propose the winner(s) from the final ranking (publisher)', params: idParams, body: proposeAwardBody, response: { 201: awardView } } }, async (req, reply) =>
    reply.code(201).send(await awards.propose(req.params.id, req.body, req.ctx)),
  );
  app.get('/api/challenges/:id/awards', { schema: { tags, summary: 'Award decisions on a challenge (public from the notice on)', params: idParams, response: { 200: awardList } } }, async (req) =>
    awards.forChallenge(req.params.id, req.ctx),
  );
  app.post('/api/awards/:id/confirm', { schema: { tags, summary: 'Confirm a proposed award; opens the public notice (officials)', params: idParams, response: { 200: awardView } } }, async (req) =>
    awards.confirm(req.params.id, req.ctx),
  );
  app.post('/api/awards/:id/decline', { schema: { tags, summary: 'Decline a proposed award, with a reason (officials)', params: idParams, body: declineAwardBody, response: { 200: awardView } } }, async (req) =>
    awards.decline(req.params.id, req.body, req.ctx),
  );
  app.post('/api/awards/:id/objections', { schema: { tags, summary: 'Lodge an objection during the public notice', params: idParams, body: objectionBody, response: { 200: awardView } } }, async (req) =>
    awards.object(req.params.id, req.body, req.ctx),
  );
  app.post('/api/objections/:id/resolve', { schema: { tags, summary: 'Uphold (revokes the award) or dismiss an objection (officials)', params: idParams, body: resolveObjectionBody, response: { 200: awardView } } }, async (req) =>
    awards.resolveObjection(req.params.id, req.body, req.ctx),
  );
  app.get('/api/notices', { schema: { tags, summary: 'Awards now in public notice (公示)', response: { 200: awardList } } }, async (req) => awards.notices(req.ctx));
};
