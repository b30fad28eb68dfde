import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/contracts/common';
import {
  invitationBody,
  invitationCreated,
  memberList,
  organisationDetail,
  organisationList,
  organisationListQuery,
  verificationBody,
} from '../../../shared/contracts/organisations';
import type { OrganisationsService } from './service';

export const organisationsRoutes: FastifyPluginAsyncZod<{ organisations: OrganisationsService }> = async (app, { organisations }) => {
  const tags = ['organisations'];

  app.get('/api/organisations', { schema: { tags, summary: 'List organisations (officials)', querystring: organisationListQuery, response: { 200: organisationList } } }, async (request) =>
    organisations.list(request.query, request.ctx),
  );

  app.get('/api/organisations/:id', { schema: { tags, summary: 'An organisation (its members and officials)', params: idParams, response: { 200: organisationDetail } } }, async (request) =>
    organisations.get(request.params.id, request.ctx),
  );

  app.post(
    '/api/organisations/:id/verification',
    { schema: { tags, summary: 'Verify or reject a pending organisation (officials)', params: idParams, body: verificationBody, response: { 200: organisationDetail } } },
    async (request) => organisations.decide(request.params.id, request.body, request.ctx),
  );

  app.post('/api/organisations/:id/resubmit', { schema: { tags, summary: 'Resubmit a rejected organisation for verification', params: idParams, response: { 200: organisationDetail } } }, async (request) =>
    organisations.resubmit(request.params.id, request.ctx),
  );

  app.get('/api/organisations/:id/members', { schema: { tags, summary: 'Members of an organisation', params: idParams, response: { 200: memberList } } }, async (request) =>
    organisations.members(request.params.id, request.ctx),
  );

  app.post(
    '/api/organisations/:id/invitations',
    { schema: { tags, summary: 'Invite a person to join the organisation', params: idParams, body: invitationBody, response: { 201: invitationCreated } } },
    async (request, reply) => reply.code(201).send(await organisations.invite(request.params.id, request.body, request.ctx)),
  );
};
