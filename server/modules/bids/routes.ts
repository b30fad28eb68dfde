import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bidContent, bidCount, bidCreateBody, bidSummaryList, bidView, eligibilityBody, verifyReceiptBody, verifyReceiptResult } from '../../../shared/contracts/bids';
import { idParams } from '../../../shared/contracts/common';
import type { BidsService } from './service';

export const bidsRoutes: FastifyPluginAsyncZod<{ bids: BidsService }> = async (app, { bids }) => {
  const tags = ['bids'];
  const view = { 200: bidView };

  app.post('/api/bids', { schema: { tags, summary: 'Start the team’s bid on a published challenge', body: bidCreateBody, response: { 201: bidView } } }, async (req, reply) =>
    reply.code(201).send(await bids.start(req.body.challengeId, req.ctx)),
  );
  app.get('/api/bids/mine', { schema: { tags, summary: 'My teams’ bids, and bids naming my organisation as a partner', response: { 200: bidSummaryList } } }, async (req) => bids.mine(req.ctx));
  app.get('/api/bids/:id', { schema: { tags, summary: 'A bid: sealed to its team until the deadline', params: idParams, response: view } }, async (req) => bids.get(req.params.id, req.ctx));
  app.put('/api/bids/:id/draft', { schema: { tags, summary: 'Save the working copy (autosave)', params: idParams, body: bidContent, response: view } }, async (req) =>
    bids.saveDraft(req.params.id, req.body, req.ctx),
  );
  app.post('/api/bids/:id/submit', { schema: { tags, summary: 'Submit, or revise with a new version; returns the SHA-256 receipt', params: idParams, response: view } }, async (req) =>
    bids.submit(req.params.id, req.ctx),
  );
  app.post('/api/bids/:id/reconfirm', { schema: { tags, summary: 'Re-confirm after a change of the challenge’s terms', params: idParams, response: view } }, async (req) =>
    bids.reconfirm(req.params.id, req.ctx),
  );
  app.post('/api/bids/:id/withdraw', { schema: { tags, summary: 'Withdraw before the deadline', params: idParams, response: view } }, async (req) => bids.withdraw(req.params.id, req.ctx));
  app.post('/api/bids/:id/partners/confirm', { schema: { tags, summary: 'A partner confirms its participation', params: idParams, response: view } }, async (req) =>
    bids.confirmPartner(req.params.id, req.ctx),
  );
  app.post('/api/bids/:id/verify-receipt', { schema: { tags, summary: 'Check a SHA-256 receipt against the submitted versions', params: idParams, body: verifyReceiptBody, response: { 200: verifyReceiptResult } } }, async (req) =>
    bids.verifyReceipt(req.params.id, req.body.sha256, req.ctx),
  );
  app.post('/api/bids/:id/eligibility', { schema: { tags, summary: 'Eligibility check after the deadline (officials)', params: idParams, body: eligibilityBody, response: view } }, async (req) =>
    bids.decideEligibility(req.params.id, req.body, req.ctx),
  );
  app.get('/api/challenges/:id/bid-count', { schema: { tags, summary: 'How many bids arrived (publisher and officials)', params: idParams, response: { 200: bidCount } } }, async (req) =>
    bids.count(req.params.id, req.ctx),
  );
  app.get('/api/challenges/:id/bids', { schema: { tags, summary: 'The submitted bids, after the deadline (publisher and officials)', params: idParams, response: { 200: bidSummaryList } } }, async (req) =>
    bids.listForChallenge(req.params.id, req.ctx),
  );
};
