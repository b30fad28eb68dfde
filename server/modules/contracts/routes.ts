import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../shared/contracts/common';
import {
  acceptanceBody,
  brokerBody,
  contractList,
  contractListQuery,
  contractView,
  evidenceBody,
  extensionDecisionBody,
  extensionRequestBody,
  fundingBody,
  milestoneBoard,
  outcomeBody,
  registrationBody,
  returnBody,
  terminationBody,
} from '../../../shared/contracts/contracts';
import type { ContractsService } from './service';

export const contractsRoutes: FastifyPluginAsyncZod<{ contracts: ContractsService }> = async (app, { contracts }) => {
  const tags = ['contracts'];
  const view = { 200: contractView };
  app.get('/api/contracts', { schema: { tags, summary: 'Contracts my organisations are party to (officials: all)', querystring: contractListQuery, response: { 200: contractList } } }, async (req) =>
    contracts.list(req.query.status, req.ctx),
  );
  app.get('/api/contracts/:id', { schema: { tags, summary: 'A contract with its parties, milestones and ledger', params: idParams, response: view } }, async (req) => contracts.get(req.params.id, req.ctx));
  app.put('/api/contracts/:id/funding', { schema: { tags, summary: 'Set the funding split and first tranche before anyone signs (officials; the funding rule applies)', params: idParams, body: fundingBody, response: view } }, async (req) =>
    contracts.setFunding(req.params.id, req.body, req.ctx),
  );
  app.post('/api/contracts/:id/sign', { schema: { tags, summary: 'Sign for my party (an authorised member); the last signature makes it take effect', params: idParams, response: view } }, async (req) =>
    contracts.sign(req.params.id, req.ctx),
  );
  app.post('/api/contracts/:id/registration', { schema: { tags, summary: 'Record the technology-contract registration number and date (officials)', params: idParams, body: registrationBody, response: view } }, async (req) =>
    contracts.register(req.params.id, req.body, req.ctx),
  );
  app.put('/api/contracts/:id/broker', { schema: { tags, summary: 'Record the broker (技术经理人) who introduced the parties (officials)', params: idParams, body: brokerBody, response: view } }, async (req) =>
    contracts.setBroker(req.params.id, req.body, req.ctx),
  );
  app.post('/api/contracts/:id/acceptance', { schema: { tags, summary: 'Record the final acceptance with a grade and report (officials)', params: idParams, body: acceptanceBody, response: view } }, async (req) =>
    contracts.accept(req.params.id, req.body, req.ctx),
  );
  app.post('/api/contracts/:id/termination', { schema: { tags, summary: 'Terminate: excused, or a credit penalty on the team (officials)', params: idParams, body: terminationBody, response: view } }, async (req) =>
    contracts.terminate(req.params.id, req.body, req.ctx),
  );
  app.put(
    '/api/contracts/:id/outcomes/:months',
    { schema: { tags, summary: 'Report how the result is used, 6 or 12 months after completion (the publisher)', params: idParams.extend({ months: z.enum(['6', '12']) }), body: outcomeBody, response: view } },
    async (req) => contracts.reportOutcome(req.params.id, Number(req.params.months), req.body, req.ctx),
  );

  const m = contracts.milestones;
  app.get('/api/milestones/board', { schema: { tags, summary: 'Open milestones across contracts, overdue first (officials)', response: { 200: milestoneBoard } } }, async (req) => m.board(req.ctx));
  app.post('/api/milestones/:id/evidence', { schema: { tags, summary: 'Submit evidence for a milestone (the contracted team)', params: idParams, body: evidenceBody, response: view } }, async (req) =>
    m.submitEvidence(req.params.id, req.body, req.ctx),
  );
  app.post('/api/milestones/:id/return', { schema: { tags, summary: 'Return the evidence with comments (the publisher)', params: idParams, body: returnBody, response: view } }, async (req) =>
    m.returnEvidence(req.params.id, req.body.comments, req.ctx),
  );
  app.post('/api/milestones/:id/approve', { schema: { tags, summary: 'Accept the evidence (the publisher)', params: idParams, response: view } }, async (req) => m.approve(req.params.id, req.ctx));
  app.post('/api/milestones/:id/confirm', { schema: { tags, summary: 'Confirm and pay the tranche into the ledger (officials)', params: idParams, response: view } }, async (req) => m.confirm(req.params.id, req.ctx));
  app.post('/api/milestones/:id/extension-request', { schema: { tags, summary: 'Ask for the one extension, up to 12 months (the contracted team)', params: idParams, body: extensionRequestBody, response: view } }, async (req) =>
    m.requestExtension(req.params.id, req.body, req.ctx),
  );
  app.post('/api/milestones/:id/extension-decision', { schema: { tags, summary: 'Approve or decline an extension request (officials)', params: idParams, body: extensionDecisionBody, response: view } }, async (req) =>
    m.decideExtension(req.params.id, req.body, req.ctx),
  );
};
